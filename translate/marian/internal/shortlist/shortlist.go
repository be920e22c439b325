// Package shortlist reads Marian's lexical shortlists (lex.s2t) and picks,
// for a batch of source sentences, the target pieces the output layer is
// limited to.
//
// # Format
//
// A lex.s2t file, as extract_lex writes it, has one line per pair:
//
//	TARGET-PIECE SOURCE-PIECE PROBABILITY
//
// meaning p(target | source). As in Marian, a batch's shortlist is the
// first First target ids (the most frequent pieces, </s> and <unk> among
// them), the Best most probable targets of each source piece in the batch
// with a probability of at least Threshold, and the ids always allowed.
package shortlist

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Options are Marian's shortlist settings (--shortlist FILE first best
// threshold).
type Options struct {
	First, Best int
	Threshold   float64
}

// DefaultOptions are Marian's defaults: 100 first, 100 best, no threshold.
var DefaultOptions = Options{First: 100, Best: 100}

// Vocab turns a piece into an id, ok false when it is not in the model's
// vocabulary.
type Vocab func(piece string) (id int, ok bool)

// Shortlist holds each source id's most probable target ids.
type Shortlist struct {
	opts   Options
	best   map[int][]int
	always []int
}

// Load reads a lex.s2t file; always lists ids every shortlist includes
// (</s>, the forced end token).
func Load(path string, vocab Vocab, opts Options, always ...int) (*Shortlist, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("failed to open shortlist: %w", err)
	}
	defer f.Close()
	s, err := Read(f, vocab, opts, always...)
	if err != nil {
		return nil, fmt.Errorf("shortlist %s: %w", path, err)
	}
	return s, nil
}

type entry struct {
	tgt  int
	prob float64
}

// Read reads a shortlist from r (see Load). Pairs with a piece outside
// the vocabulary or the word NULL are skipped, as Marian does.
func Read(r io.Reader, vocab Vocab, opts Options, always ...int) (*Shortlist, error) {
	pairs := map[int][]entry{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("line %d: want TARGET SOURCE PROBABILITY, got %d fields", line, len(f))
		}
		p, err := strconv.ParseFloat(f[2], 64)
		if err != nil || p < 0 || p > 1 {
			return nil, fmt.Errorf("line %d: invalid probability %q", line, f[2])
		}
		tgt, okT := vocab(f[0])
		src, okS := vocab(f[1])
		if !okT || !okS || f[0] == "NULL" || f[1] == "NULL" || p < opts.Threshold {
			continue
		}
		pairs[src] = append(pairs[src], entry{tgt, p})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	s := &Shortlist{opts: opts, best: map[int][]int{}, always: always}
	for src, es := range pairs {
		sort.SliceStable(es, func(i, j int) bool { return es[i].prob > es[j].prob })
		for _, e := range es[:min(len(es), opts.Best)] {
			s.best[src] = append(s.best[src], e.tgt)
		}
	}
	return s, nil
}

// For returns the sorted target ids allowed for a batch of sentences of
// source ids.
func (s *Shortlist) For(srcs [][]int) []int {
	seen := map[int]bool{}
	var ids []int
	add := func(id int) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for id := 0; id < s.opts.First; id++ {
		add(id)
	}
	for _, id := range s.always {
		add(id)
	}
	for _, src := range srcs {
		for _, id := range src {
			for _, t := range s.best[id] {
				add(t)
			}
		}
	}
	slices.Sort(ids)
	return ids
}
