package engine

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/bitext/bitext/translate"
)

// gatedUpper upper-cases; every request waits for gate to close, and the
// backend says it takes inFlight requests at once. It counts the requests
// it holds at the same time.
type gatedUpper struct {
	inFlight int
	gate     chan struct{}

	mu      sync.Mutex
	reqs    [][]string
	holding int
	most    int
}

func (g *gatedUpper) Name() string { return "gated" }
func (g *gatedUpper) Capabilities() translate.Capabilities {
	return translate.Capabilities{InFlight: g.inFlight}
}
func (g *gatedUpper) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	g.mu.Lock()
	g.reqs = append(g.reqs, req.Segments)
	g.holding++
	g.most = max(g.most, g.holding)
	g.mu.Unlock()
	<-g.gate
	g.mu.Lock()
	g.holding--
	g.mu.Unlock()
	out := make([]string, len(req.Segments))
	for i, s := range req.Segments {
		out[i] = fmt.Sprintf("<%s>", s)
	}
	return out, nil
}

func (g *gatedUpper) requests() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.reqs)
}

// TestCoalesceKeepsInFlightRequests: a backend that takes two requests at
// once gets the second article's request while the first is still in
// flight (an Apertium pipeline is then never empty between requests), and
// the articles arriving after that are gathered into the next request;
// one that takes a single request gets nothing more while one is in
// flight.
func TestCoalesceKeepsInFlightRequests(t *testing.T) {
	for _, depth := range []int{0, 1, 2, 3} {
		t.Run(fmt.Sprintf("InFlight=%d", depth), func(t *testing.T) {
			inner := &gatedUpper{inFlight: depth, gate: make(chan struct{})}
			b := Coalesce(inner, 100)
			c := b.(*coalescer)
			want := max(1, depth)
			var wg sync.WaitGroup
			outs := make([][]string, 6)
			errs := make([]error, 6)
			send := func(i int) {
				wg.Add(1)
				go func() {
					defer wg.Done()
					outs[i], errs[i] = b.Translate(t.Context(), translate.Request{From: "fr", To: "en",
						Segments: []string{fmt.Sprintf("article %d", i)}})
				}()
			}
			for i := range want {
				send(i)
				waitFor(t, fmt.Sprintf("request %d sent", i+1), func() bool { return inner.requests() == i+1 })
			}
			for i := want; i < 6; i++ {
				send(i)
			}
			queued(t, c, 6-want)
			if n := inner.requests(); n != want {
				t.Fatalf("%d requests sent while %d are held, want %d", n, want, want)
			}
			close(inner.gate)
			wg.Wait()
			for i := range 6 {
				if errs[i] != nil || len(outs[i]) != 1 || outs[i][0] != fmt.Sprintf("<article %d>", i) {
					t.Errorf("article %d: %q, %v", i, outs[i], errs[i])
				}
			}
			if inner.most != want {
				t.Errorf("at most %d requests in flight, want %d", inner.most, want)
			}
			gathered := false
			for _, r := range inner.reqs {
				gathered = gathered || len(r) > 1
			}
			if !gathered {
				t.Errorf("the articles queued behind were not gathered: %q", inner.reqs)
			}
			c.mu.Lock()
			defer c.mu.Unlock()
			if c.inFlight != 0 || len(c.queue) != 0 {
				t.Errorf("after the run: %d in flight, %d queued", c.inFlight, len(c.queue))
			}
		})
	}
}
