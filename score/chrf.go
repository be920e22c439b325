package score

// CharOrder is the longest character n-gram chrF counts, and Beta the
// weight of recall against precision: sacreBLEU's defaults (chrF2, no word
// n-grams).
const (
	CharOrder = 6
	Beta      = 2
)

// ChrF is a chrF score with the statistics it was computed from.
type ChrF struct {
	// Score is the chrF score on sacreBLEU 2.x's 0–100 scale. [ChrF.Fraction]
	// gives it on the 0–1 scale of older tools and of the .eval files.
	Score float64
	// Hyp[n-1], Ref[n-1] and Match[n-1] count the hypothesis, reference and
	// matching character n-grams of order n. A sentence whose reference is
	// shorter than n characters adds nothing to any of the three.
	Hyp, Ref, Match [CharOrder]int
}

// Fraction returns the score on the 0–1 scale.
func (c ChrF) Fraction() float64 { return c.Score / 100 }

// CorpusChrF scores hypotheses against references (one per hypothesis) as
// sacreBLEU 2.x's corpus_chrf does by default: character n-grams of orders
// 1–6 with all whitespace removed, mixed case, no word n-grams, beta 2,
// statistics summed over the corpus, then one F-score from the precision
// and recall averaged over the orders that have n-grams on both sides
// (sacreBLEU's default "effective order" smoothing; see
// [ChrF.EpsSmoothed] for the other). hyps and refs must have the same
// length; CorpusChrF panics otherwise.
func CorpusChrF(hyps, refs []string) ChrF {
	mustPair(len(hyps), len(refs))
	c := newChrFCounter()
	var total ChrF
	for i := range hyps {
		total.add(c.stats(hyps[i], refs[i]))
	}
	total.Score = total.fScore()
	return total
}

// SentenceChrF scores one hypothesis against its reference as sacreBLEU's
// sentence_chrf does.
func SentenceChrF(hyp, ref string) ChrF {
	s := newChrFCounter().stats(hyp, ref)
	s.Score = s.fScore()
	return s
}

func (c *ChrF) add(o ChrF) {
	for n := range CharOrder {
		c.Hyp[n] += o.Hyp[n]
		c.Ref[n] += o.Ref[n]
		c.Match[n] += o.Match[n]
	}
}

// fScore follows sacreBLEU 2.x's CHRF._compute_f_score with
// eps_smoothing=False (its default, "eff:yes" in the signature).
func (c ChrF) fScore() float64 {
	var avgPrec, avgRec float64
	order := 0
	for n := range CharOrder {
		if c.Hyp[n] > 0 && c.Ref[n] > 0 {
			avgPrec += float64(c.Match[n]) / float64(c.Hyp[n])
			avgRec += float64(c.Match[n]) / float64(c.Ref[n])
			order++
		}
	}
	if order == 0 {
		return 0
	}
	avgPrec /= float64(order)
	avgRec /= float64(order)
	if avgPrec+avgRec == 0 {
		return 0
	}
	const factor = Beta * Beta
	score := (1 + factor) * avgPrec * avgRec
	score /= factor*avgPrec + avgRec
	return 100 * score
}

// EpsSmoothed returns the score (0–100) that sacreBLEU gives with
// eps_smoothing=True ("eff:no" in its signature), the smoothing of the
// reference chrF++.py, Moses and NLTK: an F-score per order, a missing
// precision or recall counting as 1e-16, averaged over all six orders.
func (c ChrF) EpsSmoothed() float64 {
	const eps = 1e-16
	const factor = Beta * Beta
	score := 0.0
	for n := range CharOrder {
		prec, rec := eps, eps
		if c.Hyp[n] > 0 {
			prec = float64(c.Match[n]) / float64(c.Hyp[n])
		}
		if c.Ref[n] > 0 {
			rec = float64(c.Match[n]) / float64(c.Ref[n])
		}
		if denom := factor*prec + rec; denom > 0 {
			score += (1 + factor) * prec * rec / denom
		} else {
			score += eps
		}
	}
	return 100 * score / CharOrder
}

// chrfCounter counts character n-gram matches, reusing its buffers.
type chrfCounter struct {
	hyp, ref []rune
	table    gramTable
}

func newChrFCounter() *chrfCounter { return &chrfCounter{} }

// stats returns the statistics of one pair, sacreBLEU's
// _compute_segment_statistics and _get_match_statistics with one reference.
func (c *chrfCounter) stats(hyp, ref string) ChrF {
	c.hyp = pyRemoveSpace(c.hyp[:0], hyp)
	c.ref = pyRemoveSpace(c.ref[:0], ref)
	// Orders longer than the reference have no reference n-gram, and
	// sacreBLEU then counts no hypothesis n-gram either.
	order := min(CharOrder, len(c.ref))
	c.table.reset(c.ref, order)
	var s ChrF
	for n := 1; n <= order; n++ {
		s.Ref[n-1] = len(c.ref) - n + 1
	}
	c.table.matchCounts(c.hyp, order, s.Hyp[:], s.Match[:])
	return s
}
