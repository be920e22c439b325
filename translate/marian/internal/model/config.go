package model

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/bitext/bitext/translate/marian/internal/weights"
)

// Config is a MarianMT model's config.json: its shape and the generation
// settings transformers reads from it.
type Config struct {
	VocabSize       int    `json:"vocab_size"`
	DModel          int    `json:"d_model"`
	EncoderLayers   int    `json:"encoder_layers"`
	DecoderLayers   int    `json:"decoder_layers"`
	EncoderHeads    int    `json:"encoder_attention_heads"`
	DecoderHeads    int    `json:"decoder_attention_heads"`
	EncoderFFN      int    `json:"encoder_ffn_dim"`
	DecoderFFN      int    `json:"decoder_ffn_dim"`
	MaxPositions    int    `json:"max_position_embeddings"`
	Activation      string `json:"activation_function"`
	ScaleEmbedding  bool   `json:"scale_embedding"`
	NormalizeBefore bool   `json:"normalize_before"`

	PadID          int      `json:"pad_token_id"`
	EOSID          int      `json:"eos_token_id"`
	DecoderStartID int      `json:"decoder_start_token_id"`
	ForcedEOSID    *int     `json:"forced_eos_token_id"`
	BadWordsIDs    [][]int  `json:"bad_words_ids"`
	NumBeams       int      `json:"num_beams"`
	MaxLength      int      `json:"max_length"`
	LengthPenalty  *float64 `json:"length_penalty"`
	ModelType      string   `json:"model_type"`
}

// maxDim bounds every dimension a config may ask for, so that a hostile
// config cannot make the engine allocate without end.
const maxDim = 1 << 20

// LoadConfig reads and checks dir/config.json, filling transformers'
// defaults for missing generation settings.
func LoadConfig(dir string) (*Config, error) {
	data, err := os.ReadFile(filepath.Join(dir, "config.json"))
	if err != nil {
		return nil, fmt.Errorf("failed to read model config: %w", err)
	}
	return ParseConfig(data)
}

// ParseConfig decodes and checks the content of a config.json.
func ParseConfig(data []byte) (*Config, error) {
	c := &Config{MaxLength: 20, NumBeams: 1, Activation: "swish"}
	if err := json.Unmarshal(data, c); err != nil {
		return nil, fmt.Errorf("invalid model config: %w", err)
	}
	if err := c.check(); err != nil {
		return nil, fmt.Errorf("invalid model config: %w", err)
	}
	return c, nil
}

func (c *Config) check() error {
	if c.ModelType != "" && c.ModelType != "marian" {
		return fmt.Errorf("model_type %q is not marian", c.ModelType)
	}
	if c.NormalizeBefore {
		return fmt.Errorf("pre-norm models (normalize_before) are not supported")
	}
	dims := map[string]int{
		"vocab_size": c.VocabSize, "d_model": c.DModel, "encoder_layers": c.EncoderLayers,
		"decoder_layers": c.DecoderLayers, "encoder_attention_heads": c.EncoderHeads,
		"decoder_attention_heads": c.DecoderHeads, "encoder_ffn_dim": c.EncoderFFN,
		"decoder_ffn_dim": c.DecoderFFN, "max_position_embeddings": c.MaxPositions,
		"max_length": c.MaxLength, "num_beams": c.NumBeams,
	}
	for name, v := range dims {
		if v <= 0 || v > maxDim {
			return fmt.Errorf("%s %d out of range", name, v)
		}
	}
	if c.DModel%c.EncoderHeads != 0 || c.DModel%c.DecoderHeads != 0 {
		return fmt.Errorf("d_model %d not divisible by the number of heads", c.DModel)
	}
	for name, id := range map[string]int{"pad_token_id": c.PadID, "eos_token_id": c.EOSID, "decoder_start_token_id": c.DecoderStartID} {
		if id < 0 || id >= c.VocabSize {
			return fmt.Errorf("%s %d outside the vocabulary", name, id)
		}
	}
	return nil
}

// Penalty returns length_penalty (transformers' default 1.0).
func (c *Config) Penalty() float64 {
	if c.LengthPenalty == nil {
		return 1
	}
	return *c.LengthPenalty
}

// Load reads a model folder's config.json and weights.
func Load(dir string, opts Options) (*Model, error) {
	cfg, err := LoadConfig(dir)
	if err != nil {
		return nil, err
	}
	ts, err := weights.Load(dir)
	if err != nil {
		return nil, err
	}
	return New(cfg, ts, opts)
}
