package postgres

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"slices"

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
	var r lookupRow
	err := s.pool.QueryRow(ctx, lookupSQL, hash(k), backend, k.Terms, at.Doc, at.Pos).Scan(r.dest()...)
	if errors.Is(err, pgx.ErrNoRows) {
		return memory.Entry{}, false, nil
	}
	if err != nil {
		return memory.Entry{}, false, s.fail("failed to look up translation memory", err)
	}
	return r.entry(k), true, nil
}

// lookupRow is a row of lookupSQL.
type lookupRow struct {
	rank                         int
	kind, terms, backend, target string
	by                           string
	created, updated             int64
}

func (r *lookupRow) dest() []any {
	return []any{&r.rank, &r.kind, &r.terms, &r.backend, &r.target, &r.by, &r.created, &r.updated}
}

// entry is the row as LookupAt returns it for k.
func (r *lookupRow) entry(k memory.Key) memory.Entry {
	e := memory.Entry{Key: k, Status: memory.Status(r.kind), Backend: r.backend, Target: r.target, By: r.by,
		Updated: fromMillis(r.updated)}
	if r.rank == 0 {
		e.Status = memory.Approved
		if memory.Kind(r.kind) == memory.Deleted {
			e.Status, e.Target = memory.StatusDeleted, ""
		}
		return e
	}
	e.Key.Terms, e.Created = r.terms, fromMillis(r.created)
	return e
}

// lookupAllSQL is lookupSQL for every row of the arrays $1 (indexes) to
// $6, in one query.
const lookupAllSQL = `
SELECT q.i, r.* FROM unnest($1::int[], $2::bytea[], $3::text[], $4::text[], $5::text[], $6::int[])
  AS q(i, hash, backend, terms, doc, pos)
CROSS JOIN LATERAL (
  SELECT 0 AS rank, kind, ''::text AS terms, ''::text AS backend, target, editor, 0::bigint AS created, updated
    FROM occurrences o WHERE o.hash = q.hash AND o.doc = q.doc AND o.pos = q.pos AND o.kind IN ('alternative', 'deleted')
  UNION ALL
  SELECT 1, status, s.terms, s.backend, s.target, s.approved_by, s.created, s.updated FROM segments s
   WHERE s.hash = q.hash AND s.status = 'approved'
  UNION ALL
  SELECT 2, status, s.terms, s.backend, s.target, s.approved_by, s.created, s.updated FROM segments s
   WHERE s.hash = q.hash AND s.status = 'machine' AND s.backend = q.backend AND s.terms = q.terms
  ORDER BY 1 LIMIT 1) r`

var _ memory.BatchLookuper = (*Store)(nil)

// LookupAll answers many lookups in one query, each as LookupAt would.
func (s *Store) LookupAll(ctx context.Context, qs []memory.LookupQuery) ([]memory.Found, error) {
	out := make([]memory.Found, len(qs))
	if len(qs) == 0 {
		return out, nil
	}
	idx, pos := make([]int32, len(qs)), make([]int32, len(qs))
	hashes := make([][]byte, len(qs))
	backends, terms, docs := make([]string, len(qs)), make([]string, len(qs)), make([]string, len(qs))
	for i, q := range qs {
		idx[i], hashes[i], backends[i], terms[i], docs[i], pos[i] = int32(i), hash(q.Key), q.Backend, q.Key.Terms, q.At.Doc, int32(q.At.Pos)
	}
	rows, err := s.pool.Query(ctx, lookupAllSQL, idx, hashes, backends, terms, docs, pos)
	if err != nil {
		return nil, s.fail("failed to look up translation memory", err)
	}
	defer rows.Close()
	for rows.Next() {
		var i int
		var r lookupRow
		if err := rows.Scan(append([]any{&i}, r.dest()...)...); err != nil {
			return nil, s.fail("failed to look up translation memory", err)
		}
		out[i] = memory.Found{Entry: r.entry(qs[i].Key), OK: true}
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail("failed to look up translation memory", err)
	}
	return out, nil
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

// PutMachineBatch records several of backend's translations in one
// transaction: all of them or, on error, none. Rows are written in the
// order of their hashes, so that two desks storing overlapping batches at
// once take their locks in the same order and never deadlock.
func (s *Store) PutMachineBatch(ctx context.Context, backend string, ts []memory.Translation) error {
	if len(ts) == 0 {
		return nil
	}
	type row struct {
		hash []byte
		t    memory.Translation
	}
	rows := make([]row, len(ts))
	for i, t := range ts {
		if err := memory.CheckTarget(t.Key, t.Target); err != nil {
			return err
		}
		rows[i] = row{hash(t.Key), t}
	}
	slices.SortStableFunc(rows, func(a, b row) int { return bytes.Compare(a.hash, b.hash) })
	now := millis(s.now())
	batch := &pgx.Batch{}
	for _, r := range rows {
		k := r.t.Key
		batch.Queue(putMachineSQL, r.hash, k.From, k.To, k.Source, k.Markup, backend, k.Terms, r.t.Target, now, now)
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error { return tx.SendBatch(ctx, batch).Close() })
	if err != nil {
		return s.fail("failed to store translations in", err)
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

var _ memory.BatchPutter = (*Store)(nil)
