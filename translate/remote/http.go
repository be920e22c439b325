package remote

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bitext/bitext/translate"
)

// maxErrorBody is the most of an error answer read for its message.
const maxErrorBody = 64 << 10

// MaxAnswerBytes is the most bytes read from a successful answer: far
// above what any batch within an API's limits comes back as (DeepL's 128
// KiB requests, Google's 30,000 characters), far below what would exhaust
// memory.
const MaxAnswerBytes = 16 << 20

// ErrSecretInAnswer is wrapped by the error for an answer that holds one of
// the backend's secrets (an API key echoed by a proxy or a model).
var ErrSecretInAnswer = errors.New("the answer contains the backend's API key")

// ReadAnswer reads a successful answer's body: at most [MaxAnswerBytes]
// (more is a [Retryable] error), and refused with a [Retryable] error
// wrapping [ErrSecretInAnswer] when it holds one of secrets, as is or
// escaped, so that a key can never reach a translation.
func ReadAnswer(body io.Reader, backend string, secrets ...string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(body, MaxAnswerBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: failed to read answer: %w", backend, err)
	}
	if len(data) > MaxAnswerBytes {
		return nil, Retryable(fmt.Errorf("%s: answer larger than %d MB: refused", backend, MaxAnswerBytes>>20))
	}
	if holdsSecret(data, secrets) {
		return nil, Retryable(fmt.Errorf("%s: %w: refused", backend, ErrSecretInAnswer))
	}
	return data, nil
}

// holdsSecret reports whether data holds a secret, as is, URL-encoded or
// JSON-escaped.
func holdsSecret(data []byte, secrets []string) bool {
	s := string(data)
	for _, secret := range secrets {
		if len(secret) < 4 {
			continue
		}
		js, _ := json.Marshal(secret)
		if strings.Contains(s, secret) || strings.Contains(s, url.QueryEscape(secret)) || strings.Contains(s, string(js[1:len(js)-1])) {
			return true
		}
	}
	return false
}

// GuardTransport returns a RoundTripper that reads every successful
// answer of base through [ReadAnswer] (byte cap, secrets refused), for
// backends whose client library reads the answers itself.
func GuardTransport(base http.RoundTripper, backend string, secrets ...string) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return guard{base: base, backend: backend, secrets: secrets}
}

type guard struct {
	base    http.RoundTripper
	backend string
	secrets []string
}

func (g guard) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := g.base.RoundTrip(req)
	if err != nil || resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp, err
	}
	data, err := ReadAnswer(resp.Body, g.backend, g.secrets...)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(data))
	resp.ContentLength = int64(len(data))
	return resp, nil
}

// maxMessage is the most characters of a server's message kept in errors.
const maxMessage = 300

// NewJSONRequest returns a POST request to url carrying body encoded as
// JSON (without escaping <, > and &, which would bloat HTML segments), with
// the Content-Type and Accept headers set.
func NewJSONRequest(ctx context.Context, url string, body any) (*http.Request, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(body); err != nil {
		return nil, fmt.Errorf("failed to encode request: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, &buf)
	if err != nil {
		return nil, fmt.Errorf("failed to build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	return req, nil
}

// DoJSON sends req with client under ctx and decodes a successful JSON
// answer into out. An error status becomes a *[translate.StatusError]
// naming backend, with the server's message (secrets redacted) and its
// Retry-After. A 2xx answer that is not JSON (a proxy's page, say) is an
// error telling to check the endpoint; malformed JSON is [Retryable]. Every
// error message has the secrets replaced by [Redact].
func DoJSON(ctx context.Context, client *http.Client, req *http.Request, out any, backend string, secrets ...string) error {
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req.WithContext(ctx))
	if err != nil {
		return redactErr(fmt.Errorf("%s: request failed: %w", backend, err), secrets)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		return &translate.StatusError{
			Backend:    backend,
			Code:       resp.StatusCode,
			RetryAfter: RetryAfter(resp.Header, time.Now()),
			Message:    Redact(errorMessage([]byte(Redact(string(body), secrets...))), secrets...),
		}
	}
	return redactErr(decodeJSON(resp, out, backend, secrets), secrets)
}

// decodeJSON decodes a successful answer into out.
func decodeJSON(resp *http.Response, out any, backend string, secrets []string) error {
	ct := resp.Header.Get("Content-Type")
	if mt, _, _ := mime.ParseMediaType(ct); ct != "" && mt != "application/json" && !strings.HasSuffix(mt, "+json") {
		return fmt.Errorf("%s: answer is %s, not JSON (HTTP %d): check the endpoint", backend, mt, resp.StatusCode)
	}
	data, err := ReadAnswer(resp.Body, backend, secrets...)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, out); err != nil {
		return Retryable(fmt.Errorf("%s: unparseable answer (HTTP %d, %d bytes): %w", backend, resp.StatusCode, len(data), err))
	}
	return nil
}

// errorMessage extracts a readable message from an error answer: the
// "message", "error" or "detail" field of a JSON body, or the text itself,
// cut short.
func errorMessage(body []byte) string {
	var obj map[string]any
	if json.Unmarshal(body, &obj) == nil {
		for _, key := range []string{"message", "error", "detail"} {
			if msg := stringField(obj[key]); msg != "" {
				return truncate(msg)
			}
		}
	}
	return truncate(strings.Join(strings.Fields(string(body)), " "))
}

// stringField returns v if it is a string, or the "message" field of v if
// it is an object (OpenAI's {"error": {"message": …}}).
func stringField(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		return stringField(v["message"])
	}
	return ""
}

func truncate(s string) string {
	r := []rune(s)
	if len(r) <= maxMessage {
		return s
	}
	return string(r[:maxMessage]) + "…"
}

// RetryAfter parses the Retry-After header of h, in seconds or as an HTTP
// date relative to now. It returns 0 when the header is absent, invalid
// or in the past.
func RetryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 || secs > int64(24*time.Hour/time.Second) {
			return 0
		}
		return time.Duration(secs) * time.Second
	}
	t, err := http.ParseTime(v)
	if err != nil || !t.After(now) {
		return 0
	}
	return t.Sub(now)
}

// Redact replaces every non-empty secret in s, as is and URL-encoded, with
// "[redacted]".
func Redact(s string, secrets ...string) string {
	for _, secret := range secrets {
		if secret == "" {
			continue
		}
		s = strings.ReplaceAll(s, secret, "[redacted]")
		if q := url.QueryEscape(secret); q != secret {
			s = strings.ReplaceAll(s, q, "[redacted]")
		}
	}
	return s
}

// redactErr returns err with secrets removed from its message; the chain
// (for errors.Is and errors.As) is kept.
func redactErr(err error, secrets []string) error {
	if err == nil {
		return nil
	}
	msg := Redact(err.Error(), secrets...)
	if msg == err.Error() {
		return err
	}
	return &redactedError{msg: msg, err: err}
}

// redactedError shows a redacted message for an error it wraps.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// WithHints sets the Hint of the [translate.StatusError] in err's chain to
// hints[code] for its status code, when there is one, and returns err.
func WithHints(err error, hints map[int]string) error {
	var se *translate.StatusError
	if errors.As(err, &se) && hints[se.Code] != "" {
		se.Hint = hints[se.Code]
	}
	return err
}

// ErrWrongCount is wrapped by the error of [CheckCount]; it is
// [translate.ErrWrongCount].
var ErrWrongCount = translate.ErrWrongCount

// CheckCount returns a [Retryable] error wrapping [ErrWrongCount] when a
// backend got a different number of translations than it sent segments,
// and nil otherwise.
func CheckCount(backend string, got, want int) error {
	if got == want {
		return nil
	}
	return Retryable(fmt.Errorf("%s: %w: got %d for %d segments", backend, ErrWrongCount, got, want))
}
