package memory

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// naiveLevenshtein is the textbook full-table edit distance.
func naiveLevenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
		}
		prev = cur
	}
	return prev[len(b)]
}

// mutate applies n random single-rune edits to s.
func mutate(r *rand.Rand, s []rune, n int) []rune {
	alphabet := []rune("aeiouéèàçrstlnm ,.«»")
	out := append([]rune(nil), s...)
	for range n {
		i := r.IntN(len(out) + 1)
		c := alphabet[r.IntN(len(alphabet))]
		switch r.IntN(3) {
		case 0:
			out = append(out[:i], append([]rune{c}, out[i:]...)...)
		case 1:
			if i < len(out) {
				out = append(out[:i], out[i+1:]...)
			}
		default:
			if i < len(out) {
				out[i] = c
			}
		}
	}
	return out
}

func TestBandedLevenshteinAgreesWithNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	bounds := 0
	for i := range 2000 {
		a := []rune(sentence(i))
		b := mutate(r, a, r.IntN(30))
		want := naiveLevenshtein(a, b)
		for _, k := range []int{0, 3, 10, 25, 200} {
			got := levenshtein(a, b, k)
			if want <= k && got != want || want > k && got != k+1 {
				t.Fatalf("levenshtein(%q, %q, %d) = %d, true distance %d", string(a), string(b), k, got, want)
			}
		}
		if i%2 == 1 { // compare unrelated sentences too
			b = []rune(sentence(i * 31))
			want = naiveLevenshtein(a, b)
		}
		ha, hb := newHistogram(a), newHistogram(b)
		if lb := ha.lowerBound(&hb); lb > want {
			t.Fatalf("histogram bound %d exceeds distance %d", lb, want)
		}
		sa, sb := newSignature(a), newSignature(b)
		if lb := sa.lowerBound(&sb); lb > want {
			t.Fatalf("trigram bound %d exceeds distance %d for %q, %q", lb, want, string(a), string(b))
		}
		bounds += sa.lowerBound(&sb)
	}
	if bounds == 0 {
		t.Fatal("the trigram bound is always 0")
	}
}

func TestSimilarity(t *testing.T) {
	cases := []struct {
		a, b string
		want float64
	}{
		{"", "", 1},
		{"abc", "", 0},
		{"Séoul", "Séoul", 1},
		{"Séoul", "Seoul", 0.8},
		{"chat", "chats", 0.8},
	}
	for _, c := range cases {
		if got := Similarity(c.a, c.b); got != c.want {
			t.Errorf("Similarity(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// variant replaces the first n letters of s (a 100-rune sentence) with
// 'x', giving a similarity of exactly (100-n)/100.
func variant(s string, n int) string {
	rs := []rune(s)
	for i, done := 0, 0; done < n; i++ {
		if rs[i] != 'x' {
			rs[i] = 'x'
			done++
		}
	}
	return string(rs)
}

func TestFuzzyThreshold(t *testing.T) {
	base := "Le Premier ministre a annoncé mardi à Paris un plan de 3 milliards d'euros pour les hôpitaux du pays."
	base = base[:len(base)-len([]rune(base))+100] // trim to 100 runes
	if n := len([]rune(base)); n != 100 {
		t.Fatalf("base has %d runes", n)
	}
	s := openTest(t)
	in, out := variant(base, 15), variant(base, 16)
	if Similarity(base, in) != 0.85 || Similarity(base, out) != 0.84 {
		t.Fatalf("constructed similarities %v and %v", Similarity(base, in), Similarity(base, out))
	}
	must(t, s.PutMachine(ctx, Key{From: "fr", To: "en", Source: in}, "apertium", "eighty-five"))
	must(t, s.PutMachine(ctx, Key{From: "fr", To: "en", Source: out}, "apertium", "eighty-four"))
	must(t, s.PutMachine(ctx, Key{From: "fr", To: "en", Source: base}, "apertium", "exact"))
	must(t, s.PutMachine(ctx, Key{From: "fr", To: "de", Source: variant(base, 1)}, "apertium", "other pair"))
	fill(t, s, 500)

	ms, err := s.Fuzzy(ctx, "fr", "en", base, DefaultFuzzy, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].Entry.Target != "eighty-five" || ms[0].Score != 0.85 {
		t.Fatalf("Fuzzy = %+v; want only the 85%% match", ms)
	}
	// Later writes are found; an approved translation is preferred.
	closer := variant(base, 5)
	must(t, s.PutMachine(ctx, Key{From: "fr", To: "en", Source: closer}, "apertium", "machine"))
	must(t, s.Approve(ctx, Key{From: "fr", To: "en", Source: closer}, "approved", "claire"))
	ms, err = s.Fuzzy(ctx, "fr", "en", base, 0.8, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 3 || ms[0].Entry.Target != "approved" || ms[0].Score != 0.95 || ms[2].Entry.Target != "eighty-four" {
		t.Fatalf("Fuzzy(0.8) = %+v", ms)
	}
	if ms, _ := s.Fuzzy(ctx, "fr", "en", base, 0.8, 1); len(ms) != 1 {
		t.Errorf("limit 1 gave %d matches", len(ms))
	}
	if _, err := s.Fuzzy(ctx, "fr", "en", base, 0, 1); err == nil {
		t.Error("threshold 0 accepted")
	}
}

// TestFuzzyFindsAllNaive checks the index against a brute-force scan.
func TestFuzzyFindsAllNaive(t *testing.T) {
	s := openTest(t)
	r := rand.New(rand.NewPCG(3, 4))
	var sources []string
	for i := range 300 {
		src := string(mutate(r, []rune(sentence(i%40)), r.IntN(20)))
		sources = append(sources, src)
		must(t, s.PutMachine(ctx, Key{From: "fr", To: "en", Source: src}, "apertium", "t"))
	}
	total := 0
	for q := range 10 {
		query := sentence(q)
		want := 0
		seen := map[string]bool{}
		for _, src := range sources {
			if !seen[src] && src != query && Similarity(query, src) >= 0.85 {
				want++
			}
			seen[src] = true
		}
		ms, err := s.Fuzzy(ctx, "fr", "en", query, 0.85, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != want {
			t.Errorf("query %d: %d matches, brute force %d", q, len(ms), want)
		}
		total += want
		for i := 1; i < len(ms); i++ {
			if ms[i].Score > ms[i-1].Score {
				t.Fatalf("not sorted: %v", ms)
			}
		}
		for _, m := range ms {
			if strings.TrimSpace(m.Entry.Key.Source) == "" || Similarity(query, m.Entry.Key.Source) != m.Score {
				t.Fatalf("bad match %+v", m)
			}
		}
	}
	if total == 0 {
		t.Fatal("the test sentences have no fuzzy matches; nothing was checked")
	}
}
