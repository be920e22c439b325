//go:build !amd64

package gemm

// asmFloatKernel returns nil: only amd64 has assembly kernels.
func asmFloatKernel(ISA) *sgemmKernel { return nil }

// asmIntKernel returns nil: only amd64 has assembly kernels.
func asmIntKernel(ISA) *igemmKernel { return nil }

// asmExp returns nil: only amd64 has assembly kernels.
func asmExp(ISA) (expFunc, int) { return nil, 0 }

// dequantFunc scales int32 sums to float32 (see Int8Matrix.dequant).
type dequantFunc func(dst *float32, src *int32, n int, comp int32, sx float32, scale *float32, bias *float32)

// asmDequant returns nil: only amd64 has assembly kernels.
func asmDequant(*igemmKernel) (dequantFunc, int) { return nil, 0 }
