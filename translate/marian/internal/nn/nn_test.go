package nn

import (
	"math"
	"testing"
)

func TestSoftmaxAndActivations(t *testing.T) {
	x := []float32{1, 2, 3}
	Softmax(x)
	if s := x[0] + x[1] + x[2]; math.Abs(float64(s)-1) > 1e-6 || !(x[2] > x[1] && x[1] > x[0]) {
		t.Errorf("Softmax = %v", x)
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
