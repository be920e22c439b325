package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/bitext/bitext/memory"
	"github.com/jackc/pgx/v5"
)

// approve makes target the approved translation of k's sentence and adds
// the approval to its history, inside tx (which holds the sentence's
// lock); a non-empty backend overrides the draft's (imports).
func (s *Store) approve(ctx context.Context, tx pgx.Tx, k memory.Key, target, by, backend string, created, at time.Time) (memory.Change, error) {
	h := hash(k)
	var prev string
	err := tx.QueryRow(ctx, `SELECT target FROM segments WHERE hash = $1 AND status = 'approved'`, h).Scan(&prev)
	hasPrev := err == nil
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return memory.Unchanged, err
	}
	if hasPrev && prev == target {
		return memory.Unchanged, nil
	}
	var draftBackend, draft string
	err = tx.QueryRow(ctx, `SELECT backend, target FROM segments WHERE hash = $1 AND status = 'machine'
		ORDER BY terms = $2 DESC, updated DESC, id DESC LIMIT 1`, h, k.Terms).Scan(&draftBackend, &draft)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return memory.Unchanged, err
	}
	if backend != "" {
		draftBackend = backend
	}
	var id int64
	err = tx.QueryRow(ctx, `
		INSERT INTO segments (hash, src_lang, tgt_lang, source, markup, status, backend, terms, target, approved_by, created, updated)
		VALUES ($1, $2, $3, $4, $5, 'approved', $6, $7, $8, $9, $10, $11)
		ON CONFLICT (hash) WHERE status = 'approved'
		DO UPDATE SET backend = excluded.backend, terms = excluded.terms, target = excluded.target,
			approved_by = excluded.approved_by, updated = excluded.updated
		RETURNING id`, h, k.From, k.To, k.Source, k.Markup, draftBackend, k.Terms, target, by,
		millis(created), millis(at)).Scan(&id)
	if err != nil {
		return memory.Unchanged, err
	}
	_, err = tx.Exec(ctx, `INSERT INTO edits (segment, backend, draft, prev, target, editor, at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, id, draftBackend, draft, prev, target, by, millis(at))
	if err != nil {
		return memory.Unchanged, err
	}
	if hasPrev {
		return memory.Updated, nil
	}
	return memory.Added, nil
}

// ApproveAt records target as approved by by at the occurrence at (see
// [memory.Store.ApproveAt]).
func (s *Store) ApproveAt(ctx context.Context, k memory.Key, at memory.Occurrence, target, by string) (memory.Kind, error) {
	if err := memory.CheckTarget(k, target); err != nil {
		return "", err
	}
	var kind memory.Kind
	err := s.sentenceTx(ctx, k, "failed to approve translation", func(tx pgx.Tx) error {
		var err error
		kind, err = s.approveAt(ctx, tx, k, at, target, by)
		return err
	})
	return kind, err
}

// ApproveIf is ApproveAt, or DeleteAt for an empty target, unless another
// editor approved something else at the occurrence since the editor saw
// seen ([memory.CheckSeen]).
func (s *Store) ApproveIf(ctx context.Context, k memory.Key, at memory.Occurrence, seen memory.Seen, target, by string) (memory.Kind, error) {
	if target != "" {
		if err := memory.CheckTarget(k, target); err != nil {
			return "", err
		}
	}
	var kind memory.Kind
	err := s.sentenceTx(ctx, k, "failed to approve translation", func(tx pgx.Tx) error {
		cur, ok, err := approvalAt(ctx, tx, k, at)
		if err != nil {
			return err
		}
		if err := memory.CheckSeen(k, at, seen, cur, ok, target, by); err != nil {
			return err
		}
		if target == "" {
			kind = memory.Deleted
			return s.deleteAt(ctx, tx, k, at, by)
		}
		kind, err = s.approveAt(ctx, tx, k, at, target, by)
		return err
	})
	var ce *memory.ConflictError
	if errors.As(err, &ce) {
		return "", ce // not a failure: the other editor's approval, as is
	}
	return kind, err
}

// approvalAt returns the approval that applies at at: an alternative or
// a deletion there, else the sentence's default.
func approvalAt(ctx context.Context, tx pgx.Tx, k memory.Key, at memory.Occurrence) (memory.Entry, bool, error) {
	var kind string
	var updated int64
	e := memory.Entry{Key: k, Status: memory.Approved}
	err := tx.QueryRow(ctx, `
		SELECT 0, kind, target, editor, updated FROM occurrences
		 WHERE hash = $1 AND doc = $2 AND pos = $3 AND kind IN ('alternative', 'deleted')
		UNION ALL
		SELECT 1, status, target, approved_by, updated FROM segments WHERE hash = $1 AND status = 'approved'
		ORDER BY 1 LIMIT 1`, hash(k), at.Doc, at.Pos).Scan(new(int), &kind, &e.Target, &e.By, &updated)
	if errors.Is(err, pgx.ErrNoRows) {
		return memory.Entry{}, false, nil
	}
	if err != nil {
		return memory.Entry{}, false, err
	}
	e.Updated = fromMillis(updated)
	if memory.Kind(kind) == memory.Deleted {
		e.Status, e.Target = memory.StatusDeleted, ""
	}
	return e, true, nil
}

func (s *Store) approveAt(ctx context.Context, tx pgx.Tx, k memory.Key, at memory.Occurrence, target, by string) (memory.Kind, error) {
	h := hash(k)
	var def string
	var defAt memory.Occurrence
	err := tx.QueryRow(ctx, `SELECT target, approved_doc, approved_pos FROM segments WHERE hash = $1 AND status = 'approved'`,
		h).Scan(&def, &defAt.Doc, &defAt.Pos)
	hasDef := err == nil
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return "", err
	}
	if err := deleteOccurrence(ctx, tx, h, at, true); err != nil {
		return "", err
	}
	if hasDef && def != target && defAt != at {
		return memory.Alternative, s.putOccurrence(ctx, tx, k, at, memory.Alternative, target, by)
	}
	if !hasDef || def != target {
		now := s.now()
		if _, err := s.approve(ctx, tx, k, target, by, "", now, now); err != nil {
			return "", err
		}
		if _, err := tx.Exec(ctx, `UPDATE segments SET approved_doc = $2, approved_pos = $3
			WHERE hash = $1 AND status = 'approved'`, h, at.Doc, at.Pos); err != nil {
			return "", err
		}
	}
	return memory.ApprovedHere, s.putOccurrence(ctx, tx, k, at, memory.ApprovedHere, target, by)
}

// DeleteAt records the approved deletion of the occurrence at.
func (s *Store) DeleteAt(ctx context.Context, k memory.Key, at memory.Occurrence, by string) error {
	return s.sentenceTx(ctx, k, "failed to record deletion", func(tx pgx.Tx) error {
		return s.deleteAt(ctx, tx, k, at, by)
	})
}

func (s *Store) deleteAt(ctx context.Context, tx pgx.Tx, k memory.Key, at memory.Occurrence, by string) error {
	if err := deleteOccurrence(ctx, tx, hash(k), at, true); err != nil {
		return err
	}
	return s.putOccurrence(ctx, tx, k, at, memory.Deleted, "", by)
}

// UnapproveAt withdraws the last approval made at occurrence at: an
// alternative or a deletion there, else the default approved there.
func (s *Store) UnapproveAt(ctx context.Context, k memory.Key, at memory.Occurrence) error {
	return s.sentenceTx(ctx, k, "failed to withdraw approval", func(tx pgx.Tx) error {
		return unapproveAt(ctx, tx, k, at)
	})
}

// UnapproveIf is UnapproveAt for an editor taking back their own approval
// mine, unless another editor approved at the occurrence since
// ([memory.CheckMine]).
func (s *Store) UnapproveIf(ctx context.Context, k memory.Key, at memory.Occurrence, mine memory.Seen, by string) error {
	err := s.sentenceTx(ctx, k, "failed to withdraw approval", func(tx pgx.Tx) error {
		cur, ok, err := approvalAt(ctx, tx, k, at)
		if err != nil {
			return err
		}
		withdraw, err := memory.CheckMine(k, at, mine, cur, ok, by)
		if !withdraw {
			return err
		}
		return unapproveAt(ctx, tx, k, at)
	})
	var ce *memory.ConflictError
	if errors.As(err, &ce) {
		return ce
	}
	return err
}

func unapproveAt(ctx context.Context, tx pgx.Tx, k memory.Key, at memory.Occurrence) error {
	h := hash(k)
	var kind string
	err := tx.QueryRow(ctx, `SELECT kind FROM occurrences WHERE hash = $1 AND doc = $2 AND pos = $3
		AND kind <> 'draft'`, h, at.Doc, at.Pos).Scan(&kind)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return err
	}
	if memory.Kind(kind) == memory.ApprovedHere || kind == "" {
		if err := unapprove(ctx, tx, h); err != nil {
			return err
		}
	}
	return deleteOccurrence(ctx, tx, h, at, false)
}

// unapprove withdraws the last approval of the sentence: the one before
// comes back with its editor and date, or the sentence has none.
func unapprove(ctx context.Context, tx pgx.Tx, h []byte) error {
	var id int64
	err := tx.QueryRow(ctx, `SELECT id FROM segments WHERE hash = $1 AND status = 'approved'`, h).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	var last int64
	var prev string
	err = tx.QueryRow(ctx, `SELECT id, prev FROM edits WHERE segment = $1 ORDER BY id DESC LIMIT 1`, id).Scan(&last, &prev)
	if errors.Is(err, pgx.ErrNoRows) || err == nil && prev == "" {
		_, err = tx.Exec(ctx, `DELETE FROM segments WHERE id = $1`, id)
		return err
	}
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM edits WHERE id = $1`, last); err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `UPDATE segments SET target = $1,
		approved_by = coalesce((SELECT editor FROM edits WHERE segment = $2 ORDER BY id DESC LIMIT 1), approved_by),
		updated = coalesce((SELECT at FROM edits WHERE segment = $2 ORDER BY id DESC LIMIT 1), updated)
		WHERE id = $2`, prev, id)
	return err
}

// sentenceTx runs f in a transaction holding k's sentence lock.
func (s *Store) sentenceTx(ctx context.Context, k memory.Key, doing string, f func(pgx.Tx) error) error {
	return s.inTx(ctx, doing, func(tx pgx.Tx) error {
		if err := lockSentenceTx(ctx, tx, hash(k)); err != nil {
			return err
		}
		return f(tx)
	})
}
