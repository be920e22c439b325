// Package remote holds the machinery every network translation backend
// shares: batching within the engine's limits, a rate limiter shared by the
// whole run, retries with exponential backoff, and JSON-over-HTTP helpers
// that turn error answers into [translate.StatusError] without leaking keys.
//
// # Wrapping
//
// A backend package implements [translate.Backend] for one request at a
// time and returns errors faithfully; the command line then wraps it:
//
//	b := remote.Wrap(deeplBackend, remote.Options{RequestsPerSecond: 5})
//	out, err := b.Translate(ctx, req) // any number of segments
//
// The wrapper splits the request into batches within the backend's
// [translate.Capabilities], sends up to [Options.Concurrency] of them at
// once, retries the ones that fail temporarily (see [IsTemporary]) and puts
// the translations back in order. Wrapped backends report how many requests
// they sent through [Counter].
//
// # Errors
//
// Backends mark their own transient failures with [Retryable]; server error
// statuses come back from [DoJSON] as [translate.StatusError], whose
// Temporary method decides. Secrets are removed from every message with
// [Redact] before it leaves the backend.
package remote

import (
	"context"
	"time"
)

// Options configure Wrap. Zero values take the documented defaults.
type Options struct {
	// Concurrency is the number of batches in flight at once, over all
	// calls through the wrapper (default 4).
	Concurrency int
	// RequestsPerSecond limits requests over the whole run; 0 = unlimited.
	RequestsPerSecond float64
	// CharsPerSecond limits characters (runes) sent over the whole run;
	// 0 = unlimited.
	CharsPerSecond float64
	// MaxRetries is how many times a failed batch is sent again (default
	// 5; a negative value disables retries).
	MaxRetries int
	// Timeout bounds each request (default 60s).
	Timeout time.Duration
	// MinBackoff and MaxBackoff bound the wait before a retry (default
	// 500ms and 30s): exponential in the attempt number, with full jitter.
	MinBackoff, MaxBackoff time.Duration
	// MaxWait is the longest pause a server may ask for (Retry-After)
	// before the run gives up with an error wrapping
	// [translate.ErrStopRun] (default 5 minutes).
	MaxWait time.Duration
	// OnWait, when set, is told of every pause a server asked for, as it
	// starts, so that the user sees why nothing moves. It may be called
	// from several goroutines.
	OnWait func(Wait)
	// Sleep waits for d or until ctx is done, for tests; nil = real timer.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Wait describes a pause a server asked for.
type Wait struct {
	// Backend is the backend's name.
	Backend string
	// For is how long the pause lasts, Until when it ends.
	For   time.Duration
	Until time.Time
	// Status is the HTTP status of the answer that asked for it.
	Status int
}

// The defaults of Options.
const (
	DefaultConcurrency = 4
	DefaultMaxRetries  = 5
	DefaultTimeout     = 60 * time.Second
	DefaultMinBackoff  = 500 * time.Millisecond
	DefaultMaxBackoff  = 30 * time.Second
	DefaultMaxWait     = 5 * time.Minute
)

// withDefaults returns o with its zero fields set to the defaults.
func (o Options) withDefaults() Options {
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.MaxRetries == 0 {
		o.MaxRetries = DefaultMaxRetries
	} else if o.MaxRetries < 0 {
		o.MaxRetries = 0
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = DefaultMinBackoff
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = DefaultMaxBackoff
	}
	if o.MaxBackoff < o.MinBackoff {
		o.MaxBackoff = o.MinBackoff
	}
	if o.MaxWait <= 0 {
		o.MaxWait = DefaultMaxWait
	}
	if o.Sleep == nil {
		o.Sleep = sleep
	}
	return o
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
