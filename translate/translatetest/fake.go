package translatetest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/bitext/bitext/translate"
)

// Fake is an in-memory, deterministic French→English backend for tests.
// It is safe for concurrent use; configure it before sharing it.
type Fake struct {
	mu       sync.Mutex
	caps     translate.Capabilities
	dict     map[string]string
	delay    time.Duration
	marker   string
	failures []error
	failOn   map[string]error
	calls    int
	segments int
	requests []translate.Request
}

var _ translate.Backend = &Fake{}

// NewFake returns a fake that accepts any batch size and honours HTML.
func NewFake() *Fake {
	return &Fake{
		caps:   translate.Capabilities{HTML: true},
		dict:   vocabulary(),
		failOn: map[string]error{},
	}
}

// Name returns "fake".
func (f *Fake) Name() string { return "fake" }

// Capabilities returns what SetCapabilities set (default: no limits, HTML).
func (f *Fake) Capabilities() translate.Capabilities {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.caps
}

// SetCapabilities changes the capabilities the fake reports and enforces:
// a request over MaxSegments or MaxChars is an error.
func (f *Fake) SetCapabilities(c translate.Capabilities) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.caps = c
}

// Add adds or replaces a word of the vocabulary. fr is matched without
// regard to case; en is used as is, capitalised when fr was.
func (f *Fake) Add(fr, en string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.dict[strings.ToLower(fr)] = en
}

// SetDelay makes every call take d (or until its context ends).
func (f *Fake) SetDelay(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.delay = d
}

// SetMarker makes every translation start with m (such as "[fake] "), so
// that tests can tell machine output from copied text.
func (f *Fake) SetMarker(m string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.marker = m
}

// FailNext makes the next calls fail, one error per call, in order.
func (f *Fake) FailNext(errs ...error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failures = append(f.failures, errs...)
}

// FailOn makes every call whose batch holds a segment containing substr
// fail with err (nil err removes the rule).
func (f *Fake) FailOn(substr string, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err == nil {
		delete(f.failOn, substr)
		return
	}
	f.failOn[substr] = err
}

// Calls returns the number of Translate calls that reached the engine
// (empty batches and cancelled contexts do not).
func (f *Fake) Calls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

// Segments returns the number of segments those calls carried.
func (f *Fake) Segments() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.segments
}

// Requests returns a copy of the requests received, in arrival order.
func (f *Fake) Requests() []translate.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]translate.Request, len(f.requests))
	for i, r := range f.requests {
		r.Segments = append([]string(nil), r.Segments...)
		out[i] = r
	}
	return out
}

// Translate translates each segment word for word; see [Fake].
func (f *Fake) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	if len(req.Segments) == 0 {
		return []string{}, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if req.From != "fr" || req.To != "en" {
		return nil, fmt.Errorf("fake: %s→%s: %w", req.From, req.To, translate.ErrUnsupportedPair)
	}
	delay, err := f.record(req)
	if err != nil {
		return nil, err
	}
	if err := wait(ctx, delay); err != nil {
		return nil, err
	}
	return f.translateAll(req), nil
}

// record counts the call and returns its delay and injected failure.
func (f *Fake) record(req translate.Request) (time.Duration, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	f.segments += len(req.Segments)
	f.requests = append(f.requests, translate.Request{
		From: req.From, To: req.To, HTML: req.HTML,
		Segments: append([]string(nil), req.Segments...),
	})
	if len(f.failures) > 0 {
		err := f.failures[0]
		f.failures = f.failures[1:]
		return 0, err
	}
	if err := f.overLimits(req.Segments); err != nil {
		return 0, err
	}
	for substr, err := range f.failOn {
		for _, s := range req.Segments {
			if strings.Contains(s, substr) {
				return 0, err
			}
		}
	}
	return f.delay, nil
}

// overLimits reports a batch the capabilities do not allow.
func (f *Fake) overLimits(segs []string) error {
	if f.caps.MaxSegments > 0 && len(segs) > f.caps.MaxSegments {
		return fmt.Errorf("fake: %d segments in one request, limit %d", len(segs), f.caps.MaxSegments)
	}
	n := 0
	for _, s := range segs {
		n += len([]rune(s))
	}
	if f.caps.MaxChars > 0 && n > f.caps.MaxChars {
		return fmt.Errorf("fake: %d characters in one request, limit %d", n, f.caps.MaxChars)
	}
	return nil
}

// translateAll translates every segment of req.
func (f *Fake) translateAll(req translate.Request) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]string, len(req.Segments))
	for i, s := range req.Segments {
		if req.HTML {
			out[i] = f.marker + translateHTML(f.dict, s)
		} else {
			out[i] = f.marker + translateText(f.dict, s)
		}
	}
	return out
}

// wait sleeps for d or until ctx ends.
func wait(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
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
