package model

import (
	"slices"

	"github.com/bitext/bitext/translate/marian/internal/gemm"
	"github.com/bitext/bitext/translate/marian/internal/nn"
)

// decoderState is the decoder of one generation run: n rows (a sentence,
// or one beam of a sentence) decoded one token at a time. Each step's
// self-attention keys and values are kept as computed, for all rows at
// once; a row's history says which row of each step it descends from, so
// that beam search reorders rows without copying the cache. The
// cross-attention keys and values are computed once per sentence and
// shared by its beams.
type decoderState struct {
	m        *Model
	enc      *Encoded
	rowBatch []int         // sentence of each row
	selfK    [][][]float32 // layer → step → n×d
	selfV    [][][]float32
	hist     [][]int     // row → step → row of that step's cache
	crossK   [][]float32 // layer → Batch×Len×d
	crossV   [][]float32
	ws       *workspace
	logits   []float32
	scores   []float32
	// head is the output layer, restricted to the ids of short when a
	// shortlist is given (the others' logits stay -Inf).
	head     matrix
	headBias []float32
	short    []int
	shortOut []float32
}

// newDecoderState prepares decoding for rows that belong to the given
// sentences of enc.
func (m *Model) newDecoderState(enc *Encoded, rowBatch []int, shortlist []int) *decoderState {
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
	}
	s.selfK = make([][][]float32, len(m.dec))
	s.selfV = make([][][]float32, len(m.dec))
	s.hist = make([][]int, n)
	s.logits = make([]float32, n*m.Config.VocabSize)
	s.head, s.headBias = m.lmHead, m.finalBias
	if shortlist != nil {
		s.restrict(shortlist)
	}
	return s
}

// restrict limits the output layer to the ids of short.
func (s *decoderState) restrict(short []int) {
	m := s.m
	s.short = short
	switch w := m.lmHead.(type) {
	case *gemm.Matrix:
		s.head = w.Select(short)
	case *gemm.Int8Matrix:
		s.head = w.Select(short)
	}
	s.headBias = make([]float32, len(short))
	for c, id := range short {
		s.headBias[c] = m.finalBias[id]
	}
	s.shortOut = make([]float32, len(s.rowBatch)*len(short))
	for i := range s.logits {
		s.logits[i] = negInf
	}
}

// step feeds one token per row and returns the next-token logits, rows of
// vocab_size values (valid until the next call).
func (s *decoderState) step(tokens []int) []float32 {
	m, d, n := s.m, s.m.Config.DModel, len(s.rowBatch)
	h := make([]float32, n*d)
	pos := min(len(s.hist[0]), m.Config.MaxPositions-1)
	for r, id := range tokens {
		m.embedToken(h[r*d:(r+1)*d], m.decEmbed, id, pos)
		s.hist[r] = append(s.hist[r], r)
	}
	for i, l := range m.dec {
		s.selfAttention(i, l, h)
		s.crossAttention(i, l, h)
		feedForward(m, l.fc1, l.fc2, h, s.ws, n)
		l.ffnNorm.apply(h)
	}
	if s.short == nil {
		s.head.MulT(s.logits, h, s.headBias, n)
		return s.logits
	}
	s.head.MulT(s.shortOut, h, s.headBias, n)
	v, k := m.Config.VocabSize, len(s.short)
	for r := 0; r < n; r++ {
		for c, id := range s.short {
			s.logits[r*v+id] = s.shortOut[r*k+c]
		}
	}
	return s.logits
}

func (s *decoderState) selfAttention(layer int, l decoderLayer, h []float32) {
	d, n, ws := s.m.Config.DModel, len(s.rowBatch), s.ws
	a := l.self
	k, v := make([]float32, n*d), make([]float32, n*d)
	a.q.apply(ws.q, h, n)
	a.k.apply(k, h, n)
	a.v.apply(v, h, n)
	s.selfK[layer] = append(s.selfK[layer], k)
	s.selfV[layer] = append(s.selfV[layer], v)
	nn.Scale(ws.q[:n*d], headScale(d, a.heads))
	for r := 0; r < n; r++ {
		s.attendHistory(ws.ctx[r*d:(r+1)*d], ws.q[r*d:(r+1)*d], layer, r, a.heads)
	}
	a.o.apply(ws.proj, ws.ctx, n)
	nn.Add(h, ws.proj[:n*d])
	l.selfNorm.apply(h)
}

// attendHistory is attend for one query row against the keys and values
// of the row's history, in the order of the steps.
func (s *decoderState) attendHistory(ctx, q []float32, layer, r, heads int) {
	d := len(q)
	hd := d / heads
	hist := s.hist[r]
	if cap(s.scores) < len(hist) {
		s.scores = make([]float32, len(hist), 2*len(hist))
	}
	scores := s.scores[:len(hist)]
	for h := 0; h < heads; h++ {
		qh := q[h*hd : (h+1)*hd]
		for t, row := range hist {
			scores[t] = s.m.vec.Dot(qh, s.selfK[layer][t][row*d+h*hd:])
		}
		nn.Softmax(scores)
		out := ctx[h*hd : (h+1)*hd]
		clear(out)
		for t, p := range scores {
			off := hist[t]*d + h*hd
			s.m.vec.AXPY(out, p, s.selfV[layer][t][off:off+hd])
		}
	}
}

func (s *decoderState) crossAttention(layer int, l decoderLayer, h []float32) {
	d, n, ws, e := s.m.Config.DModel, len(s.rowBatch), s.ws, s.enc
	a := l.cross
	a.q.apply(ws.q, h, n)
	nn.Scale(ws.q[:n*d], headScale(d, a.heads))
	for r, b := range s.rowBatch {
		off, span := b*e.Len*d, e.Len*d
		attend(s.m.vec, ws.ctx[r*d:(r+1)*d], ws.q[r*d:(r+1)*d], s.crossK[layer][off:off+span], s.crossV[layer][off:off+span],
			1, e.Lens[b], d, a.heads, false)
	}
	a.o.apply(ws.proj, ws.ctx, n)
	nn.Add(h, ws.proj[:n*d])
	l.crossNorm.apply(h)
}

// reorder makes row i continue from row parents[i] (beam search).
func (s *decoderState) reorder(parents []int) {
	hist := make([][]int, len(parents))
	for i, p := range parents {
		hist[i] = slices.Clone(s.hist[p])
	}
	s.hist = hist
}
