// Package libretranslate is the bitext backend for LibreTranslate servers:
// POST /translate with the segments as an array in q.
//
// # HTML
//
// In "html" format LibreTranslate translates each text node of the
// fragment with translate-html, which skips elements carrying
// translate="no": the backend claims HTML. Because the server re-serialises
// the markup (entities may come back decoded), every translate="no" span is
// then put back byte for byte from the source, by its id; one the server
// lost is put back by the pipeline, which says so in the segment's
// fidelity record. Note that text nodes are translated separately, so
// inline tags cut sentences into pieces that are translated on their own.
//
// # Configuration
//
// The endpoint defaults to a local server, [DefaultEndpoint]; the key, for
// servers that require one, comes from LIBRETRANSLATE_API_KEY.
package libretranslate

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
)

// Batch limits: servers may be started with --batch-limit and
// --char-limit; these values suit the common settings.
const (
	maxSegments = 25
	maxChars    = 5000
)

// Backend translates with a LibreTranslate server. It is safe for
// concurrent use.
type Backend struct {
	cfg    Config
	client *http.Client
}

var _ translate.Backend = &Backend{}

// New returns a backend for cfg.
func New(cfg Config) (*Backend, error) {
	if err := cfg.normalize(); err != nil {
		return nil, err
	}
	client := cfg.HTTPClient
	if client == nil {
		client = http.DefaultClient
	}
	return &Backend{cfg: cfg, client: client}, nil
}

// Name returns "libretranslate".
func (b *Backend) Name() string { return Name }

// Capabilities reports the batch limits and HTML support.
func (b *Backend) Capabilities() translate.Capabilities {
	return translate.Capabilities{MaxSegments: maxSegments, MaxChars: maxChars, HTML: true}
}

// Translate translates one batch in one request.
func (b *Backend) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	if len(req.Segments) == 0 {
		return []string{}, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	body := translateRequest{Q: req.Segments, Source: req.From, Target: req.To, Format: "text", APIKey: b.cfg.APIKey}
	if req.HTML {
		body.Format = "html"
	}
	hreq, err := remote.NewJSONRequest(ctx, b.cfg.Endpoint+"/translate", body)
	if err != nil {
		return nil, fmt.Errorf("libretranslate: %w", err)
	}
	var res translateResponse
	if err := b.do(ctx, hreq, &res); err != nil {
		return nil, err
	}
	if err := remote.CheckCount(Name, len(res.TranslatedText), len(req.Segments)); err != nil {
		return nil, err
	}
	if req.HTML {
		for i := range res.TranslatedText {
			res.TranslatedText[i] = remote.RestoreSpans(req.Segments[i], res.TranslatedText[i])
		}
	}
	return res.TranslatedText, nil
}

// hints tell the user what to do about an error status.
var hints = map[int]string{
	http.StatusForbidden:       "set " + EnvAPIKey + " to a valid key for this server",
	http.StatusUnauthorized:    "set " + EnvAPIKey + " to a valid key for this server",
	http.StatusTooManyRequests: "the server limits requests per minute: lower the request rate or use a key",
}

// do sends hreq and decodes the answer, adding hints and marking
// unsupported languages.
func (b *Backend) do(ctx context.Context, hreq *http.Request, out any) error {
	err := remote.DoJSON(ctx, b.client, hreq, out, Name, b.cfg.APIKey)
	if err == nil {
		return nil
	}
	var se *translate.StatusError
	if errors.As(err, &se) && se.Code == http.StatusBadRequest && strings.Contains(se.Message, "not supported") {
		return fmt.Errorf("%w: %w", translate.ErrUnsupportedPair, se)
	}
	if errors.As(err, &se) && se.Code == http.StatusForbidden && b.cfg.APIKey == "" {
		se.Hint = "this server requires a key: set " + EnvAPIKey
		return err
	}
	return remote.WithHints(err, hints)
}
