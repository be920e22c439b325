package model

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bitext/bitext/translate/marian/internal/weights"
)

// benchConfig is opus-mt-fr-en's shape, or a tiny one in short mode.
func benchConfig(short bool) *Config {
	eos := 0
	c := &Config{
		VocabSize: 59514, DModel: 512, EncoderLayers: 6, DecoderLayers: 6,
		EncoderHeads: 8, DecoderHeads: 8, EncoderFFN: 2048, DecoderFFN: 2048,
		MaxPositions: 512, Activation: "swish", ScaleEmbedding: true,
		PadID: 59513, EOSID: 0, DecoderStartID: 59513, ForcedEOSID: &eos,
		BadWordsIDs: [][]int{{59513}}, NumBeams: 4, MaxLength: 26,
	}
	if short {
		c.VocabSize, c.DModel, c.EncoderLayers, c.DecoderLayers = 1000, 64, 2, 2
		c.EncoderFFN, c.DecoderFFN, c.PadID, c.DecoderStartID = 128, 128, 999, 999
		c.BadWordsIDs = [][]int{{999}}
	}
	return c
}

// randomModel builds a model of cfg's shape with random weights (std 0.02
// like transformers' init) whose </s> is so unlikely that every
// translation runs to MaxLength.
func randomModel(tb testing.TB, cfg *Config, opts Options) *Model {
	tb.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	ts := map[string]*weights.Tensor{}
	add := func(name string, dims ...int) *weights.Tensor {
		n := 1
		for _, d := range dims {
			n *= d
		}
		t := &weights.Tensor{Shape: dims, Data: make([]float32, n)}
		for i := range t.Data {
			t.Data[i] = float32(rng.NormFloat64() * 0.02)
		}
		ts[name] = t
		return t
	}
	d := cfg.DModel
	add("model.shared.weight", cfg.VocabSize, d)
	add("final_logits_bias", 1, cfg.VocabSize).Data[cfg.EOSID] = -1e4
	layer := func(p string, ffn int, cross bool) {
		parts := []string{"self_attn"}
		if cross {
			parts = append(parts, "encoder_attn")
		}
		for _, a := range parts {
			for _, proj := range []string{"q_proj", "k_proj", "v_proj", "out_proj"} {
				add(p+a+"."+proj+".weight", d, d)
				add(p+a+"."+proj+".bias", d)
			}
			add(p+a+"_layer_norm.weight", d)
			add(p+a+"_layer_norm.bias", d)
		}
		add(p+"fc1.weight", ffn, d)
		add(p+"fc1.bias", ffn)
		add(p+"fc2.weight", d, ffn)
		add(p+"fc2.bias", d)
		add(p+"final_layer_norm.weight", d)
		add(p+"final_layer_norm.bias", d)
	}
	for i := 0; i < cfg.EncoderLayers; i++ {
		layer(fmt.Sprintf("model.encoder.layers.%d.", i), cfg.EncoderFFN, false)
	}
	for i := 0; i < cfg.DecoderLayers; i++ {
		layer(fmt.Sprintf("model.decoder.layers.%d.", i), cfg.DecoderFFN, true)
	}
	m, err := New(cfg, ts, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// benchSentences returns n sources of 25 tokens (24 pieces and </s>).
func benchSentences(cfg *Config, n int) [][]int {
	rng := rand.New(rand.NewPCG(3, 4))
	out := make([][]int, n)
	for i := range out {
		for j := 0; j < 24; j++ {
			out[i] = append(out[i], 1+rng.IntN(cfg.VocabSize-2))
		}
		out[i] = append(out[i], cfg.EOSID)
	}
	return out
}

// benchModels caches one model per precision between benchmarks, with
// the live heap it added (its weights as held for decoding).
var benchModels = map[Precision]*benchModel{}

type benchModel struct {
	m       *Model
	short   bool
	weights float64 // MB
}

func getBenchModel(b *testing.B, p Precision) *benchModel {
	if bm := benchModels[p]; bm != nil && bm.short == testing.Short() {
		return bm
	}
	delete(benchModels, p)
	before := liveHeapMB()
	m := randomModel(b, benchConfig(testing.Short()), Options{Precision: p})
	bm := &benchModel{m: m, short: testing.Short(), weights: liveHeapMB() - before}
	benchModels[p] = bm
	return bm
}

// liveHeapMB returns the heap's live objects in MB, after a collection.
func liveHeapMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
}

// benchGenerate translates batch sentences with beams; the model is built
// (weights generated, packed or quantised) before the timer starts. After
// the timed runs, one more run measures the engine's memory: the live
// heap after a collection at every step, less what was live before.
func benchGenerate(b *testing.B, batch, beams int, p Precision) {
	bm := getBenchModel(b, p)
	m := bm.m
	srcs := benchSentences(m.Config, batch)
	cpu0 := cpuSeconds()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out, err := m.Generate(context.Background(), srcs, Settings{Beams: beams})
		if err != nil {
			b.Fatal(err)
		}
		if len(out[0]) != m.Config.MaxLength {
			b.Fatalf("output of %d tokens, want %d", len(out[0]), m.Config.MaxLength)
		}
	}
	b.StopTimer()
	cpu := cpuSeconds() - cpu0
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "sent/s")
	b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(b.N*batch)/cpu, "sent/cpu-s")
	b.ReportMetric(peakRSSMB(), "peak-MB")
	b.ReportMetric(bm.weights, "weights-MB")
	b.ReportMetric(bm.weights+decodeMB(b, m, srcs, beams), "engine-MB")
}

// decodeMB returns the largest live heap, in MB, that decoding srcs adds.
func decodeMB(b *testing.B, m *Model, srcs [][]int, beams int) float64 {
	base, peak := liveHeapMB(), 0.0
	_, err := m.Generate(context.Background(), srcs, Settings{Beams: beams, OnStep: func(int) {
		peak = max(peak, liveHeapMB())
	}})
	if err != nil {
		b.Fatal(err)
	}
	return peak - base
}

func BenchmarkGreedy1(b *testing.B)      { benchGenerate(b, 1, 1, FP32) }
func BenchmarkGreedy16(b *testing.B)     { benchGenerate(b, 16, 1, FP32) }
func BenchmarkBeam4x1(b *testing.B)      { benchGenerate(b, 1, 4, FP32) }
func BenchmarkBeam4x16(b *testing.B)     { benchGenerate(b, 16, 4, FP32) }
func BenchmarkGreedy16Int8(b *testing.B) { benchGenerate(b, 16, 1, Int8) }
func BenchmarkBeam4x16Int8(b *testing.B) { benchGenerate(b, 16, 4, Int8) }

// cpuSeconds returns the CPU time (user and system) the process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// peakRSSMB returns the process's peak resident memory (VmHWM) in MB, or
// 0 where /proc is missing.
func peakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}
