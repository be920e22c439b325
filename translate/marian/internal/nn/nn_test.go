package nn

import (
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

func TestMatMulT(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	// Shapes cover every tile path and the parallel split.
	for _, s := range [][3]int{{1, 5, 3}, {2, 8, 4}, {3, 7, 9}, {5, 64, 130}, {17, 96, 301}} {
		m, k, n := s[0], s[1], s[2]
		x, w, bias := randSlice(rng, m*k), randSlice(rng, n*k), randSlice(rng, n)
		y := make([]float32, m*n)
		MatMulT(y, x, w, bias, m, k, n)
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				var want float64
				for p := 0; p < k; p++ {
					want += float64(x[i*k+p]) * float64(w[j*k+p])
				}
				want += float64(bias[j])
				if d := math.Abs(float64(y[i*n+j]) - want); d > 1e-4*math.Max(1, math.Abs(want)) {
					t.Fatalf("%v: y[%d][%d] = %v, want %v", s, i, j, y[i*n+j], want)
				}
			}
		}
	}
}

func TestMatMulRowsIndependent(t *testing.T) {
	// A row's result must be bit-identical alone and inside a batch.
	rng := rand.New(rand.NewPCG(9, 10))
	m, k, n := 7, 300, 1001
	x, w := randSlice(rng, m*k), randSlice(rng, n*k)
	all := make([]float32, m*n)
	MatMulT(all, x, w, nil, m, k, n)
	for i := 0; i < m; i++ {
		one := make([]float32, n)
		MatMulT(one, x[i*k:(i+1)*k], w, nil, 1, k, n)
		for j := range one {
			if math.Float32bits(one[j]) != math.Float32bits(all[i*n+j]) {
				t.Fatalf("row %d col %d: %v alone, %v in a batch", i, j, one[j], all[i*n+j])
			}
		}
	}
}

func TestSoftmaxAndActivations(t *testing.T) {
	x := []float32{1, 2, 3}
	Softmax(x)
	if s := x[0] + x[1] + x[2]; math.Abs(float64(s)-1) > 1e-6 || !(x[2] > x[1] && x[1] > x[0]) {
		t.Errorf("Softmax = %v", x)
	}
	l := []float32{float32(math.Inf(-1)), 0, 0}
	LogSoftmax(l)
	if !math.IsInf(float64(l[0]), -1) || math.Abs(float64(l[1])+math.Ln2) > 1e-6 {
		t.Errorf("LogSoftmax = %v", l)
	}
	for name, want := range map[string]float32{"swish": 0.7310586, "relu": 1, "gelu": 0.8413447, "gelu_new": 0.841192} {
		f, err := ActivationByName(name)
		if err != nil {
			t.Fatal(err)
		}
		v := []float32{1}
		f(v)
		if math.Abs(float64(v[0]-want)) > 1e-5 {
			t.Errorf("%s(1) = %v, want %v", name, v[0], want)
		}
	}
	if _, err := ActivationByName("tanh-magique"); err == nil {
		t.Error("unknown activation accepted")
	}
}

func TestLayerNorm(t *testing.T) {
	x := []float32{1, 2, 3, 4, 10, 10, 10, 10}
	LayerNorm(x, []float32{1, 1, 1, 1}, []float32{0, 0, 0, 0.5}, 1e-5)
	if math.Abs(float64(x[0]+x[1]+x[2]+x[3]-0.5)) > 1e-5 || x[3] < x[2] || x[4] != 0 || x[7] != 0.5 {
		t.Errorf("LayerNorm = %v", x)
	}
}

func BenchmarkMatMulT(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, s := range [][3]int{{1, 512, 59514}, {16, 512, 2048}, {64, 512, 512}} {
		m, k, n := s[0], s[1], s[2]
		x, w := randSlice(rng, m*k), randSlice(rng, n*k)
		y := make([]float32, m*n)
		b.Run(fmtShape(s), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				MatMulT(y, x, w, nil, m, k, n)
			}
			b.ReportMetric(float64(b.N)*float64(m*k*n)/b.Elapsed().Seconds()/1e9, "GMAC/s")
		})
	}
}

func fmtShape(s [3]int) string {
	return "m" + itoa(s[0]) + "k" + itoa(s[1]) + "n" + itoa(s[2])
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
