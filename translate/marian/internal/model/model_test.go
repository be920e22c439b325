package model

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/bitext/bitext/translate/marian/internal/fixture"
	"github.com/bitext/bitext/translate/marian/internal/gemm"
	"github.com/bitext/bitext/translate/marian/internal/weights"
)

type expectedCase struct {
	Source       string      `json:"source"`
	SourceIDs    []int       `json:"source_ids"`
	EncoderFirst []float32   `json:"encoder_output_first_token"`
	GreedyIDs    []int       `json:"greedy_ids"`
	Beam4IDs     []int       `json:"beam4_ids"`
	DecoderInput []int       `json:"decoder_input_ids"`
	Logits       [][]float32 `json:"logits"`
}

type expectedOutputs struct {
	Cases   []expectedCase `json:"cases"`
	Batched [][]int        `json:"batched_greedy_ids"`
}

// loadFixture loads opus-mt-tiny with the kernels named (see Options).
func loadFixture(t testing.TB, kernels string) (*Model, expectedOutputs) {
	t.Helper()
	dir := fixture.Dir(t)
	m, err := Load(dir, Options{Kernels: kernels})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp expectedOutputs
	if err := json.Unmarshal(data, &exp); err != nil {
		t.Fatal(err)
	}
	if len(exp.Cases) == 0 {
		t.Fatal("no cases in expected.json")
	}
	return m, exp
}

// eachKernel runs f on the fixture with every kernel family this CPU runs
// (the portable one always): fp32 is exact with each.
func eachKernel(t *testing.T, f func(t *testing.T, m *Model, exp expectedOutputs)) {
	for _, isa := range gemm.ISAs() {
		if !gemm.Supported(isa) {
			t.Logf("this CPU cannot run the %s kernels: not tested", isa)
			continue
		}
		t.Run(isa.String(), func(t *testing.T) {
			m, exp := loadFixture(t, isa.String())
			f(t, m, exp)
		})
	}
}

func maxDiff(a, b []float32) float64 {
	if len(a) != len(b) {
		return math.Inf(1)
	}
	d := 0.0
	for i := range a {
		d = max(d, math.Abs(float64(a[i])-float64(b[i])))
	}
	return d
}

func TestPositionsMatchStoredTable(t *testing.T) {
	dir := fixture.Dir(t)
	ts, err := weights.LoadSafetensors(filepath.Join(dir, "model.safetensors"))
	if err != nil {
		t.Fatal(err)
	}
	stored := ts["model.encoder.embed_positions.weight"]
	if stored == nil || len(stored.Shape) != 2 {
		t.Skip("fixture stores no position table")
	}
	got := SinusoidalPositions(stored.Shape[0], stored.Shape[1])
	if d := maxDiff(got, stored.Data); d > 1e-6 {
		t.Errorf("positions differ from the stored table by %g", d)
	}
}

func TestEncoderAndLogits(t *testing.T) {
	eachKernel(t, func(t *testing.T, m *Model, exp expectedOutputs) {
		worst := 0.0
		for i, c := range exp.Cases {
			enc := m.Encode([][]int{c.SourceIDs})
			if d := maxDiff(enc.Row(0, 0, m.Config.DModel), c.EncoderFirst); d > 1e-4 {
				t.Errorf("case %d: encoder output differs by %g", i, d)
			}
			logits := m.Logits(c.SourceIDs, c.DecoderInput)
			for j := range c.Logits {
				d := maxDiff(logits[j], c.Logits[j])
				worst = max(worst, d)
				if d > 1e-4 {
					t.Errorf("case %d step %d: logits differ by %g", i, j, d)
				}
			}
		}
		t.Logf("largest logit difference: %g", worst)
	})
}

func TestGreedy(t *testing.T) {
	eachKernel(t, func(t *testing.T, m *Model, exp expectedOutputs) {
		for i, c := range exp.Cases {
			got, err := m.Generate(context.Background(), [][]int{c.SourceIDs}, Settings{Beams: 1})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got[0], c.GreedyIDs) {
				t.Errorf("case %d greedy:\n got %v\nwant %v", i, got[0], c.GreedyIDs)
			}
		}
	})
}

func TestBatchedGreedy(t *testing.T) {
	eachKernel(t, func(t *testing.T, m *Model, exp expectedOutputs) {
		var srcs [][]int
		for _, c := range exp.Cases {
			srcs = append(srcs, c.SourceIDs)
		}
		got, err := m.Generate(context.Background(), srcs, Settings{Beams: 1})
		if err != nil {
			t.Fatal(err)
		}
		pad := m.Config.PadID
		for i, want := range exp.Batched {
			trimmed := want
			for len(trimmed) > 0 && trimmed[len(trimmed)-1] == pad {
				trimmed = trimmed[:len(trimmed)-1]
			}
			if !slices.Equal(got[i], trimmed) {
				t.Errorf("sentence %d of the batch:\n got %v\nwant %v", i, got[i], trimmed)
			}
		}
	})
}

func TestBeam4(t *testing.T) {
	eachKernel(t, func(t *testing.T, m *Model, exp expectedOutputs) {
		for i, c := range exp.Cases {
			got, err := m.Generate(context.Background(), [][]int{c.SourceIDs}, Settings{Beams: 4})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got[0], c.Beam4IDs) {
				t.Errorf("case %d beam 4:\n got %v\nwant %v", i, got[0], c.Beam4IDs)
			}
		}
	})
}

func TestBatchedBeamMatchesSingle(t *testing.T) {
	eachKernel(t, func(t *testing.T, m *Model, exp expectedOutputs) {
		var srcs [][]int
		for _, c := range exp.Cases[:4] {
			srcs = append(srcs, c.SourceIDs)
		}
		got, err := m.Generate(context.Background(), srcs, Settings{Beams: 4})
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range exp.Cases[:4] {
			if !slices.Equal(got[i], c.Beam4IDs) {
				t.Errorf("sentence %d of a beam batch:\n got %v\nwant %v", i, got[i], c.Beam4IDs)
			}
		}
	})
}

func TestGenerateCancelled(t *testing.T) {
	m, exp := loadFixture(t, "")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := m.Generate(ctx, [][]int{exp.Cases[0].SourceIDs}, Settings{}); err != context.Canceled {
		t.Errorf("Generate with a cancelled context = %v, want context.Canceled", err)
	}
}
