package remote

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"syscall"
	"time"

	"github.com/bitext/bitext/translate"
)

// IsTemporary reports whether a request that failed with err may succeed if
// sent again: a [translate.StatusError] whose Temporary method says so
// (429, 408, 5xx — never 400, 401, 403), an error marked by [Retryable], a
// connection reset or cut short (EOF), or a network timeout. The caller's
// own cancellation is the caller's to check: Wrap never retries it.
func IsTemporary(err error) bool {
	if err == nil {
		return false
	}
	var se *translate.StatusError
	if errors.As(err, &se) {
		return se.Temporary()
	}
	var re *retryableError
	if errors.As(err, &re) {
		return true
	}
	for _, target := range []error{io.EOF, io.ErrUnexpectedEOF, syscall.ECONNRESET, syscall.ECONNABORTED, syscall.EPIPE} {
		if errors.Is(err, target) {
			return true
		}
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// Retryable marks err as temporary for [IsTemporary]: a backend uses it for
// answers worth asking again, such as a garbled body. It returns nil for a
// nil err.
func Retryable(err error) error {
	if err == nil {
		return nil
	}
	return &retryableError{err: err}
}

// retryableError is an error marked by Retryable.
type retryableError struct{ err error }

func (e *retryableError) Error() string   { return e.err.Error() }
func (e *retryableError) Unwrap() error   { return e.err }
func (e *retryableError) Temporary() bool { return true }

// backoff returns how long to wait before retry number attempt+1 after err:
// a random duration up to MinBackoff·2^attempt, capped at MaxBackoff (full
// jitter), but at least the server's Retry-After, which then also holds
// back every other request of the run. A Retry-After over MaxWait is an
// error wrapping [translate.ErrStopRun].
func (w *wrapper) backoff(attempt int, err error) (time.Duration, error) {
	ceiling := w.opts.MaxBackoff
	if attempt < 32 {
		ceiling = min(ceiling, w.opts.MinBackoff<<attempt)
	}
	d := rand.N(ceiling + 1)
	var se *translate.StatusError
	if errors.As(err, &se) && se.RetryAfter > 0 {
		if se.RetryAfter > w.opts.MaxWait {
			return 0, &WaitError{Backend: w.inner.Name(), Asked: se.RetryAfter, Max: w.opts.MaxWait, Err: se}
		}
		until := time.Now().Add(se.RetryAfter)
		if w.pauseUntil(until) && w.opts.OnWait != nil {
			w.opts.OnWait(Wait{Backend: w.inner.Name(), For: se.RetryAfter, Until: until, Status: se.Code})
		}
		d = max(d, se.RetryAfter)
	}
	return d, nil
}

// pauseUntil holds back every request until t; it reports whether that
// makes a new, later pause.
func (w *wrapper) pauseUntil(t time.Time) bool {
	for {
		old := w.notBefore.Load()
		if old >= t.UnixNano() {
			return false
		}
		if w.notBefore.CompareAndSwap(old, t.UnixNano()) {
			// Pauses asked by answers to requests sent together end
			// within a second of each other: one pause to the user.
			return t.UnixNano()-old > int64(time.Second)
		}
	}
}

// WaitError is the error for a server asking to wait longer than
// Options.MaxWait. It wraps [translate.ErrStopRun] and the server's error.
type WaitError struct {
	Backend    string
	Asked, Max time.Duration
	Err        error
}

func (e *WaitError) Error() string {
	return fmt.Sprintf("%s asked to wait %v before the next request (Retry-After), longer than the %v bitext waits (--max-wait): %v",
		e.Backend, e.Asked.Round(time.Second), e.Max, e.Err)
}

// Unwrap returns [translate.ErrStopRun] and the server's error.
func (e *WaitError) Unwrap() []error { return []error{translate.ErrStopRun, e.Err} }
