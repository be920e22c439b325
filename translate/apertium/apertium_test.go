package apertium

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
)

// dispatch holds French agency sentences written for these tests.
var dispatch = []string{
	"M. Kim a déclaré mardi que 3 000 soldats quitteraient la frontière.",
	"« Nous ne céderons pas », a affirmé Mme Park lors d'une conférence de presse à Séoul, selon l'AFP.",
	"Le ministre nord-coréen des Affaires étrangères est arrivé lundi 4 mars à Pékin.",
	"La croissance a atteint 1,5 % au premier trimestre, a indiqué l'Insee.",
	"Les négociations reprendront à 12 h 30, a précisé un porte-parole du gouvernement.",
	"Le président de la République recevra ses homologues européens jeudi.",
}

func frEn(segs ...string) translate.Request {
	return translate.Request{From: "fr", To: "en", Segments: segs}
}

func TestGolden(t *testing.T) {
	be := newRealBackend(t, Config{})
	tests := []struct{ in, want string }{
		{"Il pleut à Paris.", "It rains in Paris."},
		{"M. Kim a déclaré « 3 000 » voitures.", "M. Kim has declared « 3 000 » cars."},
		{"Le ministre est arrivé mardi", "The minister is arrived Tuesday"},
	}
	for _, tt := range tests {
		got, err := be.Translate(t.Context(), frEn(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if got[0] != tt.want {
			t.Errorf("%q → %q, want %q", tt.in, got[0], tt.want)
		}
	}
}

func TestProperties(t *testing.T) {
	be := newRealBackend(t, Config{})
	got, err := be.Translate(t.Context(), frEn(dispatch...))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(dispatch) {
		t.Fatalf("%d translations for %d segments", len(got), len(dispatch))
	}
	for i, out := range got {
		if out == "" || out == dispatch[i] {
			t.Errorf("segment %d not translated: %q", i, out)
		}
		if strings.ContainsAny(out, "\x00^$\\") || strings.Contains(out, "[]") || strings.Contains(out, "bitext-sync") {
			t.Errorf("stream format leaked into %q", out)
		}
		if strings.HasPrefix(out, "*") || strings.Contains(out, " *") {
			t.Errorf("unknown-word mark in %q", out)
		}
	}
	if !strings.Contains(got[0], "3 000") || !strings.HasSuffix(got[0], ".") {
		t.Errorf("number or final stop lost: %q", got[0])
	}
}

func TestSegmentsAreIndependent(t *testing.T) {
	be := newRealBackend(t, Config{Workers: 1})
	together, err := be.Translate(t.Context(), frEn(dispatch...))
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range dispatch {
		alone, err := be.Translate(t.Context(), frEn(s))
		if err != nil {
			t.Fatal(err)
		}
		if alone[0] != together[i] {
			t.Errorf("segment %d alone %q, in a batch %q", i, alone[0], together[i])
		}
	}
}

func TestHTMLNotransPreserved(t *testing.T) {
	be := newRealBackend(t, Config{})
	spans := []string{
		`<span translate="no">Kim Jong-un</span>`,
		`<span translate="no">Agence France-Presse</span>`,
		`<span translate="no">l'Élysée <b>&amp;</b> [Matignon]</span>`,
	}
	segs := []string{
		"Le dirigeant " + spans[0] + " a reçu mardi le <em>ministre</em> chinois.",
		"Selon l'" + spans[1] + ", la <a href=\"https://example.org/?q=1&amp;h=12h30\">réunion</a> a duré 3 heures.",
		"Les conseillers de " + spans[2] + " se sont réunis.",
	}
	got, err := be.Translate(t.Context(), translate.Request{From: "fr", To: "en", HTML: true, Segments: segs})
	if err != nil {
		t.Fatal(err)
	}
	for i, out := range got {
		if !strings.Contains(out, spans[i]) {
			t.Errorf("do-not-translate span %q lost in %q", spans[i], out)
		}
	}
	for _, tag := range []string{"<em>", "</em>", `<a href="https://example.org/?q=1&amp;h=12h30">`, "</a>"} {
		if !strings.Contains(strings.Join(got, " "), tag) {
			t.Errorf("tag %q lost in %q", tag, got)
		}
	}
}

func TestConcurrentRequests(t *testing.T) {
	be := newRealBackend(t, Config{Workers: 2})
	want, err := be.Translate(t.Context(), frEn(dispatch...))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range dispatch {
				got, err := be.Translate(t.Context(), frEn(dispatch[i], dispatch[(i+g)%len(dispatch)]))
				if err != nil {
					t.Error(err)
					return
				}
				if got[0] != want[i] || got[1] != want[(i+g)%len(dispatch)] {
					t.Errorf("concurrent result %q differs from %q", got, want[i])
				}
			}
		}()
	}
	wg.Wait()
}

func TestCancel(t *testing.T) {
	be := newRealBackend(t, Config{Workers: 1})
	var segs []string
	for len(segs) < 3000 {
		segs = append(segs, dispatch...)
	}
	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	_, err := be.Translate(ctx, frEn(segs...))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled batch: %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("cancel took %v", d)
	}
	got, err := be.Translate(t.Context(), frEn("Il pleut à Paris."))
	if err != nil || got[0] != "It rains in Paris." {
		t.Fatalf("after cancel: %q, %v", got, err)
	}
}

// TestNearRawPipe checks that the backend's output matches Apertium's own
// command (apertium -u fr-es | apertium -u spa-eng) on most lines of the
// shared evaluation text: only the per-line independence may differ.
func TestNearRawPipe(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs Apertium twice on 300 lines")
	}
	_, lines := evalLines(t)
	lines = lines[:300]
	be := newRealBackend(t, Config{})
	got, err := be.Translate(t.Context(), frEn(lines...))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sh", "-c", "apertium -u fr-es | apertium -u spa-eng")
	cmd.Stdin = strings.NewReader(strings.Join(lines, "\n") + "\n")
	cmd.Stderr = os.Stderr
	raw, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	rawLines := strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n")
	if len(rawLines) != len(lines) {
		t.Fatalf("raw pipe gave %d lines for %d", len(rawLines), len(lines))
	}
	same := 0
	for i := range lines {
		if strings.TrimSpace(rawLines[i]) == strings.TrimSpace(got[i]) {
			same++
		} else if testing.Verbose() {
			t.Logf("line %d:\n raw %q\n got %q", i, rawLines[i], got[i])
		}
	}
	t.Logf("%d of %d lines identical to the raw pipe", same, len(lines))
	if same < len(lines)*9/10 {
		t.Errorf("only %d of %d lines identical to the raw pipe", same, len(lines))
	}
}

func TestUnknownMarks(t *testing.T) {
	const src = "Le blorgtruc de l'AFP est arrivé."
	plain, err := newRealBackend(t, Config{}).Translate(t.Context(), frEn(src))
	if err != nil {
		t.Fatal(err)
	}
	marked, err := newRealBackend(t, Config{MarkUnknown: true}).Translate(t.Context(), frEn(src))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain[0], "*") || !strings.Contains(plain[0], "blorgtruc") {
		t.Errorf("without marks: %q", plain[0])
	}
	if !strings.Contains(marked[0], "*blorgtruc") {
		t.Errorf("with marks: %q", marked[0])
	}
}
