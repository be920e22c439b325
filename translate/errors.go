package translate

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// StatusError is the error a remote backend returns when its server answers
// with an error status. The retrying wrapper in translate/remote retries it
// when Temporary says so, waiting at least RetryAfter.
type StatusError struct {
	// Backend names the backend, for messages.
	Backend string
	// Code is the HTTP status (or the HTTP equivalent of a gRPC code).
	Code int
	// RetryAfter is the wait the server asked for (Retry-After), or 0.
	RetryAfter time.Duration
	// Message is the server's explanation, already stripped of secrets.
	Message string
	// Hint tells the user what to do, such as which variable to set.
	Hint string
	// Quota marks an error status that says the account's quota is used
	// up, whatever its code (the backend knows its API's ways).
	Quota bool
}

func (e *StatusError) Error() string {
	msg := fmt.Sprintf("%s: server answered %d %s", e.Backend, e.Code, statusText(e.Code))
	if e.Message != "" {
		msg += ": " + e.Message
	}
	return msg
}

// statusText names an HTTP status, including the ones APIs made up.
func statusText(code int) string {
	switch code {
	case 456:
		return "Quota Exceeded" // DeepL's character quota
	}
	if t := http.StatusText(code); t != "" {
		return t
	}
	return "(unknown status)"
}

// StopsRun reports whether the error means that no request of the run can
// succeed: bad or missing credentials (401, 403), a used-up quota (402,
// DeepL's 456, or Quota set). A batch run stops at once on it, letting the
// requests in flight finish.
func (e *StatusError) StopsRun() bool {
	switch e.Code {
	case http.StatusUnauthorized, http.StatusPaymentRequired, http.StatusForbidden, 456:
		return true
	}
	return e.Quota
}

// ErrStopRun is wrapped by errors, other than a [StatusError], after which
// a batch run must send nothing more (a server asking to wait longer than
// the user allows, say).
var ErrStopRun = errors.New("the run cannot go on")

// StopsRun reports whether err (or an error it wraps) stops a whole batch
// run: see [StatusError.StopsRun] and [ErrStopRun].
func StopsRun(err error) bool {
	var se *StatusError
	if errors.As(err, &se) && se.StopsRun() {
		return true
	}
	return errors.Is(err, ErrStopRun)
}

// Temporary reports whether the request may succeed if sent again: rate
// limiting (429), server errors (5xx) and timeouts (408). Bad requests and
// bad credentials (400, 401, 403) are never retried.
func (e *StatusError) Temporary() bool {
	return e.Code == http.StatusTooManyRequests || e.Code == http.StatusRequestTimeout || e.Code >= 500
}
