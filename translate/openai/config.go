package openai

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/bitext/bitext/translate"
)

// Name selects the backend.
const Name = "openai"

// The environment variables the backend reads.
const (
	// EnvAPIKey holds the API key; local servers (Ollama, llama.cpp,
	// vLLM) usually need none.
	EnvAPIKey = "OPENAI_API_KEY"
	// EnvBaseURL overrides DefaultBaseURL (the --endpoint flag wins).
	EnvBaseURL = "OPENAI_BASE_URL"
	// EnvModel names the model when Config.Model (--model) is empty.
	EnvModel = "OPENAI_MODEL"
)

// Defaults.
const (
	DefaultBaseURL = "https://api.openai.com/v1"
	// DefaultModel is used with DefaultBaseURL when no model is named.
	DefaultModel       = "gpt-4o-mini"
	DefaultMaxSegments = 20
	DefaultMaxChars    = 6000
)

// The backend options: batch limits per request.
const (
	OptionMaxSegments = "max-segments"
	OptionMaxChars    = "max-chars"
)

// Config is the configuration of the OpenAI-compatible backend.
type Config struct {
	// BaseURL is the API root; requests go to {BaseURL}/chat/completions.
	BaseURL string
	// APIKey is sent as a bearer token when set.
	APIKey string
	// Model is the model name, such as "gpt-4o-mini" or "mistral-nemo".
	Model string
	// MaxSegments and MaxChars bound one request (defaults 20 and 6000).
	MaxSegments, MaxChars int
	// HTTPClient carries the requests; nil means http.DefaultClient.
	HTTPClient *http.Client
}

// NewConfig builds a Config from the command line's settings: --endpoint
// or OPENAI_BASE_URL, --model or OPENAI_MODEL, OPENAI_API_KEY and the
// batch options. OpenAI's own API needs a key; other servers may not.
func NewConfig(tc translate.Config) (Config, error) {
	cfg := Config{
		BaseURL:    firstNonEmpty(tc.Endpoint, tc.Env(EnvBaseURL)),
		APIKey:     strings.TrimSpace(tc.Env(EnvAPIKey)),
		Model:      firstNonEmpty(tc.Model, tc.Env(EnvModel)),
		HTTPClient: tc.HTTPClient,
	}
	var err error
	if cfg.MaxSegments, err = intOption(tc, OptionMaxSegments); err != nil {
		return Config{}, err
	}
	if cfg.MaxChars, err = intOption(tc, OptionMaxChars); err != nil {
		return Config{}, err
	}
	if err := cfg.normalize(); err != nil {
		return Config{}, err
	}
	if cfg.BaseURL == DefaultBaseURL && cfg.APIKey == "" {
		return Config{}, fmt.Errorf("openai: %w: set %s (or %s for a local server)", translate.ErrNotConfigured, EnvAPIKey, EnvBaseURL)
	}
	return cfg, nil
}

// normalize fills the defaults and checks the values.
func (c *Config) normalize() error {
	if c.BaseURL == "" {
		c.BaseURL = DefaultBaseURL
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return fmt.Errorf("openai: base URL %q is not an http(s) URL", c.BaseURL)
	}
	c.BaseURL = strings.TrimSuffix(strings.TrimSuffix(c.BaseURL, "/"), "/chat/completions")
	if c.Model == "" && c.BaseURL == DefaultBaseURL {
		c.Model = DefaultModel
	}
	if c.Model == "" {
		return fmt.Errorf("openai: %w: name the model with --model or %s", translate.ErrNotConfigured, EnvModel)
	}
	if c.MaxSegments <= 0 {
		c.MaxSegments = DefaultMaxSegments
	}
	if c.MaxChars <= 0 {
		c.MaxChars = DefaultMaxChars
	}
	return nil
}

func intOption(tc translate.Config, name string) (int, error) {
	v := tc.Option(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("openai: option %s=%q: want a positive number", name, v)
	}
	return n, nil
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// String describes the configuration for logs, with the key masked.
func (c Config) String() string {
	key := "unset"
	if c.APIKey != "" {
		key = "set"
	}
	return fmt.Sprintf("openai base=%s model=%s key=%s batch=%d/%d", c.BaseURL, c.Model, key, c.MaxSegments, c.MaxChars)
}

// Info returns the registry entry of the backend. The backend it builds
// sends one request per call; the command line wraps it with remote.Wrap.
func Info() translate.BackendInfo {
	return translate.BackendInfo{
		Name:        Name,
		Description: "OpenAI-compatible chat completions (OpenAI, Ollama, llama.cpp, vLLM), glossary in the prompt",
		Env:         []string{EnvAPIKey, EnvBaseURL, EnvModel},
		Kind:        translate.Remote,
		Options: []translate.Option{
			{Name: "endpoint", Type: translate.URL, Help: "the API root (OpenAI, Ollama, llama.cpp, vLLM)",
				Default: DefaultBaseURL, Env: EnvBaseURL},
			{Name: "model", Arg: "NAME", Help: "the model", Default: DefaultModel + " on OpenAI", Env: EnvModel},
			{Name: OptionMaxSegments, Type: translate.Int, Min: 1, Max: 1000,
				Help: "segments per request", Default: strconv.Itoa(DefaultMaxSegments)},
			{Name: OptionMaxChars, Type: translate.Int, Min: 100, Max: 1000000,
				Help: "characters per request", Default: strconv.Itoa(DefaultMaxChars)},
		},
		Capabilities: translate.Capabilities{MaxSegments: DefaultMaxSegments, MaxChars: DefaultMaxChars, HTML: true},
		New: func(ctx context.Context, tc translate.Config) (translate.Backend, error) {
			cfg, err := NewConfig(tc)
			if err != nil {
				return nil, err
			}
			return New(cfg)
		},
	}
}
