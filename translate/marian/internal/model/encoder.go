package model

import (
	"github.com/bitext/bitext/translate/marian/internal/nn"
)

// Encoded is the encoder's output for a padded batch of sentences.
type Encoded struct {
	// Batch is the number of sentences, Len the padded length.
	Batch, Len int
	// Hidden holds Batch×Len rows of d_model values.
	Hidden []float32
	// Lens are the sentences' unpadded lengths.
	Lens []int
}

// Row returns the hidden state of token t of sentence b.
func (e *Encoded) Row(b, t, d int) []float32 {
	off := (b*e.Len + t) * d
	return e.Hidden[off : off+d]
}

// Encode runs the encoder over sentences of token ids (each ending with
// </s>). Sentences longer than max_position_embeddings are cut, keeping
// their last token.
func (m *Model) Encode(sentences [][]int) *Encoded {
	d := m.Config.DModel
	e := &Encoded{Batch: len(sentences)}
	for _, s := range sentences {
		e.Lens = append(e.Lens, min(len(s), m.Config.MaxPositions))
		e.Len = max(e.Len, e.Lens[len(e.Lens)-1])
	}
	rows := e.Batch * e.Len
	h := make([]float32, rows*d)
	for b, s := range sentences {
		for t := 0; t < e.Len; t++ {
			id := m.Config.PadID
			if t < e.Lens[b] {
				id = s[t]
				if t == e.Lens[b]-1 {
					id = s[len(s)-1]
				}
			}
			m.embedToken(h[(b*e.Len+t)*d:(b*e.Len+t+1)*d], m.encEmbed, id, t)
		}
	}
	ws := newWorkspace(rows, d, m.Config.EncoderFFN)
	for _, l := range m.enc {
		l.forward(m, h, e, ws)
	}
	e.Hidden = h
	return e
}

// embedToken writes the scaled embedding of id plus position pos into dst.
func (m *Model) embedToken(dst []float32, table matrix, id, pos int) {
	d := m.Config.DModel
	if id < 0 || id >= m.Config.VocabSize {
		id = m.Config.PadID
	}
	table.Row(id, dst[:d])
	p := m.positions[pos*d : (pos+1)*d]
	for i, e := range dst[:d] {
		dst[i] = e*m.scale + p[i]
	}
}

// workspace holds the scratch buffers of one forward pass.
type workspace struct {
	q, k, v, ctx, proj, ffn []float32
}

func newWorkspace(rows, d, ffn int) *workspace {
	return &workspace{
		q: make([]float32, rows*d), k: make([]float32, rows*d), v: make([]float32, rows*d),
		ctx: make([]float32, rows*d), proj: make([]float32, rows*d), ffn: make([]float32, rows*ffn),
	}
}

func (l encoderLayer) forward(m *Model, h []float32, e *Encoded, ws *workspace) {
	rows, d := e.Batch*e.Len, m.Config.DModel
	a := l.self
	a.q.apply(ws.q, h, rows)
	a.k.apply(ws.k, h, rows)
	a.v.apply(ws.v, h, rows)
	nn.Scale(ws.q, headScale(d, a.heads))
	for b := 0; b < e.Batch; b++ {
		off := b * e.Len * d
		span := e.Len * d
		// Padded queries are skipped: their outputs are never attended to.
		attend(m.vec, ws.ctx[off:off+span], ws.q[off:off+span], ws.k[off:off+span], ws.v[off:off+span],
			e.Lens[b], e.Lens[b], d, a.heads, false)
		clear(ws.ctx[off+e.Lens[b]*d : off+span])
	}
	a.o.apply(ws.proj, ws.ctx, rows)
	nn.Add(h, ws.proj)
	l.selfNorm.apply(h)
	feedForward(m, l.fc1, l.fc2, h, ws, rows)
	l.ffnNorm.apply(h)
}

// feedForward adds fc2(act(fc1(h))) to h.
func feedForward(m *Model, fc1, fc2 linear, h []float32, ws *workspace, rows int) {
	f := ws.ffn[:rows*fc1.out]
	fc1.apply(f, h, rows)
	m.act(f)
	p := ws.proj[:rows*fc2.out]
	fc2.apply(p, f, rows)
	nn.Add(h[:len(p)], p)
}
