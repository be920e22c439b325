package remote

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
)

// scripted is a backend whose answers tests choose per call. By default it
// upper-cases every segment.
type scripted struct {
	caps translate.Capabilities
	// fail, when set, is consulted before each call (numbered from 1) and
	// may return an error instead of translating.
	fail     func(call int, req translate.Request) error
	block    bool // wait for ctx to end instead of answering
	calls    atomic.Int64
	inFlight atomic.Int64
	peak     atomic.Int64
	mu       sync.Mutex
	seen     [][]string
}

func (s *scripted) Name() string                         { return "scripted" }
func (s *scripted) Capabilities() translate.Capabilities { return s.caps }

func (s *scripted) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	call := int(s.calls.Add(1))
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	for {
		p := s.peak.Load()
		if n <= p || s.peak.CompareAndSwap(p, n) {
			break
		}
	}
	s.mu.Lock()
	s.seen = append(s.seen, append([]string(nil), req.Segments...))
	s.mu.Unlock()
	if s.block {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	if s.fail != nil {
		if err := s.fail(call, req); err != nil {
			return nil, err
		}
	}
	time.Sleep(time.Millisecond) // let batches overlap
	out := make([]string, len(req.Segments))
	for i, seg := range req.Segments {
		out[i] = strings.ToUpper(seg)
	}
	return out, nil
}

// sleeps records the waits the wrapper asks for, without waiting.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.d = append(s.d, d)
	s.mu.Unlock()
	return ctx.Err()
}

func segments(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("phrase numéro %d de l'AFP", i)
	}
	return out
}

func TestWrapSplitsAndKeepsOrder(t *testing.T) {
	b := &scripted{caps: translate.Capabilities{MaxSegments: 7, MaxChars: 200}}
	w := Wrap(b, Options{Concurrency: 3})
	segs := segments(100)
	out, err := w.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: segs})
	if err != nil {
		t.Fatal(err)
	}
	for i := range segs {
		if out[i] != strings.ToUpper(segs[i]) {
			t.Fatalf("segment %d = %q, want %q", i, out[i], strings.ToUpper(segs[i]))
		}
	}
	for _, batch := range b.seen {
		if len(batch) > 7 || len([]rune(strings.Join(batch, ""))) > 200 {
			t.Errorf("batch over the limits: %d segments", len(batch))
		}
	}
	if p := b.peak.Load(); p > 3 {
		t.Errorf("%d batches in flight, want at most 3", p)
	}
	st := w.(Counter).Stats()
	if st.Segments != 100 || st.Requests != int64(len(b.seen)) || st.Batches != st.Requests || st.Retries != 0 {
		t.Errorf("stats = %+v, %d calls", st, len(b.seen))
	}
	// The wrapper reports the backend's limits, so that callers that keep
	// each answer as it comes can send one request per call.
	if c := w.Capabilities(); c.MaxSegments != 7 || c.MaxChars != 200 {
		t.Errorf("wrapper reports limits %+v, want the backend's", c)
	}
}

func TestWrapEmptyRequest(t *testing.T) {
	b := &scripted{}
	out, err := Wrap(b, Options{}).Translate(context.Background(), translate.Request{From: "fr", To: "en"})
	if err != nil || out == nil || len(out) != 0 || b.calls.Load() != 0 {
		t.Fatalf("got %v, %v after %d calls; want empty result without calling", out, err, b.calls.Load())
	}
}

func TestWrapRetriesTemporaryFailures(t *testing.T) {
	sl := &sleeps{}
	b := &scripted{caps: translate.Capabilities{MaxSegments: 10}}
	b.fail = func(call int, req translate.Request) error {
		switch call {
		case 1:
			return &translate.StatusError{Backend: "scripted", Code: 429, RetryAfter: 7 * time.Second}
		case 2:
			return &translate.StatusError{Backend: "scripted", Code: 503}
		case 3:
			return errors.New("unexpected answer") // permanent
		}
		return nil
	}
	w := Wrap(b, Options{Concurrency: 1, Sleep: sl.sleep, MinBackoff: time.Second, MaxBackoff: 4 * time.Second})
	_, err := w.Translate(context.Background(), translate.Request{Segments: segments(5)})
	if err == nil || !strings.Contains(err.Error(), "batch 1 of 1") {
		t.Fatalf("err = %v, want the third (permanent) failure naming the batch", err)
	}
	if got := b.calls.Load(); got != 3 {
		t.Errorf("%d calls, want 3", got)
	}
	if st := w.(Counter).Stats(); st.Retries != 2 || st.Requests != 3 {
		t.Errorf("stats %+v, want 2 retries of 3 requests", st)
	}
	short := false
	for _, d := range sl.d[1:] {
		short = short || d <= 2*time.Second
	}
	if len(sl.d) < 2 || sl.d[0] < 7*time.Second || !short {
		t.Errorf("waits %v: want ≥ Retry-After 7s, then a backoff ≤ 2s", sl.d)
	}
}

func TestWrapNeverRetriesClientErrors(t *testing.T) {
	for _, code := range []int{400, 401, 403, 456} {
		b := &scripted{fail: func(int, translate.Request) error {
			return &translate.StatusError{Backend: "scripted", Code: code}
		}}
		w := Wrap(b, Options{Sleep: (&sleeps{}).sleep})
		_, err := w.Translate(context.Background(), translate.Request{Segments: segments(3)})
		var se *translate.StatusError
		if !errors.As(err, &se) || se.Code != code {
			t.Errorf("%d: err = %v, want the StatusError", code, err)
		}
		if n := b.calls.Load(); n != 1 {
			t.Errorf("%d: %d calls, want 1", code, n)
		}
	}
}

func TestWrapGivesUpAfterMaxRetries(t *testing.T) {
	b := &scripted{caps: translate.Capabilities{MaxSegments: 2}}
	b.fail = func(_ int, req translate.Request) error {
		if req.Segments[0] == segments(6)[2] {
			return Retryable(errors.New("garbled"))
		}
		return nil
	}
	w := Wrap(b, Options{Concurrency: 1, MaxRetries: 3, Sleep: (&sleeps{}).sleep})
	_, err := w.Translate(context.Background(), translate.Request{Segments: segments(6)})
	if err == nil || !strings.Contains(err.Error(), "batch 2 of 3 (segments 3–4)") || !strings.Contains(err.Error(), "4 attempts") {
		t.Fatalf("err = %v", err)
	}
}

func TestWrapRetriesPerRequestTimeout(t *testing.T) {
	b := &scripted{block: true}
	w := Wrap(b, Options{Timeout: 5 * time.Millisecond, MaxRetries: 2, Sleep: (&sleeps{}).sleep})
	_, err := w.Translate(context.Background(), translate.Request{Segments: segments(1)})
	if err == nil || !strings.Contains(err.Error(), "timed out") || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want a timeout", err)
	}
	if n := b.calls.Load(); n != 3 {
		t.Errorf("%d calls, want 3", n)
	}
}

func TestWrapStopsOnCallerCancel(t *testing.T) {
	b := &scripted{block: true}
	w := Wrap(b, Options{Sleep: (&sleeps{}).sleep})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for b.calls.Load() == 0 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	_, err := w.Translate(ctx, translate.Request{Segments: segments(3)})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if n := b.calls.Load(); n != 1 {
		t.Errorf("%d calls, want 1 (no retry after cancel)", n)
	}
}

func TestWrapRetriesWrongCount(t *testing.T) {
	b := &shortOnce{}
	w := Wrap(b, Options{Sleep: (&sleeps{}).sleep})
	out, err := w.Translate(context.Background(), translate.Request{Segments: []string{"un", "deux"}})
	if err != nil || len(out) != 2 || out[1] != "deux" {
		t.Fatalf("got %q, %v", out, err)
	}
	if st := w.(Counter).Stats(); st.Retries != 1 {
		t.Errorf("stats %+v, want 1 retry", st)
	}
}

// shortOnce drops the last translation on its first call.
type shortOnce struct{ calls atomic.Int64 }

func (s *shortOnce) Name() string                         { return "short" }
func (s *shortOnce) Capabilities() translate.Capabilities { return translate.Capabilities{} }
func (s *shortOnce) Translate(_ context.Context, req translate.Request) ([]string, error) {
	if s.calls.Add(1) == 1 {
		return req.Segments[:len(req.Segments)-1], nil
	}
	return req.Segments, nil
}

// glossed is a backend with a native glossary.
type glossed struct {
	scripted
	terms []translate.TermPair
}

func (g *glossed) UseGlossary(_ context.Context, _, _ string, terms []translate.TermPair) error {
	g.terms = terms
	return nil
}

func TestWrapForwardsGlossary(t *testing.T) {
	if _, ok := Wrap(&scripted{}, Options{}).(translate.GlossaryUser); ok {
		t.Error("wrapper of a backend without glossaries claims to have them")
	}
	g := &glossed{}
	gu, ok := Wrap(g, Options{}).(translate.GlossaryUser)
	if !ok {
		t.Fatal("wrapper hides the glossary")
	}
	terms := []translate.TermPair{{Source: "Élysée", Target: "Elysee Palace"}}
	if err := gu.UseGlossary(context.Background(), "fr", "en", terms); err != nil || len(g.terms) != 1 {
		t.Errorf("terms %v, err %v", g.terms, err)
	}
}

func TestSplit(t *testing.T) {
	segs := []string{"aaaa", "bb", "cccccc", "d", "ééé"}
	cases := []struct {
		maxSegs, maxChars int
		want              [][2]int
	}{
		{0, 0, [][2]int{{0, 5}}},
		{2, 0, [][2]int{{0, 2}, {2, 4}, {4, 5}}},
		{0, 6, [][2]int{{0, 2}, {2, 3}, {3, 5}}},
		{0, 3, [][2]int{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}}},
	}
	for _, c := range cases {
		got := split(segs, c.maxSegs, c.maxChars)
		if len(got) != len(c.want) {
			t.Errorf("split(%d, %d) = %v, want %v", c.maxSegs, c.maxChars, got, c.want)
			continue
		}
		for i, b := range got {
			if b.start != c.want[i][0] || b.end != c.want[i][1] {
				t.Errorf("split(%d, %d) = %v, want %v", c.maxSegs, c.maxChars, got, c.want)
				break
			}
		}
	}
}
