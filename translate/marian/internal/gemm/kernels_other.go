//go:build !amd64

package gemm

// asmFloatKernel returns nil: only amd64 has assembly kernels.
func asmFloatKernel(ISA) *sgemmKernel { return nil }

// asmIntKernel returns nil: only amd64 has assembly kernels.
func asmIntKernel(ISA) *igemmKernel { return nil }

// asmExp returns nil: only amd64 has assembly kernels.
func asmExp(ISA) (expFunc, int) { return nil, 0 }
