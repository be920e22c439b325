package remote

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
)

const sentinel = "sk-SENTINEL:fx"

type answer struct {
	Text []string `json:"text"`
}

func serve(t *testing.T, h http.HandlerFunc) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

func doJSON(t *testing.T, url string) (answer, error) {
	t.Helper()
	req, err := NewJSONRequest(context.Background(), url+"/?key="+sentinel, map[string]any{"q": []string{"Bonjour"}})
	if err != nil {
		t.Fatal(err)
	}
	var out answer
	err = DoJSON(context.Background(), nil, req, &out, "fake", sentinel)
	return out, err
}

func TestDoJSONDecodes(t *testing.T) {
	url := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" {
			http.Error(w, "bad request shape", 400)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write([]byte(`{"text":["Hello"]}`))
	})
	out, err := doJSON(t, url)
	if err != nil || len(out.Text) != 1 || out.Text[0] != "Hello" {
		t.Fatalf("got %v, %v", out, err)
	}
}

func TestDoJSONStatusErrorIsRedacted(t *testing.T) {
	url := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3")
		w.WriteHeader(429)
		w.Write([]byte(`{"message":"too many requests for key ` + r.URL.Query().Get("key") + `"}`))
	})
	_, err := doJSON(t, url)
	var se *translate.StatusError
	if !errors.As(err, &se) || se.Code != 429 || se.RetryAfter != 3*time.Second || !IsTemporary(err) {
		t.Fatalf("err = %#v", err)
	}
	if strings.Contains(err.Error(), "SENTINEL") || !strings.Contains(se.Message, "too many requests for key [redacted]") {
		t.Errorf("message %q", err)
	}
}

func TestDoJSONRefusesNonJSON(t *testing.T) {
	url := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html>login</html>`))
	})
	_, err := doJSON(t, url)
	if err == nil || !strings.Contains(err.Error(), "check the endpoint") || IsTemporary(err) {
		t.Fatalf("err = %v", err)
	}
}

func TestDoJSONMalformedIsRetryable(t *testing.T) {
	url := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"text":["Hel`))
	})
	_, err := doJSON(t, url)
	if err == nil || !strings.Contains(err.Error(), "unparseable") || !IsTemporary(err) {
		t.Fatalf("err = %v", err)
	}
}

func TestDoJSONConnectionResetIsTemporary(t *testing.T) {
	url := serve(t, func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	_, err := doJSON(t, url)
	if err == nil || !IsTemporary(err) || strings.Contains(err.Error(), "SENTINEL") {
		t.Fatalf("err = %v, want a temporary error without the key", err)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)
	cases := map[string]time.Duration{
		"":                              0,
		"12":                            12 * time.Second,
		"-1":                            0,
		"soon":                          0,
		"Fri, 14 Mar 2025 09:30:45 GMT": 45 * time.Second,
		"Fri, 14 Mar 2025 09:00:00 GMT": 0,
	}
	for v, want := range cases {
		h := http.Header{}
		if v != "" {
			h.Set("Retry-After", v)
		}
		if got := RetryAfter(h, now); got != want {
			t.Errorf("RetryAfter(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestRedact(t *testing.T) {
	got := Redact("key abc:fx in url ?k=abc%3Afx and empty", "abc:fx", "")
	if want := "key [redacted] in url ?k=[redacted] and empty"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestCheckCount(t *testing.T) {
	if err := CheckCount("x", 3, 3); err != nil {
		t.Error(err)
	}
	err := CheckCount("x", 2, 3)
	if !errors.Is(err, ErrWrongCount) || !IsTemporary(err) {
		t.Errorf("err = %v", err)
	}
}

func TestNewJSONRequestKeepsMarkup(t *testing.T) {
	req, err := NewJSONRequest(context.Background(), "http://localhost/", map[string]string{"q": "<b>Le</b> & co"})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	io.Copy(&b, req.Body)
	if got := strings.TrimSpace(b.String()); got != `{"q":"<b>Le</b> & co"}` {
		t.Errorf("body %s", got)
	}
}

func TestWithHints(t *testing.T) {
	err := fmt.Errorf("wrapped: %w", &translate.StatusError{Code: 403})
	WithHints(err, map[int]string{401: "a", 403: "set KEY"})
	var se *translate.StatusError
	if !errors.As(err, &se) || se.Hint != "set KEY" {
		t.Errorf("hint = %q", se.Hint)
	}
}
