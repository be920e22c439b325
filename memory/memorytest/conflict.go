package memorytest

import (
	"errors"
	"testing"

	"github.com/bitext/bitext/memory"
)

// conflict: two editors approve different texts for the same occurrence
// from the same starting point; the later is refused, nothing is
// written, and approving again from what is there now (forcing) works.
func conflict(t *testing.T, m memory.Memory) {
	k := key("Pyongyang a tiré un missile balistique, selon Séoul.")
	a, b := memory.Occurrence{Doc: "asie/tir", Pos: 1}, memory.Occurrence{Doc: "asie/bilan", Pos: 1}
	must(t, m.PutMachine(ctx, k, "fake", "Pyongyang has fired a ballistic missile, according to Seoul."))
	start := memory.SeenEntry(lookup(t, m, k, a), true) // both editors see the machine draft
	if start != (memory.Seen{}) {
		t.Fatalf("a machine translation seen as %+v", start)
	}
	kind, err := m.ApproveIf(ctx, k, a, start, "Pyongyang fired a ballistic missile, Seoul said.", "claire")
	must(t, err)
	if kind != memory.ApprovedHere {
		t.Errorf("first approval recorded as %s", kind)
	}
	_, err = m.ApproveIf(ctx, k, a, start, "North Korea fired a ballistic missile, according to Seoul.", "paul")
	var ce *memory.ConflictError
	if !errors.Is(err, memory.ErrConflict) || !errors.As(err, &ce) {
		t.Fatalf("the later approval from the same starting point: %v", err)
	}
	if ce.Theirs.Target != "Pyongyang fired a ballistic missile, Seoul said." || ce.Theirs.By != "claire" || ce.At != a {
		t.Errorf("conflict = %+v", ce)
	}
	if e := lookup(t, m, k, a); e.Target != "Pyongyang fired a ballistic missile, Seoul said." {
		t.Errorf("the refused approval was written: %+v", e)
	}
	if h, _ := m.History(ctx, k); len(h) != 1 {
		t.Errorf("history after a refused approval: %+v", h)
	}
	// The same decision is no conflict; nor is the editor's own earlier one.
	_, err = m.ApproveIf(ctx, k, a, start, "Pyongyang fired a ballistic missile, Seoul said.", "paul")
	must(t, err)
	_, err = m.ApproveIf(ctx, k, a, start, "Pyongyang fired a ballistic missile, South Korea said.", "claire")
	must(t, err)
	// Another occurrence that took the default meanwhile conflicts too.
	if _, err = m.ApproveIf(ctx, k, b, start, "Pyongyang fired a missile.", "paul"); !errors.Is(err, memory.ErrConflict) {
		t.Errorf("approval at another occurrence over a default approved meanwhile: %v", err)
	}
	// Forced: from what applies now, paul's approval is kept beside claire's.
	now := memory.SeenEntry(lookup(t, m, k, b), true)
	kind, err = m.ApproveIf(ctx, k, b, now, "Pyongyang fired a missile.", "paul")
	must(t, err)
	if kind != memory.Alternative || lookup(t, m, k, a).Target != "Pyongyang fired a ballistic missile, South Korea said." ||
		lookup(t, m, k, b).Target != "Pyongyang fired a missile." {
		t.Errorf("forced approval: %s, %q, %q", kind, lookup(t, m, k, a).Target, lookup(t, m, k, b).Target)
	}
}

// conflictOnDeletion: a deletion is an approval like another.
func conflictOnDeletion(t *testing.T, m memory.Memory) {
	k := key("Cette phrase répète la précédente.")
	a := memory.Occurrence{Doc: "europe/paris", Pos: 2}
	must(t, m.PutMachine(ctx, k, "fake", "This sentence repeats the previous one."))
	kind, err := m.ApproveIf(ctx, k, a, memory.Seen{}, "", "claire")
	must(t, err)
	if kind != memory.Deleted || lookup(t, m, k, a).Status != memory.StatusDeleted {
		t.Fatalf("deletion through ApproveIf: %s, %+v", kind, lookup(t, m, k, a))
	}
	_, err = m.ApproveIf(ctx, k, a, memory.Seen{}, "This sentence repeats the one before.", "paul")
	var ce *memory.ConflictError
	if !errors.As(err, &ce) || ce.Theirs.Status != memory.StatusDeleted || ce.Theirs.By != "claire" {
		t.Fatalf("approval over a deletion made meanwhile: %v", err)
	}
	if _, err := m.ApproveIf(ctx, k, a, memory.Seen{Deleted: true}, "This sentence repeats the one before.", "paul"); err != nil {
		t.Fatalf("approval from the deletion: %v", err)
	}
	if e := lookup(t, m, k, a); e.Status != memory.Approved || e.By != "paul" {
		t.Errorf("after approving over the deletion: %+v", e)
	}
	if _, err := m.ApproveIf(ctx, k, a, memory.Seen{}, " ", "paul"); !errors.Is(err, memory.ErrEmptyTranslation) {
		t.Errorf("a blank approval: %v", err)
	}
}

// unapproveIf: an editor taking back their own approval withdraws it;
// once another editor has approved over it, nothing is withdrawn and the
// error is a conflict naming the other's approval.
func unapproveIf(t *testing.T, m memory.Memory) {
	k := key("Le KCNA a annoncé un essai, selon M. Kim.")
	a := memory.Occurrence{Doc: "asie/essai", Pos: 3}
	must(t, m.PutMachine(ctx, k, "fake", "KCNA announced a test, according to Mr. Kim."))
	first := "KCNA announced a test, Mr. Kim said."
	_, err := m.ApproveIf(ctx, k, a, memory.Seen{}, first, "claire")
	must(t, err)
	mine := memory.Seen{Approved: true, Target: first}
	// Nothing to withdraw when the approval is claire's own and she undoes it.
	must(t, m.UnapproveIf(ctx, k, a, mine, "claire"))
	if e, ok, err := m.LookupAt(ctx, k, "fake", a); err != nil || !ok || e.Status != memory.Machine {
		t.Fatalf("after claire withdrew her approval: %+v, %v, %v", e, ok, err)
	}
	must(t, m.UnapproveIf(ctx, k, a, mine, "claire")) // nothing approved: nothing to do
	// claire approves again; paul approves over it from what he saw.
	_, err = m.ApproveIf(ctx, k, a, memory.Seen{}, first, "claire")
	must(t, err)
	theirs := "North Korea's KCNA announced a test, Mr. Kim said."
	_, err = m.ApproveIf(ctx, k, a, mine, theirs, "paul")
	must(t, err)
	err = m.UnapproveIf(ctx, k, a, mine, "claire")
	var ce *memory.ConflictError
	if !errors.Is(err, memory.ErrConflict) || !errors.As(err, &ce) || ce.Theirs.Target != theirs || ce.Theirs.By != "paul" {
		t.Fatalf("claire's undo over paul's approval: %v", err)
	}
	if e := lookup(t, m, k, a); e.Target != theirs || e.By != "paul" {
		t.Errorf("paul's approval after claire's refused undo: %+v", e)
	}
	// The same text by another editor is not claire's approval either.
	if err := m.UnapproveIf(ctx, k, a, memory.Seen{Approved: true, Target: theirs}, "claire"); !errors.Is(err, memory.ErrConflict) {
		t.Errorf("undo of paul's text in claire's name: %v", err)
	}
	// paul's own undo works and restores claire's approval beneath it.
	must(t, m.UnapproveIf(ctx, k, a, memory.Seen{Approved: true, Target: theirs}, "paul"))
	if e := lookup(t, m, k, a); e.Target != first || e.By != "claire" {
		t.Errorf("after paul withdrew his approval: %+v", e)
	}
}

// unapproveIfDeletion: a deletion is withdrawn the same way, and only by
// the editor who approved it.
func unapproveIfDeletion(t *testing.T, m memory.Memory) {
	k := key("Cette phrase est en double.")
	a := memory.Occurrence{Doc: "europe/lyon", Pos: 4}
	must(t, m.PutMachine(ctx, k, "fake", "This sentence is a duplicate."))
	_, err := m.ApproveIf(ctx, k, a, memory.Seen{}, "", "claire")
	must(t, err)
	del := memory.Seen{Deleted: true}
	if err := m.UnapproveIf(ctx, k, a, del, "paul"); !errors.Is(err, memory.ErrConflict) {
		t.Fatalf("paul withdrawing claire's deletion: %v", err)
	}
	if err := m.UnapproveIf(ctx, k, a, memory.Seen{Approved: true, Target: "This sentence is a duplicate."}, "claire"); !errors.Is(err, memory.ErrConflict) {
		t.Errorf("withdrawing a text where claire's deletion applies: %v", err)
	}
	if e := lookup(t, m, k, a); e.Status != memory.StatusDeleted {
		t.Fatalf("the deletion after refused undos: %+v", e)
	}
	must(t, m.UnapproveIf(ctx, k, a, del, "claire"))
	if e := lookup(t, m, k, a); e.Status != memory.Machine {
		t.Errorf("after claire withdrew her deletion: %+v", e)
	}
}
