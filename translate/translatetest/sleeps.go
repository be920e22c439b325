package translatetest

import (
	"context"
	"sync"
	"time"
)

// Sleeps stands in for the timer of [remote.Options] (its Sleep field) in
// tests of retries: it records each wait the wrapper asks for and returns
// at once, with the context's error when the context is done, so that a
// test of backoff and Retry-After runs without waiting. It is safe for
// concurrent use (the wrapper sleeps from one goroutine per batch); the
// zero value is ready to use.
//
//	sl := &translatetest.Sleeps{}
//	w := remote.Wrap(b, remote.Options{Sleep: sl.Sleep})
//
// [remote.Options]: https://pkg.go.dev/github.com/bitext/bitext/translate/remote#Options
type Sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

// Sleep records d and returns ctx.Err() without waiting.
func (s *Sleeps) Sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.d = append(s.d, d)
	s.mu.Unlock()
	return ctx.Err()
}

// Waits returns the waits asked for so far, in order.
func (s *Sleeps) Waits() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.d...)
}

// Max returns the longest wait asked for so far, or 0.
func (s *Sleeps) Max() time.Duration {
	var m time.Duration
	for _, d := range s.Waits() {
		m = max(m, d)
	}
	return m
}
