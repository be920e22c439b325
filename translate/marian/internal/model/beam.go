package model

import (
	"context"
	"math"
	"runtime"
	"sort"
	"sync"

	"github.com/bitext/bitext/translate/marian/internal/gemm"
)

// hypothesis is a finished beam: its tokens (without the final </s>) and
// its score, the sum of log-probabilities ÷ length^length_penalty.
type hypothesis struct {
	score  float64
	tokens []int
}

// hypotheses keeps a sentence's best finished beams, as transformers'
// BeamHypotheses does.
type hypotheses struct {
	beams   []hypothesis
	worst   float64
	n       int
	penalty float64
	done    bool
}

func (h *hypotheses) add(tokens []int, sumLogProbs float64) {
	score := sumLogProbs / math.Pow(float64(len(tokens)), h.penalty)
	if len(h.beams) >= h.n && score <= h.worst {
		return
	}
	h.beams = append(h.beams, hypothesis{score: score, tokens: append([]int{}, tokens...)})
	if len(h.beams) <= h.n {
		h.worst = min(score, h.worst)
		return
	}
	// Drop the worst (the earliest of equals) and remember the next one.
	idx := make([]int, len(h.beams))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return h.beams[idx[a]].score < h.beams[idx[b]].score })
	h.worst = h.beams[idx[1]].score
	h.beams = append(h.beams[:idx[0]], h.beams[idx[0]+1:]...)
}

// isDone reports whether no beam can beat the kept hypotheses any more
// (early_stopping false).
func (h *hypotheses) isDone(best float64, curLen int) bool {
	if len(h.beams) < h.n {
		return false
	}
	return h.worst >= best/math.Pow(float64(curLen), h.penalty)
}

// best returns the highest-scoring hypothesis (the last added of equals).
func (h *hypotheses) best() hypothesis {
	sorted := append([]hypothesis{}, h.beams...)
	sort.SliceStable(sorted, func(a, b int) bool { return sorted[a].score < sorted[b].score })
	return sorted[len(sorted)-1]
}

// candidate is one possible continuation of a beam.
type candidate struct {
	score float32
	beam  int
	token int
}

// beamSearch runs transformers' beam search (no early stopping) over every
// sentence of enc with nb beams each.
func (m *Model) beamSearch(ctx context.Context, enc *Encoded, s Settings) ([][]int, error) {
	nb, maxLen := s.Beams, s.MaxLength
	v := m.Config.VocabSize
	rows := make([]int, enc.Batch*nb)
	seqs := make([][]int, len(rows))
	scores := make([]float32, len(rows))
	hyps := make([]*hypotheses, enc.Batch)
	for r := range rows {
		rows[r] = r / nb
		seqs[r] = []int{m.Config.DecoderStartID}
		if r%nb != 0 {
			scores[r] = -1e9
		}
	}
	for b := range hyps {
		hyps[b] = &hypotheses{n: nb, worst: 1e9, penalty: m.Config.Penalty()}
	}
	st := m.newDecoderState(enc, rows, s.Shortlist)
	last := make([]int, len(rows))
	for cur := 1; cur < maxLen; cur++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for r, s := range seqs {
			last[r] = s[len(s)-1]
		}
		logits := st.step(last)
		s.onStep(cur)
		forRows(len(rows), func(r int) {
			row := logits[r*v : (r+1)*v]
			row[m.Config.PadID] = negInf
			lse, score := m.logSumExp(row), scores[r]
			for i, x := range row { // log-probability, plus the beam's score
				row[i] = (x - lse) + score
			}
			m.processLogits(row, seqs[r], maxLen, score)
		})
		parents, tokens, next := m.beamStep(logits, seqs, hyps, nb, cur)
		newSeqs := make([][]int, len(rows))
		for r, p := range parents {
			newSeqs[r] = append(append(make([]int, 0, cur+1), seqs[p]...), tokens[r])
		}
		seqs, scores = newSeqs, next
		st.reorder(parents)
		if allDone(hyps) {
			break
		}
	}
	return m.finalize(hyps, seqs, scores, nb, maxLen), nil
}

// logSumExp returns log Σ exp(x), the exponentials summed by the model's
// kernels: x − logSumExp(x) are log-probabilities (-Inf stays -Inf).
func (m *Model) logSumExp(x []float32) float32 {
	mx := float32(math.Inf(-1))
	for _, v := range x {
		if v > mx {
			mx = v
		}
	}
	return mx + float32(math.Log(float64(gemm.ExpSum(m.isa, x, mx))))
}

// forRows calls f for each of n rows, spread over the cores.
func forRows(n int, f func(r int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := w; r < n; r += workers {
				f(r)
			}
		}()
	}
	for r := 0; r < n; r += max(workers, 1) {
		f(r)
	}
	wg.Wait()
}

// beamStep picks each sentence's next beams among the 2·nb best
// continuations, moving finished ones (</s>) into the hypotheses.
func (m *Model) beamStep(logits []float32, seqs [][]int, hyps []*hypotheses, nb, cur int) (parents, tokens []int, next []float32) {
	v := m.Config.VocabSize
	parents = make([]int, len(seqs))
	tokens = make([]int, len(seqs))
	next = make([]float32, len(seqs))
	for b, h := range hyps {
		base := b * nb
		if h.done {
			for i := 0; i < nb; i++ {
				tokens[base+i] = m.Config.PadID
			}
			continue
		}
		top := topK(logits[base*v:(base+nb)*v], v, 2*nb)
		k := 0
		for rank, c := range top {
			if c.token == m.Config.EOSID {
				if rank < nb {
					h.add(seqs[base+c.beam], float64(c.score))
				}
				continue
			}
			parents[base+k], tokens[base+k], next[base+k] = base+c.beam, c.token, c.score
			if k++; k == nb {
				break
			}
		}
		h.done = h.isDone(float64(top[0].score), cur)
	}
	return parents, tokens, next
}

// topK returns the k highest scores of nb×v candidates, best first, the
// lower index first among equals.
func topK(scores []float32, v, k int) []candidate {
	top := make([]candidate, 0, k+1)
	for i, s := range scores {
		if len(top) == k && !(s > top[k-1].score) {
			continue
		}
		c := candidate{score: s, beam: i / v, token: i % v}
		j := len(top)
		top = append(top, c)
		for j > 0 && c.score > top[j-1].score {
			top[j] = top[j-1]
			j--
		}
		top[j] = c
		if len(top) > k {
			top = top[:k]
		}
	}
	return top
}

func allDone(hyps []*hypotheses) bool {
	for _, h := range hyps {
		if !h.done {
			return false
		}
	}
	return true
}

// finalize adds the open beams of unfinished sentences and returns each
// sentence's best hypothesis, with </s> appended when shorter than maxLen.
func (m *Model) finalize(hyps []*hypotheses, seqs [][]int, scores []float32, nb, maxLen int) [][]int {
	out := make([][]int, len(hyps))
	for b, h := range hyps {
		if !h.done {
			for i := 0; i < nb; i++ {
				h.add(seqs[b*nb+i], float64(scores[b*nb+i]))
			}
		}
		best := append([]int{}, h.best().tokens...)
		if len(best) < maxLen {
			best = append(best, m.Config.EOSID)
		}
		out[b] = best
	}
	return out
}
