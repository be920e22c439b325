package apertium

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/bitext/bitext/translate"
)

// defaultStall is the default Config.StallTimeout.
const defaultStall = 60 * time.Second

// DefaultModesDir is where Debian's Apertium packages install their modes.
const DefaultModesDir = "/usr/share/apertium/modes"

// Config holds the settings of the apertium backend.
type Config struct {
	// ModesDir is the folder of installed .mode files (option "modes",
	// environment APERTIUM_MODES; default DefaultModesDir).
	ModesDir string
	// Workers is how many pipelines run at once per language pair (option
	// "workers"; default: one per two CPUs, from 1 to 4). A batch is split
	// across them.
	Workers int
	// MarkUnknown keeps Apertium's marks on unknown words (*word) instead
	// of generating without them (option "mark-unknown").
	MarkUnknown bool
	// StallTimeout is how long a batch may go without any output before its
	// pipeline is declared stuck and restarted (option "timeout", a Go
	// duration; default 60s).
	StallTimeout time.Duration
	// Protect is how translate="no" elements of HTML segments are hidden
	// from the engine (option "protect": "placeholder", the default, or
	// "blank").
	Protect Protection
}

// The options of the apertium backend, declared once: the registry
// checks them, help and `bitext backends` show them, NewConfig reads them.
var (
	optModes = translate.Option{Name: "modes", Arg: "DIR", Help: "folder of Apertium .mode files",
		Default: DefaultModesDir, Env: "APERTIUM_MODES"}
	optWorkers = translate.Option{Name: "workers", Type: translate.Int, Min: 1, Max: 64,
		Help: "pipelines per language pair", Default: "one per two CPUs, from 1 to 4"}
	optMarkUnknown = translate.Option{Name: "mark-unknown", Type: translate.Bool,
		Help: "keep Apertium's * marks on unknown words", Default: "false"}
	optTimeout = translate.Option{Name: "timeout", Type: translate.Duration, Min: 1, Max: 3600,
		Help: "how long a pipeline may give no output before it is restarted", Default: "60s"}
	optProtect = translate.Option{Name: "protect", Type: translate.Choice,
		Choices: []string{string(ProtectPlaceholder), string(ProtectBlank)},
		Help:    "how glossary terms are hidden from Apertium: a stand-in word, or blank", Default: string(ProtectPlaceholder)}
)

// NewConfig reads the apertium settings from a backend configuration,
// applying defaults.
func NewConfig(c translate.Config) (Config, error) {
	cfg := Config{
		ModesDir:     firstNonEmpty(c.Option(optModes.Name), c.Env(optModes.Env), DefaultModesDir),
		StallTimeout: defaultStall,
		Protect:      ProtectPlaceholder,
	}
	var err error
	if cfg.Workers, err = optWorkers.Int(c); err != nil {
		return Config{}, fmt.Errorf("apertium: option %w", err)
	}
	if cfg.Workers == 0 {
		cfg.Workers = defaultWorkers()
	}
	if cfg.MarkUnknown, err = optMarkUnknown.Bool(c); err != nil {
		return Config{}, fmt.Errorf("apertium: option %w", err)
	}
	if d, err := optTimeout.Duration(c); err != nil {
		return Config{}, fmt.Errorf("apertium: option %w", err)
	} else if d > 0 {
		cfg.StallTimeout = d
	}
	if v := c.Option(optProtect.Name); v != "" {
		if cfg.Protect, err = parseProtection(v); err != nil {
			return Config{}, err
		}
	}
	return cfg, nil
}

// checkPair says, from the installed modes, whether Apertium can translate
// from → to, before any pipeline starts.
func checkPair(c translate.Config, from, to string) error {
	cfg, err := NewConfig(c)
	if err != nil {
		return err
	}
	modes, err := readModes(cfg.ModesDir)
	if err != nil {
		return err
	}
	if _, ok := findRoute(modes, from, to); !ok {
		return missingPairError(cfg.ModesDir, from, to, modes)
	}
	return nil
}

// Info returns the registry entry of the apertium backend.
func Info() translate.BackendInfo {
	return translate.BackendInfo{
		Name:         "apertium",
		Description:  "Apertium, offline rule-based translation (French→English through Spanish)",
		Env:          []string{optModes.Env},
		Options:      []translate.Option{optModes, optWorkers, optMarkUnknown, optTimeout, optProtect},
		Capabilities: translate.Capabilities{HTML: true},
		CheckPair:    checkPair,
		New: func(ctx context.Context, c translate.Config) (translate.Backend, error) {
			cfg, err := NewConfig(c)
			if err != nil {
				return nil, err
			}
			return New(ctx, cfg)
		},
	}
}

// defaultWorkers is one pipeline per two CPUs, from 1 to 4: a pipeline's
// twenty programs already keep about two CPUs busy (measured with
// scripts/bench-apertium.sh: on 2 CPUs a second pipeline costs 3% more CPU
// time and gains nothing).
func defaultWorkers() int {
	return max(1, min(4, runtime.NumCPU()/2))
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
