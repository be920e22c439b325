package gemm

import "math"

// Vector holds the element-wise kernels of one family: the dot products
// and sums of attention, and the SiLU activation. The zero Vector (and
// the portable family) computes them in Go.
type Vector struct {
	lanes int
	dot   func(a *float32, b *float32, n int) float32
	axpy  func(y *float32, alpha float32, x *float32, n int)
	silu  func(x *float32, n int)
}

// VectorKernels returns the element-wise kernels of isa (Go ones where
// the CPU lacks isa).
func VectorKernels(isa ISA) Vector { return asmVector(isa) }

// Dot returns Σ a[i]·b[i] over len(a) values (len(b) ≥ len(a)).
func (v Vector) Dot(a, b []float32) float32 {
	n := 0
	var s float32
	if v.dot != nil {
		n = len(a) &^ (v.lanes - 1)
		if n > 0 {
			s = v.dot(&a[0], &b[0], n)
		}
	}
	b = b[:len(a)]
	for i := n; i < len(a); i++ {
		s += a[i] * b[i]
	}
	return s
}

// AXPY adds alpha·x to y (len(x) ≥ len(y)).
func (v Vector) AXPY(y []float32, alpha float32, x []float32) {
	n := 0
	if v.axpy != nil {
		n = len(y) &^ (v.lanes - 1)
		if n > 0 {
			v.axpy(&y[0], alpha, &x[0], n)
		}
	}
	x = x[:len(y)]
	for i := n; i < len(y); i++ {
		y[i] += alpha * x[i]
	}
}

// SiLU applies x·sigmoid(x) (swish) in place. The assembly computes it
// as x·exp(min(x,0)) / (1 + exp(−|x|)) with the exponential of
// [ExpSum]; Go uses math.Exp.
func (v Vector) SiLU(x []float32) {
	n := 0
	if v.silu != nil {
		n = len(x) &^ (v.lanes - 1)
		if n > 0 {
			v.silu(&x[0], n)
		}
	}
	for i := n; i < len(x); i++ {
		x[i] = x[i] / (1 + float32(math.Exp(float64(-x[i]))))
	}
}
