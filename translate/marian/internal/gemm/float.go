package gemm

import "fmt"

// Matrix is a float32 weight matrix of N rows of K values (a PyTorch
// Linear weight, out×in), packed for one kernel family: panels of nr rows
// stored column by column, the last panel padded with zeros.
type Matrix struct {
	N, K int
	kern *sgemmKernel
	data []float32
}

// Pack packs w (n rows of k values) for the kernels of isa.
func Pack(isa ISA, w []float32, n, k int) *Matrix {
	if n <= 0 || k <= 0 || len(w) < n*k {
		panic(fmt.Sprintf("gemm: Pack of %d values as %d×%d", len(w), n, k))
	}
	kern := floatKernel(isa)
	return &Matrix{N: n, K: k, kern: kern, data: packWith(kern, w, n, k)}
}

// Kernel names the kernels a multiplies with.
func (a *Matrix) Kernel() string { return a.kern.name }

// Bytes is the memory a holds.
func (a *Matrix) Bytes() int64 { return int64(len(a.data)) * 4 }

// Row copies row j of the weights into dst (an embedding lookup).
func (a *Matrix) Row(j int, dst []float32) {
	nr := a.kern.nr
	base := (j/nr)*a.K*nr + j%nr
	for kk := range dst[:a.K] {
		dst[kk] = a.data[base+kk*nr]
	}
}

// Select returns the rows of a listed in rows, packed alike (the output
// layer restricted to a shortlist).
func (a *Matrix) Select(rows []int) *Matrix {
	w := make([]float32, len(rows)*a.K)
	for i, j := range rows {
		a.Row(j, w[i*a.K:(i+1)*a.K])
	}
	return &Matrix{N: len(rows), K: a.K, kern: a.kern, data: packWith(a.kern, w, len(rows), a.K)}
}

// packWith packs w (n rows of k values) in panels of kern's width.
func packWith(kern *sgemmKernel, w []float32, n, k int) []float32 {
	nr := kern.nr
	data := make([]float32, (n+nr-1)/nr*k*nr)
	for j := 0; j < n; j++ {
		base := (j/nr)*k*nr + j%nr
		for kk, v := range w[j*k : (j+1)*k] {
			data[base+kk*nr] = v
		}
	}
	return data
}

// MulT computes y = x·aᵀ (+ bias) for m rows: x holds m rows of K values,
// y receives m rows of N values; bias, when not nil, has N values.
func (a *Matrix) MulT(y, x, bias []float32, m int) {
	if m == 0 {
		return
	}
	if len(x) < m*a.K || len(y) < m*a.N || (bias != nil && len(bias) < a.N) {
		panic(fmt.Sprintf("gemm: MulT of %d×%d by %d×%d into %d values", m, a.K, a.N, a.K, len(y)))
	}
	nr := a.kern.nr
	panels := (a.N + nr - 1) / nr
	parallel(panels, m*a.K*a.N, func(lo, hi int) {
		var scratch []float32
		for p := lo; p < hi; p++ {
			scratch = a.panel(y, x, bias, m, p, scratch)
		}
	})
}

// panel computes the output columns of panel p; a partial last panel goes
// through scratch, which it returns for reuse.
func (a *Matrix) panel(y, x, bias []float32, m, p int, scratch []float32) []float32 {
	kern, nr, k, n := a.kern, a.kern.nr, a.K, a.N
	j0 := p * nr
	cols := min(nr, n-j0)
	yt, ldy := y[j0:], n
	if cols < nr {
		if len(scratch) < m*nr {
			scratch = make([]float32, m*nr)
		}
		yt, ldy = scratch, nr
	}
	mr := len(kern.tiles)
	for kc := 0; kc < k; kc += kern.kc {
		kl := min(kern.kc, k-kc)
		w := &a.data[p*k*nr+kc*nr]
		for i := 0; i < m; i += mr {
			r := min(mr, m-i)
			kern.tiles[r-1](kl, &x[i*k+kc], k, w, &yt[i*ldy], ldy, kc > 0)
		}
	}
	for i := 0; i < m; i++ {
		row := y[i*n+j0 : i*n+j0+cols]
		if cols < nr {
			copy(row, scratch[i*nr:i*nr+cols])
		}
		if bias != nil {
			for c, b := range bias[j0 : j0+cols] {
				row[c] += b
			}
		}
	}
	return scratch
}
