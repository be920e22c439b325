package review

import (
	"math"
	"slices"
)

// Span is a piece of the working copy tied to French sentences: segments
// First..Last (inclusive) of block Block of the document. A span of
// several segments is a paragraph-level edit (sentences merged, or a
// sentence added between them) that cannot be split without guessing. A
// span with First < 0 is a paragraph added in the working copy that
// matches no French paragraph; it follows block Block (-1: at the start).
type Span struct {
	Block, First, Last int
	// Text is the working copy's English for the span ("" when the
	// editor deleted it).
	Text string
	// Markup says that Text is an inline HTML fragment.
	Markup bool
	// Added says that the span holds a sentence the editor added, which
	// the alignment tied to its neighbours.
	Added bool
}

// Orphan reports whether the span is a paragraph with no French.
func (s Span) Orphan() bool { return s.First < 0 }

// piece is one unit on either side of an alignment: a paragraph or a
// sentence, with its text (an HTML fragment when markup is set).
type piece struct {
	text   string
	block  int // block index, for sentences
	markup bool
}

// move is one step of an alignment: n units of the reference side matched
// with m of the working side.
type move struct{ n, m int }

// moves are the steps [align] may take, cheapest shapes first.
var moves = []move{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {1, 3}, {3, 1}}

// penalty is added to the cost of steps that are not one to one, in
// words, so that merges and splits are chosen only when they explain the
// text better than deletions and insertions do.
func penalty(mv move) int {
	switch {
	case mv.n == 1 && mv.m == 1, mv.n == 0, mv.m == 0:
		return 0
	case mv.n+mv.m == 3:
		return 1
	}
	return 2
}

// align matches ref against work in order with the smallest total cost
// (dynamic programming over [moves]): the words left unmatched, counting
// those of deleted and inserted units, plus [penalty]. Ties go to one to
// one steps, so that a rewritten sentence stays with the sentence in its
// place. It returns the steps from the start. sameGroup, when set, forbids steps
// that join reference units it says do not belong together.
func align(ref, work []piece, sameGroup func(i, j int) bool) []move {
	n, m := len(ref), len(work)
	cost := make([][]int, n+1)
	from := make([][]move, n+1)
	for i := range cost {
		cost[i] = make([]int, m+1)
		from[i] = make([]move, m+1)
		for j := range cost[i] {
			cost[i][j] = math.MaxInt
		}
	}
	cost[0][0] = 0
	bag := newBags(ref, work)
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			if cost[i][j] == math.MaxInt {
				continue
			}
			for _, mv := range moves {
				stepAlign(bag, cost, from, i, j, mv, sameGroup)
			}
		}
	}
	return backtrack(from, n, m)
}

func stepAlign(bag *bags, cost [][]int, from [][]move, i, j int, mv move, same func(i, j int) bool) {
	ni, nj := i+mv.n, j+mv.m
	if ni > len(bag.ref[0]) || nj > len(bag.work[0]) {
		return
	}
	if mv.n > 1 && same != nil && !same(i, ni-1) {
		return
	}
	c := cost[i][j] + penalty(mv) + bag.unmatched(i, ni, j, nj)
	if c < cost[ni][nj] {
		cost[ni][nj], from[ni][nj] = c, mv
	}
}

func backtrack(from [][]move, i, j int) []move {
	var path []move
	for i > 0 || j > 0 {
		mv := from[i][j]
		path = append(path, mv)
		i, j = i-mv.n, j-mv.m
	}
	for a, b := 0, len(path)-1; a < b; a, b = a+1, b-1 {
		path[a], path[b] = path[b], path[a]
	}
	return path
}

// bags holds the words of every piece of both sides, and of every run of
// up to three neighbouring pieces, as sorted word numbers, so that the
// cost of a step is one merge walk.
type bags struct {
	ref, work [3][][]int32 // [k][i]: pieces i..i+k
}

func newBags(ref, work []piece) *bags {
	ids := map[string]int32{}
	conv := func(ps []piece) [][]int32 {
		out := make([][]int32, len(ps))
		for i, p := range ps {
			for _, w := range words(plainOf(p.text, p.markup)) {
				id, ok := ids[w]
				if !ok {
					id = int32(len(ids))
					ids[w] = id
				}
				out[i] = append(out[i], id)
			}
			slices.Sort(out[i])
		}
		return out
	}
	return &bags{ref: runs(conv(ref)), work: runs(conv(work))}
}

// runs returns the bags of single pieces, pairs and triples.
func runs(one [][]int32) [3][][]int32 {
	var out [3][][]int32
	out[0] = one
	for k := 1; k < 3; k++ {
		out[k] = make([][]int32, len(one))
		for i := 0; i+k < len(one); i++ {
			out[k][i] = mergeSorted(out[k-1][i], one[i+k])
		}
	}
	return out
}

func mergeSorted(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	p, q := 0, 0
	for p < len(a) && q < len(b) {
		if a[p] <= b[q] {
			out = append(out, a[p])
			p++
		} else {
			out = append(out, b[q])
			q++
		}
	}
	out = append(out, a[p:]...)
	return append(out, b[q:]...)
}

// unmatched counts the words of ref[i:ni] and work[j:nj] that have no
// counterpart on the other side.
func (b *bags) unmatched(i, ni, j, nj int) int {
	x, y := b.run(b.ref, i, ni), b.run(b.work, j, nj)
	common := 0
	for p, q := 0, 0; p < len(x) && q < len(y); {
		switch {
		case x[p] == y[q]:
			common++
			p++
			q++
		case x[p] < y[q]:
			p++
		default:
			q++
		}
	}
	return len(x) + len(y) - 2*common
}

// run returns the bag of pieces i..n-1 (at most three).
func (b *bags) run(side [3][][]int32, i, n int) []int32 {
	if n == i {
		return nil
	}
	return side[n-i-1][i]
}
