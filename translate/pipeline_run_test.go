package translate_test

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

// quota answers its first n requests, then fails every later one with
// DeepL's 456; every request takes a moment, so that several are in
// flight together.
type quota struct {
	n     int64
	calls atomic.Int64
	mu    sync.Mutex
	sent  []string
}

func (q *quota) Name() string { return "quota" }
func (q *quota) Capabilities() translate.Capabilities {
	return translate.Capabilities{MaxSegments: 2}
}
func (q *quota) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	call := q.calls.Add(1)
	q.mu.Lock()
	q.sent = append(q.sent, req.Segments...)
	q.mu.Unlock()
	// The failing request answers first; the ones sent before it are
	// still in flight then.
	if call > q.n {
		return nil, &translate.StatusError{Backend: "quota", Code: 456}
	}
	time.Sleep(30 * time.Millisecond)
	out := make([]string, len(req.Segments))
	for i, s := range req.Segments {
		out[i] = "EN " + s
	}
	return out, nil
}

// memo is a translate.Memory in a map.
type memo struct {
	mu sync.Mutex
	m  map[string]string
}

func (m *memo) Lookup(_ context.Context, _ translate.Occurrence, source string, _ bool) (string, string, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.m[source]
	return t, "quota", ok, nil
}

func (m *memo) Store(_ context.Context, seg translate.Segment) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m[seg.Source] = seg.Target
	return nil
}

// TestPipelineKeepsAnswersInFlight: after a quota error, no new request is
// sent, the requests in flight finish and their answers are stored, and a
// rerun sends exactly the segments never answered.
func TestPipelineKeepsAnswersInFlight(t *testing.T) {
	var sents []string
	for i := range 20 {
		sents = append(sents, fmt.Sprintf("Phrase numéro %d.", i))
	}
	q := &quota{n: 3}
	mem := &memo{m: map[string]string{}}
	p := &translate.Pipeline{Backend: q, From: "fr", To: "en", Memory: mem, Jobs: 4}
	_, err := p.Translate(context.Background(), doc(sents...))
	if !translate.StopsRun(err) {
		t.Fatalf("err = %v, want the quota error", err)
	}
	answered := 2 * 3 // three requests of two segments answered
	if len(mem.m) != answered {
		t.Errorf("%d segments stored, want the %d answered", len(mem.m), answered)
	}
	if n := q.calls.Load(); n > 4 {
		t.Errorf("%d requests sent: new ones went out after the quota error", n)
	}
	if p.Halted() == nil {
		t.Fatal("the pipeline is not halted")
	}
	// Another document of the same run sends nothing.
	before := q.calls.Load()
	if _, err := p.Translate(context.Background(), doc("Autre phrase.")); !translate.StopsRun(err) || q.calls.Load() != before {
		t.Errorf("after the halt: %v, %d requests", err, q.calls.Load()-before)
	}
	// The rerun sends what was never answered, nothing else.
	q2 := &quota{n: 100}
	p2 := &translate.Pipeline{Backend: q2, From: "fr", To: "en", Memory: mem, Jobs: 4}
	if _, err := p2.Translate(context.Background(), doc(sents...)); err != nil {
		t.Fatal(err)
	}
	for _, s := range q2.sent {
		if _, ok := mem.m[s]; !ok {
			t.Errorf("%q was not stored by the rerun", s)
		}
	}
	if len(q2.sent) != len(sents)-answered {
		t.Errorf("rerun sent %d segments, want %d", len(q2.sent), len(sents)-answered)
	}
}

// TestPipelineRefusesEmptyAnswerOfLocalBackend: a local backend's answer
// goes through the same checks: an empty translation is an error naming
// the line and is not stored.
func TestPipelineRefusesEmptyAnswerOfLocalBackend(t *testing.T) {
	b := &blankAt{word: "deux"}
	mem := &memo{m: map[string]string{}}
	p := &translate.Pipeline{Backend: b, From: "fr", To: "en", Memory: mem}
	_, err := p.Translate(context.Background(), doc("un", "deux"))
	if !errors.Is(err, translate.ErrBadAnswer) || !strings.Contains(err.Error(), "line 2: blank: answer for segment 2") {
		t.Fatalf("err = %v", err)
	}
	if len(mem.m) != 0 {
		t.Errorf("stored %v", mem.m)
	}
}

type blankAt struct{ word string }

func (b *blankAt) Name() string                         { return "blank" }
func (b *blankAt) Capabilities() translate.Capabilities { return translate.Capabilities{} }
func (b *blankAt) Translate(_ context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Segments))
	for i, s := range req.Segments {
		out[i] = strings.ToUpper(s)
		if s == b.word {
			out[i] = "   "
		}
	}
	return out, nil
}
