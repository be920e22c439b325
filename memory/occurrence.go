package memory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Occurrence is one place where a sentence occurs: an article, and which
// occurrence of the sentence in that article it is. It never depends on
// where an output folder is, so that output folders sharing a memory share
// their occurrences.
type Occurrence struct {
	// Doc names the article: its path relative to the folder it was found
	// in, without language and extension ("asie/seoul").
	Doc string
	// Pos is which occurrence of the sentence in the article it is: 1 for
	// the first, 2 for the second… (for a paragraph-level unit, that of
	// its first sentence).
	Pos int
}

// Kind says what an [OccurrenceRecord] holds.
type Kind string

// The kinds of occurrence records.
const (
	// Draft is an editor's change to the working copy, not approved.
	Draft Kind = "draft"
	// Alternative is an approval that differs from the sentence's default
	// approved translation, for this occurrence only (OmegaT's
	// alternative translations).
	Alternative Kind = "alternative"
	// Deleted is an approved deletion: the occurrence has no English.
	Deleted Kind = "deleted"
	// ApprovedHere records that the sentence's default approved
	// translation was approved at this occurrence.
	ApprovedHere Kind = "approved"
)

// OccurrenceRecord is what the memory keeps for one occurrence.
type OccurrenceRecord struct {
	Key     Key
	At      Occurrence
	Kind    Kind
	Target  string
	By      string
	Updated time.Time
}

// StatusDeleted is the Status [Store.LookupAt] gives an occurrence whose
// deletion was approved.
const StatusDeleted Status = "deleted"

// ErrEmptyTranslation is wrapped by the error for storing an empty
// translation of a sentence that has text: an approved deletion is
// recorded with [Store.DeleteAt] instead.
var ErrEmptyTranslation = errors.New("empty translation of a sentence that has text")

// CheckTarget refuses an empty or blank target for k's sentence
// ([ErrEmptyTranslation]); every store applies it before writing.
func CheckTarget(k Key, target string) error {
	if strings.TrimSpace(target) == "" && strings.TrimSpace(k.Source) != "" {
		return fmt.Errorf("%w: %q", ErrEmptyTranslation, k.Source)
	}
	return nil
}

// PutDraft records text as the editor's draft at occurrence at, replacing
// an earlier one. An empty text is the editor's deletion of the sentence,
// not approved.
func (s *Store) PutDraft(ctx context.Context, k Key, at Occurrence, text string) error {
	return s.inTx(ctx, "failed to store draft", func(tx *sql.Tx) error {
		return s.putOccurrence(ctx, tx, k, at, Draft, text, "")
	})
}

// DeleteDraft removes the draft at occurrence at, if any.
func (s *Store) DeleteDraft(ctx context.Context, k Key, at Occurrence) error {
	return s.inTx(ctx, "failed to remove draft", func(tx *sql.Tx) error {
		return deleteOccurrence(ctx, tx, k, at, true)
	})
}

// Occurrences returns every record of the article doc, in the order they
// were stored.
func (s *Store) Occurrences(ctx context.Context, doc string) ([]OccurrenceRecord, error) {
	var out []OccurrenceRecord
	err := s.scanOccurrences(ctx, "WHERE doc = ?", []any{doc}, func(r OccurrenceRecord) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

func (s *Store) scanOccurrences(ctx context.Context, where string, args []any, fn func(OccurrenceRecord) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT src_lang, tgt_lang, source, markup, doc, pos, kind, target, editor, updated
		FROM occurrences `+where+` ORDER BY id`, args...)
	if err != nil {
		return s.wrap(fmt.Errorf("failed to read occurrences: %w", err))
	}
	defer rows.Close()
	for rows.Next() {
		var r OccurrenceRecord
		var updated int64
		if err := rows.Scan(&r.Key.From, &r.Key.To, &r.Key.Source, &r.Key.Markup, &r.At.Doc, &r.At.Pos,
			&r.Kind, &r.Target, &r.By, &updated); err != nil {
			return s.wrap(fmt.Errorf("failed to read occurrences: %w", err))
		}
		r.Updated = fromMillis(updated)
		if err := fn(r); err != nil {
			return err
		}
	}
	return s.wrap(rows.Err())
}

// LookupAt is [Store.Lookup] for the occurrence at: an alternative approved
// there wins over the sentence's default, and an approved deletion comes
// back with Status [StatusDeleted] and no Target.
func (s *Store) LookupAt(ctx context.Context, k Key, backend string, at Occurrence) (Entry, bool, error) {
	e, ok, err := scanOccurrence(s.stmts.occurrence.QueryRowContext(ctx, occurrenceArgs(k, at)...), k)
	if err != nil {
		return Entry{}, false, s.wrap(fmt.Errorf("failed to look up translation memory: %w", err))
	}
	if !ok {
		return s.Lookup(ctx, k, backend)
	}
	return e, true, nil
}

// queryRower is a database or a transaction.
type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// occurrenceSQL finds the alternative or the deletion approved at an
// occurrence (occurrenceArgs).
const occurrenceSQL = `SELECT kind, target, editor, updated FROM occurrences
	WHERE src_lang = ? AND tgt_lang = ? AND source = ? AND markup = ? AND doc = ? AND pos = ?
	AND kind IN ('alternative', 'deleted')`

func occurrenceArgs(k Key, at Occurrence) []any {
	return []any{k.From, k.To, k.Source, k.Markup, at.Doc, at.Pos}
}

// occurrenceApproval returns the alternative or the deletion approved at
// at, if any.
func occurrenceApproval(ctx context.Context, q queryRower, k Key, at Occurrence) (Entry, bool, error) {
	return scanOccurrence(q.QueryRowContext(ctx, occurrenceSQL, occurrenceArgs(k, at)...), k)
}

// scanOccurrence reads the row of occurrenceSQL for k.
func scanOccurrence(row *sql.Row, k Key) (Entry, bool, error) {
	var kind Kind
	var updated int64
	e := Entry{Key: k, Status: Approved}
	err := row.Scan(&kind, &e.Target, &e.By, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return Entry{}, false, nil
	}
	if err != nil {
		return Entry{}, false, err
	}
	e.Updated = fromMillis(updated)
	if kind == Deleted {
		e.Status, e.Target = StatusDeleted, ""
	}
	return e, true, nil
}

// approvalAt returns the approval that applies at at: an alternative or a
// deletion there, else the sentence's default.
func approvalAt(ctx context.Context, tx *sql.Tx, k Key, at Occurrence) (Entry, bool, error) {
	e, ok, err := occurrenceApproval(ctx, tx, k, at)
	if ok || err != nil {
		return e, ok, err
	}
	var updated int64
	e = Entry{Key: k, Status: Approved}
	err = tx.QueryRowContext(ctx, `SELECT target, approved_by, updated FROM segments
		WHERE src_lang = ? AND tgt_lang = ? AND source = ? AND markup = ? AND status = 'approved'`,
		k.From, k.To, k.Source, k.Markup).Scan(&e.Target, &e.By, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return Entry{}, false, nil
	}
	e.Updated = fromMillis(updated)
	return e, err == nil, err
}

// ApproveIf is [Store.ApproveAt] (or [Store.DeleteAt] for an empty
// target) for an editor who saw seen at the occurrence when they began:
// when another editor has approved something else there since, nothing is
// written and the error is a [*ConflictError] ([CheckSeen]).
func (s *Store) ApproveIf(ctx context.Context, k Key, at Occurrence, seen Seen, target, by string) (Kind, error) {
	if target != "" {
		if err := CheckTarget(k, target); err != nil {
			return "", err
		}
	}
	var kind Kind
	err := s.inTx(ctx, "failed to approve translation", func(tx *sql.Tx) error {
		cur, ok, err := approvalAt(ctx, tx, k, at)
		if err != nil {
			return err
		}
		if err := CheckSeen(k, at, seen, cur, ok, target, by); err != nil {
			return err
		}
		if target == "" {
			kind = Deleted
			return s.deleteAt(ctx, tx, k, at, by)
		}
		kind, err = s.approveAt(ctx, tx, k, at, target, by)
		return err
	})
	var ce *ConflictError
	if errors.As(err, &ce) {
		return "", ce // not a failure: the other editor's approval, as is
	}
	return kind, err
}

// ApproveAt records target as approved by by at occurrence at, and
// returns how: the first approval of a sentence becomes its default
// translation, used wherever the sentence occurs ([ApprovedHere]); a later
// one that differs is kept for its own occurrence ([Alternative]), unless
// the default was approved at this same occurrence, which it then
// corrects. Approving the default's text at an occurrence withdraws an
// alternative there. The occurrence's draft is removed.
func (s *Store) ApproveAt(ctx context.Context, k Key, at Occurrence, target, by string) (Kind, error) {
	if err := CheckTarget(k, target); err != nil {
		return "", err
	}
	var kind Kind
	err := s.inTx(ctx, "failed to approve translation", func(tx *sql.Tx) error {
		var err error
		kind, err = s.approveAt(ctx, tx, k, at, target, by)
		return err
	})
	return kind, err
}

func (s *Store) approveAt(ctx context.Context, tx *sql.Tx, k Key, at Occurrence, target, by string) (Kind, error) {
	def, hasDef, err := defaultApproval(ctx, tx, k)
	if err != nil {
		return "", err
	}
	if err := deleteOccurrence(ctx, tx, k, at, true); err != nil {
		return "", err
	}
	if hasDef && def.target != target && def.at != at {
		return Alternative, s.putOccurrence(ctx, tx, k, at, Alternative, target, by)
	}
	now := s.now()
	if !hasDef || def.target != target {
		if _, err := s.approve(ctx, tx, k, target, by, "", now, now); err != nil {
			return "", err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE segments SET approved_doc = ?, approved_pos = ?
			WHERE src_lang = ? AND tgt_lang = ? AND source = ? AND markup = ? AND status = 'approved'`,
			at.Doc, at.Pos, k.From, k.To, k.Source, k.Markup); err != nil {
			return "", err
		}
	}
	return ApprovedHere, s.putOccurrence(ctx, tx, k, at, ApprovedHere, target, by)
}

// DeleteAt records the approved deletion of the occurrence at: it keeps
// no English in the working copy, the bilingual outputs and publishing.
func (s *Store) DeleteAt(ctx context.Context, k Key, at Occurrence, by string) error {
	return s.inTx(ctx, "failed to record deletion", func(tx *sql.Tx) error {
		return s.deleteAt(ctx, tx, k, at, by)
	})
}

func (s *Store) deleteAt(ctx context.Context, tx *sql.Tx, k Key, at Occurrence, by string) error {
	if err := deleteOccurrence(ctx, tx, k, at, true); err != nil {
		return err
	}
	return s.putOccurrence(ctx, tx, k, at, Deleted, "", by)
}

// UnapproveAt withdraws the last approval made at occurrence at: an
// alternative or a deletion there is removed; a default approved there is
// withdrawn as [Store.Unapprove] does.
func (s *Store) UnapproveAt(ctx context.Context, k Key, at Occurrence) error {
	return s.inTx(ctx, "failed to withdraw approval", func(tx *sql.Tx) error {
		return s.unapproveAt(ctx, tx, k, at)
	})
}

// UnapproveIf is UnapproveAt for an editor taking back their own approval
// mine: when what applies at the occurrence is not that approval by by,
// nothing is written and the error is a [*ConflictError] ([CheckMine]).
func (s *Store) UnapproveIf(ctx context.Context, k Key, at Occurrence, mine Seen, by string) error {
	err := s.inTx(ctx, "failed to withdraw approval", func(tx *sql.Tx) error {
		cur, ok, err := approvalAt(ctx, tx, k, at)
		if err != nil {
			return err
		}
		withdraw, err := CheckMine(k, at, mine, cur, ok, by)
		if !withdraw {
			return err
		}
		return s.unapproveAt(ctx, tx, k, at)
	})
	var ce *ConflictError
	if errors.As(err, &ce) {
		return ce
	}
	return err
}

func (s *Store) unapproveAt(ctx context.Context, tx *sql.Tx, k Key, at Occurrence) error {
	var kind Kind
	err := tx.QueryRowContext(ctx, `SELECT kind FROM occurrences WHERE src_lang = ? AND tgt_lang = ? AND source = ?
		AND markup = ? AND doc = ? AND pos = ? AND kind <> 'draft'`, k.From, k.To, k.Source, k.Markup, at.Doc, at.Pos).Scan(&kind)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if kind == ApprovedHere || kind == "" {
		if err := s.unapprove(ctx, tx, k); err != nil {
			return err
		}
	}
	return deleteOccurrence(ctx, tx, k, at, false)
}

// approval is a sentence's default approved translation and where it was
// approved.
type approval struct {
	target string
	at     Occurrence
}

func defaultApproval(ctx context.Context, tx *sql.Tx, k Key) (approval, bool, error) {
	var a approval
	err := tx.QueryRowContext(ctx, `SELECT target, approved_doc, approved_pos FROM segments
		WHERE src_lang = ? AND tgt_lang = ? AND source = ? AND markup = ? AND status = 'approved'`,
		k.From, k.To, k.Source, k.Markup).Scan(&a.target, &a.at.Doc, &a.at.Pos)
	if errors.Is(err, sql.ErrNoRows) {
		return a, false, nil
	}
	return a, err == nil, err
}

// putOccurrence inserts or replaces the record of kind at occurrence at
// (drafts and approval records have a slot each).
func (s *Store) putOccurrence(ctx context.Context, tx *sql.Tx, k Key, at Occurrence, kind Kind, target, by string) error {
	if err := deleteOccurrence(ctx, tx, k, at, kind == Draft); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO occurrences (src_lang, tgt_lang, source, markup, doc, pos, kind, target, editor, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, k.From, k.To, k.Source, k.Markup, at.Doc, at.Pos, kind, target, by, millis(s.now()))
	return err
}

// deleteOccurrence removes the draft (draft set) or the approval record at
// occurrence at.
func deleteOccurrence(ctx context.Context, tx *sql.Tx, k Key, at Occurrence, draft bool) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM occurrences WHERE src_lang = ? AND tgt_lang = ? AND source = ?
		AND markup = ? AND doc = ? AND pos = ? AND (kind = 'draft') = ?`, k.From, k.To, k.Source, k.Markup, at.Doc, at.Pos, draft)
	return err
}

// inTx runs f in one write transaction; what failed is named by doing.
func (s *Store) inTx(ctx context.Context, doing string, f func(*sql.Tx) error) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap(fmt.Errorf("%s: %w", doing, err))
	}
	defer tx.Rollback()
	if err := f(tx); err != nil {
		return s.wrap(fmt.Errorf("%s: %w", doing, err))
	}
	if err := tx.Commit(); err != nil {
		return s.wrap(fmt.Errorf("%s: %w", doing, err))
	}
	return nil
}
