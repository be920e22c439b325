package translatetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/inline"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
)

// SuiteOptions adjust Run to a backend.
type SuiteOptions struct {
	// From and To are the language pair to test (default "fr", "en").
	From, To string
	// Many is the number of segments of the order test (default 60, cut
	// to the backend's MaxSegments).
	Many int
	// Nondeterministic skips the checks that compare two translations of
	// the same text (for engines that may word them differently).
	Nondeterministic bool
	// Hang bounds how long a call may take before the suite calls it hung
	// (default 2 minutes). It is a guard against deadlocks, not a speed test.
	Hang time.Duration
}

func (o SuiteOptions) withDefaults() SuiteOptions {
	if o.From == "" {
		o.From, o.To = "fr", "en"
	}
	if o.Many <= 0 {
		o.Many = 60
	}
	if o.Hang <= 0 {
		o.Hang = 2 * time.Minute
	}
	return o
}

// Run runs the conformance suite, calling newBackend for a fresh backend in
// each subtest. See the package documentation.
func Run(t *testing.T, newBackend func(t *testing.T) translate.Backend, opts SuiteOptions) {
	opts = opts.withDefaults()
	s := &suite{opts: opts, newBackend: newBackend}
	tests := []struct {
		name string
		fn   func(t *testing.T)
	}{
		{"EmptyBatch", s.testEmptyBatch},
		{"OneSegment", s.testOneSegment},
		{"ManySegmentsKeepOrder", s.testManySegments},
		{"InputUntouched", s.testInputUntouched},
		{"SegmentsIndependent", s.testIndependent},
		{"HTML", s.testHTML},
		{"CancelledContext", s.testCancelled},
		{"CancelDuringCall", s.testCancelDuring},
		{"Concurrent", s.testConcurrent},
	}
	for _, tc := range tests {
		t.Run(tc.name, tc.fn)
	}
}

type suite struct {
	opts       SuiteOptions
	newBackend func(t *testing.T) translate.Backend
}

// translate calls b, failing the test if the call hangs.
func (s *suite) translate(t *testing.T, ctx context.Context, b translate.Backend, segs []string, html bool) ([]string, error) {
	t.Helper()
	type result struct {
		out []string
		err error
	}
	done := make(chan result, 1)
	req := translate.Request{From: s.opts.From, To: s.opts.To, Segments: segs, HTML: html}
	go func() {
		out, err := b.Translate(ctx, req)
		done <- result{out, err}
	}()
	select {
	case r := <-done:
		return r.out, r.err
	case <-time.After(s.opts.Hang):
		t.Fatalf("Translate of %d segments did not return within %v", len(segs), s.opts.Hang)
		return nil, nil
	}
}

// mustTranslate translates and checks the count.
func (s *suite) mustTranslate(t *testing.T, b translate.Backend, segs []string, html bool) []string {
	t.Helper()
	out, err := s.translate(t, context.Background(), b, segs, html)
	if err != nil {
		t.Fatalf("Translate(%d segments): %v", len(segs), err)
	}
	if len(out) != len(segs) {
		t.Fatalf("Translate returned %d translations for %d segments", len(out), len(segs))
	}
	return out
}

func (s *suite) testEmptyBatch(t *testing.T) {
	b := s.newBackend(t)
	for _, segs := range [][]string{nil, {}} {
		out, err := s.translate(t, context.Background(), b, segs, false)
		if err != nil || len(out) != 0 {
			t.Errorf("empty batch: got %q, %v; want an empty result and no error", out, err)
		}
	}
}

func (s *suite) testOneSegment(t *testing.T) {
	b := s.newBackend(t)
	src := Sentences(1)
	out := s.mustTranslate(t, b, src, false)
	if strings.TrimSpace(out[0]) == "" {
		t.Fatalf("empty translation of %q", src[0])
	}
	checkNumbers(t, src, out)
}

func (s *suite) testManySegments(t *testing.T) {
	b := s.newBackend(t)
	src := s.many(b)
	out := s.mustTranslate(t, b, src, false)
	checkNumbers(t, src, out)
}

func (s *suite) testInputUntouched(t *testing.T) {
	b := s.newBackend(t)
	src := Sentences(5)
	keep := slices.Clone(src)
	s.mustTranslate(t, b, src, false)
	if !slices.Equal(src, keep) {
		t.Errorf("Translate modified its input: %q", src)
	}
}

func (s *suite) testIndependent(t *testing.T) {
	if s.opts.Nondeterministic {
		t.Skip("backend is not deterministic")
	}
	b := s.newBackend(t)
	src := Sentences(4)
	together := s.mustTranslate(t, b, src, false)
	for i, seg := range src {
		alone := s.mustTranslate(t, b, []string{seg}, false)
		if alone[0] != together[i] {
			t.Errorf("segment %d translated alone %q, in a batch %q", i, alone[0], together[i])
		}
	}
}

// checkNumbers checks that each translation carries the unique number of
// its source: nothing lost, merged or shifted.
func checkNumbers(t *testing.T, src, out []string) {
	t.Helper()
	for i := range src {
		num := strconv.Itoa(sentenceNumber(i))
		if !strings.Contains(src[i], num) {
			t.Fatalf("test bug: %q lacks %s", src[i], num)
		}
		if !strings.Contains(out[i], num) {
			t.Errorf("translation %d %q lacks the number %s of its source %q (misaligned?)", i, out[i], num, src[i])
		}
	}
}

// many returns opts.Many sentences, fewer if b's limits say so.
func (s *suite) many(b translate.Backend) []string {
	n := s.opts.Many
	if m := b.Capabilities().MaxSegments; m > 0 && n > m {
		n = m
	}
	return fitChars(Sentences(n), b.Capabilities().MaxChars)
}

// fitChars drops trailing segments to keep within maxChars (0: no limit).
func fitChars(segs []string, maxChars int) []string {
	if maxChars <= 0 {
		return segs
	}
	n := 0
	for i, s := range segs {
		n += len([]rune(s))
		if n > maxChars {
			return segs[:max(i, 1)]
		}
	}
	return segs
}

// tags returns the tags of a fragment, read with package inline.
func tags(s string) []string {
	var out []string
	for _, t := range inline.Tokens(s) {
		if t.Kind == inline.TagToken {
			out = append(out, t.Raw)
		}
	}
	return out
}

func (s *suite) testHTML(t *testing.T) {
	b := s.newBackend(t)
	if !b.Capabilities().HTML {
		t.Skip("backend does not claim HTML")
	}
	src := htmlSentences()
	out := s.mustTranslate(t, b, src, true)
	for i := range src {
		for _, sp := range remote.NoTranslateSpans(src[i]) {
			if !strings.Contains(out[i], sp.Text()) {
				t.Errorf("segment %d: protected %q changed: %q", i, sp.Text(), out[i])
			}
		}
		want, got := tags(src[i]), tags(out[i])
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(want, got) {
			t.Errorf("segment %d: tags %q became %q in %q", i, want, got, out[i])
		}
	}
}

func (s *suite) testCancelled(t *testing.T) {
	b := s.newBackend(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out, err := s.translate(t, ctx, b, Sentences(3), false)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: got %q, %v; want an error wrapping context.Canceled", out, err)
	}
}

func (s *suite) testCancelDuring(t *testing.T) {
	b := s.newBackend(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(5*time.Millisecond, cancel)
	defer cancel()
	src := s.many(b)
	out, err := s.translate(t, ctx, b, src, false)
	switch {
	case err == nil && len(out) != len(src):
		t.Errorf("got %d translations for %d segments", len(out), len(src))
	case err != nil && !errors.Is(err, context.Canceled):
		t.Errorf("cancelled during the call: err = %v, want context.Canceled", err)
	}
}

func (s *suite) testConcurrent(t *testing.T) {
	b := s.newBackend(t)
	const workers = 8
	src := Sentences(workers * 3)
	var want []string
	if !s.opts.Nondeterministic {
		for w := range workers {
			want = append(want, s.mustTranslate(t, b, src[w*3:w*3+3], false)...)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- s.concurrentWorker(b, src, want, w)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

// concurrentWorker translates its share of src and compares with want.
func (s *suite) concurrentWorker(b translate.Backend, src, want []string, w int) error {
	lo, hi := w*3, w*3+3
	out, err := b.Translate(context.Background(), translate.Request{From: s.opts.From, To: s.opts.To, Segments: src[lo:hi]})
	if err != nil {
		return fmt.Errorf("worker %d: %w", w, err)
	}
	if len(out) != 3 {
		return fmt.Errorf("worker %d: %d translations for 3 segments", w, len(out))
	}
	for i := range out {
		if want != nil && out[i] != want[lo+i] {
			return fmt.Errorf("worker %d: segment %d = %q, alone it was %q", w, lo+i, out[i], want[lo+i])
		}
		if !strings.Contains(out[i], strconv.Itoa(sentenceNumber(lo+i))) {
			return fmt.Errorf("worker %d: segment %d %q misaligned", w, lo+i, out[i])
		}
	}
	return nil
}
