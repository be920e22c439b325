package review

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

func TestSessionUndoTakesBackADecision(t *testing.T) {
	ctx := context.Background()
	wp := writeOutputs(t, newTestDoc(testArticle, translate.FormatText))
	s := NewSession([]*Article{openTest(t, wp, NewMemStore())})
	items := s.Items()
	for _, it := range items[:3] {
		if err := s.Approve(ctx, it); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Edit(ctx, items[3], "The meeting resumes on Thursday."); err != nil {
		t.Fatal(err)
	}
	if s.Decisions() != 4 || s.Pending() != len(items)-4 {
		t.Fatalf("after 4 decisions: %d decisions, %d pending", s.Decisions(), s.Pending())
	}
	back, err := s.Undo(ctx)
	if err != nil || back.Unit != items[3].Unit {
		t.Fatalf("Undo = %v, %v; want the edited unit", back.Unit, err)
	}
	if s.Decisions() != 3 || !items[3].Unit.Pending() || items[3].Unit.Text != items[3].Unit.Draft {
		t.Errorf("after undo: %d decisions, unit %+v", s.Decisions(), items[3].Unit)
	}
	for range 3 {
		if _, err := s.Undo(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Undo(ctx); err != ErrNothingToUndo || s.Decisions() != 0 {
		t.Errorf("undo past the start = %v with %d decisions", err, s.Decisions())
	}
}

func TestPlainUndoShowsTheUnitAgain(t *testing.T) {
	ctx := context.Background()
	wp := writeOutputs(t, newTestDoc(testArticle, translate.FormatText))
	s := NewSession([]*Article{openTest(t, wp, NewMemStore())})
	var out, prompt bytes.Buffer
	p := &Plain{In: strings.NewReader("a\na\nu\nu\nu\ne Seoul hosts a summit on energy.\nq\n"), Out: &out, Prompt: &prompt, Style: Markers}
	if err := p.Run(ctx, s); err != nil {
		t.Fatal(err)
	}
	if s.Decisions() != 1 {
		t.Errorf("%d decisions, want 1", s.Decisions())
	}
	if !strings.Contains(prompt.String(), "undone: paragraph 2, sentence 1") || !strings.Contains(prompt.String(), "nothing to undo") {
		t.Errorf("prompt:\n%s", prompt.String())
	}
	if got := s.Items()[0].Unit; got.Text != "Seoul hosts a summit on energy." || got.Pending() {
		t.Errorf("headline after undo and edit: %q pending=%v", got.Text, got.Pending())
	}
	if n := strings.Count(out.String(), "seoul.en.txt: paragraph 1, sentence 1 ("); n != 3 {
		t.Errorf("headline shown %d times, want 3:\n%s", n, out.String())
	}
}
