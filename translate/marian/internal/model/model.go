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

	"github.com/bitext/bitext/translate/marian/internal/nn"
	"github.com/bitext/bitext/translate/marian/internal/weights"
)

// layerNormEps is the epsilon of transformers' LayerNorm layers.
const layerNormEps = 1e-5

type linear struct {
	w, b    []float32
	in, out int
}

// apply computes y = x·wᵀ + b for m rows.
func (l linear) apply(y, x []float32, m int) {
	nn.MatMulT(y, x, l.w, l.b, m, l.in, l.out)
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
	act       nn.Activation
	embed     []float32 // vocab×d, shared by encoder, decoder and output
	encEmbed  []float32
	decEmbed  []float32
	lmHead    []float32
	finalBias []float32
	positions []float32 // max_position_embeddings×d
	scale     float32
	enc       []encoderLayer
	dec       []decoderLayer
}

// New binds loaded tensors to a configuration, checking every shape.
func New(cfg *Config, ts map[string]*weights.Tensor) (*Model, error) {
	act, err := nn.ActivationByName(cfg.Activation)
	if err != nil {
		return nil, err
	}
	m := &Model{Config: cfg, act: act, scale: 1}
	if cfg.ScaleEmbedding {
		m.scale = float32(math.Sqrt(float64(cfg.DModel)))
	}
	b := binder{ts: ts}
	v, d := cfg.VocabSize, cfg.DModel
	m.embed = b.get("model.shared.weight", v, d)
	m.encEmbed = b.optional("model.encoder.embed_tokens.weight", m.embed, v, d)
	m.decEmbed = b.optional("model.decoder.embed_tokens.weight", m.embed, v, d)
	m.lmHead = b.optional("lm_head.weight", m.decEmbed, v, d)
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

// binder looks tensors up by name, remembering the first error.
type binder struct {
	ts  map[string]*weights.Tensor
	err error
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

func (b *binder) linear(name string, in, out int) linear {
	return linear{w: b.get(name+".weight", out, in), b: b.get(name+".bias", out), in: in, out: out}
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
