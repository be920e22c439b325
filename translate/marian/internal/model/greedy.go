package model

import (
	"context"
	"math"
)

// Settings are the decoding settings of one run; zero fields take the
// model's config.json values.
type Settings struct {
	// Beams is the beam size; 1 is greedy search.
	Beams int
	// MaxLength bounds the output, counting the decoder start token.
	MaxLength int
	// Shortlist, when not nil, lists the only target ids the output layer
	// computes (sorted; a lexical shortlist); the others get -Inf.
	Shortlist []int
	// OnStep, when not nil, is called after each decoding step with the
	// number of tokens decoded so far (progress, memory measurements).
	OnStep func(step int)
}

func (m *Model) settings(s Settings) Settings {
	if s.Beams <= 0 {
		s.Beams = m.Config.NumBeams
	}
	if s.MaxLength <= 0 {
		s.MaxLength = m.Config.MaxLength
	}
	return s
}

// Generate translates a batch of source sentences (token ids ending with
// </s>) and returns one output per sentence: ids beginning with the
// decoder start token and, unless cut at the maximum length, ending with
// </s>, as transformers' generate returns them (without the padding).
func (m *Model) Generate(ctx context.Context, sentences [][]int, s Settings) ([][]int, error) {
	if len(sentences) == 0 {
		return nil, nil
	}
	s = m.settings(s)
	enc := m.Encode(sentences)
	if s.Beams == 1 {
		return m.greedy(ctx, enc, s)
	}
	return m.beamSearch(ctx, enc, s)
}

func (s Settings) onStep(step int) {
	if s.OnStep != nil {
		s.OnStep(step)
	}
}

var negInf = float32(math.Inf(-1))

// processLogits applies transformers' logits processors for Marian:
// bad_words_ids (single tokens always, longer ones when the sequence ends
// with their prefix; a lone [eos] is ignored) and the forced </s> at the
// last position, which gets the score base (the beam's score, added to
// every log-probability; 0 in greedy search).
func (m *Model) processLogits(scores []float32, seq []int, maxLen int, base float32) {
	for _, bad := range m.Config.BadWordsIDs {
		if len(bad) == 0 || (len(bad) == 1 && bad[0] == m.Config.EOSID) {
			continue
		}
		last := bad[len(bad)-1]
		if last < 0 || last >= len(scores) || !endsWith(seq, bad[:len(bad)-1]) {
			continue
		}
		scores[last] = negInf
	}
	if eos := m.forcedEOS(); eos >= 0 && len(seq) == maxLen-1 {
		for i := range scores {
			scores[i] = negInf
		}
		scores[eos] = 0 + base
	}
}

func (m *Model) forcedEOS() int {
	if m.Config.ForcedEOSID == nil || *m.Config.ForcedEOSID < 0 || *m.Config.ForcedEOSID >= m.Config.VocabSize {
		return -1
	}
	return *m.Config.ForcedEOSID
}

func endsWith(seq, suffix []int) bool {
	if len(suffix) > len(seq) {
		return false
	}
	for i, v := range suffix {
		if seq[len(seq)-len(suffix)+i] != v {
			return false
		}
	}
	return true
}

// argmax returns the index of the first largest value.
func argmax(x []float32) int {
	best := 0
	for i, v := range x {
		if v > x[best] {
			best = i
		}
	}
	return best
}

// greedy decodes every sentence of enc by taking the most likely token at
// each step, until all have produced </s> or maxLen tokens.
func (m *Model) greedy(ctx context.Context, enc *Encoded, s Settings) ([][]int, error) {
	maxLen := s.MaxLength
	n, v := enc.Batch, m.Config.VocabSize
	rows := make([]int, n)
	seqs := make([][]int, n)
	done := make([]bool, n)
	for i := range rows {
		rows[i] = i
		seqs[i] = []int{m.Config.DecoderStartID}
	}
	st := m.newDecoderState(enc, rows, s.Shortlist)
	last := make([]int, n)
	for cur := 1; cur < maxLen; cur++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for i, s := range seqs {
			last[i] = s[len(s)-1]
		}
		logits := st.step(last)
		s.onStep(cur)
		finished := true
		for i := range seqs {
			if done[i] {
				continue
			}
			row := logits[i*v : (i+1)*v]
			m.processLogits(row, seqs[i], maxLen, 0)
			tok := argmax(row)
			seqs[i] = append(seqs[i], tok)
			done[i] = tok == m.Config.EOSID
			finished = finished && done[i]
		}
		if finished {
			break
		}
	}
	return seqs, nil
}

// Logits returns the decoder's logits after each token of dec, given the
// source sentence src (for conformance checks).
func (m *Model) Logits(src, dec []int) [][]float32 {
	enc := m.Encode([][]int{src})
	st := m.newDecoderState(enc, []int{0}, nil)
	var out [][]float32
	for _, tok := range dec {
		out = append(out, append([]float32{}, st.step([]int{tok})...))
	}
	return out
}
