package review

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/translate"
)

func TestPlainApproveEditQuit(t *testing.T) {
	ctx := context.Background()
	wp := writeOutputs(t, newTestDoc(testArticle, translate.FormatText))
	store := NewMemStore()
	a := openTest(t, wp, store)
	var out, prompt bytes.Buffer
	p := &Plain{In: strings.NewReader("a\ne Seoul hosts a summit on energy.\nq\n"), Out: &out, Prompt: &prompt, Style: Markers}
	// The headline is pending first; the edit lands on paragraph 2, sentence 1.
	s := NewSession([]*Article{a})
	err := p.Run(ctx, s)
	if n := s.Decisions(); err != nil || n != 2 {
		t.Fatalf("Run = %d decisions, %v; want 2", s.Decisions(), err)
	}
	head := Key{From: "fr", To: "en", Source: testArticle[0][0].fr, At: memory.Occurrence{Pos: 1}}
	if rec, _, _ := store.Record(ctx, head); !rec.Approved || rec.Text != testArticle[0][0].en {
		t.Errorf("headline record = %+v, want approved draft", rec)
	}
	s1 := Key{From: "fr", To: "en", Source: testArticle[1][0].fr, At: memory.Occurrence{Pos: 1}}
	rec, _, _ := store.Record(ctx, s1)
	if !rec.Approved || rec.Text != "Seoul hosts a summit on energy." || rec.Machine != testArticle[1][0].en {
		t.Errorf("edited record = %+v", rec)
	}
	if !strings.Contains(mustRead(t, wp), "Seoul hosts a summit on energy. The two men") {
		t.Errorf("working copy not saved with the edit:\n%s", mustRead(t, wp))
	}
	if !strings.Contains(out.String(), "fr: "+testArticle[1][0].fr) {
		t.Errorf("output lacks the French:\n%s", out.String())
	}
	// Reopening finds the two decisions and six pending units.
	b := openTest(t, wp, store)
	if got := len(b.Pending()); got != 6 {
		t.Errorf("pending after reopening = %d, want 6 (%s)", got, b.Summary())
	}
}

func TestPlainUnknownSkipRevert(t *testing.T) {
	ctx := context.Background()
	wp := writeOutputs(t, newTestDoc(testArticle, translate.FormatText))
	mustWrite(t, wp, strings.Replace(mustRead(t, wp), "Jong-one", "Jong-un", 1))
	store := NewMemStore()
	a := openTest(t, wp, store)
	// Skip the first six units, try a bad command, revert the fixed name,
	// then approve the draft.
	in := strings.Repeat("s\n", 6) + "x\nr\na\n"
	var out, prompt bytes.Buffer
	p := &Plain{In: strings.NewReader(in), Out: &out, Prompt: &prompt, Style: Markers}
	if err := p.Run(ctx, NewSession([]*Article{a})); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(prompt.String(), "unknown command") {
		t.Errorf("prompt lacks the error:\n%s", prompt.String())
	}
	if !strings.Contains(out.String(), "Kim [-Jong-one-]{+Jong-un+} did not react.") {
		t.Errorf("output lacks the diff:\n%s", out.String())
	}
	rec, _, _ := store.Record(ctx, Key{From: "fr", To: "en", Source: testArticle[3][0].fr, At: memory.Occurrence{Pos: 1}})
	if !rec.Approved || rec.Text != "Kim Jong-one did not react." {
		t.Errorf("record after revert and approve = %+v", rec)
	}
	if strings.Contains(mustRead(t, wp), "Jong-un") {
		t.Error("revert did not reach the working copy")
	}
}

func TestUndo(t *testing.T) {
	ctx := context.Background()
	wp := writeOutputs(t, newTestDoc(testArticle, translate.FormatText))
	store := NewMemStore()
	a := openTest(t, wp, store)
	u := a.Units[6]
	err := a.Group(func() error {
		if err := a.Edit(ctx, u, "Kim Jong-un did not react."); err != nil {
			return err
		}
		return a.Approve(ctx, u)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if rec, _, _ := store.Record(ctx, u.Key); rec.Approved {
		t.Errorf("approval survived undo: %+v", rec)
	}
	if u.Text != "Kim Jong-one did not react." || strings.Contains(mustRead(t, wp), "Jong-un") {
		t.Errorf("edit survived undo: %q", u.Text)
	}
	if _, err := a.Undo(ctx); err != ErrNothingToUndo {
		t.Errorf("second undo: %v, want ErrNothingToUndo", err)
	}
}

func TestPublished(t *testing.T) {
	ctx := context.Background()
	wp := writeOutputs(t, newTestDoc(testArticle, translate.FormatText))
	mustWrite(t, wp, strings.NewReplacer("Jong-one", "Jong-un", "on Friday", "on Friday morning").Replace(mustRead(t, wp)))
	store := NewMemStore()
	a := openTest(t, wp, store)
	if err := a.Approve(ctx, a.Units[6]); err != nil { // the fixed name
		t.Fatal(err)
	}
	pub := a.Published()
	segs := pub.Blocks[3].Segments
	if segs[0].Target != "Kim Jong-un did not react." || segs[0].Backend != HumanBackend {
		t.Errorf("approved segment published as %+v", segs[0])
	}
	if segs[1].Target != testArticle[3][1].en {
		t.Errorf("unapproved edit published: %q", segs[1].Target)
	}
	if got := len(a.Pending()); got != 7 {
		t.Errorf("pending = %d, want 7", got)
	}
}

func TestMergedSentencesApproveAsOne(t *testing.T) {
	ctx := context.Background()
	wp := writeOutputs(t, newTestDoc(testArticle, translate.FormatText))
	mustWrite(t, wp, strings.Replace(mustRead(t, wp), "did not react. Pyongyang", "did not react, but Pyongyang", 1))
	store := NewMemStore()
	a := openTest(t, wp, store)
	u := a.Units[len(a.Units)-1]
	if u.First != 0 || u.Last != 1 {
		t.Fatalf("last unit covers %d-%d, want the two sentences", u.First, u.Last)
	}
	if err := a.Approve(ctx, u); err != nil {
		t.Fatal(err)
	}
	k := Key{From: "fr", To: "en", Source: testArticle[3][0].fr + " " + testArticle[3][1].fr, At: memory.Occurrence{Pos: 1}}
	if rec, _, _ := store.Record(ctx, k); !rec.Approved || !strings.Contains(rec.Text, "react, but Pyongyang") {
		t.Errorf("merged record = %+v", rec)
	}
	pub := a.Published()
	if n := len(pub.Blocks[3].Segments); n != 1 {
		t.Errorf("published paragraph has %d segments, want 1 merged", n)
	}
	b := openTest(t, wp, store)
	if b.Units[len(b.Units)-1].State() != Approved {
		t.Errorf("merged unit not approved after reopening: %s", b.Summary())
	}
}

func TestOrphanCannotBeApproved(t *testing.T) {
	ctx := context.Background()
	wp := writeOutputs(t, newTestDoc(testArticle, translate.FormatText))
	mustWrite(t, wp, mustRead(t, wp)+"\nA paragraph the editor wrote, with no French behind it.\n")
	a := openTest(t, wp, NewMemStore())
	u := a.Units[len(a.Units)-1]
	if !u.Orphan() {
		t.Fatalf("last unit is not an orphan: %+v", u.Span)
	}
	if err := a.Approve(ctx, u); err != ErrNoFrench {
		t.Errorf("Approve orphan = %v, want ErrNoFrench", err)
	}
	if err := a.Revert(ctx, u); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(mustRead(t, wp), "no French behind it") {
		t.Error("revert did not remove the orphan paragraph")
	}
}

func TestChangedFrenchShowsOldSource(t *testing.T) {
	ctx := context.Background()
	store := NewMemStore()
	old := Key{From: "fr", To: "en", Source: "Pyongyang a dénoncé jeudi un « complot ».", At: memory.Occurrence{Pos: 1}}
	store.PutMachine(old, "Pyongyang denounced a “plot” on Thursday.", "fake")
	if err := store.Approve(ctx, old, Approval{Text: "Pyongyang denounced a “plot” on Thursday.", By: "ed"}); err != nil {
		t.Fatal(err)
	}
	wp := writeOutputs(t, newTestDoc(testArticle, translate.FormatText))
	a := openTest(t, wp, store)
	u := a.Units[len(a.Units)-1]
	if u.OldSource != old.Source {
		t.Fatalf("OldSource = %q", u.OldSource)
	}
	var out bytes.Buffer
	if err := WriteUnit(&out, a, u, Markers, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "[-jeudi-]{+vendredi+}") || !strings.Contains(out.String(), "French changed") {
		t.Errorf("unit lacks the French change:\n%s", out.String())
	}
}

func TestStatsAndSuggest(t *testing.T) {
	ctx := context.Background()
	pairs := [][]testPair{
		{{"Kim Jong-un inspecte une usine", "Kim Jong-one inspects a factory"}},
		{
			{"Kim Jong-un a visité mardi une usine de Pyongyang.", "Kim Jong-one visited a factory in Pyongyang on Tuesday."},
			{"Selon l'agence KCNA, Kim Jong-un a salué les ouvriers.", "According to the KCNA agency, Kim Jong-one praised the workers."},
			{"La visite a duré deux heures.", "The visit lasted two hours."},
		},
	}
	wp := writeOutputs(t, newTestDoc(pairs, translate.FormatText))
	mustWrite(t, wp, strings.ReplaceAll(mustRead(t, wp), "Jong-one", "Jong-un"))
	store := NewMemStore()
	a := openTest(t, wp, store)
	for _, u := range a.Units {
		if err := a.Approve(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	st := a.Stats()
	if len(st) != 1 || st[0].Backend != "fake" || st[0].Approved != 4 || st[0].Edited != 3 {
		t.Fatalf("stats = %+v", st)
	}
	// 3 word edits over 5+10+12+6 = 33 approved words (punctuation counts).
	if st[0].WordEdits != 3 || st[0].Words != 33 {
		t.Errorf("word edits %d / words %d, want 3 / 33", st[0].WordEdits, st[0].Words)
	}
	sug := Suggest([]*Article{a}, 2)
	if len(sug) != 1 {
		t.Fatalf("suggestions = %+v, want one", sug)
	}
	want := Suggestion{Wrong: "Jong-one", Right: "Jong-un", Source: "Kim Jong-un", Count: 3}
	if sug[0] != want {
		t.Errorf("suggestion = %+v, want %+v", sug[0], want)
	}
	if got := Suggest([]*Article{a}, 4); len(got) != 0 {
		t.Errorf("min 4 gives %+v", got)
	}
}
