package remote

import "unicode/utf8"

// batch is a run of consecutive segments, req.Segments[start:end], of
// chars characters.
type batch struct {
	start, end int
	chars      int
}

// split cuts segs into consecutive batches of at most maxSegs segments and
// maxChars characters (0: no limit). A segment longer than maxChars on its
// own goes alone in its batch: the backend decides whether it can take it.
func split(segs []string, maxSegs, maxChars int) []batch {
	var out []batch
	cur := batch{}
	for i, s := range segs {
		n := utf8.RuneCountInString(s)
		full := maxSegs > 0 && i-cur.start >= maxSegs
		tooLong := maxChars > 0 && cur.chars+n > maxChars
		if i > cur.start && (full || tooLong) {
			cur.end = i
			out = append(out, cur)
			cur = batch{start: i}
		}
		cur.chars += n
	}
	cur.end = len(segs)
	if cur.end > cur.start {
		out = append(out, cur)
	}
	return out
}
