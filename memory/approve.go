package memory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Edit is one approval of a sentence: the machine draft the reviewer saw,
// the text approved before (if any) and the text approved now.
type Edit struct {
	// Key is the sentence; its Terms are those of the sentence's latest
	// approval.
	Key Key
	// Backend made Draft ("" when there was no machine draft).
	Backend string
	Draft   string
	// Prev is the translation approved before this edit ("" for the
	// first approval).
	Prev   string
	Target string
	By     string
	At     time.Time
}

// Edited reports whether the reviewer changed the machine draft.
func (e Edit) Edited() bool { return e.Draft != e.Target }

// Approve records target as the approved translation of k's sentence, by
// the reviewer by, and adds an Edit to its history. The machine drafts
// are kept. The draft recorded is the most recent machine translation
// with k's Terms, or with other terms when there is none. Approving the
// text already approved changes nothing.
func (s *Store) Approve(ctx context.Context, k Key, target, by string) error {
	if err := CheckTarget(k, target); err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap(fmt.Errorf("failed to approve translation: %w", err))
	}
	defer tx.Rollback()
	now := s.now()
	ch, err := s.approve(ctx, tx, k, target, by, "", now, now)
	if err != nil || ch == Unchanged {
		return err
	}
	if err := tx.Commit(); err != nil {
		return s.wrap(fmt.Errorf("failed to approve translation: %w", err))
	}
	return nil
}

// Change says what a write did to an entry.
type Change int

// The changes an import or an approval makes.
const (
	Unchanged Change = iota
	Added
	Updated
)

// approve does Approve's work inside tx, with the given times; a
// non-empty backend overrides the draft's (for imports that carry it).
func (s *Store) approve(ctx context.Context, tx *sql.Tx, k Key, target, by, backend string, created, at time.Time) (Change, error) {
	prev, hasPrev, err := approvedTarget(ctx, tx, k)
	if err != nil {
		return Unchanged, s.wrap(fmt.Errorf("failed to approve translation: %w", err))
	}
	if hasPrev && prev == target {
		return Unchanged, nil
	}
	draftBackend, draft, err := latestDraft(ctx, tx, k)
	if err != nil {
		return Unchanged, s.wrap(fmt.Errorf("failed to approve translation: %w", err))
	}
	if backend != "" {
		draftBackend = backend
	}
	var id int64
	err = tx.QueryRowContext(ctx, `
		INSERT INTO segments (src_lang, tgt_lang, source, markup, status, backend, terms, target, approved_by, created, updated)
		VALUES (?1, ?2, ?3, ?4, 'approved', ?5, ?6, ?7, ?8, ?9, ?10)
		ON CONFLICT (src_lang, tgt_lang, source, markup) WHERE status = 'approved'
		DO UPDATE SET backend = excluded.backend, terms = excluded.terms, target = excluded.target,
			approved_by = excluded.approved_by, updated = excluded.updated
		RETURNING id`, k.From, k.To, k.Source, k.Markup, draftBackend, k.Terms, target, by,
		millis(created), millis(at)).Scan(&id)
	if err != nil {
		return Unchanged, s.wrap(fmt.Errorf("failed to approve translation: %w", err))
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO edits (segment, backend, draft, prev, target, editor, at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, id, draftBackend, draft, prev, target, by, millis(at))
	if err != nil {
		return Unchanged, s.wrap(fmt.Errorf("failed to record approval: %w", err))
	}
	if hasPrev {
		return Updated, nil
	}
	return Added, nil
}

// approvedTarget returns the sentence's approved translation, if any.
func approvedTarget(ctx context.Context, tx *sql.Tx, k Key) (string, bool, error) {
	var t string
	err := tx.QueryRowContext(ctx, `SELECT target FROM segments
		WHERE src_lang = ? AND tgt_lang = ? AND source = ? AND markup = ? AND status = 'approved'`,
		k.From, k.To, k.Source, k.Markup).Scan(&t)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return t, err == nil, err
}

// latestDraft returns the machine translation an approval starts from.
func latestDraft(ctx context.Context, tx *sql.Tx, k Key) (backend, draft string, err error) {
	err = tx.QueryRowContext(ctx, `SELECT backend, target FROM segments
		WHERE src_lang = ? AND tgt_lang = ? AND source = ? AND markup = ? AND status = 'machine'
		ORDER BY terms = ? DESC, updated DESC, id DESC LIMIT 1`,
		k.From, k.To, k.Source, k.Markup, k.Terms).Scan(&backend, &draft)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	return backend, draft, err
}

// History returns the approvals of k's sentence, oldest first. k.Terms
// is ignored.
func (s *Store) History(ctx context.Context, k Key) ([]Edit, error) {
	var out []Edit
	err := s.scanEdits(ctx, `WHERE g.src_lang = ? AND g.tgt_lang = ? AND g.source = ? AND g.markup = ?`,
		[]any{k.From, k.To, k.Source, k.Markup}, func(e Edit) error {
			out = append(out, e)
			return nil
		})
	return out, err
}

// Edits calls fn with every approval in the memory, oldest first, until
// fn returns an error, which Edits returns. It is the raw material of
// review statistics and of glossary suggestions (the same correction
// made again and again).
func (s *Store) Edits(ctx context.Context, fn func(Edit) error) error {
	return s.scanEdits(ctx, "", nil, fn)
}

func (s *Store) scanEdits(ctx context.Context, where string, args []any, fn func(Edit) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT g.src_lang, g.tgt_lang, g.source, g.markup, g.terms,
		e.backend, e.draft, e.prev, e.target, e.editor, e.at
		FROM edits e JOIN segments g ON g.id = e.segment `+where+` ORDER BY e.id`, args...)
	if err != nil {
		return s.wrap(fmt.Errorf("failed to read approvals: %w", err))
	}
	defer rows.Close()
	for rows.Next() {
		var e Edit
		var at int64
		err := rows.Scan(&e.Key.From, &e.Key.To, &e.Key.Source, &e.Key.Markup, &e.Key.Terms,
			&e.Backend, &e.Draft, &e.Prev, &e.Target, &e.By, &at)
		if err != nil {
			return s.wrap(fmt.Errorf("failed to read approvals: %w", err))
		}
		e.At = fromMillis(at)
		if err := fn(e); err != nil {
			return err
		}
	}
	return s.wrap(rows.Err())
}

// Unapprove withdraws the last approval of k's sentence (k.Terms is
// ignored): the translation approved before it comes back, with its
// reviewer and date, or, after a first approval, the sentence has no
// approved translation any more and its machine drafts count again. The
// withdrawn approval leaves the history. Unapproving a sentence that has
// no approval does nothing.
func (s *Store) Unapprove(ctx context.Context, k Key) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap(fmt.Errorf("failed to withdraw approval: %w", err))
	}
	defer tx.Rollback()
	if err := s.unapprove(ctx, tx, k); err != nil {
		return s.wrap(fmt.Errorf("failed to withdraw approval: %w", err))
	}
	if err := tx.Commit(); err != nil {
		return s.wrap(fmt.Errorf("failed to withdraw approval: %w", err))
	}
	return nil
}

func (s *Store) unapprove(ctx context.Context, tx *sql.Tx, k Key) error {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM segments WHERE src_lang = ? AND tgt_lang = ? AND source = ?
		AND markup = ? AND status = 'approved'`, k.From, k.To, k.Source, k.Markup).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	var last int64
	var prev string
	err = tx.QueryRowContext(ctx, `SELECT id, prev FROM edits WHERE segment = ? ORDER BY id DESC LIMIT 1`, id).Scan(&last, &prev)
	if errors.Is(err, sql.ErrNoRows) || err == nil && prev == "" {
		_, err = tx.ExecContext(ctx, `DELETE FROM segments WHERE id = ?`, id)
		return err
	}
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM edits WHERE id = ?`, last); err != nil {
		return err
	}
	// The approval before: its text, reviewer and date.
	_, err = tx.ExecContext(ctx, `UPDATE segments SET target = ?1,
		approved_by = coalesce((SELECT editor FROM edits WHERE segment = ?2 ORDER BY id DESC LIMIT 1), approved_by),
		updated = coalesce((SELECT at FROM edits WHERE segment = ?2 ORDER BY id DESC LIMIT 1), updated)
		WHERE id = ?2`, prev, id)
	return err
}
