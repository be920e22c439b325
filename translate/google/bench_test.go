package google

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
)

// sharedSentences returns up to n lines of ../shared/eval/newstest2013.fr
// (../shared next to the folder holding go.mod), skipping when absent.
func sharedSentences(b *testing.B, n int) []string {
	b.Helper()
	dir, err := os.Getwd()
	if err != nil {
		b.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			b.Skip("go.mod not found above the package")
		}
		dir = parent
	}
	f, err := os.Open(filepath.Join(dir, "..", "shared", "eval", "newstest2013.fr"))
	if err != nil {
		b.Skipf("shared evaluation data absent: %v", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() && len(out) < n {
		out = append(out, sc.Text())
	}
	return out
}

// BenchmarkTranslate1000 translates 1,000 newstest sentences through
// remote.Wrap against the local fake: the client-side cost of a run
// (encoding, batching, HTTP), not Google's latency.
func BenchmarkTranslate1000(b *testing.B) {
	segs := sharedSentences(b, 1000)
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
