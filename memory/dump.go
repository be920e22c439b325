package memory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrNotEmpty is wrapped by the error of [Memory.Load] into a memory that
// already holds entries: a migration never merges two memories (export
// and import TMX for that).
var ErrNotEmpty = errors.New("the destination memory is not empty")

// Counts are what [Memory.Load] copied.
type Counts struct {
	// Machine and Approved count entries, Edits the approvals of the
	// history, Occurrences the drafts, alternatives, deletions and
	// approval places.
	Machine, Approved, Edits, Occurrences int
}

// Entries calls fn with every entry, in the order they were stored.
func (s *Store) Entries(ctx context.Context, fn func(Entry) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT `+columns+` FROM segments ORDER BY id`)
	if err != nil {
		return s.wrap(fmt.Errorf("failed to read translation memory: %w", err))
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return s.wrap(fmt.Errorf("failed to read translation memory: %w", err))
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return s.wrap(rows.Err())
}

// EachOccurrence calls fn with every occurrence record, in the order they
// were stored.
func (s *Store) EachOccurrence(ctx context.Context, fn func(OccurrenceRecord) error) error {
	return s.scanOccurrences(ctx, "", nil, fn)
}

// Load copies the whole memory from into s, which must be empty, in one
// transaction.
func (s *Store) Load(ctx context.Context, from Dumper) (Counts, error) {
	var n Counts
	err := s.inTx(ctx, "failed to load translation memory", func(tx *sql.Tx) error {
		var count int
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM segments) + (SELECT count(*) FROM occurrences)`).Scan(&count); err != nil {
			return err
		}
		if count > 0 {
			return fmt.Errorf("%w: %s holds %d entries", ErrNotEmpty, s.path, count)
		}
		return s.load(ctx, tx, from, &n)
	})
	return n, err
}

func (s *Store) load(ctx context.Context, tx *sql.Tx, from Dumper, n *Counts) error {
	err := from.Entries(ctx, func(e Entry) error {
		if e.Status == Approved {
			n.Approved++
		} else {
			n.Machine++
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO segments (src_lang, tgt_lang, source, markup, terms, status, backend,
			target, approved_by, approved_doc, approved_pos, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			e.Key.From, e.Key.To, e.Key.Source, e.Key.Markup, e.Key.Terms, e.Status, e.Backend, e.Target, e.By,
			e.ApprovedAt.Doc, e.ApprovedAt.Pos, millis(e.Created), millis(e.Updated))
		return err
	})
	if err != nil {
		return err
	}
	if err := from.Edits(ctx, func(e Edit) error {
		n.Edits++
		res, err := tx.ExecContext(ctx, `INSERT INTO edits (segment, backend, draft, prev, target, editor, at)
			SELECT id, ?, ?, ?, ?, ?, ? FROM segments WHERE src_lang = ? AND tgt_lang = ? AND source = ? AND markup = ?
			AND status = 'approved'`, e.Backend, e.Draft, e.Prev, e.Target, e.By, millis(e.At),
			e.Key.From, e.Key.To, e.Key.Source, e.Key.Markup)
		if err != nil {
			return err
		}
		if k, _ := res.RowsAffected(); k != 1 {
			return fmt.Errorf("an approval of %q has no approved translation to belong to", e.Key.Source)
		}
		return nil
	}); err != nil {
		return err
	}
	return from.EachOccurrence(ctx, func(r OccurrenceRecord) error {
		n.Occurrences++
		_, err := tx.ExecContext(ctx, `INSERT INTO occurrences (src_lang, tgt_lang, source, markup, doc, pos, kind, target, editor, updated)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.Key.From, r.Key.To, r.Key.Source, r.Key.Markup, r.At.Doc, r.At.Pos,
			r.Kind, r.Target, r.By, millis(r.Updated))
		return err
	})
}
