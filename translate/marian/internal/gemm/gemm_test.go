package gemm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func randSlice(rng *rand.Rand, n int) []float32 {
	out := make([]float32, n)
	for i := range out {
		out[i] = float32(rng.NormFloat64())
	}
	return out
}

// reference computes x·wᵀ + bias in float64 from the unpacked weights.
func reference(x, w, bias []float32, m, k, n int) []float64 {
	y := make([]float64, m*n)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			var s float64
			for p := 0; p < k; p++ {
				s += float64(x[i*k+p]) * float64(w[j*k+p])
			}
			if bias != nil {
				s += float64(bias[j])
			}
			y[i*n+j] = s
		}
	}
	return y
}

// supported returns the families this CPU runs, logging the others.
func supported(t testing.TB) []ISA {
	var out []ISA
	for _, i := range ISAs() {
		if !Supported(i) {
			t.Logf("this CPU cannot run the %s kernels: not tested", i)
			continue
		}
		out = append(out, i)
	}
	return out
}

// shapes cover every tile height (1-6 rows and more), partial panels of
// every width (16, 64) and blocks of k (128, 256, 512) with tails.
var shapes = [][3]int{
	{1, 1, 1}, {1, 5, 3}, {2, 8, 16}, {3, 7, 17}, {4, 33, 63}, {5, 64, 64}, {6, 100, 65},
	{7, 129, 130}, {13, 257, 33}, {17, 513, 200}, {16, 512, 300}, {25, 300, 1001},
}

func TestMulTMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, isa := range supported(t) {
		for _, s := range shapes {
			m, k, n := s[0], s[1], s[2]
			x, w, bias := randSlice(rng, m*k), randSlice(rng, n*k), randSlice(rng, n)
			want := reference(x, w, bias, m, k, n)
			a := Pack(isa, w, n, k)
			y := make([]float32, m*n)
			a.MulT(y, x, bias, m)
			for i, v := range y {
				if d := math.Abs(float64(v) - want[i]); d > 1e-4*math.Sqrt(float64(k))*math.Max(1, math.Abs(want[i])) {
					t.Fatalf("%s %v: y[%d] = %v, want %v", a.Kernel(), s, i, v, want[i])
				}
			}
		}
	}
}

func TestMulTRowsIndependent(t *testing.T) {
	// A row's result is bit-identical alone and inside a batch, with the
	// product split between goroutines.
	rng := rand.New(rand.NewPCG(9, 10))
	m, k, n := 11, 300, 1001
	x, w, bias := randSlice(rng, m*k), randSlice(rng, n*k), randSlice(rng, n)
	for _, isa := range supported(t) {
		a := Pack(isa, w, n, k)
		q := Quantize(isa, w, n, k)
		for _, mul := range []func(y, x, bias []float32, m int){a.MulT, q.MulT} {
			all := make([]float32, m*n)
			mul(all, x, bias, m)
			for i := 0; i < m; i++ {
				one := make([]float32, n)
				mul(one, x[i*k:(i+1)*k], bias, 1)
				for j := range one {
					if math.Float32bits(one[j]) != math.Float32bits(all[i*n+j]) {
						t.Fatalf("%s: row %d col %d: %v alone, %v in a batch", isa, i, j, one[j], all[i*n+j])
					}
				}
			}
		}
	}
}

func TestInt8KernelsAgreeExactly(t *testing.T) {
	// Integer sums are exact, so every int8 kernel gives the same bits.
	rng := rand.New(rand.NewPCG(11, 12))
	for _, s := range shapes {
		m, k, n := s[0], s[1], s[2]
		x, w, bias := randSlice(rng, m*k), randSlice(rng, n*k), randSlice(rng, n)
		want := make([]float32, m*n)
		Quantize(Portable, w, n, k).MulT(want, x, bias, m)
		for _, isa := range supported(t) {
			q := Quantize(isa, w, n, k)
			y := make([]float32, m*n)
			q.MulT(y, x, bias, m)
			for i := range y {
				if math.Float32bits(y[i]) != math.Float32bits(want[i]) {
					t.Fatalf("%s %v: y[%d] = %v, portable %v", q.Kernel(), s, i, y[i], want[i])
				}
			}
		}
	}
}

func TestInt8CloseToFloat(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	m, k, n := 9, 512, 130
	x, w := randSlice(rng, m*k), randSlice(rng, n*k)
	want := reference(x, w, nil, m, k, n)
	q := Quantize(Detect(), w, n, k)
	y := make([]float32, m*n)
	q.MulT(y, x, nil, m)
	var num, den float64
	for i, v := range y {
		num += (float64(v) - want[i]) * (float64(v) - want[i])
		den += want[i] * want[i]
	}
	if rel := math.Sqrt(num / den); rel > 0.02 {
		t.Errorf("int8 product off by %.4f of its norm", rel)
	}
	row := make([]float32, k)
	for j := 0; j < n; j += 17 {
		q.Row(j, row)
		for kk, v := range row {
			if d := math.Abs(float64(v - w[j*k+kk])); d > float64(q.scale[j])/2*1.0001 {
				t.Fatalf("row %d col %d dequantised to %v from %v (scale %v)", j, kk, v, w[j*k+kk], q.scale[j])
			}
		}
	}
}

func TestRowAndSelect(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	m, k, n := 3, 70, 150
	x, w := randSlice(rng, m*k), randSlice(rng, n*k)
	rows := []int{149, 0, 64, 65, 17}
	for _, isa := range supported(t) {
		a, q := Pack(isa, w, n, k), Quantize(isa, w, n, k)
		row := make([]float32, k)
		a.Row(77, row)
		for kk, v := range row {
			if v != w[77*k+kk] {
				t.Fatalf("%s: Row(77)[%d] = %v, want %v", isa, kk, v, w[77*k+kk])
			}
		}
		full, part := make([]float32, m*n), make([]float32, m*len(rows))
		for _, pair := range []struct {
			full, sel func(y, x, b []float32, m int)
		}{
			{a.MulT, a.Select(rows).MulT}, {q.MulT, q.Select(rows).MulT},
		} {
			pair.full(full, x, nil, m)
			pair.sel(part, x, nil, m)
			for i := 0; i < m; i++ {
				for c, j := range rows {
					if part[i*len(rows)+c] != full[i*n+j] {
						t.Fatalf("%s: selected row %d gives %v, full product %v", isa, j, part[i*len(rows)+c], full[i*n+j])
					}
				}
			}
		}
	}
}

func TestParseISA(t *testing.T) {
	for _, s := range []string{"", "auto", "AUTO"} {
		if i, err := ParseISA(s); err != nil || i != Detect() {
			t.Errorf("ParseISA(%q) = %v, %v; want %v", s, i, err, Detect())
		}
	}
	if i, err := ParseISA("portable"); err != nil || i != Portable {
		t.Errorf("ParseISA(portable) = %v, %v", i, err)
	}
	if _, err := ParseISA("sse9"); err == nil {
		t.Error("ParseISA(sse9) accepted")
	}
	for _, i := range ISAs() {
		f, q := Kernels(i)
		_, err := ParseISA(i.String())
		if Supported(i) != (err == nil) {
			t.Errorf("%s: Supported %v, ParseISA error %v", i, Supported(i), err)
		}
		t.Logf("%s: float32 kernels %s, int8 kernels %s", i, f, q)
	}
}

// kernelShapes are the products BenchmarkKernels measures (m×k×n): a
// decoder step's feed-forward for 16 sentences, the output layer for 16
// sentences with 4 beams, an encoder projection for 16 sentences of 25
// tokens (opus-mt-fr-en's shapes); small ones with -short.
func kernelShapes() [][3]int {
	if testing.Short() {
		return [][3]int{{16, 64, 256}, {64, 64, 1000}, {40, 64, 64}}
	}
	return [][3]int{{16, 512, 2048}, {64, 512, 59514}, {400, 512, 512}}
}

// BenchmarkKernels measures each family on kernelShapes: GFLOP/s (2 per
// multiply-add) for float32 and int8.
func BenchmarkKernels(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, s := range kernelShapes() {
		m, k, n := s[0], s[1], s[2]
		x, w := randSlice(rng, m*k), randSlice(rng, n*k)
		y := make([]float32, m*n)
		for _, isa := range supported(b) {
			a, q := Pack(isa, w, n, k), Quantize(isa, w, n, k)
			for _, c := range []struct {
				prec string
				mul  func(y, x, b []float32, m int)
			}{{"fp32", a.MulT}, {"int8", q.MulT}} {
				b.Run(fmt.Sprintf("%s/%s/m%dk%dn%d", c.prec, isa, m, k, n), func(b *testing.B) {
					for range b.N {
						c.mul(y, x, nil, m)
					}
					b.ReportMetric(2*float64(b.N)*float64(m*k*n)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
				})
			}
		}
	}
}

func TestExpSum(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	for _, n := range []int{0, 1, 7, 8, 15, 16, 17, 33, 1000, 59514} {
		x := make([]float32, n)
		mx := float32(math.Inf(-1))
		for i := range x {
			x[i] = float32(rng.NormFloat64() * 8)
			if i%97 == 5 {
				x[i] = float32(math.Inf(-1))
			}
			mx = max(mx, x[i])
		}
		var want float64
		for _, v := range x {
			want += math.Exp(float64(v - mx))
		}
		for _, isa := range supported(t) {
			got := ExpSum(isa, x, mx)
			if math.Abs(float64(got)-want) > 1e-5*math.Max(1, want) {
				t.Errorf("%s, %d values: ExpSum = %v, want %v", isa, n, got, want)
			}
		}
	}
	for _, v := range []float32{0, -1e-8, -0.3465, -0.5, -1, -10, -50, -85.9} {
		if got, want := expRef(v), math.Exp(float64(v)); math.Abs(float64(got)-want) > 2e-7*want {
			t.Errorf("expRef(%v) = %v, want %v", v, got, want)
		}
	}
}

func TestVectorKernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 20))
	for _, n := range []int{0, 1, 7, 8, 9, 16, 31, 64, 100} {
		a, b, y := randSlice(rng, n), randSlice(rng, n+3), randSlice(rng, n)
		for i := range a {
			a[i] *= 6 // SiLU over a wide range
		}
		for _, isa := range supported(t) {
			v := VectorKernels(isa)
			var want float64
			for i := range a {
				want += float64(a[i]) * float64(b[i])
			}
			if got := v.Dot(a, b); math.Abs(float64(got)-want) > 1e-5*math.Max(1, math.Abs(want))*float64(max(n, 1)) {
				t.Errorf("%s: Dot of %d = %v, want %v", isa, n, got, want)
			}
			yy := append([]float32{}, y...)
			v.AXPY(yy, 0.75, b)
			for i := range yy {
				if w := y[i] + 0.75*b[i]; math.Abs(float64(yy[i]-w)) > 1e-6*math.Max(1, math.Abs(float64(w))) {
					t.Fatalf("%s: AXPY[%d] = %v, want %v", isa, i, yy[i], w)
				}
			}
			s := append([]float32{}, a...)
			v.SiLU(s)
			for i, x := range a {
				w := float64(x) / (1 + math.Exp(-float64(x)))
				if math.Abs(float64(s[i])-w) > 1e-6*math.Max(1, math.Abs(w)) {
					t.Fatalf("%s: SiLU(%v) = %v, want %v", isa, x, s[i], w)
				}
			}
		}
	}
}
