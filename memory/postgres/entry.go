package postgres

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"

	"github.com/bitext/bitext/memory"
	"github.com/jackc/pgx/v5"
)

// hash identifies k's sentence (languages, markup, source; not Terms) in
// the indexes.
func hash(k memory.Key) []byte {
	h := sha256.New()
	markup := "0"
	if k.Markup {
		markup = "1"
	}
	for _, s := range []string{k.From, k.To, markup} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	h.Write([]byte(k.Source))
	return h.Sum(nil)
}

// lockSentenceTx takes the sentence's transaction-level advisory lock:
// every write to its approvals and occurrence records holds it.
func lockSentenceTx(ctx context.Context, tx pgx.Tx, h []byte) error {
	id := int32(binary.BigEndian.Uint32(h))
	_, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, $2)`, lockSentence, id)
	return err
}

// lookupSQL finds, in that order, an alternative or a deletion approved
// at the occurrence ($4, $5), the sentence's approved translation, and the
// machine translation by backend $2 with terms $3.
const lookupSQL = `
SELECT 0, kind, '', '', target, editor, 0::bigint, updated FROM occurrences
 WHERE hash = $1 AND doc = $4 AND pos = $5 AND kind IN ('alternative', 'deleted')
UNION ALL
SELECT 1, status, terms, backend, target, approved_by, created, updated FROM segments
 WHERE hash = $1 AND status = 'approved'
UNION ALL
SELECT 2, status, terms, backend, target, approved_by, created, updated FROM segments
 WHERE hash = $1 AND status = 'machine' AND backend = $2 AND terms = $3
ORDER BY 1 LIMIT 1`

// noOccurrence matches no occurrence record (positions start at 1).
var noOccurrence = memory.Occurrence{Pos: -1}

// Lookup returns the translation to reuse for k: the approved one, else
// backend's with k's Terms.
func (s *Store) Lookup(ctx context.Context, k memory.Key, backend string) (memory.Entry, bool, error) {
	return s.LookupAt(ctx, k, backend, noOccurrence)
}

// LookupAt returns what applies at the occurrence at: an alternative or a
// deletion approved there, else the approved translation, else backend's
// with k's Terms; one query.
func (s *Store) LookupAt(ctx context.Context, k memory.Key, backend string, at memory.Occurrence) (memory.Entry, bool, error) {
	var rank int
	var kind string
	var created, updated int64
	e := memory.Entry{Key: k}
	err := s.pool.QueryRow(ctx, lookupSQL, hash(k), backend, k.Terms, at.Doc, at.Pos).Scan(
		&rank, &kind, &e.Key.Terms, &e.Backend, &e.Target, &e.By, &created, &updated)
	if errors.Is(err, pgx.ErrNoRows) {
		return memory.Entry{}, false, nil
	}
	if err != nil {
		return memory.Entry{}, false, s.fail("failed to look up translation memory", err)
	}
	e.Status, e.Updated = memory.Status(kind), fromMillis(updated)
	if rank == 0 {
		e.Key.Terms, e.Status = k.Terms, memory.Approved
		if memory.Kind(kind) == memory.Deleted {
			e.Status, e.Target = memory.StatusDeleted, ""
		}
		return e, true, nil
	}
	e.Created = fromMillis(created)
	return e, true, nil
}

// putMachineSQL inserts or replaces a machine translation; an unchanged
// one keeps its Updated time.
const putMachineSQL = `
INSERT INTO segments (hash, src_lang, tgt_lang, source, markup, status, backend, terms, target, created, updated)
VALUES ($1, $2, $3, $4, $5, 'machine', $6, $7, $8, $9, $10)
ON CONFLICT (hash, backend, terms) WHERE status = 'machine'
DO UPDATE SET target = excluded.target, updated = excluded.updated WHERE segments.target <> excluded.target`

// PutMachine records backend's translation of k, replacing the one the
// same backend made with the same Terms.
func (s *Store) PutMachine(ctx context.Context, k memory.Key, backend, target string) error {
	if err := memory.CheckTarget(k, target); err != nil {
		return err
	}
	now := millis(s.now())
	_, err := s.pool.Exec(ctx, putMachineSQL, hash(k), k.From, k.To, k.Source, k.Markup, backend, k.Terms, target, now, now)
	if err != nil {
		return s.fail("failed to store translation in", err)
	}
	return nil
}

// columns are the entry columns scanEntry reads, in order.
const columns = `src_lang, tgt_lang, source, markup, terms, status, backend, target, approved_by, approved_doc, approved_pos, created, updated`

func scanEntry(row pgx.Row) (memory.Entry, error) {
	var e memory.Entry
	var created, updated int64
	err := row.Scan(&e.Key.From, &e.Key.To, &e.Key.Source, &e.Key.Markup, &e.Key.Terms,
		&e.Status, &e.Backend, &e.Target, &e.By, &e.ApprovedAt.Doc, &e.ApprovedAt.Pos, &created, &updated)
	e.Created, e.Updated = fromMillis(created), fromMillis(updated)
	return e, err
}

// Get returns every translation of k's sentence: the approved one first,
// then machine translations, most recent first.
func (s *Store) Get(ctx context.Context, k memory.Key) ([]memory.Entry, error) {
	var out []memory.Entry
	err := s.scan(ctx, `SELECT `+columns+` FROM segments WHERE hash = $1
		ORDER BY status = 'approved' DESC, updated DESC, id DESC`, []any{hash(k)}, func(e memory.Entry) error {
		out = append(out, e)
		return nil
	})
	return out, err
}

// Entries calls fn with every entry, in the order they were stored.
func (s *Store) Entries(ctx context.Context, fn func(memory.Entry) error) error {
	return s.scan(ctx, `SELECT `+columns+` FROM segments ORDER BY id`, nil, fn)
}

func (s *Store) scan(ctx context.Context, query string, args []any, fn func(memory.Entry) error) error {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return s.fail("failed to read translation memory", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return s.fail("failed to read translation memory", err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return s.fail("failed to read translation memory", err)
	}
	return nil
}
