package memory

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"
)

// DefaultFuzzy is the similarity from which a stored sentence is offered
// to the reviewer as a fuzzy match.
const DefaultFuzzy = 0.85

// FuzzyMatch is a stored translation of a sentence similar to the one
// looked up.
type FuzzyMatch struct {
	// Entry is the approved translation of the similar sentence, or its
	// most recent machine translation.
	Entry Entry
	// Score is the [Similarity] of the two sentences.
	Score float64
}

// Fuzzy returns up to limit stored sentences from→to whose [Similarity]
// to source is at least threshold (use [DefaultFuzzy]), best first, excluding
// source itself (exact matches are [Store.Lookup]'s). Matches are for a
// reviewer to consider; bitext never applies them by itself.
//
// The first call loads every stored sentence into an index kept by the
// Store (about 100 bytes per sentence); later calls add only new ones. A
// query compares the sentences of compatible length, first by character
// counts, then by a banded edit distance.
func (s *Store) Fuzzy(ctx context.Context, from, to, source string, threshold float64, limit int) ([]FuzzyMatch, error) {
	return s.fuzzy.Fuzzy(ctx, s.loadSentences, s.Get, FuzzyQuery{From: from, To: to, Source: source, Threshold: threshold, Limit: limit})
}

// loadSentences reads the sentences stored after id after, by any process.
func (s *Store) loadSentences(ctx context.Context, after int64, add func(id int64, from, to, source string, markup bool)) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, src_lang, tgt_lang, source, markup FROM segments WHERE id > ? ORDER BY id`, after)
	if err != nil {
		return s.wrap(fmt.Errorf("failed to index translation memory: %w", err))
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var from, to, source string
		var markup bool
		if err := rows.Scan(&id, &from, &to, &source, &markup); err != nil {
			return s.wrap(fmt.Errorf("failed to index translation memory: %w", err))
		}
		add(id, from, to, source, markup)
	}
	return s.wrap(rows.Err())
}

// FuzzyQuery is one [Memory.Fuzzy] call's arguments.
type FuzzyQuery struct {
	From, To, Source string
	Threshold        float64
	Limit            int
}

// SentenceLoader reads the sentences a store holds with an id above
// after, calling add for each, in id order.
type SentenceLoader func(ctx context.Context, after int64, add func(id int64, from, to, source string, markup bool)) error

// FuzzyIndex holds every stored sentence by language pair and length, for
// [Memory.Fuzzy]; every store answers with one, so that fuzzy matches are
// the same whatever the store. The zero value is empty and ready; it is
// safe for concurrent use.
type FuzzyIndex struct {
	mu   sync.Mutex
	last int64 // the highest segment id loaded
	// pairs maps "from\x00to" to sentences by rune length.
	pairs map[string][][]candidate
	seen  map[sentenceKey]bool
}

// Fuzzy answers q: it loads the sentences stored since the last call
// with load, searches them, and reads the best entry of each match with
// get. See [Store.Fuzzy].
func (x *FuzzyIndex) Fuzzy(ctx context.Context, load SentenceLoader, get func(context.Context, Key) ([]Entry, error), q FuzzyQuery) ([]FuzzyMatch, error) {
	if q.Threshold <= 0 || q.Threshold > 1 {
		return nil, fmt.Errorf("fuzzy threshold %g is not in (0, 1]", q.Threshold)
	}
	if q.Limit <= 0 {
		return nil, nil
	}
	if err := x.refresh(ctx, load); err != nil {
		return nil, err
	}
	found := x.search(q.From, q.To, q.Source, q.Threshold, q.Limit)
	out := make([]FuzzyMatch, 0, len(found))
	for _, f := range found {
		es, err := get(ctx, Key{From: q.From, To: q.To, Source: f.source, Markup: f.markup})
		if err != nil {
			return nil, err
		}
		if len(es) > 0 {
			out = append(out, FuzzyMatch{Entry: es[0], Score: f.score})
		}
	}
	return out, nil
}

type sentenceKey struct {
	pair, source string
	markup       bool
}

type candidate struct {
	source string
	markup bool
	hist   histogram
	sig    signature
}

type found struct {
	source string
	markup bool
	score  float64
}

// refresh loads the sentences stored since the last call, by any process.
func (x *FuzzyIndex) refresh(ctx context.Context, load SentenceLoader) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.pairs == nil {
		x.pairs, x.seen = map[string][][]candidate{}, map[sentenceKey]bool{}
	}
	last := x.last
	err := load(ctx, x.last, func(id int64, from, to, source string, markup bool) {
		last = max(last, id)
		x.add(from+"\x00"+to, source, markup)
	})
	x.last = last
	return err
}

func (x *FuzzyIndex) add(pair, source string, markup bool) {
	k := sentenceKey{pair, source, markup}
	if x.seen[k] {
		return
	}
	x.seen[k] = true
	rs := []rune(source)
	byLen := x.pairs[pair]
	for len(byLen) <= len(rs) {
		byLen = append(byLen, nil)
	}
	byLen[len(rs)] = append(byLen[len(rs)], candidate{source: source, markup: markup, hist: newHistogram(rs), sig: newSignature(rs)})
	x.pairs[pair] = byLen
}

// search returns the best matches of source, best first.
func (x *FuzzyIndex) search(from, to, source string, threshold float64, limit int) []found {
	x.mu.Lock()
	defer x.mu.Unlock()
	rs := []rune(source)
	q := query{runes: rs, hist: newHistogram(rs), sig: newSignature(rs)}
	byLen := x.pairs[from+"\x00"+to]
	var out []found
	lo, hi := int(float64(len(rs))*threshold-1e-9), int(float64(len(rs))/threshold+1e-9)
	for n := max(lo, 0); n <= hi && n < len(byLen); n++ {
		for i := range byLen[n] {
			c := &byLen[n][i]
			if f, ok := q.match(c, n, threshold); ok && c.source != source {
				out = append(out, f)
			}
		}
	}
	slices.SortFunc(out, func(a, b found) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.source, b.source))
	})
	return out[:min(limit, len(out))]
}

// query is a sentence being looked up.
type query struct {
	runes []rune
	hist  histogram
	sig   signature
}

// match scores candidate c against q if it reaches threshold, trying the
// cheap lower bounds of the distance before computing it.
// c has runes runes.
func (q *query) match(c *candidate, runes int, threshold float64) (found, bool) {
	n := max(len(q.runes), runes)
	k := maxDistance(n, threshold)
	if q.hist.lowerBound(&c.hist) > k || q.sig.lowerBound(&c.sig) > k {
		return found{}, false
	}
	d := levenshtein(q.runes, []rune(c.source), k)
	if d > k {
		return found{}, false
	}
	score := 1.0
	if n > 0 {
		score = 1 - float64(d)/float64(n)
	}
	return found{source: c.source, markup: c.markup, score: score}, true
}
