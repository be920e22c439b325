// Package model runs MarianMT (OPUS-MT) translation models: the encoder,
// the decoder with its key/value caches, and greedy and beam search with
// the semantics of Hugging Face transformers' generate.
//
// # Computation
//
// Token embeddings are scaled by √d_model (scale_embedding) and added to
// sinusoidal positions (sines in the first half of each row, cosines in
// the second). Encoder and decoder layers are post-norm: self-attention,
// residual, layer norm; in the decoder, cross-attention, residual, layer
// norm; then the feed-forward block (activation from the config),
// residual, layer norm. The output layer is the shared embedding matrix
// plus final_logits_bias. Every dimension comes from config.json.
//
// # Batches
//
// Several sentences are encoded as one padded batch; padded positions are
// masked out of every attention, and the arithmetic of each sentence does
// not depend on its neighbours (see package nn), so a batch gives the
// same output as sentences run one by one.
package model

import (
	"fmt"
	"math"
	"slices"

	"github.com/bitext/bitext/translate/marian/internal/gemm"
	"github.com/bitext/bitext/translate/marian/internal/nn"
	"github.com/bitext/bitext/translate/marian/internal/weights"
)

// layerNormEps is the epsilon of transformers' LayerNorm layers.
const layerNormEps = 1e-5

// matrix is a weight matrix packed for the kernels: *gemm.Matrix or
// *gemm.Int8Matrix.
type matrix interface {
	MulT(y, x, bias []float32, m int)
	Row(j int, dst []float32)
	Bytes() int64
	Kernel() string
}

type linear struct {
	w       matrix
	b       []float32
	in, out int
}

// apply computes y = x·wᵀ + b for m rows.
func (l linear) apply(y, x []float32, m int) {
	l.w.MulT(y, x, l.b, m)
}

type norm struct{ gamma, beta []float32 }

func (n norm) apply(x []float32) { nn.LayerNorm(x, n.gamma, n.beta, layerNormEps) }

type attention struct {
	q, k, v, o linear
	heads      int
}

type encoderLayer struct {
	self     attention
	selfNorm norm
	fc1, fc2 linear
	ffnNorm  norm
}

type decoderLayer struct {
	self      attention
	selfNorm  norm
	cross     attention
	crossNorm norm
	fc1, fc2  linear
	ffnNorm   norm
}

// Model is a loaded MarianMT model. It is safe for concurrent use: all
// state of a translation lives in the calls.
type Model struct {
	Config    *Config
	opts      Options
	isa       gemm.ISA
	vec       gemm.Vector
	act       nn.Activation
	encEmbed  matrix // vocab×d; the tables are shared when the weights are
	decEmbed  matrix
	lmHead    matrix
	finalBias []float32
	positions []float32 // max_position_embeddings×d
	scale     float32
	enc       []encoderLayer
	dec       []decoderLayer
}

// New binds loaded tensors to a configuration, checking every shape, and
// packs the weights for the kernels opts asks for. It takes ts over: each
// tensor is removed from the map once packed, so that the float32 copies
// can be freed while the model is built.
func New(cfg *Config, ts map[string]*weights.Tensor, opts Options) (*Model, error) {
	act, err := nn.ActivationByName(cfg.Activation)
	if err != nil {
		return nil, err
	}
	isa, err := gemm.ParseISA(opts.Kernels)
	if err != nil {
		return nil, err
	}
	m := &Model{Config: cfg, opts: opts, isa: isa, vec: gemm.VectorKernels(isa), act: act, scale: 1}
	if cfg.Activation == "swish" || cfg.Activation == "silu" {
		m.act = m.vec.SiLU
	}
	if cfg.ScaleEmbedding {
		m.scale = float32(math.Sqrt(float64(cfg.DModel)))
	}
	b := binder{ts: ts, isa: isa, precision: opts.Precision, packed: map[string]matrix{}}
	v, d := cfg.VocabSize, cfg.DModel
	shared := b.matrix("model.shared.weight", v, d)
	m.encEmbed = b.tied("model.encoder.embed_tokens.weight", "model.shared.weight", v, d)
	m.decEmbed = b.tied("model.decoder.embed_tokens.weight", "model.shared.weight", v, d)
	m.lmHead = b.tied("lm_head.weight", "model.decoder.embed_tokens.weight", v, d)
	if m.lmHead == nil {
		m.lmHead = shared
	}
	m.finalBias = b.optional("final_logits_bias", make([]float32, v), 1, v)
	for i := 0; i < cfg.EncoderLayers; i++ {
		m.enc = append(m.enc, b.encoderLayer(fmt.Sprintf("model.encoder.layers.%d.", i), cfg))
	}
	for i := 0; i < cfg.DecoderLayers; i++ {
		m.dec = append(m.dec, b.decoderLayer(fmt.Sprintf("model.decoder.layers.%d.", i), cfg))
	}
	if b.err != nil {
		return nil, b.err
	}
	m.positions = SinusoidalPositions(cfg.MaxPositions, d)
	return m, nil
}

// SinusoidalPositions returns transformers' MarianSinusoidalPositionalEmbedding
// table: row p holds sin(p/10000^(2j/d)) in its first half and the cosines
// in its second, computed in float64 and rounded to float32.
func SinusoidalPositions(n, d int) []float32 {
	out := make([]float32, n*d)
	half := (d + 1) / 2
	for p := 0; p < n; p++ {
		row := out[p*d : (p+1)*d]
		for j := 0; j < d; j++ {
			angle := float64(p) / math.Pow(10000, float64(2*(j/2))/float64(d))
			if j%2 == 0 {
				row[j/2] = float32(math.Sin(angle))
			} else {
				row[half+j/2] = float32(math.Cos(angle))
			}
		}
	}
	return out
}

// binder looks tensors up by name and packs them, remembering the first
// error.
type binder struct {
	ts        map[string]*weights.Tensor
	isa       gemm.ISA
	precision Precision
	packed    map[string]matrix
	// kept are float32 tables already packed, to find tied copies.
	kept map[string][]float32
	err  error
}

func (b *binder) get(name string, dims ...int) []float32 {
	t, ok := b.ts[name]
	if !ok {
		b.fail(fmt.Errorf("weights lack %s", name))
		return nil
	}
	return b.check(name, t, dims)
}

func (b *binder) optional(name string, fallback []float32, dims ...int) []float32 {
	t, ok := b.ts[name]
	if !ok {
		return fallback
	}
	return b.check(name, t, dims)
}

func (b *binder) check(name string, t *weights.Tensor, dims []int) []float32 {
	n := 1
	for _, d := range dims {
		n *= d
	}
	if len(t.Data) != n || t.Len() != n {
		b.fail(fmt.Errorf("%s has shape %v, want %v", name, t.Shape, dims))
		return nil
	}
	return t.Data
}

func (b *binder) fail(err error) {
	if b.err == nil {
		b.err = err
	}
}

// matrix packs the weight name (n rows of k) for the model's precision
// and drops the float32 tensor.
func (b *binder) matrix(name string, n, k int) matrix {
	w := b.get(name, n, k)
	if w == nil {
		return nil
	}
	delete(b.ts, name)
	var mat matrix
	switch b.precision {
	case Int8:
		mat = gemm.Quantize(b.isa, w, n, k)
	case Int8Weights:
		mat = gemm.Pack(b.isa, gemm.Quantize(gemm.Portable, w, n, k).Dequantize(), n, k)
	default:
		mat = gemm.Pack(b.isa, w, n, k)
	}
	b.packed[name] = mat
	if b.kept == nil {
		b.kept = map[string][]float32{}
	}
	if n*k > 1<<16 { // large tables may be stored again under another name
		b.kept[name] = w
	}
	return mat
}

// tied returns the table name, or the one named like when name is absent
// or holds the same values (weights tied in PyTorch but saved twice), so
// that the model keeps one copy.
func (b *binder) tied(name, like string, n, k int) matrix {
	t, ok := b.ts[name]
	if !ok {
		return b.packed[like]
	}
	if prev, ok := b.kept[like]; ok && slices.Equal(prev, t.Data) {
		delete(b.ts, name)
		b.packed[name] = b.packed[like]
		b.kept[name] = prev
		return b.packed[like]
	}
	return b.matrix(name, n, k)
}

func (b *binder) linear(name string, in, out int) linear {
	return linear{w: b.matrix(name+".weight", out, in), b: b.get(name+".bias", out), in: in, out: out}
}

func (b *binder) norm(name string, d int) norm {
	return norm{gamma: b.get(name+".weight", d), beta: b.get(name+".bias", d)}
}

func (b *binder) attention(name string, d, heads int) attention {
	return attention{
		q: b.linear(name+".q_proj", d, d), k: b.linear(name+".k_proj", d, d),
		v: b.linear(name+".v_proj", d, d), o: b.linear(name+".out_proj", d, d),
		heads: heads,
	}
}

func (b *binder) encoderLayer(p string, c *Config) encoderLayer {
	d := c.DModel
	return encoderLayer{
		self:     b.attention(p+"self_attn", d, c.EncoderHeads),
		selfNorm: b.norm(p+"self_attn_layer_norm", d),
		fc1:      b.linear(p+"fc1", d, c.EncoderFFN),
		fc2:      b.linear(p+"fc2", c.EncoderFFN, d),
		ffnNorm:  b.norm(p+"final_layer_norm", d),
	}
}

func (b *binder) decoderLayer(p string, c *Config) decoderLayer {
	d := c.DModel
	return decoderLayer{
		self:      b.attention(p+"self_attn", d, c.DecoderHeads),
		selfNorm:  b.norm(p+"self_attn_layer_norm", d),
		cross:     b.attention(p+"encoder_attn", d, c.DecoderHeads),
		crossNorm: b.norm(p+"encoder_attn_layer_norm", d),
		fc1:       b.linear(p+"fc1", d, c.DecoderFFN),
		fc2:       b.linear(p+"fc2", c.DecoderFFN, d),
		ffnNorm:   b.norm(p+"final_layer_norm", d),
	}
}
