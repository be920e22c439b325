package model

import (
	"fmt"
	"strings"
)

// Precision is how the weights are held and multiplied.
type Precision int

const (
	// FP32 keeps the weights in float32: the reference computation.
	FP32 Precision = iota
	// Int8 quantises the weights per output row at load time and the
	// activations per row on the fly, and multiplies in int32.
	Int8
	// Int8Weights quantises the weights as Int8 does but keeps float32
	// activations and arithmetic: it isolates the weights' share of Int8's
	// error (a measuring mode, not offered to users).
	Int8Weights
)

func (p Precision) String() string {
	switch p {
	case Int8:
		return "int8"
	case Int8Weights:
		return "int8-weights"
	}
	return "fp32"
}

// ParsePrecision reads "fp32" (or "") and "int8".
func ParsePrecision(s string) (Precision, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "fp32", "float32":
		return FP32, nil
	case "int8":
		return Int8, nil
	case "int8-weights":
		return Int8Weights, nil
	}
	return FP32, fmt.Errorf("unknown precision %q (want fp32 or int8)", s)
}

// Options choose how a model computes.
type Options struct {
	// Precision of the weights and products (default FP32).
	Precision Precision
	// Kernels names the matrix kernels: "" or "auto" for the fastest this
	// CPU runs, "portable", "avx2" or "avx512" (see package gemm).
	Kernels string
}
