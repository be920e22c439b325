package model

import (
	"math"

	"github.com/bitext/bitext/translate/marian/internal/gemm"
	"github.com/bitext/bitext/translate/marian/internal/nn"
)

// headScale is the factor queries are multiplied by: head_dim^-0.5.
func headScale(d, heads int) float32 {
	return float32(math.Pow(float64(d/heads), -0.5))
}

// attend computes multi-head attention for nq query rows against nk key
// and value rows (all rows of d values, heads side by side), writing the
// heads' outputs into ctx. Only the first valid keys are attended to
// (the others are padding); with causal set, query i sees keys 0…i.
// Queries must already be scaled.
func attend(vec gemm.Vector, ctx, q, k, v []float32, nq, valid, d, heads int, causal bool) {
	hd := d / heads
	scores := make([]float32, valid)
	for i := 0; i < nq; i++ {
		n := valid
		if causal {
			n = min(valid, i+1)
		}
		for h := 0; h < heads; h++ {
			qh := q[i*d+h*hd : i*d+(h+1)*hd]
			s := scores[:n]
			for j := range s {
				s[j] = vec.Dot(qh, k[j*d+h*hd:])
			}
			nn.Softmax(s)
			out := ctx[i*d+h*hd : i*d+(h+1)*hd]
			clear(out)
			for j, p := range s {
				vec.AXPY(out, p, v[j*d+h*hd:j*d+(h+1)*hd])
			}
		}
	}
}
