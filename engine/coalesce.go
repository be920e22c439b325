package engine

import (
	"context"
	"sync"

	"github.com/bitext/bitext/translate"
)

// Coalesce returns a backend that gathers the requests of concurrent
// callers (the articles of a run) into larger ones: while a request is in
// flight, those that arrive wait, then go to b together as one request of
// at most maxSegments segments, each caller getting its own translations
// back. Nothing waits when b is idle, so a lone caller sees no delay. An
// engine whose pipeline stalls between requests (Apertium's drains,
// MarianMT's batches) keeps busy this way instead of idling between
// articles.
//
// A gathered request that fails is sent again caller by caller, so that
// one article's bad segment never fails another's. The gathered request
// runs under the context of the caller that sends it; callers of one run
// share its context. Requests of different languages or HTML-ness are
// never mixed.
func Coalesce(b translate.Backend, maxSegments int) translate.Backend {
	return &coalescer{inner: b, max: maxSegments}
}

type coalescer struct {
	inner translate.Backend
	max   int
	mu    sync.Mutex
	busy  bool
	queue []*call
}

// call is one caller's request and, once done is closed, its answer.
type call struct {
	ctx  context.Context
	req  translate.Request
	out  []string
	err  error
	done chan struct{}
}

var _ translate.Backend = (*coalescer)(nil)

func (c *coalescer) Name() string                         { return c.inner.Name() }
func (c *coalescer) Capabilities() translate.Capabilities { return c.inner.Capabilities() }

// Unwrap returns the backend gathered requests go to.
func (c *coalescer) Unwrap() translate.Backend { return c.inner }

// Translate queues req and, when no request is in flight, sends the queue.
func (c *coalescer) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	if len(req.Segments) == 0 {
		return []string{}, nil
	}
	cl := &call{ctx: ctx, req: req, done: make(chan struct{})}
	c.mu.Lock()
	c.queue = append(c.queue, cl)
	send := !c.busy
	c.busy = true
	c.mu.Unlock()
	if send {
		c.sendQueued()
	}
	select {
	case <-cl.done:
		return cl.out, cl.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// sendQueued sends one gathered request, then hands the rest of the queue
// to another goroutine so that its own caller goes on at once.
func (c *coalescer) sendQueued() {
	c.mu.Lock()
	group := c.take()
	c.mu.Unlock()
	c.send(group)
	c.mu.Lock()
	more := len(c.queue) > 0
	c.busy = more
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

// send translates a group as one request and hands out the answers; a
// failed group is sent again call by call.
func (c *coalescer) send(group []*call) {
	defer func() {
		for _, cl := range group {
			close(cl.done)
		}
	}()
	if len(group) == 1 {
		group[0].out, group[0].err = c.inner.Translate(group[0].ctx, group[0].req)
		return
	}
	req := group[0].req
	req.Segments = nil
	for _, cl := range group {
		req.Segments = append(req.Segments, cl.req.Segments...)
	}
	out, err := c.inner.Translate(group[0].ctx, req)
	if err != nil || len(out) != len(req.Segments) {
		for _, cl := range group {
			cl.out, cl.err = c.inner.Translate(cl.ctx, cl.req)
		}
		return
	}
	for _, cl := range group {
		cl.out, out = out[:len(cl.req.Segments):len(cl.req.Segments)], out[len(cl.req.Segments):]
	}
}
