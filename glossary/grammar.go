package glossary

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// occurrence is a restored target in a translation.
type occurrence struct {
	s, e int
	name bool
}

// fixGrammar fixes the words around every restored target of a
// translation (an HTML fragment), in one pass from the start.
func (g *Glossary) fixGrammar(out string, ms []Match) string {
	occ := g.occurrences(out, ms)
	if len(occ) == 0 {
		return out
	}
	var b strings.Builder
	b.Grow(len(out) + 16)
	last := 0
	for _, o := range occ {
		ws, we := prevWord(out, o.s)
		if ws < last {
			ws, we = o.s, o.s
		}
		b.WriteString(out[last:ws])
		b.WriteString(fixAround(out, o, ws, we))
		last = o.e
	}
	b.WriteString(out[last:])
	return b.String()
}

// occurrences finds every whole-word occurrence of the matches' targets,
// longest first where they overlap.
func (g *Glossary) occurrences(out string, ms []Match) []occurrence {
	var occ []occurrence
	seen := map[string]bool{}
	for _, m := range ms {
		t := escapeText(m.Target)
		if seen[t] || t == "" {
			continue
		}
		seen[t] = true
		name := normPOS(g.entries[m.Entry].POS) == Name
		for i := 0; ; {
			j := strings.Index(out[i:], t)
			if j < 0 {
				break
			}
			s, e := i+j, i+j+len(t)
			if wordEdge(out, s, e) {
				occ = append(occ, occurrence{s: s, e: e, name: name})
			}
			i = s + 1
		}
	}
	sort.Slice(occ, func(i, j int) bool {
		if occ[i].s != occ[j].s {
			return occ[i].s < occ[j].s
		}
		return occ[i].e > occ[j].e
	})
	kept, end := occ[:0], -1
	for _, o := range occ {
		if o.s >= end {
			kept, end = append(kept, o), o.e
		}
	}
	return kept
}

// wordEdge reports whether s[i:j] is not part of a longer word.
func wordEdge(s string, i, j int) bool {
	if r, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && isWordRune(r) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s[j:]); j < len(s) && isWordRune(r) {
		return false
	}
	return true
}

// fixAround returns out[ws:o.e], the word before a term and the term,
// fixed: a "the" before a name dropped, "a"/"an" set by the term's sound,
// and a capital on a term that starts a sentence.
func fixAround(out string, o occurrence, ws, we int) string {
	term, word := out[o.s:o.e], out[ws:we]
	switch {
	case o.name && strings.EqualFold(word, "the"):
		if atSentenceStart(out, ws) {
			return upperFirst(term)
		}
		return term
	case word == "a" || word == "an" || word == "A" || word == "An" || word == "AN":
		return matchCase(indefinite(term), word) + out[we:o.s] + term
	}
	if atSentenceStart(out, o.s) {
		term = upperFirst(term)
	}
	return out[ws:o.s] + term
}

// prevWord returns the bounds of the ASCII word just before i, separated
// from it by one space; empty bounds when there is none.
func prevWord(s string, i int) (int, int) {
	end := i
	switch {
	case strings.HasSuffix(s[:i], " "):
		end = i - 1
	case strings.HasSuffix(s[:i], "\u00a0"):
		end = i - len("\u00a0")
	default:
		return i, i
	}
	start := end
	for start > 0 && isASCIILetter(s[start-1]) {
		start--
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:start]); start > 0 && isWordRune(r) {
		return i, i
	}
	return start, end
}

// indefinite returns "a" or "an" for the word an English phrase starts
// with, by its sound: acronyms by the name of their first letter, and the
// usual exceptions (an hour, a union, a European, a one-day visit).
func indefinite(phrase string) string {
	w := phrase
	if i := strings.IndexFunc(w, func(r rune) bool { return r == ' ' || r == '-' }); i > 0 {
		w = w[:i]
	}
	if autoCaseSensitive(w) && len(w) > 1 {
		if strings.ContainsRune("AEFHILMNORSX", rune(w[0])) {
			return "an"
		}
		return "a"
	}
	lw := strings.ToLower(w)
	switch {
	case hasAnyPrefix(lw, "hour", "honest", "honor", "honour", "heir"):
		return "an"
	case hasAnyPrefix(lw, "uni", "use", "usu", "uti", "ura", "euro", "eu", "one", "once", "ukr", "ewe"):
		return "a"
	case lw != "" && strings.ContainsRune("aeiou", rune(lw[0])):
		return "an"
	}
	return "a"
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// matchCase gives art the capitalisation of the article it replaces.
func matchCase(art, like string) string {
	switch {
	case like == strings.ToUpper(like) && len(like) > 1:
		return strings.ToUpper(art)
	case like != "" && like[0] >= 'A' && like[0] <= 'Z':
		return upperFirst(art)
	}
	return art
}

// atSentenceStart reports whether position i of an HTML fragment starts a
// sentence: nothing but spaces, opening quotes and tags before it, back to
// the start or to a full stop, question or exclamation mark.
func atSentenceStart(s string, i int) bool {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		switch {
		case r == '>':
			j := strings.LastIndexByte(s[:i], '<')
			if j < 0 {
				return false
			}
			i = j
		case strings.ContainsRune(" \t\n\u00a0\u202f«“\"'‘([", r):
			i -= n
		default:
			return strings.ContainsRune(".!?…", r) && !abbreviationBefore(s[:i-n])
		}
	}
	return true
}

// abbreviationBefore reports whether the full stop after s ends a title
// abbreviation (M., Mme., Dr.) rather than a sentence.
func abbreviationBefore(s string) bool {
	i := len(s)
	for i > 0 && isASCIILetter(s[i-1]) {
		i--
	}
	switch s[i:] {
	case "M", "Mr", "Mrs", "Ms", "Dr", "St", "Mme", "Mgr", "Prof", "Gen", "Col", "Lt", "Sgt":
		return true
	}
	return false
}
