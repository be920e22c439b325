package xliff

import "github.com/bitext/bitext/inline"

// alignCodes renumbers the codes of target (English read from its HTML,
// numbered in its own order) with the ids of the source's codes they
// stand for: the same markup first, else the same element, each source
// code used once, in order. A code with no counterpart (markup the
// engine added) gets an id above the source's, which an import refuses
// until the translator removes it.
func alignCodes(target, source inline.Content) inline.Content {
	ids := map[int]int{} // target id → source id
	used := map[int]bool{}
	next := 0
	for _, c := range source.Codes() {
		next = max(next, c.ID)
	}
	for _, match := range []func(a, b *inline.Code) bool{sameData, sameName} {
		for _, t := range target.Codes() {
			if t.Type == inline.Close || ids[t.ID] != 0 {
				continue
			}
			if s := find(source, t, used, match); s != nil {
				ids[t.ID], used[s.ID] = s.ID, true
			}
		}
	}
	out := target.Clone()
	for _, c := range out.Codes() {
		if ids[c.ID] == 0 {
			next++
			ids[c.ID] = next
		}
		c.ID = ids[c.ID]
	}
	return out
}

// find returns the first source code not used yet, of t's type, that
// match accepts.
func find(source inline.Content, t *inline.Code, used map[int]bool, match func(a, b *inline.Code) bool) *inline.Code {
	for _, s := range source.Codes() {
		if s.Type == t.Type && !used[s.ID] && match(s, t) {
			return s
		}
	}
	return nil
}

func sameData(a, b *inline.Code) bool { return a.Kind == b.Kind && a.Data == b.Data }
func sameName(a, b *inline.Code) bool { return a.Kind == b.Kind && a.Name == b.Name }
