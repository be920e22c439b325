// Package google is bitext's backend for Google Cloud Translation Basic
// (the v2 REST API).
//
// # Wire format
//
// Each batch is one POST to {endpoint}v2 with the JSON body
// {"data":{"q":[…],"source":"fr","target":"en","format":"text"}}, the API
// key (when set) in the key query parameter, and the answer
// {"data":{"translations":[{"translatedText":"…"}]}}, one per q in order.
// Requests go through the generated client google.golang.org/api/translate/v2
// rather than its wrapper cloud.google.com/go/translate, because the wrapper
// sends the text in the URL of a GET and Google's front end refuses long URLs
// with 413 or 400 (googleapis/google-api-go-client#798): POST carries the
// documented request size.
//
// # Markup
//
// HTML requests are sent with format=html: Google keeps tags and the content
// of translate="no" elements, and answers HTML (with entities such as
// &#39;), which is what [translate.Request] asks for. Plain-text requests
// are sent with format=text and come back as plain text, never unescaped by
// guesswork.
//
// # Limits and errors
//
// A request carries at most [MaxSegments] segments and [MaxChars] runes
// (Google documents 128 text segments and a 100 KB request; it recommends
// 5,000 characters for latency). Server errors are [*translate.StatusError]s
// with the API key removed from every message; retries belong to the
// translate/remote wrapper. Quota errors that Google sends as 403 "User Rate
// Limit Exceeded" are reported as 429 so that they are retried.
package google

import (
	"context"
	"fmt"
	"net/http"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/internal/gcp"
	"github.com/bitext/bitext/translate/remote"
	"google.golang.org/api/option"
	raw "google.golang.org/api/translate/v2"
	htransport "google.golang.org/api/transport/http"
)

// Name is the name the backend is registered under.
const Name = "google"

// Limits of one request.
const (
	// MaxSegments is the most text segments Google accepts in one request.
	MaxSegments = 128
	// MaxChars is the most runes bitext sends in one request, well below
	// Google's 100 KB request limit even for accented text.
	MaxChars = 30000
)

// scope is the OAuth scope asked for with Application Default Credentials.
const scope = "https://www.googleapis.com/auth/cloud-translation"

// Backend translates through Cloud Translation Basic. It is safe for
// concurrent use.
type Backend struct {
	svc   *raw.Service
	model string
	key   string // only to strip it from error messages
}

var _ translate.Backend = (*Backend)(nil)

// New returns a backend for cfg. With no API key it looks up Application
// Default Credentials now, and fails with an error wrapping
// [translate.ErrNotConfigured] when there are none.
func New(ctx context.Context, cfg Config) (*Backend, error) {
	endpoint, err := normalizeEndpoint(cfg.Endpoint)
	if err != nil {
		return nil, err
	}
	opts, err := clientOptions(ctx, cfg, endpoint)
	if err != nil {
		return nil, err
	}
	svc, err := raw.NewService(ctx, opts...)
	if err != nil {
		return nil, credentialsError(err, cfg.APIKey)
	}
	return &Backend{svc: svc, model: cfg.Model, key: cfg.APIKey}, nil
}

// clientOptions returns the options for the generated client. A caller's
// HTTP client keeps its transport and timeout, with remote's answer guard
// around the transport and authentication on top.
func clientOptions(ctx context.Context, cfg Config, endpoint string) ([]option.ClientOption, error) {
	opts := []option.ClientOption{option.WithEndpoint(endpoint), option.WithScopes(scope)}
	if cfg.APIKey != "" {
		opts = append(opts, option.WithAPIKey(cfg.APIKey))
	}
	httpClient := cfg.HTTPClient
	if httpClient == nil {
		httpClient = &http.Client{}
	}
	// Answers are read through remote's guard: a byte cap, and the key
	// never reaches a translation.
	base := remote.GuardTransport(httpClient.Transport, Name, cfg.APIKey)
	rt, err := htransport.NewTransport(ctx, base, opts...)
	if err != nil {
		return nil, credentialsError(err, cfg.APIKey)
	}
	client := *httpClient
	client.Transport = rt
	return []option.ClientOption{option.WithEndpoint(endpoint), option.WithHTTPClient(&client)}, nil
}

// credentialsError explains a failure to set up authentication.
func credentialsError(err error, key string) error {
	return fmt.Errorf("google: %w: set %s, or %s to a service-account key file: %s",
		translate.ErrNotConfigured, EnvAPIKey, EnvCredentials, remote.Redact(err.Error(), key))
}

// Name returns "google".
func (b *Backend) Name() string { return Name }

// Capabilities reports Google's request limits and HTML support.
func (b *Backend) Capabilities() translate.Capabilities {
	return translate.Capabilities{MaxSegments: MaxSegments, MaxChars: MaxChars, HTML: true}
}

// Translate translates req in one request. Blank segments are not sent and
// come back as they are. A request over the limits is refused without
// calling Google.
func (b *Backend) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	limits := gcp.Limits{Backend: Name, MaxSegments: MaxSegments, MaxChars: MaxChars}
	return limits.Translate(ctx, req, b.call)
}

// call sends texts and returns exactly one translation per text.
func (b *Backend) call(ctx context.Context, req translate.Request, texts []string) ([]string, error) {
	body := &raw.TranslateTextRequest{Q: texts, Source: req.From, Target: req.To, Format: "text", Model: b.model}
	if req.HTML {
		body.Format = "html"
	}
	res, err := b.svc.Translations.Translate(body).Context(ctx).Do()
	if err != nil {
		return nil, b.wrapError(ctx, err)
	}
	if err := remote.CheckCount(Name, len(res.Translations), len(texts)); err != nil {
		return nil, err
	}
	got := make([]string, len(texts))
	for i, t := range res.Translations {
		if t == nil {
			return nil, remote.Retryable(fmt.Errorf("google: server returned no translation for segment %d", i+1))
		}
		got[i] = t.TranslatedText
	}
	return got, nil
}

// ErrTooLarge is wrapped by the error for a request over [MaxSegments] or
// [MaxChars]; callers split batches by [Backend.Capabilities].
var ErrTooLarge = gcp.ErrTooLarge
