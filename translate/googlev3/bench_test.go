package googlev3

import (
	"context"
	"testing"

	"github.com/bitext/bitext/internal/sharedtest"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
)

// BenchmarkTranslate1000 translates 1,000 newstest sentences through
// remote.Wrap against the in-process gRPC fake, with and without a native
// glossary: the client-side cost of a run, not Google's latency.
func BenchmarkTranslate1000(b *testing.B) {
	segs := sharedtest.Lines(b, 1000, "eval", "newstest2013.fr")
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
