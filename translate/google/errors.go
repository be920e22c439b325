package google

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
	"google.golang.org/api/googleapi"
)

// wrapError turns an error of the generated client into bitext's: the
// context's error when ctx is done, a *translate.StatusError for an HTTP
// error answer, and otherwise a transport error whose URL has no query (the
// API key travels in it).
func (b *Backend) wrapError(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("google: %w", ctxErr)
	}
	var gerr *googleapi.Error
	if errors.As(err, &gerr) {
		return b.statusError(gerr)
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		return fmt.Errorf("google: request failed: %w", stripURL(uerr, b.key))
	}
	// What is left is an answer the client could not decode: worth
	// asking again, like any garbled answer.
	return remote.Retryable(fmt.Errorf("google: %s", remote.Redact(err.Error(), b.key)))
}

// statusError converts Google's error answer. Unsupported languages also
// wrap translate.ErrUnsupportedPair.
func (b *Backend) statusError(gerr *googleapi.Error) error {
	se := &translate.StatusError{
		Backend:    Name,
		Code:       gerr.Code,
		RetryAfter: remote.RetryAfter(gerr.Header, time.Now()),
		Message:    remote.Redact(message(gerr), b.key),
	}
	if isRateLimit(gerr) {
		se.Code = http.StatusTooManyRequests
	}
	se.Hint = hint(se.Code, gerr)
	if se.Code == http.StatusBadRequest && isLanguageError(se.Message) {
		return fmt.Errorf("%w: %w", translate.ErrUnsupportedPair, se)
	}
	return se
}

// message is the server's explanation: the error message, else the reasons
// of its items. A non-JSON body (a proxy's HTML page) is not quoted.
func message(gerr *googleapi.Error) string {
	if gerr.Message != "" {
		return gerr.Message
	}
	var reasons []string
	for _, item := range gerr.Errors {
		if item.Message != "" {
			reasons = append(reasons, item.Message)
		} else if item.Reason != "" {
			reasons = append(reasons, item.Reason)
		}
	}
	return strings.Join(reasons, "; ")
}

// isRateLimit reports a per-minute quota error, which Google sends as 403
// with the reason rateLimitExceeded or userRateLimitExceeded. The daily
// limit (dailyLimitExceeded) stays a 403: retrying it is pointless.
func isRateLimit(gerr *googleapi.Error) bool {
	if gerr.Code != http.StatusForbidden {
		return false
	}
	for _, item := range gerr.Errors {
		if item.Reason == "rateLimitExceeded" || item.Reason == "userRateLimitExceeded" {
			return true
		}
	}
	return strings.Contains(gerr.Message, "Rate Limit Exceeded")
}

// hint tells the user what to change for credential and key errors.
func hint(code int, gerr *googleapi.Error) string {
	switch {
	case code == http.StatusUnauthorized:
		return fmt.Sprintf("set %s to a valid API key, or %s to a service-account key file", EnvAPIKey, EnvCredentials)
	case code == http.StatusForbidden:
		return fmt.Sprintf("check that the Cloud Translation API is enabled and its quota not exhausted for the project of %s or %s", EnvAPIKey, EnvCredentials)
	case code == http.StatusBadRequest && hasReason(gerr, "keyInvalid", "keyExpired"):
		return fmt.Sprintf("set %s to a valid API key", EnvAPIKey)
	}
	return ""
}

func hasReason(gerr *googleapi.Error, reasons ...string) bool {
	for _, item := range gerr.Errors {
		for _, r := range reasons {
			if item.Reason == r {
				return true
			}
		}
	}
	return false
}

// isLanguageError reports a 400 answer about the language codes, such as
// "Bad language pair: fr|xx" or "Target language not supported".
func isLanguageError(msg string) bool {
	return strings.Contains(strings.ToLower(msg), "language")
}

// stripURL returns uerr with the query and fragment removed from its URL,
// and the key removed from its message, keeping the cause for errors.Is.
func stripURL(uerr *url.Error, key string) error {
	u, err := url.Parse(uerr.URL)
	clean := "(unparsable URL)"
	if err == nil {
		u.RawQuery, u.Fragment, u.User = "", "", nil
		clean = u.String()
	}
	inner := uerr.Err
	if key != "" && strings.Contains(inner.Error(), key) {
		inner = redactedError{msg: remote.Redact(inner.Error(), key), err: errors.Unwrap(inner)}
	}
	return &url.Error{Op: uerr.Op, URL: clean, Err: inner}
}

// redactedError is an error whose message had a secret removed.
type redactedError struct {
	msg string
	err error
}

func (e redactedError) Error() string { return e.msg }
func (e redactedError) Unwrap() error { return e.err }
