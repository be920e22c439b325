package remote

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
)

// TestWrapRefusesBadAnswers: an answer with an empty translation is
// retried like a server error, then fails naming the backend and segment.
func TestWrapRefusesBadAnswers(t *testing.T) {
	b := &scripted{fail: nil}
	empty := &emptyFirst{scripted: b, n: 2}
	w := Wrap(empty, Options{MaxRetries: 3, Sleep: noSleep})
	out, err := w.Translate(context.Background(), translate.Request{Segments: []string{"Bonjour.", "Merci."}})
	if err != nil || out[0] != "BONJOUR." {
		t.Fatalf("after two empty answers: %q, %v", out, err)
	}
	if got := w.(Counter).Stats().Retries; got != 2 {
		t.Errorf("%d retries, want 2", got)
	}
	empty.n = 100
	_, err = w.Translate(context.Background(), translate.Request{Segments: []string{"Bonjour."}})
	if !errors.Is(err, translate.ErrBadAnswer) || !strings.Contains(err.Error(), "empty translation") {
		t.Errorf("err = %v", err)
	}
}

type emptyFirst struct {
	*scripted
	mu sync.Mutex
	n  int
}

func (e *emptyFirst) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	out, err := e.scripted.Translate(ctx, req)
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.n > 0 && err == nil {
		e.n--
		out[0] = ""
	}
	return out, err
}

func noSleep(ctx context.Context, d time.Duration) error { return ctx.Err() }

// TestWrapStopsAfterQuota: after a 456 nothing more is sent, and later
// requests fail at once with the same error.
func TestWrapStopsAfterQuota(t *testing.T) {
	b := &scripted{fail: func(call int, _ translate.Request) error {
		if call >= 2 {
			return &translate.StatusError{Backend: "scripted", Code: 456}
		}
		return nil
	}}
	w := Wrap(b, Options{Concurrency: 1, Sleep: noSleep})
	ctx := context.Background()
	if _, err := w.Translate(ctx, translate.Request{Segments: []string{"un"}}); err != nil {
		t.Fatal(err)
	}
	_, err := w.Translate(ctx, translate.Request{Segments: []string{"deux"}})
	if !translate.StopsRun(err) {
		t.Fatalf("err = %v, want one that stops the run", err)
	}
	for range 3 {
		if _, err := w.Translate(ctx, translate.Request{Segments: []string{"trois"}}); !translate.StopsRun(err) {
			t.Fatalf("after the quota error: %v", err)
		}
	}
	if n := b.calls.Load(); n != 2 {
		t.Errorf("%d requests sent, want 2 (nothing after the 456)", n)
	}
}

// TestWrapMaxWait: a Retry-After under MaxWait is waited for and shown; one
// over it fails at once with an error that stops the run.
func TestWrapMaxWait(t *testing.T) {
	for _, c := range []struct {
		after   time.Duration
		wantErr bool
	}{{3 * time.Second, false}, {time.Hour, true}} {
		b := &scripted{fail: func(call int, _ translate.Request) error {
			if call == 1 {
				return &translate.StatusError{Backend: "scripted", Code: 429, RetryAfter: c.after}
			}
			return nil
		}}
		var waits []Wait
		var slept time.Duration
		w := Wrap(b, Options{MaxWait: 5 * time.Minute, OnWait: func(w Wait) { waits = append(waits, w) },
			Sleep: func(ctx context.Context, d time.Duration) error { slept += d; return nil }})
		_, err := w.Translate(context.Background(), translate.Request{Segments: []string{"un"}})
		if c.wantErr {
			var we *WaitError
			if !errors.As(err, &we) || !translate.StopsRun(err) || !strings.Contains(err.Error(), "--max-wait") {
				t.Errorf("Retry-After %v: err = %v", c.after, err)
			}
			if slept > 0 || b.calls.Load() != 1 {
				t.Errorf("Retry-After %v: slept %v, %d calls", c.after, slept, b.calls.Load())
			}
			continue
		}
		if err != nil || len(waits) != 1 || waits[0].For != c.after || slept < c.after {
			t.Errorf("Retry-After %v: err %v, waits %+v, slept %v", c.after, err, waits, slept)
		}
	}
}

// TestReadAnswerCapsAndSecrets: a 100 MB answer is cut at the cap and
// refused; an answer holding the key is refused.
func TestReadAnswerCapsAndSecrets(t *testing.T) {
	huge := strings.NewReader(`{"t":"` + strings.Repeat("a", 100<<20) + `"}`)
	if _, err := ReadAnswer(huge, "deepl"); err == nil || !IsTemporary(err) || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("100 MB answer: %v", err)
	}
	if huge.Len() < 80<<20 {
		t.Errorf("read %d bytes of the 100 MB answer", 100<<20-huge.Len())
	}
	key := "sk-secret-1234:fx"
	for _, body := range []string{`{"t":"the key sk-secret-1234:fx"}`, `{"t":"sk-secret-1234%3Afx"}`} {
		if _, err := ReadAnswer(strings.NewReader(body), "deepl", key); !errors.Is(err, ErrSecretInAnswer) {
			t.Errorf("%s: %v", body, err)
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"t":"echo sk-secret-1234:fx"}`))
	}))
	defer srv.Close()
	c := &http.Client{Transport: GuardTransport(nil, "google", key)}
	if _, err := c.Get(srv.URL); !errors.Is(err, ErrSecretInAnswer) {
		t.Errorf("guarded transport: %v", err)
	}
}
