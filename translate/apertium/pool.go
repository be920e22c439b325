package apertium

import (
	"context"
	"errors"
	"sync"
)

// errClosed is returned for requests made after Close.
var errClosed = errors.New("apertium backend is closed")

// pool keeps up to size running pipelines for one route, started on first
// use and reused for the whole run. A pipeline serves one batch at a time.
type pool struct {
	start func() (*pipeline, error)
	idle  chan *pipeline
	slots chan struct{}

	mu     sync.Mutex
	live   map[*pipeline]struct{}
	closed bool
}

func newPool(size int, start func() (*pipeline, error)) *pool {
	return &pool{
		start: start,
		idle:  make(chan *pipeline, size),
		slots: make(chan struct{}, size),
		live:  map[*pipeline]struct{}{},
	}
}

// acquire returns an idle pipeline, starts one if fewer than size are
// running, or waits for one to be released.
func (pl *pool) acquire(ctx context.Context) (*pipeline, error) {
	pl.mu.Lock()
	closed := pl.closed
	pl.mu.Unlock()
	if closed {
		return nil, errClosed
	}
	select {
	case p := <-pl.idle:
		return p, nil
	default:
	}
	select {
	case p := <-pl.idle:
		return p, nil
	case pl.slots <- struct{}{}:
		return pl.startOne()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// startOne starts a pipeline in a slot already taken.
func (pl *pool) startOne() (*pipeline, error) {
	p, err := pl.start()
	if err != nil {
		<-pl.slots
		return nil, err
	}
	pl.mu.Lock()
	defer pl.mu.Unlock()
	if pl.closed {
		go p.kill()
		<-pl.slots
		return nil, errClosed
	}
	pl.live[p] = struct{}{}
	return p, nil
}

// release gives a pipeline back after a batch. A broken pipeline, or any
// after Close, is stopped and its slot freed, so that the next request
// starts a fresh one.
func (pl *pool) release(p *pipeline) {
	pl.mu.Lock()
	discard := p.broken || pl.closed
	if discard {
		delete(pl.live, p)
	}
	pl.mu.Unlock()
	if discard {
		p.kill()
		<-pl.slots
		return
	}
	pl.idle <- p
}

// close stops every pipeline, idle or busy; busy ones fail their batch.
func (pl *pool) close() {
	pl.mu.Lock()
	pl.closed = true
	live := pl.live
	pl.live = map[*pipeline]struct{}{}
	pl.mu.Unlock()
	for p := range live {
		p.kill()
	}
}
