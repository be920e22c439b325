package apertium

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// newGatedBackend returns a fake backend of one pipeline whose second
// program holds a chunk containing GATE until the file gate exists; the
// other programs log the chunks they read to the file log.
func newGatedBackend(t *testing.T) (be *Backend, gate, log string) {
	t.Helper()
	dir := t.TempDir()
	gate, log = filepath.Join(dir, "gate"), filepath.Join(dir, "log")
	t.Setenv("BITEXT_FAKE_APERTIUM", "1")
	t.Setenv("BITEXT_FAKE_GATE", gate)
	t.Setenv("BITEXT_FAKE_LOG", log)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	stage := "'" + exe + "' $1 | '" + exe + "'"
	modes := writeModes(t, map[string]string{"xx-yy": "'" + exe + "' $1 | '" + exe + "' gate", "yy-zz": stage})
	be, err = New(context.Background(), Config{ModesDir: modes, Workers: 1, StallTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { be.Close() })
	return be, gate, log
}

// logged waits until the first program of the pipeline has read a chunk
// containing word.
func logged(t *testing.T, log, word string) {
	t.Helper()
	for range 2000 { // a bound on a hang, not a speed test
		if b, _ := os.ReadFile(log); strings.Contains(string(b), word) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("the pipeline never read %s", word)
}

type answer struct {
	out []string
	err error
}

func translateAsync(be *Backend, ctx context.Context, segs ...string) chan answer {
	ch := make(chan answer, 1)
	go func() {
		out, err := be.Translate(ctx, fakeRequest(segs...))
		ch <- answer{out, err}
	}()
	return ch
}

// TestFakeNextBatchGoesInWhileOneIsRead: with one pipeline, a second
// request is written into it while the first is still being translated,
// so that the programs never wait for work between requests; each gets
// its own answers.
func TestFakeNextBatchGoesInWhileOneIsRead(t *testing.T) {
	be, gate, log := newGatedBackend(t)
	first := translateAsync(be, t.Context(), "premier GATE", "premier suite")
	logged(t, log, "premier suite")
	second := translateAsync(be, t.Context(), "second envoi", "second fin")
	logged(t, log, "second fin")
	if err := os.WriteFile(gate, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	a, b := <-first, <-second
	if a.err != nil || strings.Join(a.out, "|") != "PREMIER GATE|PREMIER SUITE" {
		t.Errorf("first request: %q, %v", a.out, a.err)
	}
	if b.err != nil || strings.Join(b.out, "|") != "SECOND ENVOI|SECOND FIN" {
		t.Errorf("second request: %q, %v", b.out, b.err)
	}
}

// TestFakeBatchLostToAnotherIsResent: when the pipeline dies on one
// request's text while the next request is already in it, the first fails
// with the program's error and the second is sent again on a fresh
// pipeline and answered, not failed for a fault that was not its own.
func TestFakeBatchLostToAnotherIsResent(t *testing.T) {
	be, gate, log := newGatedBackend(t)
	first := translateAsync(be, t.Context(), "fautif GATE BREAK")
	logged(t, log, "fautif")
	second := translateAsync(be, t.Context(), "innocent un", "innocent deux")
	logged(t, log, "innocent deux")
	if err := os.WriteFile(gate, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	a, b := <-first, <-second
	if a.err == nil || !strings.Contains(a.err.Error(), "break requested") || errors.Is(a.err, errLost) {
		t.Errorf("failing request: %q, %v", a.out, a.err)
	}
	if b.err != nil || strings.Join(b.out, "|") != "INNOCENT UN|INNOCENT DEUX" {
		t.Errorf("request in the pipeline behind it: %q, %v", b.out, b.err)
	}
}

// TestFakeCancelOfOneRequestSparesTheNext: a caller that gives up kills
// the pipeline (draining it would take seconds); the request behind it is
// sent again and answered.
func TestFakeCancelOfOneRequestSparesTheNext(t *testing.T) {
	be, _, log := newGatedBackend(t)
	ctx, cancel := context.WithCancel(t.Context())
	first := translateAsync(be, ctx, "abandon GATE")
	logged(t, log, "abandon")
	second := translateAsync(be, t.Context(), "suivant")
	logged(t, log, "suivant")
	cancel()
	if a := <-first; !errors.Is(a.err, context.Canceled) {
		t.Errorf("cancelled request: %q, %v", a.out, a.err)
	}
	// The gate file never exists: "suivant" can only be answered by a
	// fresh pipeline.
	if b := <-second; b.err != nil || strings.Join(b.out, "|") != "SUIVANT" {
		t.Errorf("request behind it: %q, %v", b.out, b.err)
	}
}
