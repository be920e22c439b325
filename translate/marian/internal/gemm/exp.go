package gemm

import "math"

// expFunc returns Σ exp(x[i] − max) over a multiple of its lanes.
type expFunc func(x *float32, n int, max float32) float32

// ExpSum returns Σ exp(x[i] − max) for i < len(x), as the denominator of
// a softmax: max must be at least every x[i]; -Inf values count as 0. The
// exponential is Cephes' expf (a relative error near 1e-7), computed by
// the vector unit of isa; each lane's partial sums are added in a fixed
// order, so the result depends on x alone.
func ExpSum(isa ISA, x []float32, max float32) float32 {
	var sum float32
	f, lanes := asmExp(isa)
	n := 0
	if f != nil {
		n = len(x) &^ (lanes - 1)
		if n > 0 {
			sum = f(&x[0], n, max)
		}
	}
	var tail float64 // the portable kernel's only sum: float64 keeps it exact enough
	for _, v := range x[n:] {
		tail += float64(expRef(v - max))
	}
	return sum + float32(tail)
}

// expRef is exp(v) for v ≤ 0, as the assembly computes it: n = round(v ·
// log2 e), r = v − n·ln 2, e^r by a polynomial, times 2ⁿ.
func expRef(v float32) float32 {
	v = max(v, -86)
	k := v * math.Log2E
	n := int32(math.RoundToEven(float64(k)))
	nf := float32(n)
	r := v - nf*0.693359375
	r -= nf * -2.12194440e-4
	z := r * r
	p := float32(1.9875691500e-4)
	for _, c := range []float32{1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1} {
		p = p*r + c
	}
	p = p*z + r + 1
	return math.Float32frombits(math.Float32bits(p) + uint32(n)<<23)
}
