package memory

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// LookupQuery is one lookup of a batch: the arguments of
// [Memory.LookupAt].
type LookupQuery struct {
	Key     Key
	Backend string
	At      Occurrence
}

// Found is the answer to one [LookupQuery]: what LookupAt returns.
type Found struct {
	Entry Entry
	OK    bool
}

// BatchLookuper is implemented by stores that answer many lookups at
// once for less than one at a time: a round trip to a server
// (memory/postgres), a statement (the SQLite [Store]). LookupAll answers
// them in order, each as [Memory.LookupAt] would.
type BatchLookuper interface {
	LookupAll(ctx context.Context, qs []LookupQuery) ([]Found, error)
}

// BatchPutter is implemented by stores that record several machine
// translations in one transaction ([Store.PutMachineBatch], and the shared
// store's): all of them or, on error, none, each as [Memory.PutMachine]
// would.
type BatchPutter interface {
	PutMachineBatch(ctx context.Context, backend string, ts []Translation) error
}

var _ BatchPutter = (*Store)(nil)

var _ BatchLookuper = (*Store)(nil)

// lookupAllSQL is LookupAt for every element of the JSON array ?1
// ([jsonRows]: index, from, to, source, markup, backend, terms, doc, pos)
// in one statement: a row for each answer there is, ranked as LookupAt
// prefers them (0 an alternative or a deletion approved at the
// occurrence, 1 the approved translation, 2 the backend's).
const lookupAllSQL = `
WITH q AS (SELECT value->>0 AS i, value->>1 AS src_lang, value->>2 AS tgt_lang, value->>3 AS source,
                  value->>4 AS markup, value->>5 AS backend, value->>6 AS terms, value->>7 AS doc,
                  value->>8 AS pos FROM json_each(?1))
SELECT q.i, 0, '', o.kind, '', o.target, o.editor, 0, o.updated FROM q JOIN occurrences o
    ON o.src_lang = q.src_lang AND o.tgt_lang = q.tgt_lang AND o.source = q.source
   AND o.markup = q.markup AND o.doc = q.doc AND o.pos = q.pos AND o.kind IN ('alternative', 'deleted')
UNION ALL
SELECT q.i, 1, s.terms, s.status, s.backend, s.target, s.approved_by, s.created, s.updated FROM q JOIN segments s
    ON s.src_lang = q.src_lang AND s.tgt_lang = q.tgt_lang AND s.source = q.source
   AND s.markup = q.markup AND s.status = 'approved'
UNION ALL
SELECT q.i, 2, s.terms, s.status, s.backend, s.target, s.approved_by, s.created, s.updated FROM q JOIN segments s
    ON s.src_lang = q.src_lang AND s.tgt_lang = q.tgt_lang AND s.source = q.source
   AND s.markup = q.markup AND s.status = 'machine' AND s.backend = q.backend AND s.terms = q.terms`

// LookupAll answers many lookups in one statement, each as LookupAt
// would: an article's sentences cost one query instead of two each.
func (s *Store) LookupAll(ctx context.Context, qs []LookupQuery) ([]Found, error) {
	out := make([]Found, len(qs))
	if len(qs) == 0 {
		return out, nil
	}
	rows := make([][]any, len(qs))
	for i, q := range qs {
		rows[i] = []any{i, q.Key.From, q.Key.To, q.Key.Source, q.Key.Markup, q.Backend, q.Key.Terms, q.At.Doc, q.At.Pos}
	}
	arg, ok := jsonRows(rows)
	if !ok {
		// Text JSON cannot carry unchanged: one lookup at a time.
		for i, q := range qs {
			e, found, err := s.LookupAt(ctx, q.Key, q.Backend, q.At)
			if err != nil {
				return nil, err
			}
			out[i] = Found{Entry: e, OK: found}
		}
		return out, nil
	}
	res, err := s.stmts.lookupAll.QueryContext(ctx, arg)
	if err != nil {
		return nil, s.wrap(fmt.Errorf("failed to look up translation memory: %w", err))
	}
	defer res.Close()
	ranks := make([]int, len(qs))
	for res.Next() {
		var i, rank int
		var e Entry
		var created, updated int64
		if err := res.Scan(&i, &rank, &e.Key.Terms, &e.Status, &e.Backend, &e.Target, &e.By, &created, &updated); err != nil {
			return nil, s.wrap(fmt.Errorf("failed to look up translation memory: %w", err))
		}
		if i < 0 || i >= len(qs) || (out[i].OK && ranks[i] <= rank) {
			continue
		}
		k := qs[i].Key
		if rank == 0 {
			// An occurrence's row, as scanOccurrence reads it (the kind
			// in the status column).
			kind := Kind(e.Status)
			e = Entry{Key: k, Status: Approved, Target: e.Target, By: e.By, Updated: fromMillis(updated)}
			if kind == Deleted {
				e.Status, e.Target = StatusDeleted, ""
			}
		} else {
			e.Key.From, e.Key.To, e.Key.Source, e.Key.Markup = k.From, k.To, k.Source, k.Markup
			e.Created, e.Updated = fromMillis(created), fromMillis(updated)
		}
		out[i], ranks[i] = Found{Entry: e, OK: true}, rank
	}
	if err := res.Err(); err != nil {
		return nil, s.wrap(fmt.Errorf("failed to look up translation memory: %w", err))
	}
	return out, nil
}

// jsonRows is rows as one JSON array for a statement that reads it with
// json_each (lookupAllSQL), booleans as 0 and 1 as SQLite stores them;
// false when a string holds what JSON text cannot bring back unchanged
// (bytes that are not UTF-8, NUL).
func jsonRows(rows [][]any) (string, bool) {
	for _, r := range rows {
		for j, v := range r {
			switch v := v.(type) {
			case string:
				if !utf8.ValidString(v) || strings.IndexByte(v, 0) >= 0 {
					return "", false
				}
			case bool:
				r[j] = 0
				if v {
					r[j] = 1
				}
			}
		}
	}
	data, err := json.Marshal(rows)
	if err != nil {
		return "", false
	}
	return string(data), true
}
