package apy

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
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
	if v := c.Option("workers"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 64 {
			return Config{}, fmt.Errorf("apy: option workers must be a number from 1 to 64, not %q", v)
		}
		cfg.Workers = n
	}
	if v := c.Option("mark-unknown"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return Config{}, fmt.Errorf("apy: option mark-unknown must be true or false, not %q", v)
		}
		cfg.MarkUnknown = b
	}
	return cfg, nil
}

// Info returns the registry entry of the apy backend.
func Info() translate.BackendInfo {
	return translate.BackendInfo{
		Name:        "apy",
		Description: "Apertium through an apertium-apy HTTP server (--endpoint, default " + DefaultEndpoint + ")",
		New: func(ctx context.Context, c translate.Config) (translate.Backend, error) {
			cfg, err := NewConfig(c)
			if err != nil {
				return nil, err
			}
			return New(cfg), nil
		},
	}
}

// isLoopback reports whether the endpoint is on this machine.
func isLoopback(endpoint string) bool {
	u, err := url.Parse(endpoint)
	if err != nil {
		return false
	}
	host := u.Hostname()
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (c Config) client() *http.Client {
	if c.HTTPClient != nil {
		return c.HTTPClient
	}
	return &http.Client{Timeout: 60 * time.Second}
}
