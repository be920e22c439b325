package apertium

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
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

// NewConfig reads the apertium settings from a backend configuration,
// applying defaults.
func NewConfig(c translate.Config) (Config, error) {
	cfg := Config{
		ModesDir:     firstNonEmpty(c.Option("modes"), c.Env("APERTIUM_MODES"), DefaultModesDir),
		Workers:      defaultWorkers(),
		StallTimeout: defaultStall,
		Protect:      ProtectPlaceholder,
	}
	setters := []struct {
		name string
		set  func(string) error
	}{
		{"workers", cfg.setWorkers}, {"mark-unknown", cfg.setMarkUnknown},
		{"timeout", cfg.setTimeout}, {"protect", cfg.setProtect},
	}
	for _, s := range setters {
		if v := c.Option(s.name); v != "" {
			if err := s.set(v); err != nil {
				return Config{}, err
			}
		}
	}
	return cfg, nil
}

func (cfg *Config) setWorkers(v string) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 64 {
		return fmt.Errorf("apertium: option workers must be a number from 1 to 64, not %q", v)
	}
	cfg.Workers = n
	return nil
}

func (cfg *Config) setMarkUnknown(v string) error {
	b, err := strconv.ParseBool(v)
	if err != nil {
		return fmt.Errorf("apertium: option mark-unknown must be true or false, not %q", v)
	}
	cfg.MarkUnknown = b
	return nil
}

func (cfg *Config) setTimeout(v string) error {
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return fmt.Errorf("apertium: option timeout must be a duration such as 30s, not %q", v)
	}
	cfg.StallTimeout = d
	return nil
}

func (cfg *Config) setProtect(v string) error {
	p, err := parseProtection(v)
	if err != nil {
		return err
	}
	cfg.Protect = p
	return nil
}

// Info returns the registry entry of the apertium backend.
func Info() translate.BackendInfo {
	return translate.BackendInfo{
		Name:        "apertium",
		Description: "Apertium, offline rule-based translation (French→English through Spanish)",
		Env:         []string{"APERTIUM_MODES"},
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
