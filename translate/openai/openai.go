// Package openai is the bitext backend for OpenAI-compatible chat
// completion APIs: OpenAI itself and local servers such as Ollama,
// llama.cpp and vLLM.
//
// # Protocol
//
// Each batch goes as one chat request at temperature 0: a system prompt
// for French→English news translation (carrying the glossary, see
// [Backend.UseGlossary]) and a user message holding the segments as a
// numbered JSON array. The reply is requested as a JSON object
// {"translations": [...]}. A reply that merges, drops or adds segments, is
// not that JSON, or loses a translate="no" span is not trusted: the batch
// is sent again one segment at a time.
//
// # Configuration
//
// The API root comes from --endpoint or OPENAI_BASE_URL (default
// [DefaultBaseURL]), the model from --model or OPENAI_MODEL, the key from
// OPENAI_API_KEY (required by OpenAI only).
package openai

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
)

// errBadReply marks replies that do not hold one faithful translation per
// segment.
var errBadReply = errors.New("unusable reply")

// Backend translates with a chat model. It is safe for concurrent use.
type Backend struct {
	cfg    Config
	client *http.Client
	mu     sync.RWMutex
	terms  map[[2]string][]translate.TermPair
}

var (
	_ translate.Backend      = &Backend{}
	_ translate.GlossaryUser = &Backend{}
)

// New returns a backend for cfg.
func New(cfg Config) (*Backend, error) {
	if err := cfg.normalize(); err != nil {
		return nil, err
	}
	client := cfg.HTTPClient
	if client == nil {
		client = http.DefaultClient
	}
	return &Backend{cfg: cfg, client: client, terms: map[[2]string][]translate.TermPair{}}, nil
}

// Name returns "openai".
func (b *Backend) Name() string { return Name }

// Capabilities reports the configured batch limits and HTML support.
func (b *Backend) Capabilities() translate.Capabilities {
	return translate.Capabilities{MaxSegments: b.cfg.MaxSegments, MaxChars: b.cfg.MaxChars, HTML: true}
}

// UseGlossary keeps the terms and puts them in the prompt of every later
// request from→to.
func (b *Backend) UseGlossary(ctx context.Context, from, to string, terms []translate.TermPair) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.terms[[2]string{from, to}] = append([]translate.TermPair(nil), terms...)
	return nil
}

// Translate translates one batch; an unusable reply to a batch is
// followed by one request per segment.
func (b *Backend) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	if len(req.Segments) == 0 {
		return []string{}, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out, err := b.translateBatch(ctx, req)
	if !errors.Is(err, errBadReply) || len(req.Segments) == 1 {
		return out, err
	}
	return b.translateEach(ctx, req)
}

// translateEach translates the segments of req one by one.
func (b *Backend) translateEach(ctx context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Segments))
	for i, seg := range req.Segments {
		one := req
		one.Segments = []string{seg}
		res, err := b.translateBatch(ctx, one)
		if err != nil {
			return nil, fmt.Errorf("segment %d on its own: %w", i+1, err)
		}
		out[i] = res[0]
	}
	return out, nil
}

// translateBatch sends req in one request and checks the reply.
func (b *Backend) translateBatch(ctx context.Context, req translate.Request) ([]string, error) {
	content, err := b.complete(ctx, b.chatRequest(req))
	if err != nil {
		return nil, err
	}
	var r reply
	if err := json.Unmarshal([]byte(stripFence(content)), &r); err != nil {
		return nil, badReply(fmt.Errorf("openai: reply is not the JSON asked for: %w", err))
	}
	if len(r.Translations) != len(req.Segments) {
		return nil, badReply(fmt.Errorf("openai: %w: got %d for %d segments", remote.ErrWrongCount, len(r.Translations), len(req.Segments)))
	}
	for i, s := range r.Translations {
		if req.HTML {
			if err := remote.CheckSpans(Name, req.Segments[i], s); err != nil {
				return nil, badReply(fmt.Errorf("segment %d: %w", i+1, err))
			}
		}
		r.Translations[i] = strings.TrimSpace(s)
	}
	return r.Translations, nil
}

// badReply marks err as an unusable reply, worth asking again.
func badReply(err error) error {
	return remote.Retryable(fmt.Errorf("%w: %w", errBadReply, err))
}

// stripFence removes a Markdown code fence some models put around JSON.
func stripFence(s string) string {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "```") {
		return s
	}
	s = strings.TrimPrefix(strings.TrimPrefix(s, "```json"), "```")
	return strings.TrimSpace(strings.TrimSuffix(s, "```"))
}

// complete sends a chat request and returns the reply's text.
func (b *Backend) complete(ctx context.Context, body chatRequest) (string, error) {
	hreq, err := remote.NewJSONRequest(ctx, b.cfg.BaseURL+"/chat/completions", body)
	if err != nil {
		return "", fmt.Errorf("openai: %w", err)
	}
	if b.cfg.APIKey != "" {
		hreq.Header.Set("Authorization", "Bearer "+b.cfg.APIKey)
	}
	var res chatResponse
	if err := remote.DoJSON(ctx, b.client, hreq, &res, Name, b.cfg.APIKey); err != nil {
		return "", statusHints(err)
	}
	if len(res.Choices) == 0 {
		return "", badReply(errors.New("openai: reply without choices"))
	}
	if c := res.Choices[0]; c.FinishReason == "length" {
		return "", badReply(errors.New("openai: reply cut short (finish_reason length)"))
	}
	return res.Choices[0].Message.Content, nil
}

// statusHints adds hints to error statuses. OpenAI's "insufficient_quota"
// comes as 429 but will not pass by waiting: it becomes 402.
func statusHints(err error) error {
	var se *translate.StatusError
	if !errors.As(err, &se) {
		return err
	}
	switch {
	case se.Code == http.StatusTooManyRequests && strings.Contains(se.Message, "quota"):
		se.Code = http.StatusPaymentRequired
		se.Hint = "the account's quota is used up; check billing"
	case se.Code == http.StatusUnauthorized || se.Code == http.StatusForbidden:
		se.Hint = "set " + EnvAPIKey + " to a valid key for this server"
	case se.Code == http.StatusNotFound:
		se.Hint = "check the model (--model or " + EnvModel + ") and the base URL (" + EnvBaseURL + ")"
	}
	return err
}
