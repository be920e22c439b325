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

// slowUpper upper-cases after a delay and records each request; it fails
// every request that holds "PANNE".
type slowUpper struct {
	mu   sync.Mutex
	reqs [][]string
}

func (s *slowUpper) Name() string                         { return "slow" }
func (s *slowUpper) Capabilities() translate.Capabilities { return translate.Capabilities{} }
func (s *slowUpper) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	s.mu.Lock()
	s.reqs = append(s.reqs, req.Segments)
	s.mu.Unlock()
	time.Sleep(20 * time.Millisecond)
	out := make([]string, len(req.Segments))
	for i, seg := range req.Segments {
		if strings.Contains(seg, "panne") {
			return nil, errors.New("engine failure")
		}
		out[i] = strings.ToUpper(seg)
	}
	return out, nil
}

// TestCoalesceGathersConcurrentRequests: requests that arrive while one
// is in flight go together, each caller gets its own answers, and a
// failing caller's segment fails only that caller.
func TestCoalesceGathersConcurrentRequests(t *testing.T) {
	inner := &slowUpper{}
	b := Coalesce(inner, 100)
	var wg sync.WaitGroup
	errs := make([]error, 10)
	outs := make([][]string, 10)
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			segs := []string{fmt.Sprintf("article %d phrase un", i), fmt.Sprintf("article %d phrase deux", i)}
			if i == 7 {
				segs[1] = "article 7 en panne"
			}
			outs[i], errs[i] = b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: segs})
		}()
		time.Sleep(2 * time.Millisecond)
	}
	wg.Wait()
	for i := range 10 {
		if i == 7 {
			if errs[i] == nil {
				t.Error("the failing article succeeded")
			}
			continue
		}
		want := fmt.Sprintf("ARTICLE %d PHRASE UN", i)
		if errs[i] != nil || len(outs[i]) != 2 || outs[i][0] != want {
			t.Errorf("article %d: %q, %v", i, outs[i], errs[i])
		}
	}
	gathered := false
	for _, r := range inner.reqs {
		gathered = gathered || len(r) > 2
	}
	if !gathered {
		t.Errorf("no request was gathered: %d requests", len(inner.reqs))
	}
}
