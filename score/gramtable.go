package score

import (
	"math/bits"
	"slices"
)

// gramTable counts the n-grams of one reference sequence (token numbers for
// BLEU, code points for chrF) so that a hypothesis's n-grams can be matched
// against them, each match used up once, which clips the matches of an
// n-gram to the smaller of its two counts, as sacreBLEU's Counter
// intersection does.
//
// It is an open-addressing hash table over the reference's n-grams that
// compares the n-grams themselves, so hash collisions cost time but never
// change a count. Unlike a Go map it is emptied at the cost of clearing a
// slice and needs no key copies.
type gramTable struct {
	ref   []int32
	slots []gramSlot
	shift uint
}

// gramSlot holds one distinct reference n-gram: ref[start:start+n].
type gramSlot struct {
	hash  uint64
	start int32
	n     int32 // 0 marks an empty slot
	left  int32 // occurrences not yet matched
}

// gramHash extends the hash of an n-gram by its next element.
func gramHash(h uint64, x int32) uint64 {
	return (h ^ uint64(uint32(x))) * 0x9e3779b97f4a7c15
}

// gramSeed is the hash of the empty n-gram.
const gramSeed = 0xcbf29ce484222325

// reset fills the table with the n-grams of ref of orders 1 to maxN. The
// table keeps ref, which must not change until the next reset.
func (t *gramTable) reset(ref []int32, maxN int) {
	t.ref = ref
	size := max(16, 2*maxN*len(ref))
	logSize := bits.Len(uint(size - 1))
	t.shift = uint(64 - logSize)
	t.slots = slices.Grow(t.slots[:0], 1<<logSize)[:1<<logSize]
	clear(t.slots)
	for i := range ref {
		h := uint64(gramSeed)
		for n := 1; n <= maxN && i+n <= len(ref); n++ {
			h = gramHash(h, ref[i+n-1])
			t.add(h, i, n)
		}
	}
}

// add counts one occurrence of ref[start:start+n], whose hash is h.
func (t *gramTable) add(h uint64, start, n int) {
	mask := len(t.slots) - 1
	for i := int(h >> t.shift); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 {
			*s = gramSlot{hash: h, start: int32(start), n: int32(n), left: 1}
			return
		}
		if s.hash == h && int(s.n) == n && slices.Equal(t.ref[s.start:int(s.start)+n], t.ref[start:start+n]) {
			s.left++
			return
		}
	}
}

// take reports whether the n-gram g, whose hash is h, has a reference
// occurrence left, and uses it up if so.
func (t *gramTable) take(h uint64, g []int32) bool {
	mask := len(t.slots) - 1
	for i := int(h >> t.shift); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 {
			return false
		}
		if s.hash == h && int(s.n) == len(g) && slices.Equal(t.ref[s.start:int(s.start)+len(g)], g) {
			if s.left == 0 {
				return false
			}
			s.left--
			return true
		}
	}
}

// matchCounts matches every n-gram of hyp of orders 1 to maxN against the
// table, adding to total[n-1] the hypothesis n-grams and to match[n-1]
// those found in the reference.
func (t *gramTable) matchCounts(hyp []int32, maxN int, total, match []int) {
	for i := range hyp {
		h := uint64(gramSeed)
		for n := 1; n <= maxN && i+n <= len(hyp); n++ {
			h = gramHash(h, hyp[i+n-1])
			total[n-1]++
			if t.take(h, hyp[i:i+n]) {
				match[n-1]++
			}
		}
	}
}
