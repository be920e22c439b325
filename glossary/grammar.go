package glossary

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// The grammar around restored terms.
//
// After translation, each term's target is found in the English (an HTML
// fragment) and the words next to it are fixed, knowing from the French
// what the term is and how it was used (Match): a "the" before a name
// the French gave an article is dropped (la Corée du Nord → North Korea,
// not for names said with "the": the United States); "a"/"an" agrees with
// the term's sound; a term that starts a sentence gets a capital; an
// adjective the engine left after its noun, as French has it, goes before
// it (missiles North Korean → North Korean missiles). Tags between a word
// and the term (emphasis, links) are kept where they are:
// "the <em>South Korea</em>" → "<em>South Korea</em>".
//
// The functions take the English text and the matches, nothing else, so
// that they work on whatever form a segment's text takes.

// occurrence is a restored target in a translation, with the match it
// stands for.
type occurrence struct {
	s, e int
	m    Match
}

// fixGrammar fixes the words around every restored target of a
// translation (an HTML fragment).
func (g *Glossary) fixGrammar(out string, ms []Match) string {
	out = g.reorderAdjectives(out, ms)
	occ := occurrences(out, ms)
	if len(occ) == 0 {
		return out
	}
	var b strings.Builder
	b.Grow(len(out) + 16)
	last := 0
	for _, o := range occ {
		ws, we := wordBefore(out, o.s)
		if ws < last {
			ws, we = o.s, o.s
		}
		b.WriteString(out[last:ws])
		b.WriteString(g.fixAround(out, o, ws, we))
		last = o.e
	}
	b.WriteString(out[last:])
	return b.String()
}

// occurrences finds every whole-word occurrence of the matches' targets,
// longest first where they overlap. The k-th occurrence of a target
// stands for the k-th match with that target (the last one when the
// engine repeated it).
func occurrences(out string, ms []Match) []occurrence {
	byTarget := map[string][]Match{}
	var targets []string
	for _, m := range ms {
		t := escapeText(m.Target)
		if t == "" {
			continue
		}
		if _, ok := byTarget[t]; !ok {
			targets = append(targets, t)
		}
		byTarget[t] = append(byTarget[t], m)
	}
	var occ []occurrence
	for _, t := range targets {
		occ = append(occ, find(out, t, byTarget[t])...)
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

// find returns the whole-word occurrences of t in out.
func find(out, t string, ms []Match) []occurrence {
	var occ []occurrence
	for i := 0; ; {
		j := strings.Index(out[i:], t)
		if j < 0 {
			return occ
		}
		s, e := i+j, i+j+len(t)
		if wordEdge(out, s, e) {
			occ = append(occ, occurrence{s: s, e: e, m: ms[min(len(occ), len(ms)-1)]})
		}
		i = s + 1
	}
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

// fixAround returns out[ws:o.e], the word before a term, what separates
// them (a space, tags) and the term, fixed.
func (g *Glossary) fixAround(out string, o occurrence, ws, we int) string {
	term, word, gap := out[o.s:o.e], out[ws:we], out[we:o.s]
	switch {
	case strings.EqualFold(word, "the") && g.dropsThe(o.m):
		gap = strings.TrimPrefix(strings.TrimPrefix(gap, " "), "\u00a0")
		if atSentenceStart(out, ws) {
			return gap + upperFirst(term)
		}
		return gap + term
	case word == "a" || word == "an" || word == "A" || word == "An" || word == "AN":
		return matchCase(indefinite(visibleText(term)), word) + gap + term
	}
	if atSentenceStart(out, o.s) {
		term = upperFirst(term)
	}
	return word + gap + term
}

// dropsThe reports whether a "the" before an occurrence goes: the
// occurrence is a name, the French gave it a definite article (which the
// engine translated), and English says the name without one.
func (g *Glossary) dropsThe(m Match) bool {
	if m.Kind != Name || !(frenchContext{word: m.Article}).definite() {
		return false
	}
	return !takesThe(g.entries[m.Entry].Target)
}

// wordBefore returns the bounds of the ASCII word just before i, separated
// from it by one space and any tags and opening quotes; empty bounds when
// there is none.
func wordBefore(s string, i int) (int, int) {
	end := skipOpeners(s, i)
	switch {
	case strings.HasSuffix(s[:end], " "):
		end--
	case strings.HasSuffix(s[:end], "\u00a0"):
		end -= len("\u00a0")
	default:
		return i, i
	}
	start := end
	for start > 0 && isASCIILetter(s[start-1]) {
		start--
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:start]); start > 0 && isWordRune(r) || start == end {
		return i, i
	}
	return start, end
}

// skipOpeners returns where the tags and opening quotes right before i
// (with the space French puts after «) begin.
func skipOpeners(s string, i int) int {
	for {
		switch {
		case i > 0 && s[i-1] == '>':
			j := strings.LastIndexByte(s[:i], '<')
			if j < 0 || tagEnd(s, j) != i {
				return i
			}
			i = j
		case hasAnySuffix(s[:i], "«\u00a0", "«\u202f", "« "):
			i = strings.LastIndex(s[:i], "«")
		case hasAnySuffix(s[:i], "“", "«", "‘", "\"", "&quot;", "&#34;"):
			_, n := utf8.DecodeLastRuneInString(s[:i])
			if strings.HasSuffix(s[:i], ";") {
				n = len(s[:i]) - strings.LastIndexByte(s[:i], '&')
			}
			i -= n
		default:
			return i
		}
	}
}

// visibleText returns an HTML fragment's text without its tags.
func visibleText(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '<' {
			if end := tagEnd(s, i); end > 0 {
				i = end - 1
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
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
