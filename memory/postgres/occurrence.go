package postgres

import (
	"context"

	"github.com/bitext/bitext/memory"
	"github.com/jackc/pgx/v5"
)

// PutDraft records text as the editor's draft at occurrence at, replacing
// an earlier one ("": the editor deleted the sentence).
func (s *Store) PutDraft(ctx context.Context, k memory.Key, at memory.Occurrence, text string) error {
	return s.sentenceTx(ctx, k, "failed to store draft", func(tx pgx.Tx) error {
		return s.putOccurrence(ctx, tx, k, at, memory.Draft, text, "")
	})
}

// DeleteDraft removes the draft at occurrence at, if any.
func (s *Store) DeleteDraft(ctx context.Context, k memory.Key, at memory.Occurrence) error {
	return s.sentenceTx(ctx, k, "failed to remove draft", func(tx pgx.Tx) error {
		return deleteOccurrence(ctx, tx, hash(k), at, true)
	})
}

// putOccurrence replaces the record of kind's slot at occurrence at
// (drafts and approval records have a slot each).
func (s *Store) putOccurrence(ctx context.Context, tx pgx.Tx, k memory.Key, at memory.Occurrence, kind memory.Kind, target, by string) error {
	h := hash(k)
	if err := deleteOccurrence(ctx, tx, h, at, kind == memory.Draft); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `INSERT INTO occurrences (hash, src_lang, tgt_lang, source, markup, doc, pos, kind, target, editor, updated)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		h, k.From, k.To, k.Source, k.Markup, at.Doc, at.Pos, string(kind), target, by, millis(s.now()))
	return err
}

// deleteOccurrence removes the draft (draft set) or the approval record at
// occurrence at.
func deleteOccurrence(ctx context.Context, tx pgx.Tx, h []byte, at memory.Occurrence, draft bool) error {
	_, err := tx.Exec(ctx, `DELETE FROM occurrences WHERE hash = $1 AND doc = $2 AND pos = $3 AND (kind = 'draft') = $4`,
		h, at.Doc, at.Pos, draft)
	return err
}

// Occurrences returns every record of the article doc, in the order they
// were stored.
func (s *Store) Occurrences(ctx context.Context, doc string) ([]memory.OccurrenceRecord, error) {
	var out []memory.OccurrenceRecord
	err := s.scanOccurrences(ctx, "WHERE doc = $1", []any{doc}, func(r memory.OccurrenceRecord) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// EachOccurrence calls fn with every occurrence record, in the order they
// were stored.
func (s *Store) EachOccurrence(ctx context.Context, fn func(memory.OccurrenceRecord) error) error {
	return s.scanOccurrences(ctx, "", nil, fn)
}

func (s *Store) scanOccurrences(ctx context.Context, where string, args []any, fn func(memory.OccurrenceRecord) error) error {
	rows, err := s.pool.Query(ctx, `SELECT src_lang, tgt_lang, source, markup, doc, pos, kind, target, editor, updated
		FROM occurrences `+where+` ORDER BY id`, args...)
	if err != nil {
		return s.fail("failed to read occurrences in", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r memory.OccurrenceRecord
		var updated int64
		if err := rows.Scan(&r.Key.From, &r.Key.To, &r.Key.Source, &r.Key.Markup, &r.At.Doc, &r.At.Pos,
			&r.Kind, &r.Target, &r.By, &updated); err != nil {
			return s.fail("failed to read occurrences in", err)
		}
		r.Updated = fromMillis(updated)
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return s.fail("failed to read occurrences in", err)
	}
	return nil
}

// History returns the approvals of k's sentence, oldest first.
func (s *Store) History(ctx context.Context, k memory.Key) ([]memory.Edit, error) {
	var out []memory.Edit
	err := s.scanEdits(ctx, `WHERE g.hash = $1`, []any{hash(k)}, func(e memory.Edit) error {
		out = append(out, e)
		return nil
	})
	return out, err
}

// Edits calls fn with every approval in the history, oldest first.
func (s *Store) Edits(ctx context.Context, fn func(memory.Edit) error) error {
	return s.scanEdits(ctx, "", nil, fn)
}

func (s *Store) scanEdits(ctx context.Context, where string, args []any, fn func(memory.Edit) error) error {
	rows, err := s.pool.Query(ctx, `SELECT g.src_lang, g.tgt_lang, g.source, g.markup, g.terms,
		e.backend, e.draft, e.prev, e.target, e.editor, e.at
		FROM edits e JOIN segments g ON g.id = e.segment `+where+` ORDER BY e.id`, args...)
	if err != nil {
		return s.fail("failed to read approvals in", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e memory.Edit
		var at int64
		if err := rows.Scan(&e.Key.From, &e.Key.To, &e.Key.Source, &e.Key.Markup, &e.Key.Terms,
			&e.Backend, &e.Draft, &e.Prev, &e.Target, &e.By, &at); err != nil {
			return s.fail("failed to read approvals in", err)
		}
		e.At = fromMillis(at)
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return s.fail("failed to read approvals in", err)
	}
	return nil
}
