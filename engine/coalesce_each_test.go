package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
)

// eachUpper upper-cases segment by segment through TranslateEach,
// recording every segment it is sent; the first request that reaches a
// segment holding "coupure" fails there, as an engine stopped mid-request.
type eachUpper struct {
	mu      sync.Mutex
	reqs    [][]string
	cutDone bool
	// gate, when set, holds the first request until it is closed.
	gate chan struct{}
}

func (e *eachUpper) Name() string                         { return "each" }
func (e *eachUpper) Capabilities() translate.Capabilities { return translate.Capabilities{} }
func (e *eachUpper) Translate(context.Context, translate.Request) ([]string, error) {
	return nil, errors.New("Translate called: the coalescer must use TranslateEach")
}

func (e *eachUpper) TranslateEach(ctx context.Context, req translate.Request, done func(int, string)) error {
	e.mu.Lock()
	e.reqs = append(e.reqs, req.Segments)
	first, gate := len(e.reqs) == 1, e.gate
	e.mu.Unlock()
	if first && gate != nil {
		<-gate
	}
	for i, s := range req.Segments {
		e.mu.Lock()
		cut := strings.Contains(s, "coupure") && !e.cutDone
		e.cutDone = e.cutDone || cut
		e.mu.Unlock()
		if cut {
			return errors.New("engine stopped")
		}
		done(i, strings.ToUpper(s))
	}
	return nil
}

// queued waits until n calls wait in c's queue.
func queued(t *testing.T, c *coalescer, n int) {
	t.Helper()
	waitFor(t, fmt.Sprintf("%d calls queued", n), func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		return len(c.queue) == n
	})
}

// waitFor waits until cond holds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for range 5000 {
		if cond() {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

// requests is how many requests e has been sent.
func (e *eachUpper) requests() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.reqs)
}

// TestCoalesceStreamsGatheredAnswers: the answers of a gathered request
// reach each caller as the engine makes them; when the engine stops
// mid-request, only what it did not answer is sent again, caller by
// caller, and every caller gets all its translations.
func TestCoalesceStreamsGatheredAnswers(t *testing.T) {
	inner := &eachUpper{gate: make(chan struct{})}
	c := Coalesce(inner, 0).(*eachCoalescer)
	ctx := context.Background()
	var wg sync.WaitGroup
	outs := make([][]string, 4)
	errs := make([]error, 4)
	run := func(k int) {
		defer wg.Done()
		segs := []string{fmt.Sprintf("article %d un", k), fmt.Sprintf("article %d deux", k)}
		if k == 2 {
			segs[1] = "article 2 coupure"
		}
		outs[k] = make([]string, len(segs))
		errs[k] = c.TranslateEach(ctx, translate.Request{From: "fr", To: "en", Segments: segs},
			func(i int, text string) { outs[k][i] = text })
	}
	wg.Add(1)
	go run(0) // goes alone and is held at the gate
	waitFor(t, "the first request", func() bool { return inner.requests() == 1 })
	for k := 1; k < 4; k++ { // queued in order
		wg.Add(1)
		go run(k)
		queued(t, c.coalescer, k)
	}
	close(inner.gate)
	wg.Wait()
	for k := range 4 {
		if errs[k] != nil || outs[k][0] != strings.ToUpper(fmt.Sprintf("article %d un", k)) || outs[k][1] == "" {
			t.Errorf("article %d: %q, %v", k, outs[k], errs[k])
		}
	}
	want := [][]string{
		{"article 0 un", "article 0 deux"},
		{"article 1 un", "article 1 deux", "article 2 un", "article 2 coupure", "article 3 un", "article 3 deux"},
		{"article 2 coupure"}, // the engine stopped there: sent again alone
		{"article 3 un", "article 3 deux"},
	}
	if fmt.Sprint(inner.reqs) != fmt.Sprint(want) {
		t.Errorf("requests:\n got %q\nwant %q", inner.reqs, want)
	}
}

// TestCoalesceHandsOverBeforeTheEnd: a caller's answers reach it while
// the gathered request is still being translated.
func TestCoalesceHandsOverBeforeTheEnd(t *testing.T) {
	got := make(chan string, 1)
	inner := &handover{got: got}
	c := Coalesce(inner, 0)
	err := c.(translate.EachTranslator).TranslateEach(context.Background(),
		translate.Request{From: "fr", To: "en", Segments: []string{"un", "deux"}},
		func(i int, text string) {
			if i == 0 {
				got <- text
			}
		})
	if err != nil {
		t.Fatal(err)
	}
}

// handover answers its first segment, then waits for the caller to have
// it before answering the second.
type handover struct{ got chan string }

func (h *handover) Name() string                         { return "handover" }
func (h *handover) Capabilities() translate.Capabilities { return translate.Capabilities{} }
func (h *handover) Translate(context.Context, translate.Request) ([]string, error) {
	return nil, errors.New("Translate called")
}

func (h *handover) TranslateEach(_ context.Context, req translate.Request, done func(int, string)) error {
	done(0, "one")
	select {
	case <-h.got:
	case <-time.After(5 * time.Second):
		return errors.New("the first answer did not reach the caller before the request ended")
	}
	done(1, "two")
	return nil
}
