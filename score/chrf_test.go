package score

import "testing"

func checkChrFStats(t *testing.T, got ChrF, hyp, ref, match [CharOrder]int) {
	t.Helper()
	if got.Hyp != hyp || got.Ref != ref || got.Match != match {
		t.Errorf("stats hyp %v ref %v match %v\nwant     %v ref %v match %v",
			got.Hyp, got.Ref, got.Match, hyp, ref, match)
	}
}

func TestSentenceChrF(t *testing.T) {
	// hyp "chat" against ref "chats":
	//  order 1: c h a t in both: 4 hyp, 5 ref, 4 match
	//  order 2: ch ha at / ch ha at ts: 3, 4, 3
	//  order 3: cha hat / cha hat ats: 2, 3, 2
	//  order 4: chat / chat hats: 1, 2, 1
	//  order 5: the reference has "chats", the hypothesis nothing: 0, 1, 0
	//  order 6: nothing on either side.
	// Orders 1–4 have n-grams on both sides: precision 1 each, recalls
	// 4/5 3/4 2/3 1/2, mean recall R = 0.6791666…; chrF2 = 5R / (4 + R).
	got := SentenceChrF("chat", "chats")
	checkChrFStats(t, got, [6]int{4, 3, 2, 1, 0, 0}, [6]int{5, 4, 3, 2, 1, 0}, [6]int{4, 3, 2, 1, 0, 0})
	r := (4.0/5 + 3.0/4 + 2.0/3 + 1.0/2) / 4
	if want := 100 * 5 * r / (4 + r); !near(got.Score, want) {
		t.Errorf("score = %v, want %v", got.Score, want)
	}
	// eps smoothing: an F2 per order, 5r/(4+r) for orders 1–4, 0 for
	// order 5 (recall 0), 1e-16 for order 6, averaged over 6 orders.
	f := func(r float64) float64 { return 5 * r / (4 + r) }
	wantEps := 100 * (f(4.0/5) + f(3.0/4) + f(2.0/3) + f(1.0/2) + 1e-16) / 6
	if eps := got.EpsSmoothed(); !near(eps, wantEps) {
		t.Errorf("eps smoothed = %v, want %v", eps, wantEps)
	}
}

func TestChrFIgnoresWhitespace(t *testing.T) {
	// All whitespace goes, no-break spaces included, so these are equal.
	got := SentenceChrF("Séoul, lundi : 3\u00a0000 manifestants", "Séoul ,lundi: 3000manifestants")
	if !near(got.Score, 100) {
		t.Errorf("score = %v, want 100", got.Score)
	}
}

func TestChrFCountsCodePoints(t *testing.T) {
	// "été" is 3 code points (6 bytes): 3 1-grams, 2 2-grams, 1 3-gram.
	got := SentenceChrF("été", "été")
	want := [6]int{3, 2, 1, 0, 0, 0}
	checkChrFStats(t, got, want, want, want)
}

func TestChrFShortReferenceDropsHypothesisCounts(t *testing.T) {
	// The reference "ab" has no 3-grams or longer, so the hypothesis
	// n-grams of those orders are not counted (sacreBLEU's
	// "hyp_count if ref_ngrams else 0").
	got := SentenceChrF("abcd", "ab")
	checkChrFStats(t, got, [6]int{4, 3, 0, 0, 0, 0}, [6]int{2, 1, 0, 0, 0, 0}, [6]int{2, 1, 0, 0, 0, 0})
	// precisions 2/4, 1/3; recalls 1, 1.
	p, r := (2.0/4+1.0/3)/2, 1.0
	if want := 100 * 5 * p * r / (4*p + r); !near(got.Score, want) {
		t.Errorf("score = %v, want %v", got.Score, want)
	}
}

func TestCorpusChrFSumsStatistics(t *testing.T) {
	// Statistics of "chat"/"chats" plus "abcd"/"ab", then one F-score.
	got := CorpusChrF([]string{"chat", "abcd"}, []string{"chats", "ab"})
	checkChrFStats(t, got, [6]int{8, 6, 2, 1, 0, 0}, [6]int{7, 5, 3, 2, 1, 0}, [6]int{6, 4, 2, 1, 0, 0})
	p := (6.0/8 + 4.0/6 + 2.0/2 + 1.0/1) / 4
	r := (6.0/7 + 4.0/5 + 2.0/3 + 1.0/2) / 4
	if want := 100 * 5 * p * r / (4*p + r); !near(got.Score, want) {
		t.Errorf("score = %v, want %v", got.Score, want)
	}
}

func TestChrFNothingInCommon(t *testing.T) {
	if got := SentenceChrF("xyz", "abc"); got.Score != 0 {
		t.Errorf("score = %v, want 0", got.Score)
	}
	if got := SentenceChrF("", ""); got.Score != 0 || got.EpsSmoothed() <= 0 {
		t.Errorf("empty pair: score %v eps %v", got.Score, got.EpsSmoothed())
	}
}
