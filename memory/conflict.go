package memory

import (
	"errors"
	"fmt"
	"time"
)

// Seen is what applied at an occurrence when an editor began deciding on
// it, as [Memory.LookupAt] returned it: an approved translation, an
// approved deletion, or neither (a machine translation or nothing).
type Seen struct {
	// Approved is set when an approved translation, Target, applied.
	Approved bool
	Target   string
	// Deleted is set when an approved deletion applied.
	Deleted bool
}

// SeenEntry returns what an editor saw when a lookup at an occurrence
// returned e (ok false: nothing).
func SeenEntry(e Entry, ok bool) Seen {
	switch {
	case !ok:
		return Seen{}
	case e.Status == Approved:
		return Seen{Approved: true, Target: e.Target}
	case e.Status == StatusDeleted:
		return Seen{Deleted: true}
	}
	return Seen{}
}

// ErrConflict is wrapped by the error of [Memory.ApproveIf] when another
// editor approved something else at the occurrence since the editor
// began.
var ErrConflict = errors.New("another editor approved this occurrence in the meantime")

// ConflictError is the error of a refused [Memory.ApproveIf]: what
// applies at the occurrence now, and who approved it.
type ConflictError struct {
	Key Key
	At  Occurrence
	// Theirs is what applies now: Status Approved with its Target, or
	// StatusDeleted; By and Updated say who approved it and when.
	Theirs Entry
}

func (e *ConflictError) Error() string {
	what := fmt.Sprintf("%q", e.Theirs.Target)
	if e.Theirs.Status == StatusDeleted {
		what = "the deletion of its English"
	}
	by := e.Theirs.By
	if by == "" {
		by = "another editor"
	}
	return fmt.Sprintf("%s: %s approved %s at %s since you began (article %s, occurrence %d of %q)",
		ErrConflict, by, what, e.Theirs.Updated.Local().Format(time.DateTime), e.At.Doc, e.At.Pos, e.Key.Source)
}

// Is makes errors.Is(err, ErrConflict) hold.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// CheckMine is the rule of [Memory.UnapproveIf], applied inside the write
// transaction: cur is what applies at the occurrence now (ok false:
// nothing approved, and nothing to withdraw). withdraw is set when cur is
// the approval mine by by; the error is a [*ConflictError] when cur is
// another.
func CheckMine(k Key, at Occurrence, mine Seen, cur Entry, ok bool, by string) (withdraw bool, err error) {
	switch {
	case !ok:
		return false, nil
	case SeenEntry(cur, ok) == mine && cur.By == by:
		return true, nil
	}
	return false, &ConflictError{Key: k, At: at, Theirs: cur}
}

// CheckSeen is the rule of [Memory.ApproveIf], which every store applies
// inside its write transaction: cur is what applies at the occurrence now
// (ok false: nothing approved). The approval of target (a deletion when
// empty) by by goes ahead when nothing is approved there now, when what
// applies is what the editor saw, when it is by the same editor, or when
// it already is the same decision; otherwise it is a conflict.
func CheckSeen(k Key, at Occurrence, seen Seen, cur Entry, ok bool, target, by string) error {
	now := SeenEntry(cur, ok)
	if now == (Seen{}) || now == seen || cur.By == by {
		return nil
	}
	want := Seen{Approved: target != "", Target: target, Deleted: target == ""}
	if now == want {
		return nil
	}
	return &ConflictError{Key: k, At: at, Theirs: cur}
}
