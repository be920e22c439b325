package google

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
	"github.com/bitext/bitext/translate/translatetest"
)

var oneSegment = translate.Request{From: "fr", To: "en", Segments: []string{"Le président a déclaré mardi."}}

// failWith answers every request with code and a body that echoes the key.
func failWith(code int, reason string, header map[string]string) func(int, http.ResponseWriter, *http.Request) bool {
	return func(_ int, w http.ResponseWriter, r *http.Request) bool {
		for k, v := range header {
			w.Header().Set(k, v)
		}
		writeError(w, code, "refused for key="+r.URL.Query().Get("key"), reason)
		return true
	}
}

func assertNoKey(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	if strings.Contains(err.Error(), fakeKey) {
		t.Errorf("error leaks the API key: %v", err)
	}
	var se *translate.StatusError
	if errors.As(err, &se) && (strings.Contains(se.Message, fakeKey) || strings.Contains(se.Hint, fakeKey)) {
		t.Errorf("status error leaks the API key: %+v", se)
	}
}

func TestStatusErrors(t *testing.T) {
	tests := []struct {
		name      string
		code      int
		reason    string
		header    map[string]string
		wantCode  int
		temporary bool
		hint      string
		retry     time.Duration
	}{
		{"rate limited", 429, "rateLimitExceeded", map[string]string{"Retry-After": "7"}, 429, true, "", 7 * time.Second},
		{"quota as 403", 403, "userRateLimitExceeded", nil, 429, true, "", 0},
		{"server error", 500, "backendError", nil, 500, true, "", 0},
		{"unavailable", 503, "backendError", nil, 503, true, "", 0},
		{"unauthenticated", 401, "authError", nil, 401, false, EnvCredentials, 0},
		{"forbidden", 403, "forbidden", nil, 403, false, EnvAPIKey, 0},
		{"daily limit", 403, "dailyLimitExceeded", nil, 403, false, EnvAPIKey, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeServer(t)
			f.setFault(failWith(tc.code, tc.reason, tc.header))
			_, err := newTestBackend(t, f).Translate(context.Background(), oneSegment)
			assertNoKey(t, err)
			se := translatetest.AsStatus(t, err)
			if se.Code != tc.wantCode || se.Temporary() != tc.temporary || se.RetryAfter != tc.retry {
				t.Errorf("code %d temporary %v retry-after %v, want %d %v %v", se.Code, se.Temporary(), se.RetryAfter, tc.wantCode, tc.temporary, tc.retry)
			}
			if tc.hint != "" && !strings.Contains(se.Hint, tc.hint) {
				t.Errorf("hint %q does not name %s", se.Hint, tc.hint)
			}
			if !strings.Contains(se.Message, "refused") {
				t.Errorf("message %q lost the server's explanation", se.Message)
			}
		})
	}
}

func TestWrongKeyHint(t *testing.T) {
	f := newFakeServer(t)
	b, err := New(context.Background(), Config{Endpoint: f.srv.URL, APIKey: "AIzaWRONG-key-that-must-not-leak"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.Translate(context.Background(), oneSegment)
	if strings.Contains(err.Error(), "AIzaWRONG") {
		t.Errorf("error leaks the key: %v", err)
	}
	if se := translatetest.AsStatus(t, err); se.Temporary() || !strings.Contains(se.Hint, EnvAPIKey) {
		t.Errorf("got %+v, want a permanent error with a hint naming %s", se, EnvAPIKey)
	}
}

func TestMalformedAnswers(t *testing.T) {
	answers := map[string]string{
		"not json":         `<html>oops</html>`,
		"truncated":        `{"data":{"translations":[{"translatedText":"the`,
		"too few":          `{"data":{"translations":[{"translatedText":"the president"}]}}`,
		"too many":         `{"data":{"translations":[{"translatedText":"a"},{"translatedText":"b"},{"translatedText":"c"}]}}`,
		"null translation": `{"data":{"translations":[{"translatedText":"a"},null]}}`,
		"missing data":     `{}`,
	}
	for name, body := range answers {
		t.Run(name, func(t *testing.T) {
			f := newFakeServer(t)
			f.setFault(func(_ int, w http.ResponseWriter, _ *http.Request) bool {
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(body))
				return true
			})
			req := translate.Request{From: "fr", To: "en", Segments: []string{"le ministre", "mardi"}}
			got, err := newTestBackend(t, f).Translate(context.Background(), req)
			if err == nil || got != nil {
				t.Fatalf("got %q, %v; want an error and no result", got, err)
			}
			assertNoKey(t, err)
			if !remote.IsTemporary(err) {
				t.Errorf("err = %v, want it marked temporary (a garbled answer is worth asking again)", err)
			}
		})
	}
}

func TestSlowServerPastDeadline(t *testing.T) {
	f := newFakeServer(t)
	release := make(chan struct{})
	defer close(release)
	f.setFault(func(_ int, _ http.ResponseWriter, r *http.Request) bool {
		select {
		case <-release:
		case <-r.Context().Done():
		}
		return true
	})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := newTestBackend(t, f).Translate(ctx, oneSegment)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("returned after %v, not promptly", time.Since(start))
	}
	assertNoKey(t, err)
}

func TestTransportErrorHidesKey(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close() // nothing listens any more
	b, err := New(context.Background(), Config{Endpoint: srv.URL, APIKey: fakeKey})
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.Translate(context.Background(), oneSegment)
	assertNoKey(t, err)
	var se *translate.StatusError
	if errors.As(err, &se) {
		t.Errorf("connection failure reported as server status: %v", err)
	}
}

func TestMissingCredentials(t *testing.T) {
	t.Setenv(EnvCredentials, "/nonexistent/bitext-test-credentials.json")
	_, err := New(context.Background(), Config{Endpoint: "http://127.0.0.1:1"})
	if !errors.Is(err, translate.ErrNotConfigured) {
		t.Fatalf("err = %v, want ErrNotConfigured", err)
	}
	if !strings.Contains(err.Error(), EnvAPIKey) {
		t.Errorf("error %q does not name %s", err, EnvAPIKey)
	}
}
