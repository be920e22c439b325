package google

import (
	"context"
	"testing"

	"github.com/bitext/bitext/internal/sharedtest"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
)

// BenchmarkTranslate1000 translates 1,000 newstest sentences through
// remote.Wrap against the local fake: the client-side cost of a run
// (encoding, batching, HTTP), not Google's latency.
func BenchmarkTranslate1000(b *testing.B) {
	segs := sharedtest.Lines(b, 1000, "eval", "newstest2013.fr")
	f := newFakeServer(b)
	backend, err := New(context.Background(), Config{Endpoint: f.srv.URL, APIKey: fakeKey})
	if err != nil {
		b.Fatal(err)
	}
	w := remote.Wrap(backend, remote.Options{})
	req := translate.Request{From: "fr", To: "en", Segments: segs}
	for b.Loop() {
		if _, err := w.Translate(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(segs)*b.N)/b.Elapsed().Seconds(), "segments/s")
	b.ReportMetric(float64(len(f.calls()))/float64(b.N), "requests/op")
}
