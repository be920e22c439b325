package gemm

import "golang.org/x/sys/cpu"

// asmFloatKernel returns the assembly float32 kernels of i, or nil where
// the CPU cannot run them.
func asmFloatKernel(i ISA) *sgemmKernel {
	switch {
	case i == AVX512 && cpu.X86.HasAVX512F:
		return &sgemmKernel{name: "avx512", nr: 64, kc: 128, tiles: []sgemmTile{
			sgemmAVX512x1, sgemmAVX512x2, sgemmAVX512x3, sgemmAVX512x4, sgemmAVX512x5, sgemmAVX512x6,
		}}
	case i >= AVX2 && cpu.X86.HasAVX2 && cpu.X86.HasFMA:
		if i == AVX512 {
			return nil // a CPU with AVX2 but not AVX-512 runs the avx2 family
		}
		return &sgemmKernel{name: "avx2", nr: 16, kc: 512, tiles: []sgemmTile{
			sgemmAVX2x1, sgemmAVX2x2, sgemmAVX2x3, sgemmAVX2x4, sgemmAVX2x5, sgemmAVX2x6,
		}}
	}
	return nil
}

// asmIntKernel returns the assembly int8 kernels of i, or nil.
func asmIntKernel(i ISA) *igemmKernel {
	if i == AVX512 && cpu.X86.HasAVX512F && cpu.X86.HasAVX512VNNI {
		return &igemmKernel{name: "avx512-vnni", nr: 64, kc: 128, unsigned: true, tiles: []igemmTile{
			igemmVNNIx1, igemmVNNIx2, igemmVNNIx3, igemmVNNIx4, igemmVNNIx5, igemmVNNIx6,
		}}
	}
	if i >= AVX2 && cpu.X86.HasAVX2 {
		return &igemmKernel{name: "avx2", nr: 16, kc: 512, tiles: []igemmTile{
			igemmAVX2x1, igemmAVX2x2, igemmAVX2x3, igemmAVX2x4,
		}}
	}
	return nil
}

// asmExp returns the exponential-sum kernel of i and its lanes, or nil.
func asmExp(i ISA) (expFunc, int) {
	if f := asmFloatKernel(i); f == nil || f.name == "portable" {
		return nil, 0
	}
	if i == AVX512 {
		return expSumAVX512, 16
	}
	return expSumAVX2, 8
}

// dequantFunc scales int32 sums to float32 (see Int8Matrix.dequant).
type dequantFunc func(dst *float32, src *int32, n int, comp int32, sx float32, scale *float32, bias *float32)

// asmDequant returns the scaling kernel that goes with kern, or nil.
func asmDequant(kern *igemmKernel) (dequantFunc, int) {
	switch kern.name {
	case "avx512-vnni":
		return dequantAVX512, 16
	case "avx2":
		return dequantAVX2, 8
	}
	return nil, 0
}

// asmVector returns the element-wise kernels of i, or Go ones.
func asmVector(i ISA) Vector {
	if f := asmFloatKernel(i); f == nil || f.name == "portable" {
		return Vector{}
	}
	if i == AVX512 {
		return Vector{lanes: 16, dot: dotAVX512, axpy: axpyAVX512, silu: siluAVX512}
	}
	return Vector{lanes: 8, dot: dotAVX2, axpy: axpyAVX2, silu: siluAVX2}
}

// quantKernels quantise rows of activations.
type quantKernels struct {
	lanes    int
	absMax   func(x *float32, n int) float32
	quantize func(dst *int8, x *float32, n int, inv float32) int32
}

// asmQuant returns the quantising kernels that go with kern, or none.
func asmQuant(kern *igemmKernel) quantKernels {
	switch kern.name {
	case "avx512-vnni":
		return quantKernels{16, absMaxAVX512, quantizeAVX512}
	case "avx2":
		return quantKernels{8, absMaxAVX2, quantizeAVX2}
	}
	return quantKernels{}
}
