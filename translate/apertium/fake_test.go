package apertium

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
)

// TestMain lets the test binary act as a fake Apertium program, so that the
// pipeline machinery is tested without Apertium installed.
func TestMain(m *testing.M) {
	if os.Getenv("BITEXT_FAKE_APERTIUM") == "1" {
		os.Exit(fakeStage())
	}
	os.Exit(m.Run())
}

// fakeStage is a null-flush program: for each NUL-terminated chunk it
// upper-cases the text outside superblanks and escapes, and writes it back
// with a NUL. Chunks containing CRASH make it exit with an error, SLOW makes
// it wait a second, HANG forever. Outside superblanks, the word "gone" is
// dropped and "twice" doubled, as an engine might do to a stand-in.
//
// A stage started with the argument "gate" holds a chunk containing GATE
// until the file $BITEXT_FAKE_GATE exists, and then exits with an error if
// the chunk also contains BREAK. Any other stage appends each chunk it
// reads to the file $BITEXT_FAKE_LOG, when set.
func fakeStage() int {
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	gate := slices.Contains(os.Args[1:], "gate")
	for {
		chunk, err := in.ReadBytes(0)
		if len(chunk) == 0 && err != nil {
			out.Flush()
			return 0
		}
		if log := os.Getenv("BITEXT_FAKE_LOG"); log != "" && !gate {
			if f, err := os.OpenFile(log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600); err == nil {
				fmt.Fprintf(f, "%s\n", bytes.TrimRight(chunk, "\x00"))
				f.Close()
			}
		}
		if gate && bytes.Contains(chunk, []byte("GATE")) {
			for {
				if _, err := os.Stat(os.Getenv("BITEXT_FAKE_GATE")); err == nil {
					break
				}
				time.Sleep(5 * time.Millisecond)
			}
			if bytes.Contains(chunk, []byte("BREAK")) {
				fmt.Fprintln(os.Stderr, "fake stage: break requested")
				return 4
			}
		}
		switch {
		case bytes.Contains(chunk, []byte("CRASH")):
			fmt.Fprintln(os.Stderr, "fake stage: crash requested")
			return 3
		case bytes.Contains(chunk, []byte("SLOW")):
			time.Sleep(time.Second)
		case bytes.Contains(chunk, []byte("HANG")):
			select {}
		}
		out.Write(mangleWords(upperText(chunk)))
		out.Flush()
	}
}

func upperText(chunk []byte) []byte {
	res := make([]byte, 0, len(chunk))
	blank := false
	for i := 0; i < len(chunk); i++ {
		c := chunk[i]
		switch {
		case c == '\\' && i+1 < len(chunk):
			res = append(res, c, chunk[i+1])
			i++
			continue
		case c == '[':
			blank = true
		case c == ']':
			blank = false
		case !blank && c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		}
		res = append(res, c)
	}
	return res
}

// newFakeBackend returns a backend whose modes xx-yy and yy-zz run the
// fake stage (two programs each), so that xx→zz is a pivot route.
func newFakeBackend(t *testing.T, cfg Config) *Backend {
	t.Helper()
	t.Setenv("BITEXT_FAKE_APERTIUM", "1")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	stage := "'" + exe + "' $1 | '" + exe + "'"
	cfg.ModesDir = writeModes(t, map[string]string{"xx-yy": stage, "yy-zz": stage, "xx-qq": "'" + exe + "' | no-such-apertium-program"})
	if cfg.StallTimeout == 0 {
		cfg.StallTimeout = 10 * time.Second
	}
	be, err := New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { be.Close() })
	return be
}

func fakeRequest(segs ...string) translate.Request {
	return translate.Request{From: "xx", To: "zz", Segments: segs}
}

func TestFakePipeline(t *testing.T) {
	be := newFakeBackend(t, Config{Workers: 2})
	if r, ok := be.Route("xx", "zz"); !ok || r != "xx-yy+yy-zz" {
		t.Fatalf("route %q %v", r, ok)
	}
	segs := []string{"  le ministre [AFP] a\\b  ", "", " \n ", "ligne\nsuivante", `x^y$z/<w>@{v}`}
	for i := 0; i < 40; i++ {
		segs = append(segs, fmt.Sprintf("dépêche numéro %d.", i))
	}
	got, err := be.Translate(t.Context(), fakeRequest(segs...))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(segs) {
		t.Fatalf("%d translations for %d segments", len(got), len(segs))
	}
	want := []string{"  LE MINISTRE [AFP] A\\B  ", "", " \n ", "LIGNE\nSUIVANTE", `X^Y$Z/<W>@{V}`}
	for i := 0; i < 40; i++ {
		want = append(want, fmt.Sprintf("DéPêCHE NUMéRO %d.", i))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("segment %d: got %q, want %q", i, got[i], want[i])
		}
	}
	if out, err := be.Translate(t.Context(), fakeRequest()); err != nil || len(out) != 0 {
		t.Errorf("empty batch: %q, %v", out, err)
	}
}

func TestFakeCrashIsReportedAndRestarted(t *testing.T) {
	be := newFakeBackend(t, Config{Workers: 1})
	if _, err := be.Translate(t.Context(), fakeRequest("avant")); err != nil {
		t.Fatal(err)
	}
	_, err := be.Translate(t.Context(), fakeRequest("un", "CRASH", "trois"))
	if err == nil || !strings.Contains(err.Error(), "crash requested") || !strings.Contains(err.Error(), "exit status 3") {
		t.Fatalf("crash error: %v", err)
	}
	got, err := be.Translate(t.Context(), fakeRequest("après"))
	if err != nil || got[0] != "APRèS" {
		t.Fatalf("after restart: %q, %v", got, err)
	}
}

func TestFakeCancelReturnsPromptly(t *testing.T) {
	be := newFakeBackend(t, Config{Workers: 1})
	segs := []string{"SLOW"}
	for i := 0; i < 200; i++ {
		segs = append(segs, "texte")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := be.Translate(ctx, fakeRequest(segs...))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("cancelled batch: %v", err)
	}
	if d := time.Since(start); d > 10*time.Second { // a bound on a hang, not a speed test
		t.Errorf("cancel took %v", d)
	}
	// The killed pipeline is replaced for the next batch.
	got, err := be.Translate(t.Context(), fakeRequest("ensuite"))
	if err != nil || got[0] != "ENSUITE" {
		t.Fatalf("after cancel: %q, %v", got, err)
	}
}

func TestFakeStallIsReported(t *testing.T) {
	be := newFakeBackend(t, Config{Workers: 1, StallTimeout: 2 * time.Second})
	_, err := be.Translate(t.Context(), fakeRequest("HANG"))
	if err == nil || !strings.Contains(err.Error(), "no output for 2s") {
		t.Fatalf("stall error: %v", err)
	}
	got, err := be.Translate(t.Context(), fakeRequest("reprise"))
	if err != nil || got[0] != "REPRISE" {
		t.Fatalf("after stall: %q, %v", got, err)
	}
}

func TestFakeConcurrent(t *testing.T) {
	be := newFakeBackend(t, Config{Workers: 2})
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := 0; round < 5; round++ {
				var segs []string
				for i := 0; i < 30; i++ {
					segs = append(segs, fmt.Sprintf("g%d r%d s%d", g, round, i))
				}
				got, err := be.Translate(t.Context(), fakeRequest(segs...))
				if err != nil {
					errs <- err
					return
				}
				for i := range segs {
					if got[i] != strings.ToUpper(segs[i]) {
						errs <- fmt.Errorf("segment %q came back as %q", segs[i], got[i])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestFakeErrors(t *testing.T) {
	be := newFakeBackend(t, Config{Workers: 1})
	_, err := be.Translate(t.Context(), translate.Request{From: "xx", To: "qq", Segments: []string{"a"}})
	if !errors.Is(err, translate.ErrNotConfigured) || !strings.Contains(err.Error(), "no-such-apertium-program") {
		t.Errorf("missing program: %v", err)
	}
	_, err = be.Translate(t.Context(), translate.Request{From: "zz", To: "xx", Segments: []string{"a"}})
	if !errors.Is(err, translate.ErrUnsupportedPair) {
		t.Errorf("missing pair: %v", err)
	}
	be.Close()
	if _, err := be.Translate(t.Context(), fakeRequest("a")); err == nil {
		t.Error("Translate after Close succeeded")
	}
}

// mangleWords drops the words GONE and doubles the words TWICE of an
// upper-cased chunk, outside superblanks.
func mangleWords(chunk []byte) []byte {
	var res []byte
	last := 0
	for _, w := range textWords(chunk) {
		switch string(chunk[w[0]:w[1]]) {
		case "GONE":
			res = append(res, chunk[last:w[0]]...)
			last = w[1]
		case "TWICE":
			res = append(res, chunk[last:w[1]]...)
			res = append(res, " TWICE"...)
			last = w[1]
		}
	}
	return append(res, chunk[last:]...)
}
