package googlev3

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
// remote.Wrap against the in-process gRPC fake, with and without a native
// glossary: the client-side cost of a run, not Google's latency.
func BenchmarkTranslate1000(b *testing.B) {
	segs := sharedSentences(b, 1000)
	for _, glossary := range []bool{false, true} {
		name := "plain"
		if glossary {
			name = "glossary"
		}
		b.Run(name, func(b *testing.B) {
			f := newFake(b)
			w := remote.Wrap(f.backend(b, Config{}), remote.Options{})
			if glossary {
				terms := []translate.TermPair{{Source: "Élysée", Target: "Elysee Palace"}, {Source: "M. Kim", Target: "Mr Kim"}}
				if err := w.(translate.GlossaryUser).UseGlossary(context.Background(), "fr", "en", terms); err != nil {
					b.Fatal(err)
				}
			}
			req := translate.Request{From: "fr", To: "en", Segments: segs}
			calls := f.count("TranslateText")
			for b.Loop() {
				if _, err := w.Translate(context.Background(), req); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(segs)*b.N)/b.Elapsed().Seconds(), "segments/s")
			b.ReportMetric(float64(f.count("TranslateText")-calls)/float64(b.N), "requests/op")
		})
	}
}
