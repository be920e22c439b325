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
	// made plural for plural nouns and nationality nouns ("les
	// Nord-Coréens" → "North Koreans"), with the English of a compound's
	// first part ("américano-sud-coréennes" → "US-South Korean"), and upper
	// case when the occurrence is in capitals while the glossary's form is
	// not ("CORÉE DU NORD" → "NORTH KOREA"; "RPDC" or "l'AFP" give the
	// target as written).
	Target string
	// Kind is the part of speech of this occurrence: the entry's
	// (Entry.Kind), but Noun for a nationality used as a noun ("les
	// Nord-Coréens", "un Nord-Coréen").
	Kind string
	// Article is the French determiner right before the occurrence,
	// lower-cased, an elided one with its apostrophe ("la", "l'", "du",
	// "des"); "" when there is none.
	Article string
	// Plural is set when the occurrence is a plural noun.
	Plural bool
	// AfterNoun is set when the occurrence is an adjective that follows
	// its noun, as French puts it and English does not ("les soldats
	// nord-coréens").
	AfterNoun bool
}

// hit is a candidate occurrence in folded offsets.
type hit struct {
	s, e int
	c    cand
	// prefix is the English of the first part of a compound the hit ends
	// ("US" for "américano-"); the hit then starts at that part.
	prefix string
}

// Find returns the occurrences of glossary terms in text, in order and
// without overlaps: where terms overlap the longest wins, then the
// leftmost. Terms match whole words only, case-insensitively except for
// case-sensitive entries (exact spelling, or with a capital first letter).
// Inside a hyphenated compound a term matches only next to another term
// ("Pyongyang-Moscou") or after a known first part, which the match then
// covers ("américano-sud-coréennes" → "US-South Korean", see
// compoundPrefixes); elsewhere the compound is left to the engine
// ("Saint-Pétersbourg" never matches "Pétersbourg").
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
	hits := compounds(v, text, g.hits(v, text, markup))
	if len(hits) == 0 {
		return nil
	}
	return g.matches(v, text, markup, longest(hits))
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

func (g *Glossary) matches(v *view, text string, markup bool, hits []hit) []Match {
	out := make([]Match, len(hits))
	for i, h := range hits {
		s, e := v.span(h.s, h.e)
		m := Match{Start: s, End: e, Text: text[s:e], Entry: h.c.entry, Source: g.entries[h.c.entry].Source}
		g.describe(&m, h, text, markup)
		out[i] = m
	}
	return out
}

// describe fills in how an occurrence is used (kind, article, number,
// position) and the English it becomes.
func (g *Glossary) describe(m *Match, h hit, text string, markup bool) {
	e := g.entries[h.c.entry]
	ctx := frenchBefore(text[:m.Start], markup)
	m.Kind, m.Article = g.kinds[h.c.entry], ctx.article()
	// A French form that is the same in both numbers (pays, Chinois) is
	// plural after a plural determiner.
	plural := h.c.plural || ctx.plural() && h.c.form == e.Source && hasAnySuffix(e.Source, "s", "x", "z")
	switch m.Kind {
	case Noun:
		m.Plural = plural
	case Nationality:
		if nationalityNoun(m.Text, ctx) {
			m.Kind, m.Plural = Noun, plural
		} else {
			m.AfterNoun = ctx.noun()
		}
	case Adjective:
		m.AfterNoun = ctx.noun()
	}
	t := e.Target
	if m.Kind == Name && ctx.plural() && autoCaseSensitive(e.Source) && autoCaseSensitive(t) {
		m.Plural = true // des ONG → NGOs
	}
	switch {
	case m.Plural && m.Kind == Name:
		t += "s"
	case m.Plural && g.kinds[h.c.entry] == Nationality:
		t = nationalityPlural(t)
	case m.Plural:
		t = englishPlural(t)
	}
	if h.prefix != "" {
		t = h.prefix + "-" + t
	}
	if isShouting(m.Text, h.c.form) {
		t = strings.ToUpper(t)
	}
	m.Target = t
}

// targetFor returns the English of a form of an entry, as native
// glossaries take it: plural for the plural forms of nouns.
func targetFor(e Entry, plural bool) string {
	if !plural {
		return e.Target
	}
	switch e.Kind() {
	case Noun:
		return englishPlural(e.Target)
	}
	return e.Target
}

// isShouting reports whether an occurrence is written in capitals while
// the glossary's form of it is not: letters after the first, and after an
// elided article, in lower case there and in capitals here ("CORÉE DU
// NORD" for "Corée du Nord", not "RPDC" or "L'AFP" for "RPDC" and
// "l'AFP").
func isShouting(occ, form string) bool {
	f := []rune(stripElision(form))
	if len(f) < 2 || !autoCaseSensitive(occ) {
		return false
	}
	return strings.ContainsFunc(string(f[1:]), unicode.IsLower)
}

// nationalityPlural makes an English nationality noun plural: North
// Koreans, Israelis, Czechs; the Chinese, the French and the Swiss stay.
func nationalityPlural(t string) string {
	last := lastPart(t)
	switch {
	case last == "Czech":
		return t + "s"
	case hasAnySuffix(last, "ese", "ss", "sh", "ch"):
		return t
	}
	return t + "s"
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
