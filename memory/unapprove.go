package memory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

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
