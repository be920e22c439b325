package libretranslate

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
	"github.com/bitext/bitext/translate/translatetest"
)

// faultyLibre answers like LibreTranslate ("EN " + each segment) except
// that a random share of requests meet a fault: 429, 500, a timeout, a
// truncated body, a reset connection or one translation too few. It
// records every fault and the time of every request.
type faultyLibre struct {
	share float64
	mu    sync.Mutex
	rng   *rand.Rand
	times []time.Time
	fault map[string]int
}

var faultKinds = []string{string(translatetest.FaultRateLimit), string(translatetest.FaultServerError),
	string(translatetest.FaultSlow), string(translatetest.FaultMalformed), string(translatetest.FaultReset), "short"}

func (f *faultyLibre) pick() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.times = append(f.times, time.Now())
	if f.rng.Float64() >= f.share {
		return ""
	}
	k := faultKinds[f.rng.Intn(len(faultKinds))]
	f.fault[k]++
	return k
}

func (f *faultyLibre) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fault := f.pick()
	if translatetest.ServeFault(w, r, translatetest.Fault(fault), `{"error":"Slowdown: too many requests"}`) {
		return
	}
	var req translateRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		libreError(w, http.StatusBadRequest, "Invalid request")
		return
	}
	out := make([]string, len(req.Q))
	for i, q := range req.Q {
		out[i] = "EN " + q
	}
	if fault == "short" && len(out) > 0 {
		out = out[:len(out)-1]
	}
	writeAnswer(w, out)
}

// TestFaultsOver1000Segments sends 1,000 segments, in 100 concurrent calls
// of 10, through remote.Wrap to a server where 30% of requests fail in one
// of six ways. Every segment must end translated, in its place, or in a
// call that reports an error; the request rate must stay within the limit.
func TestFaultsOver1000Segments(t *testing.T) {
	srv := &faultyLibre{share: 0.3, rng: rand.New(rand.NewSource(1000)), fault: map[string]int{}}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	inner, err := New(Config{Endpoint: hs.URL})
	if err != nil {
		t.Fatal(err)
	}
	const rps = 150
	b := remote.Wrap(inner, remote.Options{
		RequestsPerSecond: rps, Timeout: 300 * time.Millisecond, MaxRetries: 5,
		MinBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond,
		Sleep: func(ctx context.Context, d time.Duration) error { // Retry-After: 2 is honoured, shortened
			return sleepCtx(ctx, min(d, 5*time.Millisecond))
		},
	})
	translated, failed, misaligned := runBatches(t, b, 100, 10)
	if translated+failed != 1000 || misaligned != 0 {
		t.Fatalf("of 1000 segments: %d translated, %d reported failed, %d misaligned", translated, failed, misaligned)
	}
	checkRate(t, srv.times, rps, remote.DefaultConcurrency)
	total := 0
	for _, n := range srv.fault {
		total += n
	}
	t.Logf("%d requests, %d faulted (%.0f per 1,000 requests: %v); segments translated %d, reported failed %d, lost 0, misaligned 0",
		len(srv.times), total, 1000*float64(total)/float64(len(srv.times)), srv.fault, translated, failed)
}

// runBatches translates calls×size distinct segments, calls at once, and
// counts the segments translated in place, those in failed calls and
// those that came back in the wrong place.
func runBatches(t *testing.T, b translate.Backend, calls, size int) (translated, failed, misaligned int) {
	t.Helper()
	var mu sync.Mutex
	var wg sync.WaitGroup
	for c := range calls {
		wg.Go(func() {
			segs := make([]string, size)
			for i := range segs {
				segs[i] = fmt.Sprintf("Le ministre %d a parlé le %d mars.", c, i+1)
			}
			out, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: segs})
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failed += size
				return
			}
			for i := range segs {
				if i < len(out) && out[i] == "EN "+segs[i] {
					translated++
				} else {
					misaligned++
				}
			}
			misaligned += max(0, len(out)-len(segs))
		})
	}
	wg.Wait()
	return translated, failed, misaligned
}

// checkRate checks that no window of requests went faster than rps, with
// a burst of up to burst requests.
func checkRate(t *testing.T, times []time.Time, rps float64, burst int) {
	t.Helper()
	sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })
	for i := range times {
		for j := i + burst + 1; j < len(times); j += 25 {
			minGap := time.Duration(float64(j-i-burst) / rps * float64(time.Second))
			if gap := times[j].Sub(times[i]); gap < minGap*9/10 {
				t.Fatalf("requests %d..%d came %v apart, under %v at %v per second", i, j, gap, minGap, rps)
			}
		}
	}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}
