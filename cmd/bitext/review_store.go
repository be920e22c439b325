package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/review"
)

// reviewStore lets review keep its decisions in the translation memory:
// approvals are human-approved entries, so that a rerun of translate keeps
// them whatever the backend.
type reviewStore struct{ m *memory.Store }

var (
	_ review.Store         = reviewStore{}
	_ review.SimilarFinder = reviewStore{}
)

func memKey(k review.Key) memory.Key {
	return memory.Key{From: k.From, To: k.To, Source: k.Source, Markup: k.Markup}
}

// Record gathers the approved entry and the latest machine draft of k.
func (s reviewStore) Record(ctx context.Context, k review.Key) (review.Record, bool, error) {
	es, err := s.m.Get(ctx, memKey(k))
	if err != nil || len(es) == 0 {
		return review.Record{}, false, err
	}
	var r review.Record
	for _, e := range es {
		switch {
		case e.Status == memory.Approved && !r.Approved:
			r.Approved, r.Text, r.By = true, e.Target, e.By
			if r.Backend == "" {
				r.Backend = e.Backend
			}
		case e.Status == memory.Machine && r.Machine == "":
			r.Machine, r.Backend = e.Target, e.Backend
		}
	}
	if r.Approved && r.Machine == "" {
		r.Machine, err = s.lastDraft(ctx, k)
	}
	return r, true, err
}

// lastDraft is the draft the last approval of k started from.
func (s reviewStore) lastDraft(ctx context.Context, k review.Key) (string, error) {
	h, err := s.m.History(ctx, memKey(k))
	if err != nil || len(h) == 0 {
		return "", err
	}
	return h[len(h)-1].Draft, nil
}

// Approve records the draft the editor saw when the memory lacks it (a
// paragraph-level unit, a re-translation), then the approval, each in its
// own transaction.
func (s reviewStore) Approve(ctx context.Context, k review.Key, a review.Approval) error {
	if err := s.keepDraft(ctx, k, a); err != nil {
		return err
	}
	return s.m.Approve(ctx, memKey(k), a.Text, a.By)
}

func (s reviewStore) keepDraft(ctx context.Context, k review.Key, a review.Approval) error {
	if a.Machine == "" || a.Backend == "" || a.Backend == "memory" || a.Backend == review.HumanBackend {
		return nil
	}
	es, err := s.m.Get(ctx, memKey(k))
	if err != nil {
		return err
	}
	for _, e := range es {
		if e.Status == memory.Machine && e.Target == a.Machine {
			return nil
		}
	}
	return s.m.PutMachine(ctx, memKey(k), a.Backend, a.Machine)
}

// errCannotWithdraw is returned when undoing a first approval with a
// memory that cannot withdraw one.
var errCannotWithdraw = errors.New("the translation memory cannot withdraw a first approval; approve the right text instead")

// Unapprove restores the approval before the last one. Withdrawing a
// first approval needs a memory with an Unapprove method.
func (s reviewStore) Unapprove(ctx context.Context, k review.Key) error {
	if w, ok := any(s.m).(interface {
		Unapprove(context.Context, memory.Key) error
	}); ok {
		return w.Unapprove(ctx, memKey(k))
	}
	h, err := s.m.History(ctx, memKey(k))
	if err != nil {
		return err
	}
	if len(h) == 0 || h[len(h)-1].Prev == "" {
		return errCannotWithdraw
	}
	last := h[len(h)-1]
	return s.m.Approve(ctx, memKey(k), last.Prev, last.By)
}

// Similar returns the approved sentence nearest to k's, for showing how
// the French changed.
func (s reviewStore) Similar(ctx context.Context, k review.Key) (string, review.Record, bool, error) {
	ms, err := s.m.Fuzzy(ctx, k.From, k.To, k.Source, memory.DefaultFuzzy, 5)
	if err != nil {
		return "", review.Record{}, false, err
	}
	for _, m := range ms {
		if m.Entry.Status == memory.Approved && m.Entry.Key.Markup == k.Markup {
			r := review.Record{Approved: true, Text: m.Entry.Target, Backend: m.Entry.Backend, By: m.Entry.By}
			return m.Entry.Key.Source, r, true, nil
		}
	}
	return "", review.Record{}, false, nil
}

// reviewStores opens the translation memory of each output folder once.
type reviewStores struct {
	ctx    context.Context
	lock   bool
	open   map[string]review.Store
	closes []func() error
	// files are the files of the articles opened, in order.
	files []outdir.Article
}

// get returns the store of the output folder out.
func (rs *reviewStores) get(out string) (review.Store, error) {
	if s, ok := rs.open[out]; ok {
		return s, nil
	}
	f, err := outdir.Open(rs.ctx, out, outdir.Options{ReadOnly: !rs.lock})
	if err != nil {
		return nil, fmt.Errorf("translation memory: %w", err)
	}
	if rs.open == nil {
		rs.open = map[string]review.Store{}
	}
	rs.open[out] = reviewStore{f.Memory}
	rs.closes = append(rs.closes, f.Close)
	return rs.open[out], nil
}

// Close closes every memory opened.
func (rs *reviewStores) Close() error {
	var first error
	for _, c := range rs.closes {
		if err := c(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
