// Package googlev3 is bitext's backend for Google Cloud Translation
// Advanced (the v3 gRPC API), with native glossaries.
//
// # Requests
//
// Each batch is one TranslateText call under projects/P/locations/L, with
// mime type text/html for HTML requests (Google keeps tags and
// translate="no" elements) and text/plain otherwise. Authentication is
// Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, gcloud,
// the metadata server). A request carries at most [MaxSegments] segments
// and [MaxChars] code points, Google's documented limits.
//
// # Glossaries
//
// [Backend.UseGlossary] makes a unidirectional (language-pair) glossary
// named bitext-HASH, HASH being a short hash of the pair and the terms, so
// that an unchanged glossary is found with GetGlossary and reused rather
// than created again. Google keeps glossaries in a region, so when the
// "location" option is not set, the glossary and every translation that
// uses it go to us-central1 (plain translations still go to "global").
// With the "glossary-uri" option (a gs://…/file.tsv the user uploaded, two
// tab-separated columns), the glossary is created from that file; without
// it, bitext creates an empty glossary and adds the terms one by one
// through the glossary-entries API (CreateGlossaryEntry), completing a
// glossary left half-filled by an interrupted run. Translations of a pair
// with a glossary read glossary_translations.
//
// # Errors
//
// gRPC errors become [*translate.StatusError]s with the HTTP equivalent of
// their code (RESOURCE_EXHAUSTED 429, UNAVAILABLE 503, INTERNAL 500,
// DEADLINE_EXCEEDED 504, INVALID_ARGUMENT 400, UNAUTHENTICATED 401,
// PERMISSION_DENIED 403) and the server's RetryInfo; retries belong to the
// translate/remote wrapper.
package googlev3

import (
	"context"
	"fmt"
	"sync"

	translatev3 "cloud.google.com/go/translate/apiv3"
	"cloud.google.com/go/translate/apiv3/translatepb"
	"google.golang.org/api/option"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/internal/gcp"
	"github.com/bitext/bitext/translate/remote"
)

// Name is the name the backend is registered under.
const Name = "google-v3"

// Limits of one TranslateText request, as Google documents them.
const (
	MaxSegments = 1024
	MaxChars    = 30000
)

// ErrTooLarge is wrapped by the error for a request over [MaxSegments] or
// [MaxChars]; callers split batches by [Backend.Capabilities].
var ErrTooLarge = gcp.ErrTooLarge

// Backend translates through Cloud Translation Advanced. It is safe for
// concurrent use; call Close when done.
type Backend struct {
	client *translatev3.TranslationClient
	cfg    Config

	mu         sync.RWMutex
	glossaries map[string]string // "fr>en" → glossary resource name
}

var (
	_ translate.Backend      = (*Backend)(nil)
	_ translate.GlossaryUser = (*Backend)(nil)
)

// New connects to the service. opts are passed to the client after the
// endpoint; tests use them to dial a local fake without credentials.
func New(ctx context.Context, cfg Config, opts ...option.ClientOption) (*Backend, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	var all []option.ClientOption
	if cfg.Endpoint != "" {
		all = append(all, option.WithEndpoint(cfg.Endpoint))
	}
	client, err := translatev3.NewTranslationClient(ctx, append(all, opts...)...)
	if err != nil {
		return nil, fmt.Errorf("google-v3: %w: set %s to a service-account key file, or run gcloud auth application-default login: %v",
			translate.ErrNotConfigured, EnvCredentials, err)
	}
	return &Backend{client: client, cfg: cfg, glossaries: map[string]string{}}, nil
}

// Close closes the connection.
func (b *Backend) Close() error { return b.client.Close() }

// Name returns "google-v3".
func (b *Backend) Name() string { return Name }

// Capabilities reports Google's request limits and HTML support.
func (b *Backend) Capabilities() translate.Capabilities {
	return translate.Capabilities{MaxSegments: MaxSegments, MaxChars: MaxChars, HTML: true}
}

// Translate translates req in one request, through the pair's glossary
// when UseGlossary gave one. Blank segments are not sent and come back as
// they are. A request over the limits is refused without calling Google.
func (b *Backend) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	limits := gcp.Limits{Backend: Name, MaxSegments: MaxSegments, MaxChars: MaxChars}
	return limits.Translate(ctx, req, b.call)
}

// call sends texts and returns exactly one translation per text.
func (b *Backend) call(ctx context.Context, req translate.Request, texts []string) ([]string, error) {
	glossary := b.glossary(req.From, req.To)
	loc := b.cfg.location(glossary != "")
	treq := &translatepb.TranslateTextRequest{
		Parent:             b.cfg.parent(loc),
		Contents:           texts,
		MimeType:           "text/plain",
		SourceLanguageCode: req.From,
		TargetLanguageCode: req.To,
		Model:              b.cfg.model(loc),
	}
	if req.HTML {
		treq.MimeType = "text/html"
	}
	if glossary != "" {
		treq.GlossaryConfig = &translatepb.TranslateTextGlossaryConfig{Glossary: glossary}
	}
	resp, err := b.client.TranslateText(ctx, treq)
	if err != nil {
		return nil, wrapError(ctx, "translation failed", err)
	}
	translations := resp.GetTranslations()
	if glossary != "" {
		translations = resp.GetGlossaryTranslations()
	}
	if err := remote.CheckCount(Name, len(translations), len(texts)); err != nil {
		return nil, err
	}
	got := make([]string, len(texts))
	for i, t := range translations {
		got[i] = t.GetTranslatedText()
	}
	return got, nil
}

// glossary returns the resource name of the glossary for from→to, or "".
func (b *Backend) glossary(from, to string) string {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.glossaries[pairKey(from, to)]
}

func pairKey(from, to string) string { return from + ">" + to }
