// Package nn holds the float32 arithmetic of the MarianMT engine outside
// the matrix products (package gemm): layer normalisation, softmax and the
// activation functions, in Go.
package nn

import (
	"fmt"
	"math"
)

// LayerNorm normalises each row of x (rows of len(gamma) values) in place
// to zero mean and unit variance, then scales by gamma and adds beta.
func LayerNorm(x, gamma, beta []float32, eps float32) {
	d := len(gamma)
	for off := 0; off+d <= len(x); off += d {
		row := x[off : off+d]
		var mean float32
		for _, v := range row {
			mean += v
		}
		mean /= float32(d)
		var variance float32
		for _, v := range row {
			variance += (v - mean) * (v - mean)
		}
		variance /= float32(d)
		inv := 1 / float32(math.Sqrt(float64(variance+eps)))
		for i, v := range row {
			row[i] = (v-mean)*inv*gamma[i] + beta[i]
		}
	}
}

// Softmax turns x into probabilities in place.
func Softmax(x []float32) {
	if len(x) == 0 {
		return
	}
	m := x[0]
	for _, v := range x[1:] {
		m = max(m, v)
	}
	var sum float32
	for i, v := range x {
		e := float32(math.Exp(float64(v - m)))
		x[i] = e
		sum += e
	}
	inv := 1 / sum
	for i := range x {
		x[i] *= inv
	}
}

// Activation is an element-wise non-linearity applied in place.
type Activation func(x []float32)

// ActivationByName returns the function a transformers config names
// (activation_function).
func ActivationByName(name string) (Activation, error) {
	switch name {
	case "swish", "silu":
		return silu, nil
	case "relu":
		return relu, nil
	case "gelu":
		return gelu, nil
	case "gelu_new", "gelu_fast", "gelu_pytorch_tanh":
		return geluTanh, nil
	}
	return nil, fmt.Errorf("unsupported activation function %q", name)
}

func silu(x []float32) {
	for i, v := range x {
		x[i] = v / (1 + float32(math.Exp(float64(-v))))
	}
}

func relu(x []float32) {
	for i, v := range x {
		x[i] = max(v, 0)
	}
}

func gelu(x []float32) {
	for i, v := range x {
		x[i] = float32(0.5 * float64(v) * (1 + math.Erf(float64(v)/math.Sqrt2)))
	}
}

func geluTanh(x []float32) {
	const c = 0.7978845608028654 // √(2/π)
	for i, v := range x {
		f := float64(v)
		x[i] = float32(0.5 * f * (1 + math.Tanh(c*(f+0.044715*f*f*f))))
	}
}

// Add adds b to a element-wise in place.
func Add(a, b []float32) {
	b = b[:len(a)]
	for i := range a {
		a[i] += b[i]
	}
}

// Scale multiplies x by s in place.
func Scale(x []float32, s float32) {
	for i := range x {
		x[i] *= s
	}
}
