package memory

import "math/bits"

// Similarity is the character-level Levenshtein ratio of a and b:
// 1 - distance/max(len(a), len(b)), counting runes, where the distance is
// the number of single-rune insertions, deletions and substitutions that
// turn a into b. Identical strings score 1, empty and non-empty 0.
// Case, spaces and tags count like any other character.
func Similarity(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	n := max(len(ra), len(rb))
	if n == 0 {
		return 1
	}
	return 1 - float64(levenshtein(ra, rb, n))/float64(n)
}

// maxDistance is the largest distance between strings of up to n runes
// that still scores at least threshold.
func maxDistance(n int, threshold float64) int {
	return int((1-threshold)*float64(n) + 1e-9)
}

// levenshtein returns the edit distance of a and b if it is at most k,
// and k+1 otherwise. It fills only the diagonal band of width 2k+1 and
// stops as soon as a whole row exceeds k: O(len·k) time.
func levenshtein[T comparable](a, b []T, k int) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > k {
		return k + 1
	}
	inf := k + 1
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = min(j, inf)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-k), min(len(b), i+k)
		cur[0] = min(i, inf)
		if lo > 1 {
			cur[lo-1] = inf
		}
		best := cur[0]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1, inf)
			cur[j] = v
			best = min(best, v)
		}
		if hi < len(b) {
			cur[hi+1] = inf
		}
		if best > k {
			return inf
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// histogram counts a string's runes in 32 buckets, saturating at 255.
type histogram [32]uint8

func newHistogram(rs []rune) histogram {
	var h histogram
	for _, r := range rs {
		if i := r & 31; h[i] < 255 {
			h[i]++
		}
	}
	return h
}

// lowerBound is a cheap lower bound of the edit distance between the
// strings of h and g: each edit changes at most one count up and one down.
func (h *histogram) lowerBound(g *histogram) int {
	more, less := 0, 0
	for i := range h {
		d := int(h[i]) - int(g[i])
		if d > 0 {
			more += d
		} else {
			less -= d
		}
	}
	return max(more, less)
}

// signature is the set of a string's rune trigrams hashed into 1024 bits.
type signature [16]uint64

func newSignature(rs []rune) signature {
	var s signature
	for i := 0; i+2 < len(rs); i++ {
		h := (uint32(rs[i])*0x01000193 ^ uint32(rs[i+1])) * 0x01000193
		h = (h ^ uint32(rs[i+2])) * 0x9e3779b1
		b := h >> 22
		s[b/64] |= 1 << (b % 64)
	}
	return s
}

// lowerBound is a lower bound of the edit distance between the strings of
// s and t. An edit destroys at most three trigram occurrences, so d edits
// leave all but 3d of a string's distinct trigrams in the other string,
// and hashing only merges bits: every bit of s missing from t costs at
// least a third of an edit, and the other way round.
func (s *signature) lowerBound(t *signature) int {
	onlyS, onlyT := 0, 0
	for i := range s {
		onlyS += bits.OnesCount64(s[i] &^ t[i])
		onlyT += bits.OnesCount64(t[i] &^ s[i])
	}
	return (max(onlyS, onlyT) + 2) / 3
}
