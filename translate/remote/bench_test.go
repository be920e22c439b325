package remote

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/bitext/bitext/translate"
)

// latencyServer answers {"q": [...]} with the segments upper-cased after a
// fixed latency, and 429 when requests come faster than its rate limit.
type latencyServer struct {
	latency  time.Duration
	limit    *rate.Limiter // nil: unlimited
	requests atomic.Int64
	refused  atomic.Int64
}

func (s *latencyServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	var body struct{ Q []string }
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if s.limit != nil && !s.limit.Allow() {
		s.refused.Add(1)
		w.Header().Set("Retry-After", "1")
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	}
	time.Sleep(s.latency)
	for i, q := range body.Q {
		body.Q[i] = strings.ToUpper(q)
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string][]string{"t": body.Q})
}

// httpBackend sends batches of batchSize to a latencyServer.
type httpBackend struct {
	url       string
	batchSize int
}

func (b *httpBackend) Name() string { return "bench" }
func (b *httpBackend) Capabilities() translate.Capabilities {
	return translate.Capabilities{MaxSegments: b.batchSize}
}

func (b *httpBackend) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	hreq, err := NewJSONRequest(ctx, b.url, map[string][]string{"q": req.Segments})
	if err != nil {
		return nil, err
	}
	var out struct{ T []string }
	if err := DoJSON(ctx, nil, hreq, &out, "bench"); err != nil {
		return nil, err
	}
	return out.T, CheckCount("bench", len(out.T), len(req.Segments))
}

// BenchmarkWrapThroughput sends segments through Wrap to a server with
// 100 ms latency and reports requests per segment and wall time against
// the bound max(ceil(batches/concurrency)·latency, batches/rps). In -short
// mode it sends a tenth of the segments.
func BenchmarkWrapThroughput(b *testing.B) {
	segments, latency := 3000, 100*time.Millisecond
	if testing.Short() {
		segments = 300
	}
	for _, c := range []struct {
		batch, concurrency int
		rps                float64
	}{
		{50, 4, 0}, {50, 4, 20}, {25, 8, 40}, {10, 8, 0},
	} {
		name := fmt.Sprintf("batch=%d/conc=%d/rps=%g", c.batch, c.concurrency, c.rps)
		b.Run(name, func(b *testing.B) {
			srv := &latencyServer{latency: latency}
			if c.rps > 0 {
				// The server tolerates a little jitter around its limit.
				srv.limit = rate.NewLimiter(rate.Limit(c.rps*1.05), 2)
			}
			ts := httptest.NewServer(srv)
			defer ts.Close()
			w := Wrap(&httpBackend{url: ts.URL, batchSize: c.batch}, Options{
				Concurrency: c.concurrency, RequestsPerSecond: c.rps,
			})
			src := make([]string, segments)
			for i := range src {
				src[i] = fmt.Sprintf("Le ministre a annoncé %d mesures jeudi.", i)
			}
			batches := math.Ceil(float64(segments) / float64(c.batch))
			bound := math.Ceil(batches/float64(c.concurrency)) * latency.Seconds()
			if c.rps > 0 {
				bound = max(bound, batches/c.rps)
			}
			b.ResetTimer()
			start := time.Now()
			for range b.N {
				out, err := w.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: src})
				if err != nil || len(out) != len(src) || out[7] != strings.ToUpper(src[7]) {
					b.Fatalf("got %d translations, %v", len(out), err)
				}
			}
			wall := time.Since(start).Seconds() / float64(b.N)
			b.ReportMetric(float64(srv.requests.Load())/float64(segments*b.N), "req/seg")
			b.ReportMetric(wall, "wall-s")
			b.ReportMetric(bound, "bound-s")
			b.ReportMetric(wall/bound, "wall/bound")
			b.ReportMetric(float64(srv.refused.Load())/float64(b.N), "429s")
		})
	}
}
