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

// asmVector returns the Go element-wise kernels: only amd64 has assembly.
func asmVector(ISA) Vector { return Vector{} }

// quantKernels quantise rows of activations.
type quantKernels struct {
	lanes    int
	absMax   func(x *float32, n int) float32
	quantize func(dst *int8, x *float32, n int, inv float32) int32
}

// asmQuant returns no kernels: only amd64 has assembly.
func asmQuant(*igemmKernel) quantKernels { return quantKernels{} }
