package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// frenchContext is the French word right before an occurrence, as the
// grammar needs it: lower-cased, an elided word with its apostrophe
// ("l'"); "" when punctuation or the start of the text comes first.
type frenchContext struct {
	word string
}

// apostrophes are the spellings of an apostrophe in text and in HTML.
var apostrophes = []string{"'", "’", "&#8217;", "&rsquo;", "&#39;", "&apos;", "&#x2019;"}

// frenchBefore returns the word before the end of s, skipping white space
// and, in HTML fragments, tags.
func frenchBefore(s string, markup bool) frenchContext {
	s = trimSpaceAndTags(s, markup)
	for _, a := range apostrophes {
		if rest, ok := strings.CutSuffix(s, a); ok {
			return frenchContext{word: strings.ToLower(lastWord(rest)) + "'"}
		}
	}
	return frenchContext{word: strings.ToLower(lastWord(s))}
}

// trimSpaceAndTags removes white space (and tags, with markup) from the
// end of s.
func trimSpaceAndTags(s string, markup bool) string {
	for {
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		if !markup || !strings.HasSuffix(s, ">") {
			return s
		}
		j := strings.LastIndexByte(s, '<')
		if j < 0 || tagEnd(s, j) != len(s) {
			return s
		}
		s = s[:j]
	}
}

// lastWord returns the run of letters, digits and inner hyphens at the end
// of s.
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !isWordRune(r) && !(r == '-' && i < len(s)) {
			break
		}
		i -= n
	}
	return strings.TrimLeft(s[i:], "-")
}

// frenchDeterminers are the French words that announce a noun, with their
// number: "p" plural, "s" singular, "" either.
var frenchDeterminers = map[string]string{
	"le": "s", "la": "s", "l'": "s", "les": "p", "un": "s", "une": "s", "des": "p", "du": "s",
	"au": "s", "aux": "p", "ce": "s", "cet": "s", "cette": "s", "ces": "p", "son": "s", "sa": "s",
	"ses": "p", "leur": "s", "leurs": "p", "notre": "s", "nos": "p", "votre": "s", "vos": "p",
	"mon": "s", "ma": "s", "mes": "p", "plusieurs": "p", "quelques": "p", "certains": "p",
	"certaines": "p", "deux": "p", "trois": "p", "quatre": "p", "cinq": "p", "six": "p", "sept": "p",
	"huit": "p", "neuf": "p", "dix": "p", "cent": "p", "mille": "p", "nombreux": "p", "nombreuses": "p",
}

// article returns the determiner before the occurrence, or "".
func (c frenchContext) article() string {
	if _, ok := frenchDeterminers[c.word]; ok {
		return c.word
	}
	return ""
}

// definite reports whether the determiner before the occurrence is a
// definite article, alone or in du, des, au, aux: the one English drops
// before most names (la Corée du Nord → North Korea).
func (c frenchContext) definite() bool {
	switch c.word {
	case "le", "la", "l'", "les", "du", "des", "au", "aux":
		return true
	}
	return false
}

// plural reports whether the word before the occurrence is a plural
// determiner.
func (c frenchContext) plural() bool { return frenchDeterminers[c.word] == "p" }

// noun reports whether the word before the occurrence may be the noun an
// adjective follows: a lower-case word of three letters or more that is
// no function word, auxiliary or adverb.
func (c frenchContext) noun() bool {
	w := c.word
	if utf8.RuneCountInString(w) < 3 || frenchNotNouns[w] || frenchDeterminers[w] != "" || strings.HasSuffix(w, "'") {
		return false
	}
	return !strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
}

// nationalityNoun reports whether a nationality occurrence is a noun:
// capitalised, as French writes nationality nouns ("les Nord-Coréens"),
// or right after a determiner ("des nord-coréens").
func nationalityNoun(occ string, c frenchContext) bool {
	return startsUpper(occ) || c.article() != ""
}

// frenchNotNouns are frequent French words after which a word is not an
// adjective of theirs.
var frenchNotNouns = wordSet(`et ou de à en par pour sur dans avec sans selon chez entre vers contre que
qui dont est sont était étaient être sera seront serait très plus moins mais comme si il elle ils elles on
nous vous se ne pas lui leur devenu devenue devenus devenues depuis après avant pendant aussi tous toutes
tout toute été reste restent semble semblent jugé jugée jugés jugées considéré considérée considérés
considérées déclaré déclarée dit dite pays`)

// Spans returns the occurrences to protect in a segment: those of Find,
// with a noun term directly followed by an adjective term joined into one
// span whose target is in English order ("le Premier ministre nord-coréen"
// → "the North Korean Prime Minister", "les missiles balistiques
// nord-coréens" → "the North Korean ballistic missiles"). The joined
// match keeps the noun's entry, kind and article.
func (g *Glossary) Spans(text string, markup bool) []Match {
	ms := g.Find(text, markup)
	out := ms[:0]
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if i+1 < len(ms) && joins(text, m, ms[i+1]) {
			adj := ms[i+1]
			m.End, m.Text = adj.End, text[m.Start:adj.End]
			m.Target = adj.Target + " " + m.Target
			i++
		}
		out = append(out, m)
	}
	return out
}

// joins reports whether an adjective term follows a noun term with only
// spaces between them.
func joins(text string, noun, adj Match) bool {
	return noun.Kind == Noun && (adj.Kind == Adjective || adj.Kind == Nationality) &&
		strings.TrimSpace(text[noun.End:adj.Start]) == "" && noun.End < adj.Start
}
