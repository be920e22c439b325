package deepl

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/bitext/bitext/translate"
)

// Name selects the backend.
const Name = "deepl"

// EnvAuthKey is the environment variable holding the DeepL API key.
const EnvAuthKey = "DEEPL_AUTH_KEY"

// The servers of DeepL API Free (keys ending in ":fx") and DeepL API Pro.
const (
	FreeEndpoint = "https://api-free.deepl.com"
	ProEndpoint  = "https://api.deepl.com"
)

// OptionEnglish is the backend option choosing the English variant that
// "en" translates to: "EN-US" (default) or "EN-GB".
const OptionEnglish = "english"

// Config is the configuration of the DeepL backend.
type Config struct {
	// AuthKey is the API key (DEEPL_AUTH_KEY).
	AuthKey string
	// Endpoint is the server's base URL, without /v2. Empty: chosen by
	// the key, FreeEndpoint for keys ending in ":fx", else ProEndpoint.
	Endpoint string
	// English is the target code used for "en": "EN-US" or "EN-GB".
	English string
	// HTTPClient carries the requests; nil means http.DefaultClient.
	HTTPClient *http.Client
}

// NewConfig builds a Config from the command line's settings: the
// endpoint, the "english" option and DEEPL_AUTH_KEY. A missing key is an
// error wrapping translate.ErrNotConfigured.
func NewConfig(tc translate.Config) (Config, error) {
	cfg := Config{
		AuthKey:    strings.TrimSpace(tc.Env(EnvAuthKey)),
		Endpoint:   tc.Endpoint,
		English:    strings.ToUpper(tc.Option(OptionEnglish)),
		HTTPClient: tc.HTTPClient,
	}
	if cfg.AuthKey == "" {
		return Config{}, fmt.Errorf("deepl: %w: set %s to your DeepL API key", translate.ErrNotConfigured, EnvAuthKey)
	}
	if err := cfg.normalize(); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

// normalize fills the defaults and checks the values.
func (c *Config) normalize() error {
	switch c.English {
	case "":
		c.English = "EN-US"
	case "EN-US", "EN-GB":
	default:
		return fmt.Errorf("deepl: option %s=%q: want EN-US or EN-GB", OptionEnglish, c.English)
	}
	if c.Endpoint == "" {
		c.Endpoint = ProEndpoint
		if strings.HasSuffix(c.AuthKey, ":fx") {
			c.Endpoint = FreeEndpoint
		}
	}
	u, err := url.Parse(c.Endpoint)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return fmt.Errorf("deepl: endpoint %q is not an http(s) URL", c.Endpoint)
	}
	c.Endpoint = strings.TrimSuffix(strings.TrimSuffix(c.Endpoint, "/"), "/v2")
	return nil
}

// String describes the configuration for logs, with the key masked.
func (c Config) String() string {
	key := "unset"
	if c.AuthKey != "" {
		key = "set"
	}
	return fmt.Sprintf("deepl endpoint=%s english=%s key=%s", c.Endpoint, c.English, key)
}

// Info returns the registry entry of the backend. The backend it builds
// sends one request per call; the command line wraps it with remote.Wrap.
func Info() translate.BackendInfo {
	return translate.BackendInfo{
		Name:        Name,
		Description: "DeepL API (Free or Pro), with native glossaries",
		Env:         []string{EnvAuthKey},
		Kind:        translate.Remote,
		Options: []translate.Option{
			{Name: "endpoint", Type: translate.URL, Help: "the DeepL server",
				Default: "chosen by the key: " + FreeEndpoint + " for keys ending in :fx, else " + ProEndpoint},
			{Name: OptionEnglish, Type: translate.Choice, Choices: []string{"EN-US", "EN-GB"},
				Help: "the English that en translates to", Default: "EN-US"},
		},
		// DeepL API Pro's published usage price (USD); tags are not billed.
		Price:        translate.Price{PerMillion: 25, Currency: "USD"},
		Capabilities: translate.Capabilities{MaxSegments: MaxTexts, MaxChars: maxChars, HTML: true},
		New: func(ctx context.Context, tc translate.Config) (translate.Backend, error) {
			cfg, err := NewConfig(tc)
			if err != nil {
				return nil, err
			}
			return New(cfg), nil
		},
	}
}
