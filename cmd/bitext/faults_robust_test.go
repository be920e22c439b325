package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/outdir"
	_ "modernc.org/sqlite"
)

// faultKey is the DeepL key the fault tests use.
const faultKey = "dlFaultSentinel6c1e5b2a90:fx"

// deeplFault is a server speaking DeepL's wire format (POST
// /v2/translate, JSON, DeepL-Auth-Key) that misbehaves on purpose. Every
// text it answers successfully is recorded; okFirst requests are answered
// (each after delay, so that several are in flight) before mode applies.
type deeplFault struct {
	mode    string
	okFirst int
	delay   time.Duration
	mu      sync.Mutex
	calls   int
	sent    []string
	answerd []string
}

func (f *deeplFault) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Text []string `json:"text"`
	}
	if r.URL.Path != "/v2/translate" || json.NewDecoder(r.Body).Decode(&req) != nil {
		http.Error(w, `{"message":"bad request"}`, http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	f.calls++
	call := f.calls
	f.sent = append(f.sent, req.Text...)
	f.mu.Unlock()
	out := make([]string, len(req.Text))
	for i, t := range req.Text {
		out[i] = "EN " + t
	}
	if f.mode == "retry2" && call == 1 {
		w.Header().Set("Retry-After", "2")
		http.Error(w, `{"message":"Too many requests"}`, http.StatusTooManyRequests)
		return
	}
	if call > f.okFirst && f.mode != "retry2" {
		if f.misbehave(w, out) {
			return
		}
	} else {
		time.Sleep(f.delay)
	}
	f.mu.Lock()
	f.answerd = append(f.answerd, req.Text...)
	f.mu.Unlock()
	writeTranslations(w, out)
}

// misbehave applies the mode to the answer; it reports whether it has
// answered itself (an error status).
func (f *deeplFault) misbehave(w http.ResponseWriter, out []string) bool {
	switch f.mode {
	case "fewer":
		out = out[:len(out)-1]
	case "more":
		out = append(out, "EN surplus")
	case "empty":
		out[0] = ""
	case "blank":
		out[0] = " \t "
	case "control":
		out[0] = "EN \x1b[31mrouge\x1b[0m"
	case "key":
		out[0] = "EN the key is " + faultKey
	case "huge":
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"translations":[{"detected_source_language":"FR","text":"`))
		chunk := bytes.Repeat([]byte("a"), 1<<20)
		for range 100 {
			if _, err := w.Write(chunk); err != nil {
				return true
			}
		}
		w.Write([]byte(`"}]}`))
		return true
	case "456":
		http.Error(w, `{"message":"Quota exceeded"}`, 456)
		return true
	case "401":
		http.Error(w, `{"message":"Authorization failure"}`, http.StatusUnauthorized)
		return true
	case "retry3600":
		w.Header().Set("Retry-After", "3600")
		http.Error(w, `{"message":"Too many requests"}`, http.StatusTooManyRequests)
		return true
	}
	writeTranslations(w, out)
	return true
}

func writeTranslations(w http.ResponseWriter, out []string) {
	type tr struct {
		Lang string `json:"detected_source_language"`
		Text string `json:"text"`
	}
	res := struct {
		Translations []tr `json:"translations"`
	}{}
	for _, t := range out {
		res.Translations = append(res.Translations, tr{"FR", t})
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(res)
}

// faultFixture starts f and writes articles into DIR/in; it returns the
// server, DIR and DIR/in.
func faultFixture(t *testing.T, f *deeplFault, write func(in string)) (*httptest.Server, string, string) {
	t.Helper()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	mustDo(t, os.MkdirAll(in, 0o755))
	write(in)
	return srv, dir, in
}

// faultRun runs bitext translate through the deepl backend against srv.
func faultRun(t *testing.T, srv *httptest.Server, in, out string, extra ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	env := systemEnv()
	env.In, env.Out, env.Err = strings.NewReader(""), &stdout, &stderr
	env.InTTY, env.OutTTY, env.ErrTTY = false, false, false
	env.Dir = t.TempDir()
	env.Getenv = func(k string) string {
		if k == "DEEPL_AUTH_KEY" {
			return faultKey
		}
		return ""
	}
	args := append([]string{"bitext", "translate", "--backend", "deepl", "--endpoint", srv.URL,
		"--format", "html,json", "--quiet", "--out", out}, extra...)
	code := run(context.Background(), env, append(args, in))
	return code, stderr.String() + stdout.String()
}

// storedTargets returns every target in the memory of out, by source.
func storedTargets(t *testing.T, out string) map[string]string {
	t.Helper()
	db, err := sql.Open("sqlite", outdir.MemoryPath(out))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT source, target FROM segments")
	if err != nil {
		return map[string]string{}
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var s, tg string
		rows.Scan(&s, &tg)
		m[s] = tg
	}
	return m
}

// writeFaultArticles writes n articles of a headline and four sentences
// (five segments each, every one distinct).
func writeFaultArticles(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		text := fmt.Sprintf("Dépêche %d de l'agence Yonhap\n\nM. Kim a parlé le %d mai à Séoul. Le ministre %d a répondu.\n\n"+
			"« Nous restons prudents », a ajouté le porte-parole n° %d. Les discussions reprendront le %d juin.\n", i, i+1, i, i, i+2)
		writeFile(t, filepath.Join(dir, fmt.Sprintf("d%03d.fr.txt", i)), []byte(text))
	}
}

// TestBadAnswersNeverStored: every kind of unusable answer is refused
// with an error naming the backend and the segment, retried, and never
// reaches the memory or the outputs.
func TestBadAnswersNeverStored(t *testing.T) {
	for _, mode := range []string{"fewer", "more", "empty", "blank", "control", "key", "huge"} {
		t.Run(mode, func(t *testing.T) {
			f := &deeplFault{mode: mode}
			srv, dir, in := faultFixture(t, f, func(in string) { writeFaultArticles(t, in, 1) })
			out := filepath.Join(dir, "out")
			code, msg := faultRun(t, srv, in, out, "--retries", "2")
			if code != 1 || !strings.Contains(msg, "deepl") {
				t.Fatalf("exit %d, want 1 with deepl named:\n%s", code, msg)
			}
			want := map[string]string{"fewer": "got 4 for 5", "more": "got 6 for 5", "empty": "empty translation",
				"blank": "blank translation", "control": "control character U+001B", "key": "API key",
				"huge": "larger than 16 MB"}[mode]
			if !strings.Contains(msg, want) {
				t.Errorf("message lacks %q:\n%s", want, msg)
			}
			if mode != "fewer" && mode != "more" && mode != "huge" && mode != "key" && !strings.Contains(msg, "segment 1") {
				t.Errorf("message does not name the segment:\n%s", msg)
			}
			if f.calls != 3 {
				t.Errorf("%d requests, want 3 (the answer retried like a 5xx)", f.calls)
			}
			for src, tg := range storedTargets(t, out) {
				t.Errorf("stored %q → %q", src, tg)
			}
			if _, err := os.Stat(filepath.Join(out, "d000.en.txt")); err == nil {
				t.Error("the English article was written")
			}
			assertNoKey(t, dir, msg)
		})
	}
}

// assertNoKey checks that the key appears in no file under dir and not in
// the messages.
func assertNoKey(t *testing.T, dir, msg string) {
	t.Helper()
	if strings.Contains(msg, faultKey[:12]) {
		t.Errorf("the key is in the messages:\n%s", msg)
	}
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() {
			if data, _ := os.ReadFile(p); bytes.Contains(data, []byte(faultKey[:12])) {
				t.Errorf("the key is in %s", p)
			}
		}
		return nil
	})
}

// TestQuotaHalfway is the measurement of issue 12: 100 articles (500
// segments) through a DeepL that answers 456 after 3 requests while 4 are
// in flight. Every answered segment must be stored, no request may start
// after the 456, and the rerun must send exactly what was never answered.
func TestQuotaHalfway(t *testing.T) {
	t.Run("100x5", func(t *testing.T) { quotaHalfway(t, func(in string) { writeFaultArticles(t, in, 100) }) })
	// Five long articles: each needs two requests (DeepL takes 50 texts),
	// so the 456 arrives while requests of the same article are in flight.
	t.Run("5x100", func(t *testing.T) { quotaHalfway(t, func(in string) { writeLongArticles(t, in, 5, 100) }) })
}

// writeLongArticles writes n articles of a headline and m-1 sentences.
func writeLongArticles(t *testing.T, dir string, n, m int) {
	t.Helper()
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "Longue dépêche %d\n\n", i)
		for s := range m - 1 {
			fmt.Fprintf(&b, "Le délégué %d de la réunion %d a pris la parole à %d heures. ", s, i, s%24)
			if s%5 == 4 {
				b.WriteString("\n\n")
			}
		}
		writeFile(t, filepath.Join(dir, fmt.Sprintf("long%d.fr.txt", i)), []byte(b.String()+"\n"))
	}
}

func quotaHalfway(t *testing.T, write func(in string)) {
	f := &deeplFault{mode: "456", okFirst: 3, delay: 150 * time.Millisecond}
	srv, dir, in := faultFixture(t, f, write)
	out := filepath.Join(dir, "out")
	code, msg := faultRun(t, srv, in, out, "--concurrency", "4", "--jobs", "4")
	if code != 1 || !strings.Contains(msg, "456 Quota Exceeded") || !strings.Contains(msg, "hint: the DeepL character quota is used up") {
		t.Fatalf("exit %d; want 1, the 456 named and the quota hint:\n%s", code, msg)
	}
	if strings.Count(msg, "error:") > 8 {
		t.Errorf("after the quota error the other files still failed one by one:\n%s", msg)
	}
	// What DeepL receives is the sentence in bitext's sent form (its
	// figures in English, in ignored tags), not the French the memory
	// keys: every sentence is distinct, so an answered sentence missing
	// from the memory shows in the counts, and one sent again is an
	// answered text the rerun sends again.
	stored := storedTargets(t, out)
	answeredSet := map[string]bool{}
	for _, s := range f.answerd {
		answeredSet[s] = true
	}
	answered := len(f.answerd)
	if len(answeredSet) != answered {
		t.Fatalf("%d answered texts, %d distinct: the articles' sentences must be distinct", answered, len(answeredSet))
	}
	lost := max(answered-len(stored), 0)
	calls := f.calls
	f2 := &deeplFault{}
	srv2 := httptest.NewServer(f2)
	defer srv2.Close()
	if code, msg := faultRun(t, srv2, in, out); code != 0 {
		t.Fatalf("rerun: exit %d\n%s", code, msg)
	}
	resent := 0
	for _, s := range f2.sent {
		if answeredSet[s] {
			resent++
		}
	}
	t.Logf("500 segments, 456 after 3 requests, 4 in flight: %d requests; %d segments answered, %d stored, %d answered but not stored; rerun sent %d, of which %d again",
		calls, answered, len(stored), lost, len(f2.sent), resent)
	if lost > 0 || resent > 0 {
		t.Errorf("answered but lost: %d; sent again by the rerun: %d", lost, resent)
	}
	if calls > 3+4 {
		t.Errorf("%d requests: new ones were sent after the 456", calls)
	}
	if len(f2.sent)+len(stored) != 500 {
		t.Errorf("rerun sent %d, memory held %d: not 500", len(f2.sent), len(stored))
	}
}

// TestCredentialsStopTheRun: a 401 stops the whole run at once with the
// hint about the key; a Retry-After of an hour stops it at once, with a
// clear error, instead of waiting in silence.
func TestCredentialsStopTheRun(t *testing.T) {
	for _, c := range []struct{ mode, want string }{
		{"401", "hint: set DEEPL_AUTH_KEY"},
		{"retry3600", "asked to wait 1h0m0s before the next request (Retry-After), longer than the 5m0s bitext waits (--max-wait)"},
	} {
		t.Run(c.mode, func(t *testing.T) {
			f := &deeplFault{mode: c.mode}
			srv, dir, in := faultFixture(t, f, func(in string) { writeFaultArticles(t, in, 20) })
			start := time.Now()
			code, msg := faultRun(t, srv, in, filepath.Join(dir, "out"), "--jobs", "2", "--concurrency", "2")
			if code != 1 || !strings.Contains(msg, c.want) {
				t.Fatalf("exit %d, want 1 and %q:\n%s", code, c.want, msg)
			}
			if f.calls > 2 {
				t.Errorf("%d requests: the run went on after the first answer", f.calls)
			}
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// TestRetryAfterIsShown: a pause the server asks for, under --max-wait,
// is waited for with a message saying so, and the run then succeeds.
func TestRetryAfterIsShown(t *testing.T) {
	f := &deeplFault{mode: "retry2"}
	srv, dir, in := faultFixture(t, f, func(in string) { writeFaultArticles(t, in, 1) })
	code, msg := faultRun(t, srv, in, filepath.Join(dir, "out"))
	if code != 0 || !strings.Contains(msg, "bitext: deepl asked to wait 2s (HTTP 429); waiting until") {
		t.Fatalf("exit %d, want 0 and the wait shown:\n%s", code, msg)
	}
}
