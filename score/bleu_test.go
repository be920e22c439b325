package score

import (
	"math"
	"testing"
)

// Two pairs whose n-grams are counted by hand below.
const (
	// tokens: M . Kim a rencontré le président lundi à Séoul . (11)
	refKim = "M. Kim a rencontré le président lundi à Séoul."
	// tokens: M . Kim a vu le président à Séoul . (10)
	hypKim = "M. Kim a vu le président à Séoul."
	// Counts for hypKim against refKim:
	//  1-grams: all 10 but "vu" are in the reference ("." twice in both): 9/10
	//  2-grams: "M .", ". Kim", "Kim a", "le président", "à Séoul",
	//           "Séoul ." match; "a vu", "vu le", "président à" don't: 6/9
	//  3-grams: "M . Kim", ". Kim a", "à Séoul ." match: 3/8
	//  4-grams: only "M . Kim a" matches: 1/7
	//  BP = exp(1 - 11/10)

	refChien = "le chien dort"
	hypChat  = "le chat dort"
	// Counts for hypChat against refChien: 1-grams le, dort: 2/3;
	// 2-grams 0/2; 3-grams 0/1; no 4-gram. Same length: BP = 1.
)

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func geoMean(ps ...float64) float64 {
	s := 0.0
	for _, p := range ps {
		s += math.Log(p)
	}
	return math.Exp(s / float64(len(ps)))
}

func checkBLEU(t *testing.T, got BLEU, score float64, counts, totals [MaxOrder]int, precs [MaxOrder]float64, bp float64) {
	t.Helper()
	if got.Counts != counts || got.Totals != totals {
		t.Errorf("counts %v totals %v, want %v %v", got.Counts, got.Totals, counts, totals)
	}
	for i := range precs {
		if !near(got.Precisions[i], precs[i]) {
			t.Errorf("precision %d = %v, want %v", i+1, got.Precisions[i], precs[i])
		}
	}
	if !near(got.BP, bp) {
		t.Errorf("BP = %v, want %v", got.BP, bp)
	}
	if !near(got.Score, score) {
		t.Errorf("score = %v, want %v", got.Score, score)
	}
}

func TestCorpusBLEUOnePair(t *testing.T) {
	got := CorpusBLEU([]string{hypKim}, []string{refKim})
	bp := math.Exp(1 - 11.0/10)
	precs := [MaxOrder]float64{90, 100 * 6.0 / 9, 100 * 3.0 / 8, 100 * 1.0 / 7}
	checkBLEU(t, got, bp*geoMean(precs[:]...), [4]int{9, 6, 3, 1}, [4]int{10, 9, 8, 7}, precs, bp)
	if got.HypLen != 10 || got.RefLen != 11 || !near(got.Ratio, 10.0/11) {
		t.Errorf("lengths %d/%d ratio %v", got.HypLen, got.RefLen, got.Ratio)
	}
	want := "BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.0.0 = 38.3 " +
		"90.0/66.7/37.5/14.3 (BP = 0.905 ratio = 0.909 hyp_len = 10 ref_len = 11)"
	if got.String() != want {
		t.Errorf("String()\n got %s\nwant %s", got, want)
	}
}

func TestCorpusBLEUSumsStatistics(t *testing.T) {
	// Corpus BLEU sums the counts of both pairs before taking precisions:
	// correct 9+2, 6+0, 3+0, 1+0; totals 10+3, 9+2, 8+1, 7+0; lengths
	// 10+3 against 11+3. It is not the mean of the sentence scores.
	got := CorpusBLEU([]string{hypKim, hypChat}, []string{refKim, refChien})
	precs := [MaxOrder]float64{100 * 11.0 / 13, 100 * 6.0 / 11, 100 * 3.0 / 9, 100 * 1.0 / 7}
	bp := math.Exp(1 - 14.0/13)
	checkBLEU(t, got, bp*geoMean(precs[:]...), [4]int{11, 6, 3, 1}, [4]int{13, 11, 9, 7}, precs, bp)
}

func TestCorpusBLEUMissingOrder(t *testing.T) {
	// hypChat has matches but no 4-gram at all: without effective order
	// the 4-gram precision stays 0 and sacreBLEU's floored log makes the
	// score 0. The zero 2- and 3-gram counts are smoothed by "exp":
	// 100/(2·2) and 100/(4·1).
	got := CorpusBLEU([]string{hypChat}, []string{refChien})
	precs := [MaxOrder]float64{100 * 2.0 / 3, 25, 25, 0}
	checkBLEU(t, got, 0, [4]int{2, 0, 0, 0}, [4]int{3, 2, 1, 0}, precs, 1)
	want := "= 0.0 66.7/25.0/25.0/0.0 (BP = 1.000 ratio = 1.000 hyp_len = 3 ref_len = 3)"
	if s := got.String(); s[len(s)-len(want):] != want {
		t.Errorf("String() = %s", s)
	}
}

func TestSentenceBLEUEffectiveOrder(t *testing.T) {
	// Same pair as above; with effective order the mean stops at the
	// 3-grams: (66.67 · 25 · 25)^(1/3).
	got := SentenceBLEU(hypChat, refChien)
	precs := [MaxOrder]float64{100 * 2.0 / 3, 25, 25, 0}
	checkBLEU(t, got, math.Cbrt(100*2.0/3*25*25), [4]int{2, 0, 0, 0}, [4]int{3, 2, 1, 0}, precs, 1)
	if sig := got.Signature(); sig != "BLEU|nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.0.0" {
		t.Errorf("signature %s", sig)
	}
}

func TestSentenceBLEUClipsRepeats(t *testing.T) {
	// "le" four times against one "le" in the reference: 1-grams 1/4;
	// 2-grams "le le" ×3: 0/3 → 100/(2·3); 3-grams 0/2 → 100/(4·2);
	// 4-grams 0/1 → 100/(8·1). Longer than the reference: BP = 1.
	got := SentenceBLEU("le le le le", "le chat")
	precs := [MaxOrder]float64{25, 100.0 / 6, 12.5, 12.5}
	checkBLEU(t, got, geoMean(precs[:]...), [4]int{1, 0, 0, 0}, [4]int{4, 3, 2, 1}, precs, 1)
}

func TestBLEUNoMatchAndEmpty(t *testing.T) {
	// No match at all: score 0 and all precisions 0 (sacreBLEU's early
	// stop), BP still computed: exp(1 - 2/1).
	got := CorpusBLEU([]string{"bonjour"}, []string{"au revoir"})
	checkBLEU(t, got, 0, [4]int{}, [4]int{1, 0, 0, 0}, [4]float64{}, math.Exp(-1))
	// Empty hypothesis: BP 0, ratio 0.
	got = SentenceBLEU("", "Séoul")
	checkBLEU(t, got, 0, [4]int{}, [4]int{}, [4]float64{}, 0)
	if got.Ratio != 0 || got.HypLen != 0 || got.RefLen != 1 {
		t.Errorf("empty hypothesis: %+v", got)
	}
	// Empty reference (sacreBLEU refuses it; we score it): ratio 0.
	got = SentenceBLEU("Séoul", "")
	if got.Score != 0 || got.Ratio != 0 || got.BP != 1 {
		t.Errorf("empty reference: %+v", got)
	}
}

func TestBLEUIdentical(t *testing.T) {
	lines := []string{refKim, "Le président a démissionné lundi, a annoncé l'agence Yonhap."}
	got := CorpusBLEU(lines, lines)
	if !near(got.Score, 100) || got.BP != 1 || got.Precisions != [4]float64{100, 100, 100, 100} {
		t.Errorf("identical corpus: %+v", got)
	}
}

func TestBLEUMismatchedLengthsPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("CorpusBLEU did not panic on 2 hypotheses and 1 reference")
		}
	}()
	CorpusBLEU([]string{"a", "b"}, []string{"a"})
}
