package score

import (
	"fmt"
	"math"
)

// MaxOrder is the longest word n-gram BLEU counts, sacreBLEU's default.
const MaxOrder = 4

// BLEU is a BLEU score together with the statistics it was computed from,
// as sacreBLEU's BLEUScore holds them. Scores and precisions are on sacreBLEU's
// 0–100 scale.
type BLEU struct {
	// Score is the BLEU score, 0–100.
	Score float64
	// Counts[n-1] is the number of hypothesis n-grams found in the
	// reference (clipped to the reference's count of each n-gram).
	Counts [MaxOrder]int
	// Totals[n-1] is the number of hypothesis n-grams.
	Totals [MaxOrder]int
	// Precisions[n-1] is the (smoothed) n-gram precision, 0–100.
	Precisions [MaxOrder]float64
	// BP is the brevity penalty, 0–1.
	BP float64
	// Ratio is HypLen / RefLen, or 0 when RefLen is 0.
	Ratio float64
	// HypLen and RefLen count the tokens of the hypotheses and references.
	HypLen, RefLen int
	// EffectiveOrder is true for sentence scores: the geometric mean then
	// stops at the longest order with any hypothesis n-gram.
	EffectiveOrder bool
}

// CorpusBLEU scores hypotheses against references (one per hypothesis) as
// sacreBLEU's corpus_bleu does by default: 13a tokens, mixed case, n-grams
// up to 4, statistics summed over the corpus, "exp" smoothing, no effective
// order. hyps and refs must have the same length; CorpusBLEU panics
// otherwise. Text is read as UTF-8 (invalid bytes count as U+FFFD).
//
// sacreBLEU refuses empty reference lines; CorpusBLEU scores them as
// references without tokens (see [ReadPair] for the file-level check).
func CorpusBLEU(hyps, refs []string) BLEU {
	mustPair(len(hyps), len(refs))
	c := newBLEUCounter()
	var total bleuStats
	for i := range hyps {
		total.add(c.stats(hyps[i], refs[i]))
	}
	return total.score(false)
}

// SentenceBLEU scores one hypothesis against its reference as sacreBLEU's
// sentence_bleu does: like [CorpusBLEU] on one line, but with effective
// order, so that a short sentence without 4-grams is not scored 0.
func SentenceBLEU(hyp, ref string) BLEU {
	return newBLEUCounter().stats(hyp, ref).score(true)
}

// mustPair panics when the hypothesis and reference counts differ, a
// programming error for the in-memory API.
func mustPair(nhyps, nrefs int) {
	if nhyps != nrefs {
		panic(fmt.Sprintf("score: %d hypotheses but %d references", nhyps, nrefs))
	}
}

// bleuStats are BLEU's sufficient statistics for one or more sentences.
type bleuStats struct {
	hypLen, refLen int
	correct, total [MaxOrder]int
}

func (s *bleuStats) add(o bleuStats) {
	s.hypLen += o.hypLen
	s.refLen += o.refLen
	for n := range MaxOrder {
		s.correct[n] += o.correct[n]
		s.total[n] += o.total[n]
	}
}

// score follows sacreBLEU's BLEU.compute_bleu with smooth_method "exp".
func (s bleuStats) score(effectiveOrder bool) BLEU {
	b := BLEU{Counts: s.correct, Totals: s.total, HypLen: s.hypLen, RefLen: s.refLen,
		EffectiveOrder: effectiveOrder, BP: brevityPenalty(s.hypLen, s.refLen)}
	if s.refLen > 0 {
		b.Ratio = float64(s.hypLen) / float64(s.refLen)
	}
	if s.correct == [MaxOrder]int{} {
		return b
	}
	smooth, order := 1.0, MaxOrder
	for n := 1; n <= MaxOrder; n++ {
		if s.total[n-1] == 0 {
			break
		}
		if effectiveOrder {
			order = n
		}
		if s.correct[n-1] == 0 {
			smooth *= 2
			b.Precisions[n-1] = 100 / (smooth * float64(s.total[n-1]))
		} else {
			b.Precisions[n-1] = 100 * float64(s.correct[n-1]) / float64(s.total[n-1])
		}
	}
	sum := 0.0
	for _, p := range b.Precisions[:order] {
		sum += flooredLog(p)
	}
	b.Score = b.BP * math.Exp(sum/float64(order))
	return b
}

func brevityPenalty(hypLen, refLen int) float64 {
	switch {
	case hypLen >= refLen:
		return 1
	case hypLen == 0:
		return 0
	}
	return math.Exp(1 - float64(refLen)/float64(hypLen))
}

// flooredLog is sacreBLEU's my_log: log, with log(0) taken as -9999999999.
func flooredLog(x float64) float64 {
	if x == 0 {
		return -9999999999
	}
	return math.Log(x)
}

// bleuCounter counts the n-gram matches of sentence pairs. Tokens are
// numbered through a vocabulary shared by all the pairs it counts, so that
// n-grams compare as short integer sequences.
type bleuCounter struct {
	tok    tokenizer
	vocab  map[string]int32
	hypIDs []int32
	refIDs []int32
	ref    gramTable
}

func newBLEUCounter() *bleuCounter {
	return &bleuCounter{vocab: make(map[string]int32)}
}

// stats returns the statistics of one pair, sacreBLEU's
// _compute_segment_statistics with one reference.
func (c *bleuCounter) stats(hyp, ref string) bleuStats {
	c.refIDs = c.encode(c.refIDs[:0], ref)
	c.hypIDs = c.encode(c.hypIDs[:0], hyp)
	c.ref.reset(c.refIDs, MaxOrder)
	s := bleuStats{hypLen: len(c.hypIDs), refLen: len(c.refIDs)}
	c.ref.matchCounts(c.hypIDs, MaxOrder, s.total[:], s.correct[:])
	return s
}

// encode appends the token numbers of line's 13a tokens to dst.
func (c *bleuCounter) encode(dst []int32, line string) []int32 {
	for _, t := range c.tok.tokens(line) {
		id, ok := c.vocab[string(t)]
		if !ok {
			id = int32(len(c.vocab))
			c.vocab[string(t)] = id
		}
		dst = append(dst, id)
	}
	return dst
}
