package memory

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"
)

// Stats describes a memory's content.
type Stats struct {
	// Path is the memory file and Bytes its size with its write-ahead
	// log; for a shared memory, its URL without password and the size of
	// its tables.
	Path  string
	Bytes int64
	// Sentences counts distinct source sentences; Machine and Approved
	// count translations (a sentence has one per backend and glossary
	// version, and at most one approved).
	Sentences, Machine, Approved int
	// Edits counts approvals, including those that replaced an earlier
	// approval.
	Edits int
	// Oldest and Newest are the first and last times an entry was
	// written (zero for an empty memory).
	Oldest, Newest time.Time
	// Pairs break the counts down by language pair, Backends by engine.
	Pairs    []PairStats
	Backends []BackendStats
	// words counts the approved words per backend, for AddReview.
	words map[string]int
}

// PairStats counts the entries of one language pair.
type PairStats struct {
	From, To                     string
	Sentences, Machine, Approved int
}

// BackendStats is how much of one engine's output reviewers kept.
type BackendStats struct {
	Backend string
	// Machine counts its stored translations.
	Machine int
	// Reviewed counts approved sentences whose draft it made; Edited
	// those among them where the approved text differs from its draft.
	Reviewed, Edited int
	// WordEditRate is the word-level edit distance from its drafts to the
	// approved texts divided by the words of the approved texts, like
	// HTER (0 when nothing was reviewed).
	WordEditRate float64
}

// EditedShare returns Edited/Reviewed (0 when nothing was reviewed).
func (b BackendStats) EditedShare() float64 {
	if b.Reviewed == 0 {
		return 0
	}
	return float64(b.Edited) / float64(b.Reviewed)
}

// Stats counts the memory's entries.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Path: s.path, Bytes: fileSize(s.path) + fileSize(s.path+"-wal")}
	if err := s.countPairs(ctx, &st); err != nil {
		return st, err
	}
	if err := s.countBackends(ctx, &st); err != nil {
		return st, err
	}
	if err := s.countEdits(ctx, &st); err != nil {
		return st, err
	}
	return st, nil
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

func (s *Store) countPairs(ctx context.Context, st *Stats) error {
	rows, err := s.db.QueryContext(ctx, `SELECT src_lang, tgt_lang,
		count(DISTINCT markup || ':' || source), sum(status = 'machine'), sum(status = 'approved'),
		min(created), max(updated)
		FROM segments GROUP BY src_lang, tgt_lang ORDER BY src_lang, tgt_lang`)
	if err != nil {
		return s.wrap(fmt.Errorf("failed to count translation memory: %w", err))
	}
	defer rows.Close()
	for rows.Next() {
		var p PairStats
		var oldest, newest int64
		if err := rows.Scan(&p.From, &p.To, &p.Sentences, &p.Machine, &p.Approved, &oldest, &newest); err != nil {
			return s.wrap(fmt.Errorf("failed to count translation memory: %w", err))
		}
		st.AddPair(p, fromMillis(oldest), fromMillis(newest))
	}
	return s.wrap(rows.Err())
}

// AddPair adds one language pair's counts, first and last writes to the
// totals; stores call it for each pair, in order.
func (st *Stats) AddPair(p PairStats, oldest, newest time.Time) {
	st.Pairs = append(st.Pairs, p)
	st.Sentences += p.Sentences
	st.Machine += p.Machine
	st.Approved += p.Approved
	if st.Oldest.IsZero() || oldest.Before(st.Oldest) {
		st.Oldest = oldest
	}
	if newest.After(st.Newest) {
		st.Newest = newest
	}
}

func (s *Store) countBackends(ctx context.Context, st *Stats) error {
	rows, err := s.db.QueryContext(ctx, `SELECT backend, count(*) FROM segments
		WHERE status = 'machine' GROUP BY backend ORDER BY backend`)
	if err != nil {
		return s.wrap(fmt.Errorf("failed to count translation memory: %w", err))
	}
	defer rows.Close()
	for rows.Next() {
		var b BackendStats
		if err := rows.Scan(&b.Backend, &b.Machine); err != nil {
			return s.wrap(fmt.Errorf("failed to count translation memory: %w", err))
		}
		st.Backends = append(st.Backends, b)
	}
	return s.wrap(rows.Err())
}

// countEdits compares each approved sentence's latest approval with its
// machine draft.
func (s *Store) countEdits(ctx context.Context, st *Stats) error {
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM edits`).Scan(&st.Edits); err != nil {
		return s.wrap(fmt.Errorf("failed to count approvals: %w", err))
	}
	rows, err := s.db.QueryContext(ctx, `SELECT backend, draft, target FROM edits
		WHERE id IN (SELECT max(id) FROM edits GROUP BY segment) AND backend <> ''`)
	if err != nil {
		return s.wrap(fmt.Errorf("failed to count approvals: %w", err))
	}
	defer rows.Close()
	for rows.Next() {
		var backend, draft, target string
		if err := rows.Scan(&backend, &draft, &target); err != nil {
			return s.wrap(fmt.Errorf("failed to count approvals: %w", err))
		}
		st.AddReview(backend, draft, target)
	}
	st.FinishReviews()
	return s.wrap(rows.Err())
}

// AddReview counts one approved sentence whose latest approval turned
// backend's draft into target, for the backend's Reviewed, Edited and
// WordEditRate. Stores call it for each, then FinishReviews once.
func (st *Stats) AddReview(backend, draft, target string) {
	if st.words == nil {
		st.words = map[string]int{}
	}
	b := st.backend(backend)
	b.Reviewed++
	if draft != target {
		b.Edited++
	}
	d, t := strings.Fields(draft), strings.Fields(target)
	b.WordEditRate += float64(levenshtein(d, t, max(len(d), len(t))))
	st.words[backend] += len(t)
}

// FinishReviews turns the edit distances AddReview summed into rates.
func (st *Stats) FinishReviews() {
	for i := range st.Backends {
		b := &st.Backends[i]
		if n := st.words[b.Backend]; n > 0 {
			b.WordEditRate /= float64(n)
		} else if b.WordEditRate > 0 {
			b.WordEditRate = 1 // every draft word deleted
		}
	}
	st.words = nil
}

// backend returns the entry for name, adding it if missing.
func (st *Stats) backend(name string) *BackendStats {
	for i := range st.Backends {
		if st.Backends[i].Backend == name {
			return &st.Backends[i]
		}
	}
	st.Backends = append(st.Backends, BackendStats{Backend: name})
	return &st.Backends[len(st.Backends)-1]
}
