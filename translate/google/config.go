package google

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/bitext/bitext/translate"
)

// DefaultEndpoint is the base URL of Cloud Translation Basic; the client
// appends "v2" to it.
const DefaultEndpoint = "https://translation.googleapis.com/language/translate/"

// The environment variables the backend reads.
const (
	// EnvAPIKey holds an API key restricted to the Cloud Translation API.
	EnvAPIKey = "GOOGLE_API_KEY"
	// EnvCredentials names a service-account key file for Application
	// Default Credentials, used when no API key is set.
	EnvCredentials = "GOOGLE_APPLICATION_CREDENTIALS"
)

// Config is the configuration of the Cloud Translation Basic backend.
type Config struct {
	// Endpoint is the base URL the client appends "v2" to. A bare server
	// address (a proxy, a test fake) gets DefaultEndpoint's path.
	Endpoint string
	// APIKey authenticates with an API key. Empty: Application Default
	// Credentials (GOOGLE_APPLICATION_CREDENTIALS, gcloud, metadata server).
	APIKey string
	// Model is "nmt" or "base"; empty lets the server choose.
	Model string
	// HTTPClient carries the requests (its transport and timeout); nil
	// means a default client. Authentication is layered on top of it.
	HTTPClient *http.Client
}

// NewConfig builds a Config from the command line's settings: the endpoint,
// the model and GOOGLE_API_KEY.
func NewConfig(tc translate.Config) (Config, error) {
	cfg := Config{
		Endpoint:   tc.Endpoint,
		APIKey:     strings.TrimSpace(tc.Env(EnvAPIKey)),
		Model:      tc.Model,
		HTTPClient: tc.HTTPClient,
	}
	if cfg.Model != "" && cfg.Model != "nmt" && cfg.Model != "base" {
		return Config{}, fmt.Errorf("google: unknown model %q (want nmt or base)", cfg.Model)
	}
	endpoint, err := normalizeEndpoint(cfg.Endpoint)
	if err != nil {
		return Config{}, err
	}
	cfg.Endpoint = endpoint
	return cfg, nil
}

// normalizeEndpoint returns the base URL for endpoint: DefaultEndpoint when
// empty, DefaultEndpoint's path when endpoint has none, and always a
// trailing slash so that "v2" resolves below it.
func normalizeEndpoint(endpoint string) (string, error) {
	if endpoint == "" {
		return DefaultEndpoint, nil
	}
	u, err := url.Parse(endpoint)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return "", fmt.Errorf("google: endpoint %q is not an http(s) URL", endpoint)
	}
	if u.Path == "" || u.Path == "/" {
		u.Path = "/language/translate/"
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}

// String describes the configuration for logs and --verbose output, with
// the API key masked.
func (c Config) String() string {
	auth := "application default credentials"
	if c.APIKey != "" {
		auth = "API key (set)"
	}
	model := c.Model
	if model == "" {
		model = "default"
	}
	return fmt.Sprintf("google endpoint=%s model=%s auth=%s", c.Endpoint, model, auth)
}

// Info returns the registry entry of the backend.
func Info() translate.BackendInfo {
	return translate.BackendInfo{
		Name:        Name,
		Description: "Google Cloud Translation Basic (v2), with an API key or application default credentials",
		Env:         []string{EnvAPIKey, EnvCredentials},
		Kind:        translate.Remote,
		Options: []translate.Option{
			{Name: "endpoint", Type: translate.URL, Help: "the Cloud Translation server", Default: DefaultEndpoint},
			{Name: "model", Type: translate.Choice, Choices: []string{"nmt", "base"},
				Help: "Google's model", Default: "chosen by Google"},
		},
		// Cloud Translation's published price (USD).
		Price:        translate.Price{PerMillion: 20, Currency: "USD"},
		Capabilities: translate.Capabilities{MaxSegments: MaxSegments, MaxChars: MaxChars, HTML: true},
		New: func(ctx context.Context, tc translate.Config) (translate.Backend, error) {
			cfg, err := NewConfig(tc)
			if err != nil {
				return nil, err
			}
			b, err := New(ctx, cfg)
			if err != nil {
				return nil, err
			}
			return b, nil
		},
	}
}
