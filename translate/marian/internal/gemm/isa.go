package gemm

import (
	"fmt"
	"strings"
)

// ISA names a family of kernels.
type ISA int

const (
	// Portable kernels are written in Go and run everywhere.
	Portable ISA = iota
	// AVX2 kernels need AVX2 and FMA.
	AVX2
	// AVX512 kernels need AVX-512F (and VNNI for int8, else AVX2's).
	AVX512
)

// ISAs lists every family, slowest first.
func ISAs() []ISA { return []ISA{Portable, AVX2, AVX512} }

func (i ISA) String() string {
	switch i {
	case AVX2:
		return "avx2"
	case AVX512:
		return "avx512"
	}
	return "portable"
}

// ParseISA reads a kernel family name: "auto" (or "") is the best this
// CPU runs, else "portable", "avx2" or "avx512", which this CPU must run.
func ParseISA(s string) (ISA, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || s == "auto" {
		return Detect(), nil
	}
	for _, i := range ISAs() {
		if i.String() != s {
			continue
		}
		if !Supported(i) {
			return Portable, fmt.Errorf("this CPU cannot run the %s kernels", s)
		}
		return i, nil
	}
	return Portable, fmt.Errorf("unknown kernels %q (want auto, portable, avx2 or avx512)", s)
}

// Detect returns the fastest family this CPU runs.
func Detect() ISA {
	for _, i := range []ISA{AVX512, AVX2} {
		if Supported(i) {
			return i
		}
	}
	return Portable
}

// Supported reports whether this CPU runs the family.
func Supported(i ISA) bool { return i == Portable || floatKernel(i).name == i.String() }

// Kernels names the float32 and int8 kernels family i runs here, such as
// "avx512" and "avx512-vnni".
func Kernels(i ISA) (float32Kernel, int8Kernel string) {
	return floatKernel(i).name, intKernel(i).name
}
