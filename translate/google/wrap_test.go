package google

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
	"github.com/bitext/bitext/translate/translatetest"
)

// wrapped returns the fake's backend behind remote.Wrap with instant sleeps.
func wrapped(t *testing.T, f *fakeServer, opts remote.Options) (translate.Backend, *translatetest.Sleeps) {
	t.Helper()
	s := &translatetest.Sleeps{}
	opts.Sleep = s.Sleep
	return remote.Wrap(newTestBackend(t, f), opts), s
}

func TestWrapRetriesRateLimitHonouringRetryAfter(t *testing.T) {
	f := newFakeServer(t)
	f.setFault(func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n > 1 {
			return false
		}
		return failWith(429, "rateLimitExceeded", map[string]string{"Retry-After": "3"})(n, w, r)
	})
	b, s := wrapped(t, f, remote.Options{})
	got, err := b.Translate(context.Background(), oneSegment)
	if err != nil {
		t.Fatal(err)
	}
	if got[0] != "The president has said Tuesday." {
		t.Errorf("got %q", got[0])
	}
	if n := len(f.calls()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
	if s.Max() < 3*time.Second {
		t.Errorf("longest wait %v, want at least the 3s Retry-After", s.Max())
	}
}

func TestWrapRetriesServerErrors(t *testing.T) {
	f := newFakeServer(t)
	f.setFault(func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n > 2 {
			return false
		}
		return failWith(500+n, "backendError", nil)(n, w, r)
	})
	b, _ := wrapped(t, f, remote.Options{})
	if _, err := b.Translate(context.Background(), oneSegment); err != nil {
		t.Fatal(err)
	}
	if n := len(f.calls()); n != 3 {
		t.Errorf("%d requests, want 3 (500, 502, then success)", n)
	}
}

func TestWrapDoesNotRetryCredentialErrors(t *testing.T) {
	for _, code := range []int{401, 403} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			f := newFakeServer(t)
			f.setFault(failWith(code, "forbidden", nil))
			b, _ := wrapped(t, f, remote.Options{})
			_, err := b.Translate(context.Background(), oneSegment)
			assertNoKey(t, err)
			if se := translatetest.AsStatus(t, err); se.Code != code || !strings.Contains(se.Hint, "GOOGLE_") {
				t.Errorf("got %+v, want %d with a hint naming the variable", se, code)
			}
			if n := len(f.calls()); n != 1 {
				t.Errorf("%d requests, want 1: credential errors are not retried", n)
			}
		})
	}
}

func TestWrapRetriesSlowResponse(t *testing.T) {
	f := newFakeServer(t)
	f.setFault(func(n int, _ http.ResponseWriter, r *http.Request) bool {
		if n > 1 {
			return false
		}
		<-r.Context().Done() // hang until the client gives up
		return true
	})
	b, _ := wrapped(t, f, remote.Options{Timeout: 2 * time.Second})
	got, err := b.Translate(context.Background(), oneSegment)
	if err != nil {
		t.Fatal(err)
	}
	if got[0] != "The president has said Tuesday." || len(f.calls()) != 2 {
		t.Errorf("got %q after %d requests, want a translation after 2", got, len(f.calls()))
	}
}

func TestWrapWrongCountNeverMisaligned(t *testing.T) {
	f := newFakeServer(t)
	f.setFault(func(_ int, w http.ResponseWriter, _ *http.Request) bool {
		writeJSON(w, 200, map[string]any{"data": map[string]any{"translations": []map[string]string{{"translatedText": "only one"}}}})
		return true
	})
	b, _ := wrapped(t, f, remote.Options{MaxRetries: 2})
	req := translate.Request{From: "fr", To: "en", Segments: []string{"le ministre", "mardi"}}
	got, err := b.Translate(context.Background(), req)
	if !errors.Is(err, remote.ErrWrongCount) || got != nil {
		t.Fatalf("got %q, %v; want no result and ErrWrongCount", got, err)
	}
	if n := len(f.calls()); n != 3 {
		t.Errorf("%d requests, want 3 (two retries)", n)
	}
}

func TestWrapSplitsBatchesInOrder(t *testing.T) {
	f := newFakeServer(t)
	b, _ := wrapped(t, f, remote.Options{Concurrency: 2})
	segs := make([]string, 300)
	for i := range segs {
		segs[i] = fmt.Sprintf("Le ministre %d a déclaré mardi.", i)
	}
	got, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: segs})
	if err != nil {
		t.Fatal(err)
	}
	for i, g := range got {
		if want := fmt.Sprintf("The minister %d has said Tuesday.", i); g != want {
			t.Fatalf("segment %d: got %q, want %q", i, g, want)
		}
	}
	calls := f.calls()
	if len(calls) != 3 {
		t.Fatalf("%d requests, want 3 for 300 segments at 128 a request", len(calls))
	}
	for _, c := range calls {
		if len(c.Data.Q) > MaxSegments {
			t.Errorf("request of %d segments", len(c.Data.Q))
		}
	}
}
