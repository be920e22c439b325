package translate_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
)

// streamer hands over its answers one at a time (a translate.EachTranslator).
// Before each answer after the first it waits until the memory has stored
// the previous one, so that a pipeline that stored answers only at the
// end of the request would block it; after `answers` answers it fails.
// answer maps a segment to its translation.
type streamer struct {
	mem     *memo // nil: no waiting
	answers int
	answer  func(src string) string
}

func (s *streamer) Name() string                         { return "stream" }
func (s *streamer) Capabilities() translate.Capabilities { return translate.Capabilities{} }
func (s *streamer) Translate(context.Context, translate.Request) ([]string, error) {
	return nil, errors.New("Translate called: the pipeline must use TranslateEach")
}

func (s *streamer) TranslateEach(ctx context.Context, req translate.Request, done func(int, string)) error {
	for i, src := range req.Segments {
		if i == s.answers {
			return errors.New("engine killed")
		}
		if i > 0 && s.mem != nil && !s.stored(req.Segments[i-1]) {
			return errors.New("the previous answer was not stored before the next was made")
		}
		done(i, s.answer(src))
	}
	return nil
}

// stored waits a little for src to reach the memory.
func (s *streamer) stored(src string) bool {
	for range 200 {
		s.mem.mu.Lock()
		_, ok := s.mem.m[src]
		s.mem.mu.Unlock()
		if ok {
			return true
		}
		time.Sleep(time.Millisecond)
	}
	return false
}

func english(src string) string { return "EN " + src }

// TestPipelineStoresEachAnswerAsItComes: with a backend that hands over
// its answers one by one, each is in the memory before the next is made,
// and those made before the backend fails are kept.
func TestPipelineStoresEachAnswerAsItComes(t *testing.T) {
	mem := &memo{m: map[string]string{}}
	b := &streamer{mem: mem, answers: 3, answer: english}
	p := &translate.Pipeline{Backend: b, From: "fr", To: "en", Memory: mem}
	d := doc("Un.", "Deux.", "Trois.", "Quatre.", "Cinq.")
	_, err := p.Translate(context.Background(), d)
	if err == nil || !strings.Contains(err.Error(), "engine killed") {
		t.Fatalf("err = %v, want the engine's failure", err)
	}
	for i, src := range []string{"Un.", "Deux.", "Trois."} {
		if got := mem.m[src]; got != "EN "+src {
			t.Errorf("memory[%q] = %q, want the answer made before the failure", src, got)
		}
		if got := d.Blocks[i].Segments[0].Target; got != "EN "+src {
			t.Errorf("segment %d: target %q", i+1, got)
		}
	}
	if len(mem.m) != 3 {
		t.Errorf("memory holds %d answers, want 3: %v", len(mem.m), mem.m)
	}
}

// TestPipelineRefusesOneStreamedAnswer: a bad answer among streamed ones
// fails the document naming its line and never reaches the memory; the
// good ones are stored.
func TestPipelineRefusesOneStreamedAnswer(t *testing.T) {
	mem := &memo{m: map[string]string{}}
	b := &streamer{answers: 99, answer: func(src string) string {
		if src == "Deux." {
			return " "
		}
		return english(src)
	}}
	p := &translate.Pipeline{Backend: b, From: "fr", To: "en", Memory: mem}
	_, err := p.Translate(context.Background(), doc("Un.", "Deux.", "Trois."))
	var ae *translate.AnswerError
	if !errors.As(err, &ae) || !strings.Contains(err.Error(), "line 2") || !strings.Contains(err.Error(), "blank") {
		t.Fatalf("err = %v, want a refused answer at line 2", err)
	}
	if _, ok := mem.m["Deux."]; ok {
		t.Error("the blank answer reached the memory")
	}
	if mem.m["Un."] != "EN Un." || mem.m["Trois."] != "EN Trois." {
		t.Errorf("good answers not stored: %v", mem.m)
	}
}

// silent says it is done without answering its last segment.
type silent struct{ streamer }

func (s *silent) TranslateEach(_ context.Context, req translate.Request, done func(int, string)) error {
	for i, src := range req.Segments[:len(req.Segments)-1] {
		done(i, english(src))
	}
	return nil
}

// TestPipelineRefusesMissingStreamedAnswer: a backend that returns
// without answering every segment fails the document.
func TestPipelineRefusesMissingStreamedAnswer(t *testing.T) {
	p := &translate.Pipeline{Backend: &silent{}, From: "fr", To: "en"}
	_, err := p.Translate(context.Background(), doc("Un.", "Deux."))
	if err == nil || !strings.Contains(err.Error(), "line 2") || !strings.Contains(err.Error(), "no translation") {
		t.Fatalf("err = %v, want no translation at line 2", err)
	}
}
