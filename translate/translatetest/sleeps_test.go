package translatetest

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
)

func TestSleepsRecordsWithoutWaiting(t *testing.T) {
	var s Sleeps
	if s.Max() != 0 || len(s.Waits()) != 0 {
		t.Fatalf("zero Sleeps: max %v, waits %v", s.Max(), s.Waits())
	}
	start := time.Now()
	for _, d := range []time.Duration{time.Second, 3 * time.Hour, 2 * time.Second} {
		if err := s.Sleep(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	if el := time.Since(start); el > time.Minute {
		t.Errorf("Sleep waited %v", el)
	}
	if want := []time.Duration{time.Second, 3 * time.Hour, 2 * time.Second}; !reflect.DeepEqual(s.Waits(), want) {
		t.Errorf("waits %v, want %v", s.Waits(), want)
	}
	if s.Max() != 3*time.Hour {
		t.Errorf("max %v, want 3h", s.Max())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Sleep(ctx, time.Second); !errors.Is(err, context.Canceled) {
		t.Errorf("Sleep on a cancelled context: %v", err)
	}
}

func TestSleepsConcurrent(t *testing.T) {
	var s Sleeps
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() { s.Sleep(context.Background(), time.Duration(i)*time.Millisecond) })
	}
	wg.Wait()
	if n := len(s.Waits()); n != 8 || s.Max() != 7*time.Millisecond {
		t.Errorf("%d waits, max %v; want 8 and 7ms", n, s.Max())
	}
}

// TestSleepsUnderWrap checks the wrapper's backoff goes through Sleeps.
func TestSleepsUnderWrap(t *testing.T) {
	f := NewFake()
	f.FailNext(&translate.StatusError{Backend: "fake", Code: 503, RetryAfter: 4 * time.Second})
	var s Sleeps
	w := remote.Wrap(f, remote.Options{Sleep: s.Sleep})
	out, err := w.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: []string{"Le président"}})
	if err != nil || out[0] != "The president" {
		t.Fatalf("got %q, %v", out, err)
	}
	if s.Max() < 4*time.Second {
		t.Errorf("waits %v ignore the 4s Retry-After", s.Waits())
	}
}
