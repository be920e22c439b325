package model

import (
	"github.com/bitext/bitext/translate/marian/internal/nn"
)

// decoderState is the decoder of one generation run: n rows (a sentence,
// or one beam of a sentence) decoded one token at a time, with each
// layer's self-attention keys and values cached per row and the
// cross-attention keys and values computed once per sentence.
type decoderState struct {
	m        *Model
	enc      *Encoded
	rowBatch []int // sentence of each row
	steps    int
	selfK    [][][]float32 // layer → row → steps×d
	selfV    [][][]float32
	crossK   [][]float32 // layer → Batch×Len×d
	crossV   [][]float32
	ws       *workspace
	logits   []float32
}

// newDecoderState prepares decoding for rows that belong to the given
// sentences of enc.
func (m *Model) newDecoderState(enc *Encoded, rowBatch []int) *decoderState {
	d := m.Config.DModel
	n := len(rowBatch)
	s := &decoderState{m: m, enc: enc, rowBatch: rowBatch, ws: newWorkspace(n, d, m.Config.DecoderFFN)}
	rows := enc.Batch * enc.Len
	for _, l := range m.dec {
		k := make([]float32, rows*d)
		v := make([]float32, rows*d)
		l.cross.k.apply(k, enc.Hidden, rows)
		l.cross.v.apply(v, enc.Hidden, rows)
		s.crossK = append(s.crossK, k)
		s.crossV = append(s.crossV, v)
		s.selfK = append(s.selfK, make([][]float32, n))
		s.selfV = append(s.selfV, make([][]float32, n))
	}
	s.logits = make([]float32, n*m.Config.VocabSize)
	return s
}

// step feeds one token per row and returns the next-token logits, rows of
// vocab_size values (valid until the next call).
func (s *decoderState) step(tokens []int) []float32 {
	m, d, n := s.m, s.m.Config.DModel, len(s.rowBatch)
	h := make([]float32, n*d)
	pos := min(s.steps, m.Config.MaxPositions-1)
	for r, id := range tokens {
		m.embedToken(h[r*d:(r+1)*d], m.decEmbed, id, pos)
	}
	for i, l := range m.dec {
		s.selfAttention(i, l, h)
		s.crossAttention(i, l, h)
		feedForward(m, l.fc1, l.fc2, h, s.ws, n)
		l.ffnNorm.apply(h)
	}
	s.steps++
	nn.MatMulT(s.logits, h, m.lmHead, m.finalBias, n, d, m.Config.VocabSize)
	return s.logits
}

func (s *decoderState) selfAttention(layer int, l decoderLayer, h []float32) {
	d, n, ws := s.m.Config.DModel, len(s.rowBatch), s.ws
	a := l.self
	a.q.apply(ws.q, h, n)
	a.k.apply(ws.k, h, n)
	a.v.apply(ws.v, h, n)
	nn.Scale(ws.q[:n*d], headScale(d, a.heads))
	for r := 0; r < n; r++ {
		s.selfK[layer][r] = append(s.selfK[layer][r], ws.k[r*d:(r+1)*d]...)
		s.selfV[layer][r] = append(s.selfV[layer][r], ws.v[r*d:(r+1)*d]...)
		t := len(s.selfK[layer][r]) / d
		attend(ws.ctx[r*d:(r+1)*d], ws.q[r*d:(r+1)*d], s.selfK[layer][r], s.selfV[layer][r], 1, t, d, a.heads, false)
	}
	a.o.apply(ws.proj, ws.ctx, n)
	nn.Add(h, ws.proj[:n*d])
	l.selfNorm.apply(h)
}

func (s *decoderState) crossAttention(layer int, l decoderLayer, h []float32) {
	d, n, ws, e := s.m.Config.DModel, len(s.rowBatch), s.ws, s.enc
	a := l.cross
	a.q.apply(ws.q, h, n)
	nn.Scale(ws.q[:n*d], headScale(d, a.heads))
	for r, b := range s.rowBatch {
		off, span := b*e.Len*d, e.Len*d
		attend(ws.ctx[r*d:(r+1)*d], ws.q[r*d:(r+1)*d], s.crossK[layer][off:off+span], s.crossV[layer][off:off+span],
			1, e.Lens[b], d, a.heads, false)
	}
	a.o.apply(ws.proj, ws.ctx, n)
	nn.Add(h, ws.proj[:n*d])
	l.crossNorm.apply(h)
}

// reorder makes row i continue from row parents[i] (beam search).
func (s *decoderState) reorder(parents []int) {
	for l := range s.selfK {
		s.selfK[l] = gatherRows(s.selfK[l], parents)
		s.selfV[l] = gatherRows(s.selfV[l], parents)
	}
}

func gatherRows(rows [][]float32, parents []int) [][]float32 {
	out := make([][]float32, len(parents))
	for i, p := range parents {
		out[i] = append(make([]float32, 0, cap(rows[p])), rows[p]...)
	}
	return out
}
