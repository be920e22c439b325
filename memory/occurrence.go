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

// checkTarget refuses an empty or blank target for k's sentence.
func checkTarget(k Key, target string) error {
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
	rows, err := s.db.QueryContext(ctx, `SELECT src_lang, tgt_lang, source, markup, doc, pos, kind, target, editor, updated
		FROM occurrences WHERE doc = ? ORDER BY id`, doc)
	if err != nil {
		return nil, s.wrap(fmt.Errorf("failed to read occurrences: %w", err))
	}
	defer rows.Close()
	var out []OccurrenceRecord
	for rows.Next() {
		var r OccurrenceRecord
		var updated int64
		if err := rows.Scan(&r.Key.From, &r.Key.To, &r.Key.Source, &r.Key.Markup, &r.At.Doc, &r.At.Pos,
			&r.Kind, &r.Target, &r.By, &updated); err != nil {
			return nil, s.wrap(fmt.Errorf("failed to read occurrences: %w", err))
		}
		r.Updated = fromMillis(updated)
		out = append(out, r)
	}
	return out, s.wrap(rows.Err())
}

// LookupAt is [Store.Lookup] for the occurrence at: an alternative approved
// there wins over the sentence's default, and an approved deletion comes
// back with Status [StatusDeleted] and no Target.
func (s *Store) LookupAt(ctx context.Context, k Key, backend string, at Occurrence) (Entry, bool, error) {
	var kind Kind
	var target, by string
	var updated int64
	err := s.db.QueryRowContext(ctx, `SELECT kind, target, editor, updated FROM occurrences
		WHERE src_lang = ? AND tgt_lang = ? AND source = ? AND markup = ? AND doc = ? AND pos = ?
		AND kind IN ('alternative', 'deleted')`, k.From, k.To, k.Source, k.Markup, at.Doc, at.Pos).Scan(&kind, &target, &by, &updated)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return s.Lookup(ctx, k, backend)
	case err != nil:
		return Entry{}, false, s.wrap(fmt.Errorf("failed to look up translation memory: %w", err))
	}
	e := Entry{Key: k, Status: Approved, Target: target, By: by, Updated: fromMillis(updated)}
	if kind == Deleted {
		e.Status, e.Target = StatusDeleted, ""
	}
	return e, true, nil
}

// ApproveAt records target as approved by by at occurrence at, and
// returns how: the first approval of a sentence becomes its default
// translation, used wherever the sentence occurs ([ApprovedHere]); a later
// one that differs is kept for its own occurrence ([Alternative]), unless
// the default was approved at this same occurrence, which it then
// corrects. Approving the default's text at an occurrence withdraws an
// alternative there. The occurrence's draft is removed.
func (s *Store) ApproveAt(ctx context.Context, k Key, at Occurrence, target, by string) (Kind, error) {
	if err := checkTarget(k, target); err != nil {
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
		if err := deleteOccurrence(ctx, tx, k, at, true); err != nil {
			return err
		}
		return s.putOccurrence(ctx, tx, k, at, Deleted, "", by)
	})
}

// UnapproveAt withdraws the last approval made at occurrence at: an
// alternative or a deletion there is removed; a default approved there is
// withdrawn as [Store.Unapprove] does.
func (s *Store) UnapproveAt(ctx context.Context, k Key, at Occurrence) error {
	var kind Kind
	err := s.db.QueryRowContext(ctx, `SELECT kind FROM occurrences WHERE src_lang = ? AND tgt_lang = ? AND source = ?
		AND markup = ? AND doc = ? AND pos = ? AND kind <> 'draft'`, k.From, k.To, k.Source, k.Markup, at.Doc, at.Pos).Scan(&kind)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return s.wrap(fmt.Errorf("failed to withdraw approval: %w", err))
	}
	if kind == ApprovedHere || kind == "" {
		if err := s.Unapprove(ctx, k); err != nil {
			return err
		}
	}
	return s.inTx(ctx, "failed to withdraw approval", func(tx *sql.Tx) error {
		return deleteOccurrence(ctx, tx, k, at, false)
	})
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
