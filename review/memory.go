package review

import (
	"context"

	"github.com/bitext/bitext/memory"
)

// MemoryStore keeps review's decisions in a translation memory: an
// approval becomes the sentence's default translation, or an alternative
// for its occurrence when it differs from the default approved elsewhere;
// approving a deleted sentence records the deletion of that occurrence;
// translate then keeps each of them.
type MemoryStore struct{ M memory.Memory }

var (
	_ Store         = MemoryStore{}
	_ SimilarFinder = MemoryStore{}
)

func memKey(k Key) memory.Key {
	return memory.Key{From: k.From, To: k.To, Source: k.Source, Markup: k.Markup}
}

// Record gathers what applies at k's occurrence (an alternative, a
// deletion, else the default approval) and the latest machine draft.
func (s MemoryStore) Record(ctx context.Context, k Key) (Record, bool, error) {
	es, err := s.M.Get(ctx, memKey(k))
	if err != nil {
		return Record{}, false, err
	}
	var r Record
	for _, e := range es {
		if e.Status == memory.Machine && r.Machine == "" {
			r.Machine, r.Backend = e.Target, e.Backend
		}
	}
	e, ok, err := s.M.LookupAt(ctx, memKey(k), "", k.At)
	if err != nil {
		return Record{}, false, err
	}
	if ok && (e.Status == memory.Approved || e.Status == memory.StatusDeleted) {
		r.Approved, r.Text, r.By, r.Deleted = true, e.Target, e.By, e.Status == memory.StatusDeleted
		if r.Backend == "" {
			r.Backend = e.Backend
		}
		if r.Machine == "" {
			r.Machine, err = s.lastDraft(ctx, k)
		}
	}
	return r, len(es) > 0 || ok, err
}

// lastDraft is the draft the last approval of k started from.
func (s MemoryStore) lastDraft(ctx context.Context, k Key) (string, error) {
	h, err := s.M.History(ctx, memKey(k))
	if err != nil || len(h) == 0 {
		return "", err
	}
	return h[len(h)-1].Draft, nil
}

// Approve records the draft the editor saw when the memory lacks it (a
// paragraph-level unit, a re-translation), then the approval (or the
// deletion, for an empty text) at k's occurrence, unless another editor
// approved something else there since a.Seen (a memory.ConflictError).
func (s MemoryStore) Approve(ctx context.Context, k Key, a Approval) error {
	if a.Text != "" {
		if err := s.keepDraft(ctx, k, a); err != nil {
			return err
		}
	}
	_, err := s.M.ApproveIf(ctx, memKey(k), k.At, seen(a.Seen), a.Text, a.By)
	return err
}

// seen is what the editor saw as the memory words it.
func seen(r Record) memory.Seen {
	switch {
	case r.Deleted:
		return memory.Seen{Deleted: true}
	case r.Approved:
		return memory.Seen{Approved: true, Target: r.Text}
	}
	return memory.Seen{}
}

func (s MemoryStore) keepDraft(ctx context.Context, k Key, a Approval) error {
	if a.Machine == "" || a.Backend == "" || a.Backend == "memory" || a.Backend == HumanBackend {
		return nil
	}
	es, err := s.M.Get(ctx, memKey(k))
	if err != nil {
		return err
	}
	for _, e := range es {
		if e.Status == memory.Machine && e.Target == a.Machine {
			return nil
		}
	}
	return s.M.PutMachine(ctx, memKey(k), a.Backend, a.Machine)
}

// Unapprove withdraws mine, the last approval made at k's occurrence,
// unless another editor has approved there since (a
// memory.ConflictError, and nothing is withdrawn).
func (s MemoryStore) Unapprove(ctx context.Context, k Key, mine Approval) error {
	r := Record{Approved: mine.Text != "", Text: mine.Text, Deleted: mine.Text == ""}
	return s.M.UnapproveIf(ctx, memKey(k), k.At, seen(r), mine.By)
}

// Similar returns the approved sentence nearest to k's, for showing how
// the French changed.
func (s MemoryStore) Similar(ctx context.Context, k Key) (string, Record, bool, error) {
	ms, err := s.M.Fuzzy(ctx, k.From, k.To, k.Source, memory.DefaultFuzzy, 5)
	if err != nil {
		return "", Record{}, false, err
	}
	for _, m := range ms {
		if m.Entry.Status == memory.Approved && m.Entry.Key.Markup == k.Markup {
			r := Record{Approved: true, Text: m.Entry.Target, Backend: m.Entry.Backend, By: m.Entry.By}
			return m.Entry.Key.Source, r, true, nil
		}
	}
	return "", Record{}, false, nil
}
