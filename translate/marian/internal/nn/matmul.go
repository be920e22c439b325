// Package nn holds the float32 arithmetic of the MarianMT engine: the
// matrix products of linear layers, layer normalisation, softmax and the
// activation functions.
//
// # Determinism
//
// Every output element of [MatMulT] is a dot product summed in order of
// increasing k with one accumulator, whatever the shape of the product and
// however the work is split between goroutines. A sentence therefore gets
// exactly the same numbers alone and inside a padded batch.
package nn

import (
	"runtime"
	"sync"
)

// parallelWork is the number of multiply-adds above which a product is
// split between goroutines.
const parallelWork = 1 << 17

// MatMulT computes y = x·wᵀ for x of m rows of k values and w of n rows
// of k values (a PyTorch Linear weight, out×in); y has m rows of n values.
// When bias is not nil it is added to every row.
func MatMulT(y, x, w, bias []float32, m, k, n int) {
	if m == 0 || n == 0 {
		return
	}
	_ = y[m*n-1]
	_ = x[m*k-1]
	_ = w[n*k-1]
	workers := runtime.GOMAXPROCS(0)
	if m*n*k < parallelWork || workers < 2 || n < 8 {
		matMulRange(y, x, w, bias, m, k, n, 0, n)
		return
	}
	// Split the output columns (rows of w) so each worker streams its own
	// part of the weights.
	chunk := (n + workers - 1) / workers
	chunk = (chunk + 3) &^ 3
	var wg sync.WaitGroup
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			matMulRange(y, x, w, bias, m, k, n, lo, hi)
		}()
	}
	wg.Wait()
}

// matMulRange computes output columns [lo, hi) in tiles of 4 columns and
// 2 rows, so that each weight row read from memory serves several inputs.
func matMulRange(y, x, w, bias []float32, m, k, n, lo, hi int) {
	j := lo
	for ; j+4 <= hi; j += 4 {
		w0, w1, w2, w3 := w[j*k:(j+1)*k], w[(j+1)*k:(j+2)*k], w[(j+2)*k:(j+3)*k], w[(j+3)*k:(j+4)*k]
		i := 0
		for ; i+2 <= m; i += 2 {
			dot2x4(y[i*n+j:], y[(i+1)*n+j:], x[i*k:(i+1)*k], x[(i+1)*k:(i+2)*k], w0, w1, w2, w3)
		}
		if i < m {
			dot1x4(y[i*n+j:], x[i*k:(i+1)*k], w0, w1, w2, w3)
		}
	}
	for ; j < hi; j++ {
		wj := w[j*k : (j+1)*k]
		for i := 0; i < m; i++ {
			y[i*n+j] = dot(x[i*k:(i+1)*k], wj)
		}
	}
	if bias != nil {
		for i := 0; i < m; i++ {
			row := y[i*n+lo : i*n+hi]
			for jj, b := range bias[lo:hi] {
				row[jj] += b
			}
		}
	}
}

func dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s float32
	for i, v := range a {
		s += v * b[i]
	}
	return s
}

func dot1x4(y, a, w0, w1, w2, w3 []float32) {
	n := len(a)
	w0, w1, w2, w3 = w0[:n], w1[:n], w2[:n], w3[:n]
	var c0, c1, c2, c3 float32
	for i, v := range a {
		c0 += v * w0[i]
		c1 += v * w1[i]
		c2 += v * w2[i]
		c3 += v * w3[i]
	}
	y = y[:4]
	y[0], y[1], y[2], y[3] = c0, c1, c2, c3
}

func dot2x4(y0, y1, a, b, w0, w1, w2, w3 []float32) {
	n := len(a)
	b, w0, w1, w2, w3 = b[:n], w0[:n], w1[:n], w2[:n], w3[:n]
	var c00, c01, c02, c03, c10, c11, c12, c13 float32
	for i, u := range a {
		v := b[i]
		x0, x1, x2, x3 := w0[i], w1[i], w2[i], w3[i]
		c00 += u * x0
		c01 += u * x1
		c02 += u * x2
		c03 += u * x3
		c10 += v * x0
		c11 += v * x1
		c12 += v * x2
		c13 += v * x3
	}
	y0, y1 = y0[:4], y1[:4]
	y0[0], y0[1], y0[2], y0[3] = c00, c01, c02, c03
	y1[0], y1[1], y1[2], y1[3] = c10, c11, c12, c13
}
