package postgres

import (
	"context"

	"github.com/bitext/bitext/memory"
)

// Stats counts the memory's entries; Path is the database's URL without
// its password and Bytes the size of bitext's tables with their indexes.
func (s *Store) Stats(ctx context.Context) (memory.Stats, error) {
	st := memory.Stats{Path: s.name}
	err := s.pool.QueryRow(ctx, `SELECT pg_total_relation_size('segments') + pg_total_relation_size('edits')
		+ pg_total_relation_size('occurrences'), (SELECT count(*) FROM edits)`).Scan(&st.Bytes, &st.Edits)
	if err != nil {
		return st, s.fail("failed to count translation memory", err)
	}
	if err := s.countPairs(ctx, &st); err != nil {
		return st, err
	}
	if err := s.countBackends(ctx, &st); err != nil {
		return st, err
	}
	return st, s.countReviews(ctx, &st)
}

func (s *Store) countPairs(ctx context.Context, st *memory.Stats) error {
	rows, err := s.pool.Query(ctx, `SELECT src_lang, tgt_lang, count(DISTINCT hash),
		count(*) FILTER (WHERE status = 'machine'), count(*) FILTER (WHERE status = 'approved'), min(created), max(updated)
		FROM segments GROUP BY src_lang, tgt_lang ORDER BY src_lang, tgt_lang`)
	if err != nil {
		return s.fail("failed to count translation memory", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p memory.PairStats
		var oldest, newest int64
		if err := rows.Scan(&p.From, &p.To, &p.Sentences, &p.Machine, &p.Approved, &oldest, &newest); err != nil {
			return s.fail("failed to count translation memory", err)
		}
		st.AddPair(p, fromMillis(oldest), fromMillis(newest))
	}
	if err := rows.Err(); err != nil {
		return s.fail("failed to count translation memory", err)
	}
	return nil
}

func (s *Store) countBackends(ctx context.Context, st *memory.Stats) error {
	rows, err := s.pool.Query(ctx, `SELECT backend, count(*) FROM segments WHERE status = 'machine'
		GROUP BY backend ORDER BY backend`)
	if err != nil {
		return s.fail("failed to count translation memory", err)
	}
	defer rows.Close()
	for rows.Next() {
		var b memory.BackendStats
		if err := rows.Scan(&b.Backend, &b.Machine); err != nil {
			return s.fail("failed to count translation memory", err)
		}
		st.Backends = append(st.Backends, b)
	}
	if err := rows.Err(); err != nil {
		return s.fail("failed to count translation memory", err)
	}
	return nil
}

// countReviews compares each approved sentence's latest approval with its
// machine draft.
func (s *Store) countReviews(ctx context.Context, st *memory.Stats) error {
	rows, err := s.pool.Query(ctx, `SELECT backend, draft, target FROM edits
		WHERE id IN (SELECT max(id) FROM edits GROUP BY segment) AND backend <> ''`)
	if err != nil {
		return s.fail("failed to count approvals in", err)
	}
	defer rows.Close()
	for rows.Next() {
		var backend, draft, target string
		if err := rows.Scan(&backend, &draft, &target); err != nil {
			return s.fail("failed to count approvals in", err)
		}
		st.AddReview(backend, draft, target)
	}
	st.FinishReviews()
	if err := rows.Err(); err != nil {
		return s.fail("failed to count approvals in", err)
	}
	return nil
}

// fuzzyMargin is how many ids below the highest one loaded the fuzzy
// index reads again: another process may commit a lower id later.
const fuzzyMargin = 1000

// Fuzzy returns up to limit stored sentences similar to source, best
// first, as [memory.Store.Fuzzy] does.
func (s *Store) Fuzzy(ctx context.Context, from, to, source string, threshold float64, limit int) ([]memory.FuzzyMatch, error) {
	return s.fuzzy.Fuzzy(ctx, s.loadSentences, s.Get, memory.FuzzyQuery{From: from, To: to, Source: source, Threshold: threshold, Limit: limit})
}

func (s *Store) loadSentences(ctx context.Context, after int64, add func(id int64, from, to, source string, markup bool)) error {
	rows, err := s.pool.Query(ctx, `SELECT id, src_lang, tgt_lang, source, markup FROM segments WHERE id > $1 ORDER BY id`,
		after-fuzzyMargin)
	if err != nil {
		return s.fail("failed to index translation memory", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var from, to, source string
		var markup bool
		if err := rows.Scan(&id, &from, &to, &source, &markup); err != nil {
			return s.fail("failed to index translation memory", err)
		}
		add(id, from, to, source, markup)
	}
	if err := rows.Err(); err != nil {
		return s.fail("failed to index translation memory", err)
	}
	return nil
}
