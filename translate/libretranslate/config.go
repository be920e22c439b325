package libretranslate

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/bitext/bitext/translate"
)

// Name selects the backend.
const Name = "libretranslate"

// EnvAPIKey is the environment variable holding the API key, which
// self-hosted servers usually do not need.
const EnvAPIKey = "LIBRETRANSLATE_API_KEY"

// DefaultEndpoint is where a self-hosted LibreTranslate listens by default.
const DefaultEndpoint = "http://localhost:5000"

// Config is the configuration of the LibreTranslate backend.
type Config struct {
	// Endpoint is the server's base URL (POST {Endpoint}/translate).
	Endpoint string
	// APIKey is sent as api_key when set (LIBRETRANSLATE_API_KEY).
	APIKey string
	// HTTPClient carries the requests; nil means http.DefaultClient.
	HTTPClient *http.Client
}

// NewConfig builds a Config from the command line's settings: the
// endpoint (default DefaultEndpoint) and LIBRETRANSLATE_API_KEY.
func NewConfig(tc translate.Config) (Config, error) {
	cfg := Config{
		Endpoint:   tc.Endpoint,
		APIKey:     strings.TrimSpace(tc.Env(EnvAPIKey)),
		HTTPClient: tc.HTTPClient,
	}
	if err := cfg.normalize(); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

// normalize fills the default endpoint and checks it.
func (c *Config) normalize() error {
	if c.Endpoint == "" {
		c.Endpoint = DefaultEndpoint
	}
	u, err := url.Parse(c.Endpoint)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return fmt.Errorf("libretranslate: endpoint %q is not an http(s) URL", c.Endpoint)
	}
	c.Endpoint = strings.TrimSuffix(strings.TrimSuffix(c.Endpoint, "/"), "/translate")
	return nil
}

// String describes the configuration for logs, with the key masked.
func (c Config) String() string {
	key := "unset"
	if c.APIKey != "" {
		key = "set"
	}
	return fmt.Sprintf("libretranslate endpoint=%s key=%s", c.Endpoint, key)
}

// Info returns the registry entry of the backend. The backend it builds
// sends one request per call; the command line wraps it with remote.Wrap.
func Info() translate.BackendInfo {
	return translate.BackendInfo{
		Name:        Name,
		Description: "LibreTranslate server (self-hosted or public), open-source Argos models",
		Env:         []string{EnvAPIKey},
		Kind:        translate.Remote,
		Options: []translate.Option{
			{Name: "endpoint", Type: translate.URL, Help: "the LibreTranslate server", Default: DefaultEndpoint},
		},
		NeedsEndpoint: true,
		Capabilities:  translate.Capabilities{MaxSegments: maxSegments, MaxChars: maxChars, HTML: true},
		New: func(ctx context.Context, tc translate.Config) (translate.Backend, error) {
			cfg, err := NewConfig(tc)
			if err != nil {
				return nil, err
			}
			return New(cfg)
		},
	}
}
