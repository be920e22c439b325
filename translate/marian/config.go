package marian

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/marian/hub"
	"github.com/bitext/bitext/translate/marian/internal/gemm"
	"github.com/bitext/bitext/translate/marian/internal/model"
)

// DefaultModel is the installed model used when none is named.
const DefaultModel = "fr-en"

// Option declares one backend-specific setting: its name in
// translate.Config.Options, its help and its default.
type Option struct {
	Name, Help, Default string
}

// ConfigOptions lists the settings NewConfig reads from
// translate.Config.Options.
func ConfigOptions() []Option {
	return []Option{
		{"beam", "beam size (1: greedy; default: the model's num_beams)", ""},
		{"max-length", "longest translation in tokens (default: the model's max_length)", ""},
		{"batch", "sentences decoded together", strconv.Itoa(defaultBatch)},
		{"precision", "fp32 (exact, the default) or int8 (faster and smaller, slightly less accurate: opt-in)", "fp32"},
		{"kernels", "matrix kernels: auto (the fastest this CPU runs), portable, avx2 or avx512", "auto"},
		{"shortlist", "lexical shortlist FILE (Marian lex.s2t) limiting the output layer; off by default", ""},
	}
}

// Config is the marian backend's configuration.
type Config struct {
	// Dir is the model folder.
	Dir string
	// Options are the decoding settings.
	Options Options
}

// NewConfig reads the backend settings: the model from c.Model (a folder,
// or the name of an installed model; default DefaultModel in the cache
// folder) and the options of ConfigOptions.
func NewConfig(c translate.Config) (Config, error) {
	var cfg Config
	if err := cfg.readStrings(c); err != nil {
		return Config{}, err
	}
	var err error
	if cfg.Dir, err = modelDir(c); err != nil {
		return Config{}, err
	}
	for _, o := range []struct {
		name string
		dst  *int
	}{{"beam", &cfg.Options.Beams}, {"max-length", &cfg.Options.MaxLength}, {"batch", &cfg.Options.BatchSize}} {
		v := strings.TrimSpace(c.Option(o.name))
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 4096 {
			return Config{}, fmt.Errorf("marian: option %s must be a number from 1 to 4096, not %q", o.name, v)
		}
		*o.dst = n
	}
	return cfg, nil
}

// readStrings reads and checks the options "precision", "kernels" and
// "shortlist".
func (cfg *Config) readStrings(c translate.Config) error {
	o := &cfg.Options
	o.Precision = strings.TrimSpace(c.Option("precision"))
	if p, err := model.ParsePrecision(o.Precision); err != nil || p == model.Int8Weights {
		return fmt.Errorf("marian: option precision must be fp32 or int8, not %q", o.Precision)
	}
	o.Kernels = strings.TrimSpace(c.Option("kernels"))
	if _, err := gemm.ParseISA(o.Kernels); err != nil {
		return fmt.Errorf("marian: option kernels: %w", err)
	}
	o.Shortlist = strings.TrimSpace(c.Option("shortlist"))
	if o.Shortlist != "" {
		if _, err := os.Stat(o.Shortlist); err != nil {
			return fmt.Errorf("marian: option shortlist: %w", err)
		}
	}
	return nil
}

// modelDir finds the model folder c names.
func modelDir(c translate.Config) (string, error) {
	name := strings.TrimSpace(c.Model)
	if name != "" {
		if st, err := os.Stat(name); err == nil && st.IsDir() {
			return name, nil
		}
		if strings.ContainsAny(name, `/\`) {
			return "", fmt.Errorf("marian: model folder %s not found: %w", name, translate.ErrNotConfigured)
		}
	} else {
		name = DefaultModel
	}
	cache, err := hub.CacheDir(c.Env)
	if err != nil {
		return "", fmt.Errorf("marian: %v: %w", err, translate.ErrNotConfigured)
	}
	dir, err := hub.Find(cache, name)
	if err != nil {
		return "", fmt.Errorf("marian: %v: %w", err, translate.ErrNotConfigured)
	}
	return dir, nil
}

// Info returns the registry entry of the marian backend.
func Info() translate.BackendInfo {
	return translate.BackendInfo{
		Name:        "marian",
		Description: "MarianMT (OPUS-MT) neural models, offline (bitext models pull fr-en)",
		Env:         []string{"XDG_CACHE_HOME"},
		New: func(ctx context.Context, c translate.Config) (translate.Backend, error) {
			cfg, err := NewConfig(c)
			if err != nil {
				return nil, err
			}
			return New(ctx, cfg.Dir, cfg.Options)
		},
	}
}

// Installed reports whether the default model (or the one c names) is
// installed, so that the command line can prefer marian over Apertium.
func Installed(c translate.Config) bool {
	_, err := modelDir(c)
	return !errors.Is(err, translate.ErrNotConfigured) && err == nil
}
