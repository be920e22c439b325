package remote

import (
	"context"
	"fmt"
	"math"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
	"golang.org/x/time/rate"

	"github.com/bitext/bitext/translate"
)

// Stats counts what a wrapped backend did since it was built.
type Stats struct {
	// Segments is the number of segments callers asked to translate.
	Segments int64
	// Batches is the number of batches those segments were split into.
	Batches int64
	// Requests is the number of requests sent to the backend, retries
	// included.
	Requests int64
	// Retries is the number of requests that were retries.
	Retries int64
}

// Counter is implemented by the backends Wrap returns.
type Counter interface {
	Stats() Stats
}

// Wrap returns a backend that splits each request into batches within
// b.Capabilities() (MaxSegments, MaxChars), sends them concurrently through
// one shared rate limiter, checks every answer ([translate.CheckAnswers]),
// retries temporary failures and refused answers (see [IsTemporary] —
// per-request timeouts included, the caller's own cancellation never),
// honouring RetryAfter up to Options.MaxWait, and reassembles the results
// in order. A batch that still fails fails the whole request with an error
// naming the batch. ctx.Err() is checked before every retry.
//
// After an error that stops the run ([translate.StopsRun]: bad
// credentials, a used-up quota, a pause longer than MaxWait), the wrapper
// sends nothing more: every later request fails at once with that error.
// Requests already sent are not cancelled.
//
// The returned backend reports b's batch limits in its Capabilities, so
// that a caller storing each answer as it arrives can send one request per
// call; it implements [Counter], and [translate.GlossaryUser] when b does.
func Wrap(b translate.Backend, opts Options) translate.Backend {
	w := newWrapper(b, opts)
	if g, ok := b.(translate.GlossaryUser); ok {
		return &glossaryWrapper{wrapper: w, glossary: g}
	}
	return w
}

// wrapper is the backend Wrap returns.
type wrapper struct {
	inner translate.Backend
	caps  translate.Capabilities
	opts  Options
	sem   chan struct{}
	reqs  *rate.Limiter // nil: unlimited
	chars *rate.Limiter // nil: unlimited
	// notBefore holds the Unix nanoseconds before which no request may be
	// sent, set from a server's Retry-After.
	notBefore atomic.Int64
	// stopped holds the error that stopped the run, once there is one.
	stopped  atomic.Pointer[error]
	segments atomic.Int64
	batches  atomic.Int64
	requests atomic.Int64
	retries  atomic.Int64
}

var (
	_ translate.Backend      = &wrapper{}
	_ Counter                = &wrapper{}
	_ translate.GlossaryUser = &glossaryWrapper{}
)

func newWrapper(b translate.Backend, opts Options) *wrapper {
	opts = opts.withDefaults()
	w := &wrapper{inner: b, caps: b.Capabilities(), opts: opts}
	w.sem = make(chan struct{}, opts.Concurrency)
	if opts.RequestsPerSecond > 0 {
		w.reqs = rate.NewLimiter(rate.Limit(opts.RequestsPerSecond), 1)
	}
	if opts.CharsPerSecond > 0 {
		burst := max(w.caps.MaxChars, int(math.Ceil(opts.CharsPerSecond)))
		w.chars = rate.NewLimiter(rate.Limit(opts.CharsPerSecond), burst)
	}
	return w
}

// Name returns the wrapped backend's name.
func (w *wrapper) Name() string { return w.inner.Name() }

// Capabilities returns the wrapped backend's.
func (w *wrapper) Capabilities() translate.Capabilities { return w.caps }

// Stats returns the counts so far.
func (w *wrapper) Stats() Stats {
	return Stats{
		Segments: w.segments.Load(),
		Batches:  w.batches.Load(),
		Requests: w.requests.Load(),
		Retries:  w.retries.Load(),
	}
}

// Unwrap returns the wrapped backend.
func (w *wrapper) Unwrap() translate.Backend { return w.inner }

// Translate translates req in batches; see Wrap.
func (w *wrapper) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	if len(req.Segments) == 0 {
		return []string{}, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	batches := split(req.Segments, w.caps.MaxSegments, w.caps.MaxChars)
	w.segments.Add(int64(len(req.Segments)))
	w.batches.Add(int64(len(batches)))
	out := make([]string, len(req.Segments))
	// A failed batch stops the sending of the others, but batches already
	// sent are not cancelled: their answers are the caller's to keep.
	var g errgroup.Group
	g.SetLimit(w.opts.Concurrency)
	var failed atomic.Bool
	for i, b := range batches {
		if failed.Load() || ctx.Err() != nil {
			break
		}
		g.Go(func() error {
			if failed.Load() {
				return nil
			}
			res, err := w.translateBatch(ctx, req, b)
			if err != nil {
				failed.Store(true)
				return fmt.Errorf("batch %d of %d (segments %d–%d): %w",
					i+1, len(batches), b.start+1, b.end, err)
			}
			copy(out[b.start:b.end], res)
			return nil
		})
	}
	err := g.Wait()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", w.inner.Name(), err)
	}
	return out, nil
}

// translateBatch sends one batch, retrying temporary failures.
func (w *wrapper) translateBatch(ctx context.Context, req translate.Request, b batch) ([]string, error) {
	sub := req
	sub.Segments = req.Segments[b.start:b.end]
	for attempt := 0; ; attempt++ {
		res, err := w.send(ctx, sub, b.chars)
		if err == nil {
			return res, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if translate.StopsRun(err) {
			return nil, w.stop(err)
		}
		if !IsTemporary(err) {
			return nil, err
		}
		if attempt >= w.opts.MaxRetries {
			return nil, fmt.Errorf("giving up after %d attempts: %w", attempt+1, err)
		}
		d, err := w.backoff(attempt, err)
		if err != nil {
			return nil, w.stop(err)
		}
		if err := w.opts.Sleep(ctx, d); err != nil {
			return nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		w.retries.Add(1)
	}
}

// send makes one attempt: it takes a concurrency slot, waits for the rate
// limiters and calls the backend under the per-request timeout.
func (w *wrapper) send(ctx context.Context, req translate.Request, chars int) ([]string, error) {
	select {
	case w.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-w.sem }()
	if err := w.wait(ctx, chars); err != nil {
		return nil, err
	}
	if err := w.stoppedErr(); err != nil {
		return nil, err
	}
	actx, cancel := context.WithTimeout(ctx, w.opts.Timeout)
	defer cancel()
	w.requests.Add(1)
	res, err := w.inner.Translate(actx, req)
	if err == nil {
		err = Retryable(translate.CheckAnswers(w.inner.Name(), req, res))
	}
	if err != nil && ctx.Err() == nil && actx.Err() != nil {
		err = Retryable(fmt.Errorf("request timed out after %v: %w", w.opts.Timeout, err))
	}
	return res, err
}

// stop records err as the error that stops the run, unless one is
// recorded already, and returns it.
func (w *wrapper) stop(err error) error {
	w.stopped.CompareAndSwap(nil, &err)
	return err
}

// stoppedErr returns the error that stopped the run, or nil.
func (w *wrapper) stoppedErr() error {
	if p := w.stopped.Load(); p != nil {
		return fmt.Errorf("not sent: %w", *p)
	}
	return nil
}

// wait blocks until a server-requested pause is over and the rate limiters
// allow a request of chars characters.
func (w *wrapper) wait(ctx context.Context, chars int) error {
	if until := w.notBefore.Load(); until != 0 {
		if d := time.Until(time.Unix(0, until)); d > 0 {
			if err := w.opts.Sleep(ctx, d); err != nil {
				return err
			}
		}
	}
	if w.reqs != nil {
		if err := w.reqs.Wait(ctx); err != nil {
			return waitError(ctx, err)
		}
	}
	if w.chars != nil {
		if err := w.chars.WaitN(ctx, min(chars, w.chars.Burst())); err != nil {
			return waitError(ctx, err)
		}
	}
	return nil
}

// waitError returns ctx's error when a limiter gave up because of it
// (Wait also fails early when the deadline is too close).
func waitError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return fmt.Errorf("rate limiter: %w", err)
}

// glossaryWrapper is the wrapper of a backend with native glossaries.
type glossaryWrapper struct {
	*wrapper
	glossary translate.GlossaryUser
}

// UseGlossary passes the glossary to the wrapped backend.
func (g *glossaryWrapper) UseGlossary(ctx context.Context, from, to string, terms []translate.TermPair) error {
	return g.glossary.UseGlossary(ctx, from, to, terms)
}
