package translate

import (
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
}

func (e *StatusError) Error() string {
	msg := fmt.Sprintf("%s: server answered %d %s", e.Backend, e.Code, http.StatusText(e.Code))
	if e.Message != "" {
		msg += ": " + e.Message
	}
	return msg
}

// Temporary reports whether the request may succeed if sent again: rate
// limiting (429), server errors (5xx) and timeouts (408). Bad requests and
// bad credentials (400, 401, 403) are never retried.
func (e *StatusError) Temporary() bool {
	return e.Code == http.StatusTooManyRequests || e.Code == http.StatusRequestTimeout || e.Code >= 500
}
