package apertium

import (
	"context"
	"errors"
	"sync"
)

// errClosed is returned for requests made after Close.
var errClosed = errors.New("apertium backend is closed")

// pool keeps up to size running pipelines for one route, started on first
// use and reused for the whole run. A pipeline is held by one writer at a
// time, and given back as soon as its batch is written (see
// pipeline.translate).
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
	for {
		select {
		case p := <-pl.idle:
			if pl.usable(p) {
				return p, nil
			}
			continue
		default:
		}
		select {
		case p := <-pl.idle:
			if pl.usable(p) {
				return p, nil
			}
		case pl.slots <- struct{}{}:
			return pl.startOne()
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// usable reports whether an idle pipeline can take a batch; one that a
// batch read after it was given back broke is discarded.
func (pl *pool) usable(p *pipeline) bool {
	if p.broken.Load() {
		pl.discard(p)
		return false
	}
	return true
}

// discard stops a pipeline and frees its slot, once.
func (pl *pool) discard(p *pipeline) {
	p.discarded.Do(func() {
		pl.mu.Lock()
		delete(pl.live, p)
		pl.mu.Unlock()
		p.kill()
		<-pl.slots
	})
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

// release gives a pipeline back once a batch is written. A broken
// pipeline, or any after Close, is stopped and its slot freed, so that the
// next request starts a fresh one.
func (pl *pool) release(p *pipeline) {
	pl.mu.Lock()
	closed := pl.closed
	pl.mu.Unlock()
	if closed || p.broken.Load() {
		pl.discard(p)
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
