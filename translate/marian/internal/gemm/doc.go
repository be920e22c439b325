// Package gemm holds the matrix products of the MarianMT engine: weights
// packed once at load time, in float32 or quantised to int8, multiplied by
// rows of activations with the vector units of the CPU.
//
// # Kernels
//
// Each product is cut into panels of output columns (the rows of a
// PyTorch Linear weight), split between goroutines, and each panel into
// blocks of k that stay in the level-1 cache; a kernel computes one tile of
// up to 6 rows × one panel. The kernels are chosen at run time ([Detect],
// golang.org/x/sys/cpu):
//
//   - [AVX512]: float32 with AVX-512F (panels of 64 columns); int8 with
//     AVX-512 VNNI (VPDPBUSD) where the CPU has it, else as [AVX2];
//   - [AVX2]: float32 with AVX2 and FMA (panels of 16); int8 with AVX2;
//   - [Portable]: Go, the fallback and the reference of the tests.
//
// The assembly is generated with avo by the module in gen/ and committed:
//
//	go generate ./translate/marian/internal/gemm
//
// # Determinism
//
// A float32 output is one chain of multiply-adds over k in increasing
// order, plus the bias at the end, whatever the tile, panel, block of k or
// goroutine that computes it; an int8 output is an exact integer sum
// scaled once. A sentence therefore gets exactly the same numbers alone
// and inside a padded batch, with every kernel. The kernels differ from
// one another only in rounding: the assembly fuses each multiply-add (one
// rounding), the portable kernel rounds twice.
//
// # Int8
//
// [Quantize] stores each weight row as bytes with its own scale
// (max |w| / 127); [Int8Matrix.MulT] quantises each row of activations on
// the fly the same way, multiplies in int32 and scales the sums back to
// float32.
package gemm

//go:generate go run -C gen . -out ../kernels_amd64.s -stubs ../stubs_amd64.go -pkg gemm
