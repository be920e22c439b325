package gemm

import (
	"fmt"
	"math"
	"unsafe"
)

// Int8Matrix is a weight matrix of N rows of K values quantised to int8
// with one scale per row, packed for one kernel family: panels of nr rows,
// each a run of groups of 4 consecutive k of every row of the panel.
type Int8Matrix struct {
	N, K  int
	kp    int // K rounded up to a multiple of 4
	kern  *igemmKernel
	data  []byte    // int8 (or int8+128 for unsigned kernels)
	scale []float32 // per row: w ≈ q·scale
}

// Quantize quantises w (n rows of k values) for the int8 kernels of isa:
// row j is stored as round(w/s) with s = max|w_j|/127.
func Quantize(isa ISA, w []float32, n, k int) *Int8Matrix {
	if n <= 0 || k <= 0 || len(w) < n*k {
		panic(fmt.Sprintf("gemm: Quantize of %d values as %d×%d", len(w), n, k))
	}
	kern := intKernel(isa)
	nr, kp := kern.nr, (k+3)&^3
	q := &Int8Matrix{N: n, K: k, kp: kp, kern: kern, scale: make([]float32, n)}
	q.data = make([]byte, (n+nr-1)/nr*kp*nr)
	row := make([]int8, kp)
	for j := 0; j < n; j++ {
		q.scale[j] = quantizeRow(row[:k], w[j*k:(j+1)*k])
		for kk, v := range row { // the padding of k is weight 0
			b := byte(v)
			if kern.unsigned {
				b = byte(int(v) + 128)
			}
			q.data[q.index(j, kk)] = b
		}
	}
	return q
}

// index is where weight (j, kk) is stored in q.data.
func (q *Int8Matrix) index(j, kk int) int {
	nr := q.kern.nr
	return (j/nr)*q.kp*nr + (kk/4)*4*nr + (j%nr)*4 + kk%4
}

// quantizeRow writes round(x/s) into dst and returns s = max|x|/127 (1
// for a row of zeros or one that is not finite).
func quantizeRow(dst []int8, x []float32) float32 {
	var amax float32
	for _, v := range x {
		if v > amax {
			amax = v
		} else if -v > amax {
			amax = -v
		}
	}
	if amax == 0 || amax > math.MaxFloat32 {
		clear(dst)
		return 1
	}
	// Adding and subtracting 1.5·2²³ rounds a float32 below 2²² to the
	// nearest integer (ties to even), without a branch on the sign.
	const magic = 12582912
	inv := 127 / amax
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] = int8(int32((v*inv + magic) - magic))
	}
	return amax / 127
}

// Kernel names the kernels q multiplies with.
func (q *Int8Matrix) Kernel() string { return q.kern.name }

// Bytes is the memory q holds.
func (q *Int8Matrix) Bytes() int64 { return int64(len(q.data)) + 4*int64(len(q.scale)) }

// Row writes row j of the dequantised weights into dst.
func (q *Int8Matrix) Row(j int, dst []float32) {
	s := q.scale[j]
	for kk := range dst[:q.K] {
		v := int(int8(q.data[q.index(j, kk)]))
		if q.kern.unsigned {
			v = int(q.data[q.index(j, kk)]) - 128
		}
		dst[kk] = float32(v) * s
	}
}

// Dequantize returns the weights as q holds them, N rows of K float32.
func (q *Int8Matrix) Dequantize() []float32 {
	w := make([]float32, q.N*q.K)
	for j := 0; j < q.N; j++ {
		q.Row(j, w[j*q.K:(j+1)*q.K])
	}
	return w
}

// Select returns the rows listed in rows, packed alike.
func (q *Int8Matrix) Select(rows []int) *Int8Matrix {
	nr := q.kern.nr
	out := &Int8Matrix{N: len(rows), K: q.K, kp: q.kp, kern: q.kern, scale: make([]float32, len(rows))}
	out.data = make([]byte, (len(rows)+nr-1)/nr*q.kp*nr)
	for i, j := range rows {
		out.scale[i] = q.scale[j]
		for kk := 0; kk < q.kp; kk++ {
			out.data[out.index(i, kk)] = q.data[q.index(j, kk)]
		}
	}
	return out
}

// activations are rows of x quantised for one product.
type activations struct {
	q     []int8
	scale []float32
	comp  []int32 // 128·Σq per row, for unsigned kernels
}

func (q *Int8Matrix) quantizeActivations(x []float32, m int) activations {
	a := activations{q: make([]int8, m*q.kp), scale: make([]float32, m), comp: make([]int32, m)}
	for i := 0; i < m; i++ {
		var sum int32
		a.scale[i], sum = q.quant(a.q[i*q.kp:i*q.kp+q.K], x[i*q.K:(i+1)*q.K])
		if q.kern.unsigned {
			a.comp[i] = 128 * sum
		}
	}
	return a
}

// quant quantises one row of activations as quantizeRow does, with the
// vector kernels that go with q's, and also returns the sum of the bytes.
func (q *Int8Matrix) quant(dst []int8, x []float32) (float32, int32) {
	k := asmQuant(q.kern)
	if k.absMax == nil || len(x) < k.lanes {
		s := quantizeRow(dst, x)
		var sum int32
		for _, v := range dst[:len(x)] {
			sum += int32(v)
		}
		return s, sum
	}
	n := len(x) &^ (k.lanes - 1)
	amax := k.absMax(&x[0], n)
	for _, v := range x[n:] {
		amax = max(amax, v, -v)
	}
	if amax == 0 || amax > math.MaxFloat32 || amax != amax {
		return quantizeRow(dst, x), 0
	}
	inv := 127 / amax
	sum := k.quantize(&dst[0], &x[0], n, inv)
	const magic = 12582912 // as in quantizeRow
	for i := n; i < len(x); i++ {
		dst[i] = int8(int32((x[i]*inv + magic) - magic))
		sum += int32(dst[i])
	}
	return amax / 127, sum
}

// MulT computes y ≈ x·wᵀ (+ bias) for m rows, as [Matrix.MulT] does, with
// the activations quantised row by row.
func (q *Int8Matrix) MulT(y, x, bias []float32, m int) {
	if m == 0 {
		return
	}
	if len(x) < m*q.K || len(y) < m*q.N || (bias != nil && len(bias) < q.N) {
		panic(fmt.Sprintf("gemm: MulT of %d×%d by %d×%d into %d values", m, q.K, q.N, q.K, len(y)))
	}
	act := q.quantizeActivations(x, m)
	if bias == nil {
		bias = make([]float32, q.N)
	}
	yi := unsafe.Slice((*int32)(unsafe.Pointer(&y[0])), len(y))
	nr := q.kern.nr
	panels := (q.N + nr - 1) / nr
	parallel(panels, m*q.K*q.N/4, func(lo, hi int) {
		var scratch []int32
		for p := lo; p < hi; p++ {
			scratch = q.panel(y, yi, act, bias, m, p, scratch)
		}
	})
}

// panel computes the int32 sums of panel p in place in y, then scales
// them to float32.
func (q *Int8Matrix) panel(y []float32, yi []int32, act activations, bias []float32, m, p int, scratch []int32) []int32 {
	kern, nr, n, groups := q.kern, q.kern.nr, q.N, q.kp/4
	j0 := p * nr
	cols := min(nr, n-j0)
	yt, ldy := yi[j0:], n
	if cols < nr {
		if len(scratch) < m*nr {
			scratch = make([]int32, m*nr)
		}
		yt, ldy = scratch, nr
	}
	mr := len(kern.tiles)
	for g := 0; g < groups; g += kern.kc {
		gl := min(kern.kc, groups-g)
		w := &q.data[p*q.kp*nr+g*4*nr]
		for i := 0; i < m; i += mr {
			r := min(mr, m-i)
			kern.tiles[r-1](gl, &act.q[i*q.kp+4*g], q.kp, w, &yt[i*ldy], ldy, g > 0)
		}
	}
	for i := 0; i < m; i++ {
		src := yi[i*n+j0 : i*n+j0+cols]
		if cols < nr {
			src = scratch[i*nr : i*nr+cols]
		}
		q.dequant(y[i*n+j0:i*n+j0+cols], src, act.comp[i], act.scale[i], q.scale[j0:j0+cols], bias[j0:j0+cols])
	}
	return scratch
}

// dequant writes dst[c] = float32(src[c] − comp)·sx·scale[c] + bias[c];
// dst and src may be the same memory.
func (q *Int8Matrix) dequant(dst []float32, src []int32, comp int32, sx float32, scale, bias []float32) {
	n := 0
	if f, lanes := asmDequant(q.kern); f != nil {
		n = len(dst) &^ (lanes - 1)
		if n > 0 {
			f(&dst[0], &src[0], n, comp, sx, &scale[0], &bias[0])
		}
	}
	for c := n; c < len(dst); c++ {
		// The conversion rounds the product, so that no compiler fuses it
		// with the addition: every kernel rounds alike.
		f := float32(float32(src[c]-comp) * sx * scale[c])
		dst[c] = f + bias[c]
	}
}
