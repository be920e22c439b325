package review

import (
	"context"
	"errors"
	"fmt"

	"github.com/bitext/bitext/memory"
)

// ErrNoFrench is returned when approving a paragraph that has no French:
// it can only be edited, reverted (removed) or moved in the working copy.
var ErrNoFrench = errors.New("this paragraph matches no French paragraph: revert it to remove it, or move its text into a paragraph in your editor")

// ErrNothingToUndo is returned by [Article.Undo] when no decision is left.
var ErrNothingToUndo = errors.New("nothing to undo")

// decision is one undoable step: the unit as it was before.
type decision struct {
	unit     *Unit
	before   Unit
	approved bool // the step approved the unit
	group    int  // steps of one command share a group
}

// Approve records the unit's current text as approved in the translation
// memory, in one transaction, before returning.
func (a *Article) Approve(ctx context.Context, u *Unit) error {
	if u.Orphan() {
		return ErrNoFrench
	}
	if u.Field != "" && u.Text == "" {
		return ErrFieldDeleted
	}
	if u.attr != nil && u.Text == "" {
		return ErrAttrDeleted
	}
	before := *u
	err := a.opts.Store.Approve(ctx, u.Key, Approval{Text: u.Text, Machine: u.Draft, Backend: u.Backend, By: a.opts.By, Seen: u.Record})
	if errors.Is(err, memory.ErrConflict) {
		// What the other editor approved is now what the unit shows as
		// approved: approving again replaces it.
		if rec, _, rerr := a.opts.Store.Record(ctx, u.Key); rerr == nil {
			u.Record = rec
		}
		return fmt.Errorf("%w; approve again to replace it with yours", err)
	}
	if err != nil {
		return fmt.Errorf("failed to save the approval: %w", err)
	}
	if u.Record.Machine == "" {
		u.Record.Machine, u.Record.Backend = u.Draft, u.Backend
	}
	u.Record.Approved, u.Record.Text, u.Record.By, u.Record.Deleted = true, u.Text, a.opts.By, u.Text == ""
	a.check(u)
	a.push(decision{unit: u, before: before, approved: true})
	return nil
}

// Edit replaces the unit's English with text (in the unit's form: an HTML
// fragment when u.Markup is set) and saves the working copy atomically.
func (a *Article) Edit(ctx context.Context, u *Unit, text string) error {
	return a.change(u, func() { u.Text = text })
}

// Revert puts the machine draft back (an orphan paragraph is removed) and
// saves the working copy.
func (a *Article) Revert(ctx context.Context, u *Unit) error {
	return a.change(u, func() { u.Text = u.Draft })
}

// Retranslated replaces the unit's English and machine draft with a new
// machine translation by backend, and saves the working copy. The unit
// stays pending.
func (a *Article) Retranslated(ctx context.Context, u *Unit, text, backend string) error {
	if u.Orphan() {
		return ErrNoFrench
	}
	return a.change(u, func() { u.Text, u.Draft, u.Backend = text, text, backend })
}

// change applies f to u and saves the working copy, undoing f when the
// save fails.
func (a *Article) change(u *Unit, f func()) error {
	before := *u
	f()
	if err := a.Save(); err != nil {
		*u = before
		return err
	}
	a.check(u)
	a.push(decision{unit: u, before: before})
	return nil
}

// push records a step as a decision of its own; its group is its index,
// the index of the first step of a group being the group's number.
func (a *Article) push(d decision) {
	d.group = len(a.undo)
	a.undo = append(a.undo, d)
}

// Group runs f and makes the steps it takes one decision for Undo (an
// edit followed by an approval, say). Steps taken before an error stay.
func (a *Article) Group(f func() error) error {
	n := len(a.undo)
	err := f()
	for i := n + 1; i < len(a.undo); i++ {
		a.undo[i].group = a.undo[n].group
	}
	return err
}

// Undo takes back the last decision (all its steps) and returns the unit
// it concerned.
func (a *Article) Undo(ctx context.Context) (*Unit, error) {
	if len(a.undo) == 0 {
		return nil, ErrNothingToUndo
	}
	g := a.undo[len(a.undo)-1].group
	var u *Unit
	for len(a.undo) > 0 && a.undo[len(a.undo)-1].group == g {
		d := a.undo[len(a.undo)-1]
		if err := a.undoStep(ctx, d); err != nil {
			if errors.Is(err, memory.ErrConflict) {
				a.undo = a.undo[:len(a.undo)-1] // nothing of it is left to undo
			}
			return d.unit, err
		}
		a.undo = a.undo[:len(a.undo)-1]
		u = d.unit
	}
	return u, nil
}

func (a *Article) undoStep(ctx context.Context, d decision) error {
	if d.approved {
		mine := Approval{Text: d.unit.Record.Text, By: d.unit.Record.By}
		err := a.opts.Store.Unapprove(ctx, d.unit.Key, mine)
		if errors.Is(err, memory.ErrConflict) {
			// Another editor's approval replaced it: it stays, and the
			// unit shows it; there is nothing of ours left to undo.
			if rec, _, rerr := a.opts.Store.Record(ctx, d.unit.Key); rerr == nil {
				d.unit.Record = rec
			}
			return fmt.Errorf("%w; your approval was not withdrawn", err)
		}
		if err != nil {
			return fmt.Errorf("failed to withdraw the approval: %w", err)
		}
		*d.unit = d.before
		return nil
	}
	now := *d.unit
	*d.unit = d.before
	if err := a.Save(); err != nil {
		*d.unit = now
		return err
	}
	return nil
}
