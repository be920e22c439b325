package engine

import (
	"context"
	"sync"

	"github.com/bitext/bitext/translate"
)

// Coalesce returns a backend that gathers the requests of concurrent
// callers (the articles of a run) into larger ones: while b has as many
// requests in flight as it takes at once (its Capabilities' InFlight, at
// least one), those that arrive wait, then go to b together as one request
// of at most maxSegments segments, each caller getting its own
// translations back. Nothing waits when b has room, so a lone caller sees
// no delay. An engine that would idle between requests (MarianMT between
// batches; Apertium, which takes a second request while it translates
// the first, between those) keeps busy this way instead of waiting for
// articles.
//
// # Answers as they come
//
// When b is a [translate.EachTranslator] (MarianMT, which sorts a
// gathered request by length and decodes it batch by batch across the
// articles), so is the returned backend: a caller that asks for it gets
// each of its translations as soon as b makes it, so that the pipeline
// stores each in the memory at once and nothing answered is lost to a
// Ctrl-C or a kill while the rest of the gathered request is decoded.
// Otherwise (Apertium) the answers of a gathered request all come when it
// is done, and each caller gets its own from Translate, which the
// pipeline stores in one transaction.
//
// # Failures
//
// When a gathered request fails, what was not answered is sent again
// caller by caller, so that one article's bad segment never fails
// another's. The gathered request runs under the context of the caller
// that sends it; callers of one run share its context. Requests of
// different languages or HTML-ness are never mixed.
func Coalesce(b translate.Backend, maxSegments int) translate.Backend {
	c := &coalescer{inner: b, max: maxSegments, depth: max(1, b.Capabilities().InFlight)}
	if _, ok := b.(translate.EachTranslator); ok {
		return &eachCoalescer{c}
	}
	return c
}

// eachCoalescer is the coalescer of an EachTranslator.
type eachCoalescer struct{ *coalescer }

// TranslateEach queues req and, when the backend has room, sends the
// queue; each translation of req goes to done as soon as it is made (see
// [translate.EachTranslator]). On ctx's end it returns at once; answers
// that come later may still reach done, and the caller ignores them.
func (c *eachCoalescer) TranslateEach(ctx context.Context, req translate.Request, done func(i int, text string)) error {
	return c.translateEach(ctx, req, done)
}

type coalescer struct {
	inner translate.Backend
	max   int
	// depth is how many gathered requests may be in flight at once.
	depth int

	mu       sync.Mutex
	inFlight int
	queue    []*call
}

// call is one caller's request. Its answers go to each, one at a time,
// from the goroutine that sends its group; err is set and done closed when
// the group is finished.
type call struct {
	ctx  context.Context
	req  translate.Request
	each func(i int, text string)
	got  []bool
	left int
	err  error
	done chan struct{}
}

// deliver hands the translation of segment i to the caller, once.
func (cl *call) deliver(i int, text string) {
	if i < 0 || i >= len(cl.got) || cl.got[i] {
		return
	}
	cl.got[i] = true
	cl.left--
	cl.each(i, text)
}

var (
	_ translate.Backend        = (*coalescer)(nil)
	_ translate.EachTranslator = (*eachCoalescer)(nil)
)

func (c *coalescer) Name() string                         { return c.inner.Name() }
func (c *coalescer) Capabilities() translate.Capabilities { return c.inner.Capabilities() }

// Unwrap returns the backend gathered requests go to.
func (c *coalescer) Unwrap() translate.Backend { return c.inner }

// Translate queues req and, when the backend has room, sends the queue.
func (c *coalescer) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Segments))
	if err := c.translateEach(ctx, req, func(i int, text string) { out[i] = text }); err != nil {
		return nil, err
	}
	return out, nil
}

// translateEach queues req and, when the backend has room, sends the
// queue; each translation of req goes to done as soon as it is made.
func (c *coalescer) translateEach(ctx context.Context, req translate.Request, done func(i int, text string)) error {
	if len(req.Segments) == 0 {
		return nil
	}
	cl := &call{ctx: ctx, req: req, each: done, got: make([]bool, len(req.Segments)),
		left: len(req.Segments), done: make(chan struct{})}
	c.mu.Lock()
	c.queue = append(c.queue, cl)
	send := c.inFlight < c.depth
	if send {
		c.inFlight++
	}
	c.mu.Unlock()
	if send {
		c.sendQueued()
	}
	select {
	case <-cl.done:
		return cl.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// sendQueued sends one gathered request in a place in flight already
// counted, then hands the rest of the queue to another goroutine so that
// its own caller goes on at once. The queue may be empty by then: another
// sender took its calls.
func (c *coalescer) sendQueued() {
	c.mu.Lock()
	if len(c.queue) == 0 {
		c.inFlight--
		c.mu.Unlock()
		return
	}
	group := c.take()
	c.mu.Unlock()
	c.send(group)
	c.mu.Lock()
	more := len(c.queue) > 0
	if !more {
		c.inFlight--
	}
	c.mu.Unlock()
	if more {
		go c.sendQueued()
	}
}

// take removes from the queue the first call and those that can go with
// it (same languages and form, within max segments). c.mu is held.
func (c *coalescer) take() []*call {
	first := c.queue[0]
	group := []*call{first}
	n := len(first.req.Segments)
	rest := c.queue[:0:0]
	for _, cl := range c.queue[1:] {
		r := cl.req
		if r.From == first.req.From && r.To == first.req.To && r.HTML == first.req.HTML && (c.max <= 0 || n+len(r.Segments) <= c.max) {
			group = append(group, cl)
			n += len(r.Segments)
		} else {
			rest = append(rest, cl)
		}
	}
	c.queue = rest
	return group
}
