package apy

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/bitext/bitext/translate"
)

// DefaultEndpoint is where apertium-apy listens by default.
const DefaultEndpoint = "http://localhost:2737"

// Config holds the settings of the apy backend.
type Config struct {
	// Endpoint is the server's base URL (--endpoint; default
	// DefaultEndpoint).
	Endpoint string
	// Workers is how many requests are in flight at once (option
	// "workers"; default 4). APY translates one request per segment.
	Workers int
	// MarkUnknown keeps Apertium's * marks on unknown words (option
	// "mark-unknown").
	MarkUnknown bool
	// HTTPClient sends the requests; nil means a client with a 60 s
	// timeout.
	HTTPClient *http.Client
}

// The options of the apy backend, declared once: the registry checks
// them, help and `bitext backends` show them, NewConfig reads them.
var (
	optEndpoint = translate.Option{Name: "endpoint", Type: translate.URL,
		Help: "the apertium-apy server", Default: DefaultEndpoint}
	optWorkers = translate.Option{Name: "workers", Type: translate.Int, Min: 1, Max: 64,
		Help: "requests in flight at once (APY translates one request per segment)", Default: "4"}
	optMarkUnknown = translate.Option{Name: "mark-unknown", Type: translate.Bool,
		Help: "keep Apertium's * marks on unknown words", Default: "false"}
)

// NewConfig reads the apy settings from a backend configuration, applying
// defaults.
func NewConfig(c translate.Config) (Config, error) {
	cfg := Config{Endpoint: c.Endpoint, Workers: 4, HTTPClient: c.HTTPClient}
	if cfg.Endpoint == "" {
		cfg.Endpoint = DefaultEndpoint
	}
	u, err := url.Parse(cfg.Endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Config{}, fmt.Errorf("apy: endpoint must be an http(s) URL such as %s, not %q: %w",
			DefaultEndpoint, cfg.Endpoint, translate.ErrNotConfigured)
	}
	if n, err := optWorkers.Int(c); err != nil {
		return Config{}, fmt.Errorf("apy: option %w", err)
	} else if n > 0 {
		cfg.Workers = n
	}
	if cfg.MarkUnknown, err = optMarkUnknown.Bool(c); err != nil {
		return Config{}, fmt.Errorf("apy: option %w", err)
	}
	return cfg, nil
}

// Info returns the registry entry of the apy backend.
func Info() translate.BackendInfo {
	return translate.BackendInfo{
		Name:          "apy",
		Description:   "Apertium through an apertium-apy HTTP server run by the desk",
		Options:       []translate.Option{optEndpoint, optWorkers, optMarkUnknown},
		NeedsEndpoint: true,
		Capabilities:  translate.Capabilities{HTML: true},
		New: func(ctx context.Context, c translate.Config) (translate.Backend, error) {
			cfg, err := NewConfig(c)
			if err != nil {
				return nil, err
			}
			return New(cfg), nil
		},
	}
}

func (c Config) client() *http.Client {
	if c.HTTPClient != nil {
		return c.HTTPClient
	}
	return &http.Client{Timeout: 60 * time.Second}
}
