package glossary

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Match is one occurrence of a glossary term in a text.
type Match struct {
	// Start and End are the byte offsets of the occurrence in the text
	// given to Find.
	Start, End int
	// Text is the occurrence as written, text[Start:End].
	Text string
	// Entry is the index of the entry in Entries().
	Entry int
	// Source is the entry's French term in its base form.
	Source string
	// Target is the English this occurrence becomes: the entry's target,
	// made plural for plural nouns and upper case when the occurrence is in
	// capitals ("CORÉE DU NORD" → "NORTH KOREA").
	Target string
}

// hit is a candidate occurrence in folded offsets.
type hit struct {
	s, e int
	c    cand
}

// Find returns the occurrences of glossary terms in text, in order and
// without overlaps: where terms overlap the longest wins, then the
// leftmost. Terms match whole words only, case-insensitively except for
// case-sensitive entries (exact spelling, or with a capital first letter).
// With markup, text is an HTML fragment: tags and the content of code and
// translate="no" elements are never matched, and character references
// match as the characters they stand for.
//
// The text is read once, whatever the number of terms (an Aho-Corasick
// automaton over every folded form).
func (g *Glossary) Find(text string, markup bool) []Match {
	if len(g.pats) == 0 || text == "" {
		return nil
	}
	v := newView(text, markup, true)
	hits := g.hits(v, text, markup)
	if len(hits) == 0 {
		return nil
	}
	return g.matches(v, text, longest(hits))
}

// hits returns every whole-word occurrence of every pattern whose case
// rule holds, in order of their end.
func (g *Glossary) hits(v *view, text string, markup bool) []hit {
	var hits []hit
	it := g.ac.IterOverlappingByte(v.fold)
	for m := it.Next(); m != nil; m = it.Next() {
		s, e := m.Start(), m.End()
		if !v.bounded(s, e) {
			continue
		}
		for _, c := range g.pats[m.Pattern()].cands {
			if c.exact == "" || exactCase(v, text, s, e, c.exact, markup) {
				hits = append(hits, hit{s: s, e: e, c: c})
				break
			}
		}
	}
	return hits
}

// exactCase checks a case-sensitive candidate against the text as written.
func exactCase(v *view, text string, s, e int, exact string, markup bool) bool {
	ts, te := v.span(s, e)
	got := foldMarkup(text[ts:te], markup)
	return got == exact || got == upperFirst(exact)
}

// longest keeps, among overlapping hits, the leftmost and then the longest.
func longest(hits []hit) []hit {
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].s != hits[j].s {
			return hits[i].s < hits[j].s
		}
		return hits[i].e > hits[j].e
	})
	out := hits[:0]
	end := -1
	for _, h := range hits {
		if h.s >= end {
			out = append(out, h)
			end = h.e
		}
	}
	return out
}

func (g *Glossary) matches(v *view, text string, hits []hit) []Match {
	out := make([]Match, len(hits))
	for i, h := range hits {
		s, e := v.span(h.s, h.e)
		en := g.entries[h.c.entry]
		out[i] = Match{Start: s, End: e, Text: text[s:e], Entry: h.c.entry, Source: en.Source,
			Target: targetFor(en, h.c.plural, isShouting(text[s:e], en.Source))}
	}
	return out
}

// targetFor returns the English for a form of an entry.
func targetFor(e Entry, plural, upper bool) string {
	t := e.Target
	if plural && normPOS(e.POS) == Noun && !e.DoNotTranslate() {
		t = englishPlural(t)
	}
	if upper {
		t = strings.ToUpper(t)
	}
	return t
}

// isShouting reports whether an occurrence is written in capitals while
// its entry is not (a headline in capitals).
func isShouting(occ, source string) bool {
	return autoCaseSensitive(occ) && !autoCaseSensitive(source) && strings.ToUpper(occ) == occ
}

// englishPlural makes an English noun phrase plural: its last word, or
// the word before a preposition ("weapons of mass destruction").
func englishPlural(t string) string {
	words := strings.Split(t, " ")
	head := len(words) - 1
	for i, w := range words {
		if i > 0 && englishPrepositions[strings.ToLower(w)] {
			head = i - 1
			break
		}
	}
	words[head] = pluralWord(words[head])
	return strings.Join(words, " ")
}

var englishPrepositions = map[string]bool{"of": true, "for": true, "in": true, "on": true, "at": true,
	"to": true, "from": true, "with": true, "against": true, "between": true}

// pluralWord makes one English word plural by the regular rules.
func pluralWord(w string) string {
	lower := strings.ToLower(w)
	switch {
	case w == "" || strings.HasSuffix(lower, "s") && !strings.HasSuffix(lower, "ss"):
		return w
	case hasAnySuffix(lower, "ss", "sh", "ch", "x", "z"):
		return w + "es"
	case strings.HasSuffix(lower, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(lower[len(lower)-2])):
		return w[:len(w)-1] + "ies"
	default:
		return w + "s"
	}
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
