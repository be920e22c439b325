// Package deepl is the bitext backend for the DeepL API v2: POST
// /v2/translate with up to 50 texts per request, HTML segments (the
// neutral form of translate.Request) sent as XML with translate="no"
// elements turned into DeepL's ignored <x> tags, and
// native glossaries (see [Backend.UseGlossary]).
//
// # Configuration
//
// The key comes from DEEPL_AUTH_KEY ([EnvAuthKey]); keys of free accounts
// end in ":fx" and go to [FreeEndpoint], others to [ProEndpoint], unless
// the endpoint is set. The option "english" chooses EN-US or EN-GB.
//
// # Errors
//
// Error answers become *[translate.StatusError] with a hint: 401 and 403
// name DEEPL_AUTH_KEY, 456 says the character quota is used up. 429 and
// 5xx are temporary: the retrying wrapper of [remote.Wrap] sends them
// again. The key never appears in an error.
//
// [remote.Wrap]: https://pkg.go.dev/github.com/bitext/bitext/translate/remote#Wrap
package deepl

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
)

// The limits of one /v2/translate request.
const (
	// MaxTexts is the most texts one request may carry.
	MaxTexts = 50
	// MaxBody is the largest request body DeepL accepts.
	MaxBody = 128 << 10
	// maxChars keeps batches well under MaxBody; a request that still
	// exceeds it is split in two.
	maxChars = 30000
)

// Backend translates with the DeepL API. It is safe for concurrent use.
type Backend struct {
	cfg    Config
	client *http.Client
	mu     sync.RWMutex
	// glossaries maps a from→to pair to the glossary ID UseGlossary chose.
	glossaries map[[2]string]string
	// sleepFn replaces the timer while waiting for glossaries, in tests.
	sleepFn func(ctx context.Context, d time.Duration) error
}

var (
	_ translate.Backend      = &Backend{}
	_ translate.GlossaryUser = &Backend{}
)

// New returns a backend for cfg (see NewConfig for the defaults).
func New(cfg Config) *Backend {
	if err := cfg.normalize(); err != nil {
		cfg.Endpoint = ProEndpoint
	}
	client := cfg.HTTPClient
	if client == nil {
		client = http.DefaultClient
	}
	return &Backend{cfg: cfg, client: client, glossaries: map[[2]string]string{}}
}

// Name returns "deepl".
func (b *Backend) Name() string { return Name }

// Capabilities reports DeepL's batch limits and HTML support.
func (b *Backend) Capabilities() translate.Capabilities {
	return translate.Capabilities{MaxSegments: MaxTexts, MaxChars: maxChars, HTML: true}
}

// Translate translates one batch; a batch over DeepL's limits is sent in
// several requests.
func (b *Backend) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	if len(req.Segments) == 0 {
		return []string{}, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	body := b.requestBody(req)
	out, err := b.translateTexts(ctx, body)
	if err != nil {
		return nil, err
	}
	if !req.HTML {
		return out, nil
	}
	for i := range out {
		out[i] = fromXML(req.Segments[i], out[i])
	}
	return out, nil
}

// requestBody builds the request for req, segments converted to XML in
// HTML mode.
func (b *Backend) requestBody(req translate.Request) translateRequest {
	body := translateRequest{
		Text:       req.Segments,
		SourceLang: strings.ToUpper(req.From),
		TargetLang: b.targetLang(req.To),
	}
	b.mu.RLock()
	body.GlossaryID = b.glossaries[[2]string{req.From, req.To}]
	b.mu.RUnlock()
	if req.HTML {
		body.Text = make([]string, len(req.Segments))
		for i, s := range req.Segments {
			body.Text[i] = toXML(s)
		}
		body.TagHandling, body.IgnoreTags = "xml", []string{"x"}
		body.SplitSentences = "nonewlines"
	}
	return body
}

// targetLang returns DeepL's code for a target language: the configured
// variant for English.
func (b *Backend) targetLang(to string) string {
	if strings.EqualFold(to, "en") {
		return b.cfg.English
	}
	return strings.ToUpper(to)
}

// translateTexts sends body, in halves when it is over DeepL's limits.
func (b *Backend) translateTexts(ctx context.Context, body translateRequest) ([]string, error) {
	hreq, err := b.newRequest(ctx, "/v2/translate", body)
	if err != nil {
		return nil, err
	}
	if len(body.Text) > MaxTexts || hreq.ContentLength > MaxBody {
		if len(body.Text) == 1 {
			return nil, fmt.Errorf("deepl: segment too long: request of %d bytes, limit %d", hreq.ContentLength, MaxBody)
		}
		return b.translateHalves(ctx, body)
	}
	var res translateResponse
	if err := b.do(ctx, hreq, &res); err != nil {
		return nil, err
	}
	if err := remote.CheckCount(Name, len(res.Translations), len(body.Text)); err != nil {
		return nil, err
	}
	out := make([]string, len(res.Translations))
	for i, t := range res.Translations {
		out[i] = t.Text
	}
	return out, nil
}

// translateHalves sends each half of body's texts on its own.
func (b *Backend) translateHalves(ctx context.Context, body translateRequest) ([]string, error) {
	half := len(body.Text) / 2
	first, second := body, body
	first.Text, second.Text = body.Text[:half], body.Text[half:]
	out, err := b.translateTexts(ctx, first)
	if err != nil {
		return nil, err
	}
	rest, err := b.translateTexts(ctx, second)
	if err != nil {
		return nil, err
	}
	return append(out, rest...), nil
}

// newRequest builds an authenticated JSON POST to path.
func (b *Backend) newRequest(ctx context.Context, path string, body any) (*http.Request, error) {
	hreq, err := remote.NewJSONRequest(ctx, b.cfg.Endpoint+path, body)
	if err != nil {
		return nil, fmt.Errorf("deepl: %w", err)
	}
	hreq.Header.Set("Authorization", "DeepL-Auth-Key "+b.cfg.AuthKey)
	return hreq, nil
}

// hints tell the user what to do about an error status.
var hints = map[int]string{
	http.StatusUnauthorized:          "set " + EnvAuthKey + " to a valid DeepL API key (keys of free accounts end in \":fx\")",
	http.StatusForbidden:             "set " + EnvAuthKey + " to a valid DeepL API key (keys of free accounts end in \":fx\")",
	456:                              "the DeepL character quota is used up; it renews with the billing period",
	http.StatusRequestEntityTooLarge: "a request was too large for DeepL; send smaller batches",
}

// do sends hreq and decodes the answer into out, adding hints to error
// statuses and marking unsupported languages.
func (b *Backend) do(ctx context.Context, hreq *http.Request, out any) error {
	err := remote.DoJSON(ctx, b.client, hreq, out, Name, b.cfg.AuthKey)
	if err == nil {
		return nil
	}
	var se *translate.StatusError
	if errors.As(err, &se) && se.Code == http.StatusBadRequest && strings.Contains(strings.ToLower(se.Message), "not supported") {
		return fmt.Errorf("%w: %w", translate.ErrUnsupportedPair, se)
	}
	return remote.WithHints(err, hints)
}
