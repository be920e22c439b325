package memory

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/internal/sharedtest"
)

// Apertium translates about 500 segments a second here; a memory write
// and a lookup per segment should cost well under 2 ms together.

func BenchmarkPutMachine(b *testing.B) {
	s := openTest(b)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		k := Key{From: "fr", To: "en", Source: sentence(i)}
		if err := s.PutMachine(ctx, k, "apertium", "The sentence "+itoa(i)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPutMachineBatch64(b *testing.B) {
	s := openTest(b)
	ts := make([]Translation, 64)
	n := 0
	for b.Loop() {
		for j := range ts {
			ts[j] = Translation{Key: Key{From: "fr", To: "en", Source: sentence(n)}, Target: "The sentence " + itoa(n)}
			n++
		}
		if err := s.PutMachineBatch(ctx, "apertium", ts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/segment")
}

func BenchmarkLookup(b *testing.B) {
	for _, size := range []int{1000, 100000} {
		b.Run(fmt.Sprintf("entries=%d", size), func(b *testing.B) {
			s := openTest(b)
			fill(b, s, size)
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				k := Key{From: "fr", To: "en", Source: sentence(i * 7919 % (2 * size))} // half hits
				if _, _, err := s.Lookup(ctx, k, "apertium"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFuzzy100k looks up news sentences, slightly edited, in a memory
// of 100,000 sentences made from newstest (../shared/eval): the real ones
// and the first half of one joined to the second half of another.
func BenchmarkFuzzy100k(b *testing.B) {
	real := sharedSentences(b)
	s := openTest(b)
	ts := make([]Translation, 0, 100000)
	for i := 0; len(ts) < cap(ts); i++ {
		src := real[i%len(real)]
		if i >= len(real) {
			x, y := strings.Fields(src), strings.Fields(real[(i*7919+13)%len(real)])
			src = strings.Join(append(x[:len(x)/2:len(x)/2], y[len(y)/2:]...), " ")
		}
		ts = append(ts, Translation{Key: Key{From: "fr", To: "en", Source: src}, Target: "t"})
	}
	must(b, s.PutMachineBatch(ctx, "apertium", ts))
	start := time.Now()
	if _, err := s.Fuzzy(ctx, "fr", "en", real[0], DefaultFuzzy, 5); err != nil {
		b.Fatal(err)
	}
	firstCall := time.Since(start)
	r := rand.New(rand.NewPCG(5, 6))
	found := 0
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		q := real[i*101%len(real)]
		q = string(mutate(r, []rune(q), len([]rune(q))/20))
		ms, err := s.Fuzzy(ctx, "fr", "en", q, DefaultFuzzy, 5)
		if err != nil {
			b.Fatal(err)
		}
		found += min(len(ms), 1)
	}
	b.ReportMetric(float64(found)/float64(b.N), "found/op")
	b.ReportMetric(float64(firstCall.Milliseconds()), "ms-index-build")
}

// sharedSentences reads the French newstest sentences of ../shared/eval,
// skipping when they are absent.
func sharedSentences(b *testing.B) []string {
	var out []string
	for _, name := range []string{"newstest2013.fr", "newssyscomb2009.fr"} {
		data, err := os.ReadFile(sharedtest.Path(b, "eval", name))
		if err != nil {
			b.Skipf("../shared/eval/%s not available: %v", name, err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, l)
			}
		}
	}
	return out
}

// BenchmarkOpen100k opens a memory of 100,000 entries: migration check,
// quick_check and prepared statements.
func BenchmarkOpen100k(b *testing.B) {
	s := openTest(b)
	fill(b, s, 100000)
	path := s.Path()
	s.Close()
	for b.Loop() {
		s, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
