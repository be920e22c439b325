// Command gen writes the assembly kernels of package gemm with avo
// (github.com/mmcloughlin/avo). It is its own module so that avo stays out
// of bitext's dependencies; run it through go generate in the gemm folder:
//
//	go generate ./translate/marian/internal/gemm
//
// Every kernel computes one tile of rows × panel columns of a product with
// weights packed by package gemm, accumulating each output in order of
// increasing k (see the package documentation of gemm).
package main

import (
	"fmt"
	"math"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

func main() {
	for mr := 1; mr <= 6; mr++ {
		sgemm(fmt.Sprintf("sgemmAVX512x%d", mr), mr, avx512)
	}
	for mr := 1; mr <= 6; mr++ {
		sgemm(fmt.Sprintf("sgemmAVX2x%d", mr), mr, avx2)
	}
	for mr := 1; mr <= 6; mr++ {
		igemmVNNI(fmt.Sprintf("igemmVNNIx%d", mr), mr)
	}
	for mr := 1; mr <= 4; mr++ {
		igemmAVX2(fmt.Sprintf("igemmAVX2x%d", mr), mr)
	}
	dequant("dequantAVX512", avx512)
	dequant("dequantAVX2", avx2)
	absMax("absMaxAVX512", avx512)
	absMax("absMaxAVX2", avx2)
	quantize("quantizeAVX512", avx512)
	quantize("quantizeAVX2", avx2)
	silu("siluAVX512", avx512)
	silu("siluAVX2", avx2)
	dot("dotAVX512", avx512)
	dot("dotAVX2", avx2)
	axpy("axpyAVX512", avx512)
	axpy("axpyAVX2", avx2)
	expSum("expSumAVX512", avx512)
	expSum("expSumAVX2", avx2)
	Generate()
}

// isa describes the vector unit a float32 kernel targets.
type isa struct {
	name  string
	vec   func() VecVirtual
	lanes int // float32 lanes of a register
	vecs  int // registers per row of the tile: the panel is vecs×lanes wide
}

var (
	avx512 = isa{name: "AVX-512F", vec: ZMM, lanes: 16, vecs: 4}
	avx2   = isa{name: "AVX2 and FMA", vec: YMM, lanes: 8, vecs: 2}
)

// rowPointers loads x and returns the addresses of its first mr rows.
func rowPointers(mr int, ldxBytes Register) []Register {
	rows := []Register{Load(Param("x"), GP64())}
	for i := 1; i < mr; i++ {
		r := GP64()
		LEAQ(Mem{Base: rows[i-1], Index: ldxBytes, Scale: 1}, r)
		rows = append(rows, r)
	}
	return rows
}

// loadTile allocates the accumulators with vec and zeroes them, or loads
// them from y when the parameter load is set (a later block of k).
func loadTile(acc [][]VecVirtual, width int, vec func() VecVirtual, zero func(VecVirtual)) {
	ld := Load(Param("load"), GP8())
	for i := range acc {
		for v := range acc[i] {
			acc[i][v] = vec()
		}
	}
	TESTB(ld, ld)
	JZ(LabelRef("zero"))
	tileMoves(acc, width, true)
	JMP(LabelRef("start"))
	Label("zero")
	for _, row := range acc {
		for _, a := range row {
			zero(a)
		}
	}
	Label("start")
}

// tileMoves loads (or stores) the tile's accumulators from (to) y.
func tileMoves(acc [][]VecVirtual, width int, load bool) {
	y := Load(Param("y"), GP64())
	ldy := Load(Param("ldy"), GP64())
	SHLQ(Imm(2), ldy)
	for i, row := range acc {
		for v, a := range row {
			m := Mem{Base: y, Disp: v * width}
			if load {
				VMOVUPS(m, a)
			} else {
				VMOVUPS(a, m)
			}
		}
		if i < len(acc)-1 {
			ADDQ(ldy, y)
		}
	}
}

// sgemm writes y[0:mr][0:panel] (+)= x[0:mr][0:k] · w for one panel of
// float32 weights packed as k rows of panel values.
func sgemm(name string, mr int, s isa) {
	TEXT(name, NOSPLIT, "func(k int, x *float32, ldx int, w *float32, y *float32, ldy int, load bool)")
	Doc(fmt.Sprintf("%s computes a tile of %d rows × %d columns of a float32 product (%s).", name, mr, s.lanes*s.vecs, s.name))
	ldx := Load(Param("ldx"), GP64())
	SHLQ(Imm(2), ldx)
	rows := rowPointers(mr, ldx)
	acc := make([][]VecVirtual, mr)
	for i := range acc {
		acc[i] = make([]VecVirtual, s.vecs)
	}
	loadTile(acc, 4*s.lanes, s.vec, func(a VecVirtual) { VXORPS(a, a, a) })
	k := Load(Param("k"), GP64())
	w := Load(Param("w"), GP64())
	kk := GP64()
	XORQ(kk, kk)
	TESTQ(k, k)
	JZ(LabelRef("store"))
	Label("loop")
	wv := make([]VecVirtual, s.vecs)
	for v := range wv {
		wv[v] = s.vec()
		VMOVUPS(Mem{Base: w, Disp: v * 4 * s.lanes}, wv[v])
	}
	for i, r := range rows {
		b := s.vec()
		VBROADCASTSS(Mem{Base: r, Index: kk, Scale: 4}, b)
		for v := range wv {
			VFMADD231PS(wv[v], b, acc[i][v])
		}
	}
	ADDQ(U32(uint32(4*s.lanes*s.vecs)), w)
	INCQ(kk)
	CMPQ(kk, k)
	JLT(LabelRef("loop"))
	Label("store")
	tileMoves(acc, 4*s.lanes, false)
	VZEROUPPER()
	RET()
}

// igemmStart begins an int8 tile: the row pointers, the accumulators
// (zeroed or loaded), and k (in bytes), w and the byte index kk of the
// loop, jumping to "store" when k is 0.
func igemmStart(mr, vecs, width int, vec func() VecVirtual, zero func(VecVirtual)) (rows []Register, acc [][]VecVirtual, k, w, kk Register) {
	ldx := Load(Param("ldx"), GP64())
	rows = rowPointers(mr, ldx)
	acc = make([][]VecVirtual, mr)
	for i := range acc {
		acc[i] = make([]VecVirtual, vecs)
	}
	loadTile(acc, width, vec, zero)
	k = Load(Param("k"), GP64())
	w = Load(Param("w"), GP64())
	kk = GP64()
	XORQ(kk, kk)
	SHLQ(Imm(2), k)
	TESTQ(k, k)
	JZ(LabelRef("store"))
	return rows, acc, k, w, kk
}

// igemmVNNI writes y[0:mr][0:64] (+)= Σ x·(w+128) in int32 for one panel
// of weights packed as k/4 groups of 64 columns × 4 unsigned bytes (the
// signed weight plus 128), x being rows of signed bytes (AVX-512 VNNI).
func igemmVNNI(name string, mr int) {
	const vecs = 4
	TEXT(name, NOSPLIT, "func(k int, x *int8, ldx int, w *uint8, y *int32, ldy int, load bool)")
	Doc(fmt.Sprintf("%s computes a tile of %d rows × 64 columns of an int8 product (AVX-512 VNNI); k counts groups of 4 bytes.", name, mr))
	rows, acc, k, w, kk := igemmStart(mr, vecs, 64, ZMM, func(a VecVirtual) { VPXORD(a, a, a) })
	Label("loop")
	wv := make([]VecVirtual, vecs)
	for v := range wv {
		wv[v] = ZMM()
		VMOVDQU32(Mem{Base: w, Disp: v * 64}, wv[v])
	}
	for i, r := range rows {
		xb := ZMM()
		VPBROADCASTD(Mem{Base: r, Index: kk, Scale: 1}, xb)
		for v := range wv {
			VPDPBUSD(xb, wv[v], acc[i][v])
		}
	}
	ADDQ(U32(256), w)
	ADDQ(Imm(4), kk)
	CMPQ(kk, k)
	JLT(LabelRef("loop"))
	Label("store")
	tileMoves(acc, 64, false)
	VZEROUPPER()
	RET()
}

// igemmAVX2 writes y[0:mr][0:16] (+)= Σ x·w in int32 for one panel of
// signed weights packed as k/4 groups of 16 columns × 4 bytes. Products of
// |x| and w·sign(x) (VPMADDUBSW) never saturate, as |x|, |w| ≤ 127.
func igemmAVX2(name string, mr int) {
	const vecs = 2
	TEXT(name, NOSPLIT, "func(k int, x *int8, ldx int, w *uint8, y *int32, ldy int, load bool)")
	Doc(fmt.Sprintf("%s computes a tile of %d rows × 16 columns of an int8 product (AVX2); k counts groups of 4 bytes.", name, mr))
	rows, acc, k, w, kk := igemmStart(mr, vecs, 32, YMM, func(a VecVirtual) { VPXOR(a, a, a) })
	ones := YMM()
	one := GP32()
	MOVL(U32(0x00010001), one)
	MOVD(one, ones.AsX())
	VPBROADCASTD(ones.AsX(), ones)
	Label("loop")
	wv := make([]VecVirtual, vecs)
	for v := range wv {
		wv[v] = YMM()
		VMOVDQU(Mem{Base: w, Disp: v * 32}, wv[v])
	}
	for i, r := range rows {
		xb, xa := YMM(), YMM()
		VPBROADCASTD(Mem{Base: r, Index: kk, Scale: 1}, xb)
		VPABSB(xb, xa)
		for v := range wv {
			t := YMM()
			VPSIGNB(xb, wv[v], t)
			VPMADDUBSW(t, xa, t)
			VPMADDWD(ones, t, t)
			VPADDD(t, acc[i][v], acc[i][v])
		}
	}
	ADDQ(U32(64), w)
	ADDQ(Imm(4), kk)
	CMPQ(kk, k)
	JLT(LabelRef("loop"))
	Label("store")
	tileMoves(acc, 32, false)
	VZEROUPPER()
	RET()
}

// expConstants are those of expf in the gemm package (expRef): the
// clamp, log2(e), ln 2 in two parts and the polynomial of e^r on
// [-ln2/2, ln2/2] (Cephes).
var expConstants = []float32{
	-86, math.Log2E, 0.693359375, -2.12194440e-4,
	1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1, 1,
}

var expData Mem

// expSum writes a function returning Σ exp(x[i] - max) over n values (a
// multiple of the register's lanes), with one accumulator per lane added
// up at the end in a fixed order.
func expSum(name string, s isa) {
	TEXT(name, NOSPLIT, "func(x *float32, n int, max float32) float32")
	Doc(fmt.Sprintf("%s returns the sum of exp(x[i] - max) for i < n, n a multiple of %d (%s).", name, s.lanes, s.name))
	c := loadExpConstants(s)
	mx := s.vec()
	VBROADCASTSS(Load(Param("max"), XMM()), mx)
	x := Load(Param("x"), GP64())
	n := Load(Param("n"), GP64())
	acc := s.vec()
	VXORPS(acc, acc, acc)
	TESTQ(n, n)
	JZ(LabelRef("done"))
	Label("loop")
	v := s.vec()
	VMOVUPS(Mem{Base: x}, v)
	VSUBPS(mx, v, v)
	p := expOf(v, c, s)
	VADDPS(p, acc, acc)
	ADDQ(U32(uint32(4*s.lanes)), x)
	SUBQ(U32(uint32(s.lanes)), n)
	JNZ(LabelRef("loop"))
	Label("done")
	sum := reduce(acc, s)
	Store(sum, ReturnIndex(0))
	VZEROUPPER()
	RET()
}

// reduce adds the lanes of acc: halves first, then pairs.
func reduce(acc VecVirtual, s isa) VecVirtual {
	y := acc
	if s.lanes == 16 {
		hi := YMM()
		VEXTRACTF64X4(Imm(1), acc, hi)
		lo := YMM()
		VMOVAPS(acc.AsY(), lo)
		VADDPS(hi, lo, lo)
		y = lo
	}
	hi := XMM()
	VEXTRACTF128(Imm(1), y, hi)
	x := XMM()
	VMOVAPS(y.AsX(), x)
	VADDPS(hi, x, x)
	VHADDPS(x, x, x)
	VHADDPS(x, x, x)
	return x
}

// dequant writes dst[j] = float32(src[j] − comp)·sx·scale[j] + bias[j]
// for n values (a multiple of the lanes), multiplying and adding
// separately (no fused multiply-add) so that every kernel rounds alike.
func dequant(name string, s isa) {
	TEXT(name, NOSPLIT, "func(dst *float32, src *int32, n int, comp int32, sx float32, scale *float32, bias *float32)")
	Doc(fmt.Sprintf("%s scales int32 sums to float32 (%s).", name, s.name))
	dst := Load(Param("dst"), GP64())
	src := Load(Param("src"), GP64())
	n := Load(Param("n"), GP64())
	scale := Load(Param("scale"), GP64())
	bias := Load(Param("bias"), GP64())
	comp, sx := s.vec(), s.vec()
	cx := XMM()
	MOVD(Load(Param("comp"), GP32()), cx)
	VPBROADCASTD(cx, comp)
	VBROADCASTSS(Load(Param("sx"), XMM()), sx)
	TESTQ(n, n)
	JZ(LabelRef("done"))
	Label("loop")
	v := s.vec()
	VMOVDQU32orU(Mem{Base: src}, v, s)
	VPSUBD(comp, v, v)
	VCVTDQ2PS(v, v)
	VMULPS(sx, v, v)
	VMULPS(Mem{Base: scale}, v, v)
	VADDPS(Mem{Base: bias}, v, v)
	VMOVUPS(v, Mem{Base: dst})
	for _, r := range []Register{dst, src, scale, bias} {
		ADDQ(U32(uint32(4*s.lanes)), r)
	}
	SUBQ(U32(uint32(s.lanes)), n)
	JNZ(LabelRef("loop"))
	Label("done")
	VZEROUPPER()
	RET()
}

// VMOVDQU32orU loads integers: VMOVDQU32 for zmm, VMOVDQU for ymm.
func VMOVDQU32orU(m Mem, v VecVirtual, s isa) {
	if s.lanes == 16 {
		VMOVDQU32(m, v)
		return
	}
	VMOVDQU(m, v)
}

// loadExpConstants broadcasts expConstants into registers.
func loadExpConstants(s isa) []VecVirtual {
	if expData.Symbol.Name == "" {
		expData = GLOBL("expconst", RODATA|NOPTR)
		for i, c := range expConstants {
			DATA(4*i, F32(c))
		}
	}
	c := make([]VecVirtual, len(expConstants))
	for i := range c {
		c[i] = s.vec()
		VBROADCASTSS(expData.Offset(4*i), c[i])
	}
	return c
}

// expOf returns exp(v) for v ≤ 0 (v is clobbered): n = round(v·log2 e),
// r = v − n·ln 2, a polynomial of r, times 2ⁿ.
func expOf(v VecVirtual, c []VecVirtual, s isa) VecVirtual {
	k, r, z, p := s.vec(), s.vec(), s.vec(), s.vec()
	VMAXPS(c[0], v, v)
	VMULPS(c[1], v, k)
	VCVTPS2DQ(k, k)
	VCVTDQ2PS(k, r)
	VFNMADD231PS(c[2], r, v)
	VFNMADD231PS(c[3], r, v)
	VMULPS(v, v, z)
	VMOVUPS(c[4], p)
	for _, ci := range c[5:10] {
		VFMADD213PS(ci, v, p)
	}
	VFMADD213PS(v, z, p)
	VADDPS(c[10], p, p)
	VPSLLD(Imm(23), k, k)
	VPADDD(k, p, p)
	return p
}

// silu writes x[i] = x·exp(min(x,0)) / (1 + exp(−|x|)) in place, for n
// values (a multiple of the lanes): x·sigmoid(x) with both exponentials of
// a non-positive argument.
func silu(name string, s isa) {
	TEXT(name, NOSPLIT, "func(x *float32, n int)")
	Doc(fmt.Sprintf("%s applies SiLU (swish) in place (%s).", name, s.name))
	c := loadExpConstants(s)
	x := Load(Param("x"), GP64())
	n := Load(Param("n"), GP64())
	zero := s.vec()
	VXORPS(zero, zero, zero)
	TESTQ(n, n)
	JZ(LabelRef("done"))
	Label("loop")
	v, a, b := s.vec(), s.vec(), s.vec()
	VMOVUPS(Mem{Base: x}, v)
	VMINPS(zero, v, a)
	VSUBPS(v, zero, b)
	VMINPS(v, b, b)
	e1 := expOf(a, c, s)
	e2 := expOf(b, c, s)
	VADDPS(c[10], e2, e2)
	VMULPS(e1, v, v)
	VDIVPS(e2, v, v)
	VMOVUPS(v, Mem{Base: x})
	ADDQ(U32(uint32(4*s.lanes)), x)
	SUBQ(U32(uint32(s.lanes)), n)
	JNZ(LabelRef("loop"))
	Label("done")
	VZEROUPPER()
	RET()
}

// dot writes a function returning Σ a[i]·b[i] for n values (a multiple
// of the lanes): one accumulator per lane, added up in a fixed order.
func dot(name string, s isa) {
	TEXT(name, NOSPLIT, "func(a *float32, b *float32, n int) float32")
	Doc(fmt.Sprintf("%s returns the dot product of n values (%s).", name, s.name))
	a := Load(Param("a"), GP64())
	b := Load(Param("b"), GP64())
	n := Load(Param("n"), GP64())
	acc := s.vec()
	VXORPS(acc, acc, acc)
	TESTQ(n, n)
	JZ(LabelRef("done"))
	Label("loop")
	v := s.vec()
	VMOVUPS(Mem{Base: a}, v)
	VFMADD231PS(Mem{Base: b}, v, acc)
	ADDQ(U32(uint32(4*s.lanes)), a)
	ADDQ(U32(uint32(4*s.lanes)), b)
	SUBQ(U32(uint32(s.lanes)), n)
	JNZ(LabelRef("loop"))
	Label("done")
	Store(reduce(acc, s), ReturnIndex(0))
	VZEROUPPER()
	RET()
}

// axpy writes y[i] += alpha·x[i] for n values (a multiple of the lanes).
func axpy(name string, s isa) {
	TEXT(name, NOSPLIT, "func(y *float32, alpha float32, x *float32, n int)")
	Doc(fmt.Sprintf("%s adds alpha·x to y (%s).", name, s.name))
	y := Load(Param("y"), GP64())
	x := Load(Param("x"), GP64())
	n := Load(Param("n"), GP64())
	al := s.vec()
	VBROADCASTSS(Load(Param("alpha"), XMM()), al)
	TESTQ(n, n)
	JZ(LabelRef("done"))
	Label("loop")
	v := s.vec()
	VMOVUPS(Mem{Base: y}, v)
	VFMADD231PS(Mem{Base: x}, al, v)
	VMOVUPS(v, Mem{Base: y})
	ADDQ(U32(uint32(4*s.lanes)), x)
	ADDQ(U32(uint32(4*s.lanes)), y)
	SUBQ(U32(uint32(s.lanes)), n)
	JNZ(LabelRef("loop"))
	Label("done")
	VZEROUPPER()
	RET()
}

var absMask Mem

// absMax writes a function returning max |x[i]| over n values (a multiple
// of the lanes).
func absMax(name string, s isa) {
	if absMask.Symbol.Name == "" {
		absMask = GLOBL("absmask", RODATA|NOPTR)
		DATA(0, U32(0x7fffffff))
	}
	TEXT(name, NOSPLIT, "func(x *float32, n int) float32")
	Doc(fmt.Sprintf("%s returns the largest |x[i]| of n values (%s).", name, s.name))
	x := Load(Param("x"), GP64())
	n := Load(Param("n"), GP64())
	mask, acc := s.vec(), s.vec()
	VBROADCASTSS(absMask, mask)
	VXORPS(acc, acc, acc)
	TESTQ(n, n)
	JZ(LabelRef("done"))
	Label("loop")
	v := s.vec()
	if s.lanes == 16 {
		VPANDD(Mem{Base: x}, mask, v) // VANDPS on zmm would need AVX-512DQ
	} else {
		VANDPS(Mem{Base: x}, mask, v)
	}
	VMAXPS(v, acc, acc)
	ADDQ(U32(uint32(4*s.lanes)), x)
	SUBQ(U32(uint32(s.lanes)), n)
	JNZ(LabelRef("loop"))
	Label("done")
	y := acc
	if s.lanes == 16 {
		hi := YMM()
		VEXTRACTF64X4(Imm(1), acc, hi)
		lo := YMM()
		VMOVAPS(acc.AsY(), lo)
		VMAXPS(hi, lo, lo)
		y = lo
	}
	hi, r := XMM(), XMM()
	VEXTRACTF128(Imm(1), y, hi)
	VMOVAPS(y.AsX(), r)
	VMAXPS(hi, r, r)
	t := XMM()
	VPSHUFD(Imm(0x4e), r, t)
	VMAXPS(t, r, r)
	VPSHUFD(Imm(0xb1), r, t)
	VMAXPS(t, r, r)
	Store(r, ReturnIndex(0))
	VZEROUPPER()
	RET()
}

// quantize writes dst[i] = round(x[i]·inv) (ties to even, as the rounding
// mode is) as signed bytes for n values (a multiple of the lanes), and
// returns their sum; |x[i]·inv| must not exceed 127.5.
func quantize(name string, s isa) {
	TEXT(name, NOSPLIT, "func(dst *int8, x *float32, n int, inv float32) int32")
	Doc(fmt.Sprintf("%s quantises n values to int8 and returns their sum (%s).", name, s.name))
	dst := Load(Param("dst"), GP64())
	x := Load(Param("x"), GP64())
	n := Load(Param("n"), GP64())
	inv, sum := s.vec(), s.vec()
	VBROADCASTSS(Load(Param("inv"), XMM()), inv)
	VPXORx(sum, s)
	TESTQ(n, n)
	JZ(LabelRef("done"))
	Label("loop")
	v := s.vec()
	VMULPS(Mem{Base: x}, inv, v)
	VCVTPS2DQ(v, v)
	VPADDD(v, sum, sum)
	if s.lanes == 16 {
		VPMOVSDB(v, Mem{Base: dst})
	} else {
		hi := XMM()
		VEXTRACTI128(Imm(1), v, hi)
		w := XMM()
		VPACKSSDW(hi, v.AsX(), w)
		VPACKSSWB(w, w, w)
		VMOVQ(w, Mem{Base: dst})
	}
	ADDQ(U32(uint32(4*s.lanes)), x)
	ADDQ(U32(uint32(s.lanes)), dst)
	SUBQ(U32(uint32(s.lanes)), n)
	JNZ(LabelRef("loop"))
	Label("done")
	y := sum
	if s.lanes == 16 {
		hi := YMM()
		VEXTRACTI64X4(Imm(1), sum, hi)
		lo := YMM()
		VMOVDQA(sum.AsY(), lo)
		VPADDD(hi, lo, lo)
		y = lo
	}
	hi, r := XMM(), XMM()
	VEXTRACTI128(Imm(1), y, hi)
	VMOVDQA(y.AsX(), r)
	VPADDD(hi, r, r)
	VPHADDD(r, r, r)
	VPHADDD(r, r, r)
	out := GP32()
	MOVD(r, out)
	Store(out, ReturnIndex(0))
	VZEROUPPER()
	RET()
}

// VPXORx zeroes an integer register of either width.
func VPXORx(v VecVirtual, s isa) {
	if s.lanes == 16 {
		VPXORD(v, v, v)
		return
	}
	VPXOR(v, v, v)
}
