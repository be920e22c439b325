// Package memorytest is the conformance suite of [memory.Memory]: every
// implementation (the SQLite [memory.Store], a shared store) runs [Run]
// against a fresh, empty memory.
package memorytest

import (
	"context"
	"errors"
	"testing"

	"github.com/bitext/bitext/memory"
)

// Run checks the contract of memory.Memory on the empty memories open
// returns (a new one at each call, closed by the suite).
func Run(t *testing.T, open func(t *testing.T) memory.Memory) {
	for _, c := range []struct {
		name string
		f    func(*testing.T, memory.Memory)
	}{
		{"MachineThenApproved", machineThenApproved},
		{"EmptyRefused", emptyRefused},
		{"Alternatives", alternatives},
		{"Deletion", deletion},
		{"Drafts", drafts},
		{"GetAndHistory", getAndHistory},
		{"Unapprove", unapprove},
		{"Conflict", conflict},
		{"ConflictOnDeletion", conflictOnDeletion},
		{"UnapproveIf", unapproveIf},
		{"UnapproveIfDeletion", unapproveIfDeletion},
		{"Stats", stats},
		{"Fuzzy", fuzzy},
		{"Concurrent", concurrent},
		{"Batch", batch},
		{"LookupAll", lookupAll},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := open(t)
			defer m.Close()
			c.f(t, m)
		})
	}
	for _, c := range []struct {
		name string
		f    func(*testing.T, memory.Memory, memory.Memory)
	}{
		{"TMXRoundTrip", tmxRoundTrip},
		{"Load", load},
		{"LoadRefusesNonEmpty", loadRefusesNonEmpty},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, b := open(t), open(t)
			defer a.Close()
			defer b.Close()
			c.f(t, a, b)
		})
	}
}

var ctx = context.Background()

func key(src string) memory.Key { return memory.Key{From: "fr", To: "en", Source: src} }

func lookup(t *testing.T, m memory.Memory, k memory.Key, at memory.Occurrence) memory.Entry {
	t.Helper()
	e, ok, err := m.LookupAt(ctx, k, "fake", at)
	if err != nil || !ok {
		t.Fatalf("LookupAt(%q, %v) = %v, %v", k.Source, at, ok, err)
	}
	return e
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func machineThenApproved(t *testing.T, m memory.Memory) {
	k := key("Le ministre est parti.")
	a := memory.Occurrence{Doc: "a", Pos: 1}
	if _, ok, err := m.LookupAt(ctx, k, "fake", a); ok || err != nil {
		t.Fatalf("empty memory answered: %v, %v", ok, err)
	}
	must(t, m.PutMachine(ctx, k, "fake", "The minister has left."))
	if e := lookup(t, m, k, a); e.Status != memory.Machine || e.Target != "The minister has left." {
		t.Errorf("machine entry = %+v", e)
	}
	if _, ok, _ := m.LookupAt(ctx, k, "other", a); ok {
		t.Error("another backend's machine translation was reused")
	}
	kind, err := m.ApproveAt(ctx, k, a, "The minister left.", "claire")
	must(t, err)
	if kind != memory.ApprovedHere {
		t.Errorf("first approval recorded as %s", kind)
	}
	// The default approval wins everywhere, whatever the backend.
	e, ok, err := m.LookupAt(ctx, k, "other", memory.Occurrence{Doc: "b", Pos: 2})
	if err != nil || !ok || e.Status != memory.Approved || e.Target != "The minister left." {
		t.Errorf("approved elsewhere = %+v, %v, %v", e, ok, err)
	}
}

func emptyRefused(t *testing.T, m memory.Memory) {
	k := key("Le ministre est parti.")
	a := memory.Occurrence{Doc: "a", Pos: 1}
	if err := m.PutMachine(ctx, k, "fake", "  "); !errors.Is(err, memory.ErrEmptyTranslation) {
		t.Errorf("empty machine translation: %v", err)
	}
	if _, err := m.ApproveAt(ctx, k, a, "", "claire"); !errors.Is(err, memory.ErrEmptyTranslation) {
		t.Errorf("empty approval: %v", err)
	}
	if _, ok, _ := m.LookupAt(ctx, k, "fake", a); ok {
		t.Error("an empty translation was stored")
	}
}

// alternatives: a later, different approval of the same French at
// another occurrence is kept for that occurrence; neither is lost.
func alternatives(t *testing.T, m memory.Memory) {
	k := key("Il a démenti.")
	a, b, c := memory.Occurrence{Doc: "a", Pos: 1}, memory.Occurrence{Doc: "b", Pos: 1}, memory.Occurrence{Doc: "b", Pos: 2}
	_, err := m.ApproveAt(ctx, k, a, "He denied it.", "claire")
	must(t, err)
	kind, err := m.ApproveAt(ctx, k, b, "He denied the report.", "paul")
	must(t, err)
	if kind != memory.Alternative {
		t.Errorf("second, different approval recorded as %s", kind)
	}
	for at, want := range map[memory.Occurrence]string{a: "He denied it.", b: "He denied the report.", c: "He denied it."} {
		if e := lookup(t, m, k, at); e.Target != want || e.Status != memory.Approved {
			t.Errorf("at %v: %+v, want %q", at, e, want)
		}
	}
	// A correction at the default's own occurrence corrects the default.
	_, err = m.ApproveAt(ctx, k, a, "He denied everything.", "claire")
	must(t, err)
	if e := lookup(t, m, k, c); e.Target != "He denied everything." {
		t.Errorf("default after correction: %q", e.Target)
	}
	if e := lookup(t, m, k, b); e.Target != "He denied the report." {
		t.Errorf("alternative lost: %q", e.Target)
	}
	// Withdrawing the alternative brings the default back there.
	must(t, m.UnapproveAt(ctx, k, b))
	if e := lookup(t, m, k, b); e.Target != "He denied everything." {
		t.Errorf("after withdrawing the alternative: %q", e.Target)
	}
}

func deletion(t *testing.T, m memory.Memory) {
	k := key("Cette phrase est de trop.")
	a, b := memory.Occurrence{Doc: "a", Pos: 1}, memory.Occurrence{Doc: "b", Pos: 1}
	must(t, m.PutMachine(ctx, k, "fake", "This sentence is too much."))
	must(t, m.DeleteAt(ctx, k, a, "claire"))
	if e := lookup(t, m, k, a); e.Status != memory.StatusDeleted || e.Target != "" {
		t.Errorf("deleted occurrence = %+v", e)
	}
	if e := lookup(t, m, k, b); e.Status != memory.Machine {
		t.Errorf("a deletion elsewhere leaked: %+v", e)
	}
	must(t, m.UnapproveAt(ctx, k, a))
	if e := lookup(t, m, k, a); e.Status != memory.Machine {
		t.Errorf("after withdrawing the deletion: %+v", e)
	}
}

func drafts(t *testing.T, m memory.Memory) {
	k := key("Le sommet s'ouvre lundi.")
	a := memory.Occurrence{Doc: "asie/seoul", Pos: 1}
	must(t, m.PutDraft(ctx, k, a, "The summit opens on Monday."))
	must(t, m.PutDraft(ctx, k, a, "The summit opens Monday."))
	recs, err := m.Occurrences(ctx, "asie/seoul")
	must(t, err)
	if len(recs) != 1 || recs[0].Kind != memory.Draft || recs[0].Target != "The summit opens Monday." || recs[0].At != a {
		t.Fatalf("occurrences = %+v", recs)
	}
	// A draft is not a translation to reuse.
	if _, ok, _ := m.LookupAt(ctx, k, "fake", a); ok {
		t.Error("a draft was returned as a translation")
	}
	// Approving at the occurrence replaces its draft.
	_, err = m.ApproveAt(ctx, k, a, "The summit opens Monday.", "claire")
	must(t, err)
	recs, _ = m.Occurrences(ctx, "asie/seoul")
	for _, r := range recs {
		if r.Kind == memory.Draft {
			t.Errorf("draft kept after approval: %+v", r)
		}
	}
	// An empty draft is an editor's deletion, kept like any draft.
	must(t, m.PutDraft(ctx, k, a, ""))
	if recs, _ = m.Occurrences(ctx, "asie/seoul"); len(recs) != 2 {
		t.Errorf("an empty draft was not kept: %+v", recs)
	}
	must(t, m.DeleteDraft(ctx, k, a))
	recs, _ = m.Occurrences(ctx, "asie/seoul")
	for _, r := range recs {
		if r.Kind == memory.Draft {
			t.Errorf("draft kept after DeleteDraft: %+v", r)
		}
	}
}
