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

// The options of the marian backend, declared once: the registry checks
// them, help and `bitext backends` show them, NewConfig reads them.
var (
	optModel = translate.Option{Name: "model", Arg: "NAME|DIR", Help: "an installed model (bitext models list) or a model folder",
		Default: DefaultModel}
	optBeam = translate.Option{Name: "beam", Flag: true, Type: translate.Int, Min: 1, Max: 64,
		Help: "beam size N (1: greedy)", Default: "the model's num_beams"}
	optMaxLength = translate.Option{Name: "max-length", Type: translate.Int, Min: 1, Max: 4096,
		Help: "longest translation in tokens", Default: "the model's max_length"}
	optBatch = translate.Option{Name: "batch", Type: translate.Int, Min: 1, Max: 4096,
		Help: "sentences decoded together", Default: strconv.Itoa(defaultBatch)}
	optPrecision = translate.Option{Name: "precision", Flag: true, Type: translate.Choice, Choices: []string{"fp32", "int8"},
		Help: "fp32 is exact; int8 is faster and smaller, slightly less accurate", Default: "fp32"}
	optKernels = translate.Option{Name: "kernels", Type: translate.Choice, Choices: []string{"auto", "portable", "avx2", "avx512"},
		Help: "matrix kernels: auto is the fastest this CPU runs", Default: "auto"}
	optShortlist = translate.Option{Name: "shortlist", Arg: "FILE",
		Help: "lexical shortlist FILE (Marian lex.s2t) limiting the output layer", Default: "none"}
)

// Config is the marian backend's configuration.
type Config struct {
	// Dir is the model folder.
	Dir string
	// Options are the decoding settings.
	Options Options
}

// NewConfig reads the backend settings: the model from c.Model (a folder,
// or the name of an installed model; default DefaultModel in the cache
// folder) and the declared options (checked first).
func NewConfig(c translate.Config) (Config, error) {
	var cfg Config
	if err := cfg.readStrings(c); err != nil {
		return Config{}, err
	}
	var err error
	for _, o := range []struct {
		opt translate.Option
		dst *int
	}{{optBeam, &cfg.Options.Beams}, {optMaxLength, &cfg.Options.MaxLength}, {optBatch, &cfg.Options.BatchSize}} {
		if *o.dst, err = o.opt.Int(c); err != nil {
			return Config{}, fmt.Errorf("marian: option %w", err)
		}
	}
	if cfg.Dir, err = modelDir(c); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

// readStrings reads and checks the options "precision", "kernels" (which
// this CPU must run) and "shortlist" (which must exist).
func (cfg *Config) readStrings(c translate.Config) error {
	o := &cfg.Options
	var err error
	if o.Precision, err = optPrecision.String(c); err != nil {
		return fmt.Errorf("marian: option %w", err)
	}
	if p, err := model.ParsePrecision(o.Precision); err != nil || p == model.Int8Weights {
		return fmt.Errorf("marian: option precision must be fp32 or int8, not %q", o.Precision)
	}
	if o.Kernels, err = optKernels.String(c); err != nil {
		return fmt.Errorf("marian: option %w", err)
	}
	if _, err := gemm.ParseISA(o.Kernels); err != nil {
		return fmt.Errorf("marian: option kernels: %w", err)
	}
	o.Shortlist = strings.TrimSpace(c.Option(optShortlist.Name))
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
		Options:     []translate.Option{optModel, optBeam, optPrecision, optMaxLength, optBatch, optKernels, optShortlist},
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
