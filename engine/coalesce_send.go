package engine

import (
	"context"
	"fmt"

	"github.com/bitext/bitext/translate"
)

// send translates a group as one request and hands out the answers as
// they come; when the gathered request fails, what it did not answer is
// sent again call by call.
func (c *coalescer) send(group []*call) {
	defer func() {
		for _, cl := range group {
			close(cl.done)
		}
	}()
	if len(group) == 1 {
		c.sendAlone(group[0])
		return
	}
	req := group[0].req
	req.Segments = nil
	type owner struct {
		cl *call
		i  int
	}
	var owners []owner
	for _, cl := range group {
		req.Segments = append(req.Segments, cl.req.Segments...)
		for i := range cl.req.Segments {
			owners = append(owners, owner{cl, i})
		}
	}
	err := c.sendEach(group[0].ctx, req, func(k int, text string) {
		if k >= 0 && k < len(owners) {
			owners[k].cl.deliver(owners[k].i, text)
		}
	})
	for _, cl := range group {
		if err != nil || cl.left > 0 {
			c.sendAlone(cl)
		}
	}
}

// sendAlone sends what the call still lacks as a request of its own and
// sets its error.
func (c *coalescer) sendAlone(cl *call) {
	if cl.left == 0 {
		return
	}
	req := cl.req
	req.Segments = nil
	var index []int
	for i, ok := range cl.got {
		if !ok {
			req.Segments = append(req.Segments, cl.req.Segments[i])
			index = append(index, i)
		}
	}
	cl.err = c.sendEach(cl.ctx, req, func(k int, text string) {
		if k >= 0 && k < len(index) {
			cl.deliver(index[k], text)
		}
	})
	if cl.err == nil && cl.left > 0 {
		cl.err = fmt.Errorf("%s: %d of %d segments not translated", c.inner.Name(), cl.left, len(cl.req.Segments))
	}
}

// sendEach sends req to the inner backend, answer by answer when it can
// hand them over as they are made (see [translate.EachTranslator]).
func (c *coalescer) sendEach(ctx context.Context, req translate.Request, done func(int, string)) error {
	if each, ok := c.inner.(translate.EachTranslator); ok {
		return each.TranslateEach(ctx, req, done)
	}
	out, err := c.inner.Translate(ctx, req)
	if err != nil {
		return err
	}
	if len(out) != len(req.Segments) {
		return fmt.Errorf("%s: %w: got %d for %d segments", c.inner.Name(), translate.ErrWrongCount, len(out), len(req.Segments))
	}
	for i, t := range out {
		done(i, t)
	}
	return nil
}
