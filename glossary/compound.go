package glossary

import (
	"unicode/utf8"
)

// Hyphenated compounds.
//
// French joins words with hyphens where English often does too
// ("américano-sud-coréen", "US-South Korean"), but a term inside a
// compound is as often part of another word ("Saint-Pétersbourg",
// "Jean-Pierre"). The rule: a term next to a hyphen matches only when the
// word on the other side of the hyphen is another term ("l'axe
// Pyongyang-Moscou") or, before it, a French first part whose English is
// known (compoundPrefixes); that part then belongs to the match, and its
// English to the target ("américano-sud-coréennes" → "US-South Korean",
// "anti-américain" → "anti-American"). Otherwise the whole compound is
// left to the engine.

// compoundPrefixes maps the French first parts of compounds to their
// English.
var compoundPrefixes = map[string]string{
	"américano": "US", "sino": "Sino", "franco": "Franco", "germano": "German", "anglo": "Anglo",
	"italo": "Italian", "nippo": "Japanese", "indo": "Indo", "israélo": "Israeli", "palestino": "Palestinian",
	"irano": "Iranian", "irako": "Iraqi", "syro": "Syrian", "turco": "Turkish", "gréco": "Greco",
	"austro": "Austro", "hispano": "Hispano", "euro": "Euro", "afro": "Afro", "judéo": "Judeo",
	"soviéto": "Soviet", "russo": "Russian", "coréano": "Korean", "belgo": "Belgian", "arabo": "Arab",
	"polono": "Polish", "ukraino": "Ukrainian", "nord coréano": "North Korean", "sud coréano": "South Korean", "nippo-américano": "Japanese-US",
	"anti": "anti", "pro": "pro", "ex": "ex", "néo": "neo", "post": "post", "pré": "pre",
	"ultra": "ultra", "pan": "pan", "non": "non", "pseudo": "pseudo", "quasi": "quasi", "semi": "semi",
	"super": "super", "contre": "counter", "multi": "multi", "inter": "inter", "trans": "trans",
}

// compounds applies the compound rule to the hits of a text: it drops the
// hits inside compounds and extends those after a known first part.
func compounds(v *view, text string, hits []hit) []hit {
	starts, ends := map[int]bool{}, map[int]bool{}
	for _, h := range hits {
		starts[h.s], ends[h.e] = true, true
	}
	out := hits[:0]
	for _, h := range hits {
		if hyphenAt(v, text, h.e) && !starts[h.e+1] {
			continue
		}
		if hyphenAt(v, text, h.s-1) && !ends[h.s-1] {
			ps, en, ok := prefixBefore(v, text, h.s-1)
			if !ok {
				continue
			}
			h.s, h.prefix = ps, en
		}
		out = append(out, h)
	}
	return out
}

// hyphenAt reports whether folded byte i is a separator that was one
// hyphen between two letters in the text.
func hyphenAt(v *view, text string, i int) bool {
	if i <= 0 || i+1 >= len(v.fold) || v.fold[i] != sepByte {
		return false
	}
	t := int(v.orig[i])
	r, n := utf8.DecodeRuneInString(text[t:])
	if r != '-' && r != '\u2010' && r != '\u2011' || int(v.orig[i+1]) != t+n {
		return false
	}
	before, _ := utf8.DecodeLastRune(v.fold[:i])
	after, _ := utf8.DecodeRune(v.fold[i+1:])
	return isWordRune(before) && isWordRune(after)
}

// prefixBefore returns the folded start and the English of the known
// first part of a compound that ends with the hyphen at folded byte i: one
// word (américano-), or two (nord-coréano-); ok is false when there is no
// such part.
func prefixBefore(v *view, text string, i int) (int, string, bool) {
	s := foldedWordStart(v, i)
	if hyphenAt(v, text, s-1) {
		s = foldedWordStart(v, s-1)
		if hyphenAt(v, text, s-1) {
			return 0, "", false
		}
	}
	en, ok := compoundPrefixes[string(v.fold[s:i])]
	if !ok {
		return 0, "", false
	}
	return s, capitalLike(v, text, s, en), true
}

// foldedWordStart returns where the folded word that ends at i starts.
func foldedWordStart(v *view, i int) int {
	s := i
	for s > 0 {
		r, n := utf8.DecodeLastRune(v.fold[:s])
		if !isWordRune(r) {
			break
		}
		s -= n
	}
	return s
}

// capitalLike gives the English of a first part the capital of the French
// one, which starts at folded byte s.
func capitalLike(v *view, text string, s int, en string) string {
	if ts, _ := v.span(s, s); startsUpper(text[ts:]) {
		return upperFirst(en)
	}
	return en
}
