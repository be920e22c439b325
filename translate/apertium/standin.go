package apertium

import (
	"strings"
	"unicode"
)

// Protected elements and stand-in words.
//
// An element with translate="no" (a glossary term, already in its English
// form) could be sent to Apertium as one superblank, as apertium-deshtml
// does; the engine then sees the sentence without the word, and its grammar
// breaks around the gap: "Séoul accueillera…" becomes "Seoul It will
// receive…", "le dirigeant nord-coréen" "the leader North Korean". Instead
// each such element is replaced by a stand-in: a word the French→English
// route knows and carries through unchanged in meaning, of the part of
// speech the element plays. After translation the stand-in is found in the
// output and the element put back in its place, byte for byte.
//
// The part of speech is guessed from the French word before the element
// and from the element's text (the glossary puts the English target
// there):
//
//   - after a determiner (le, la, les, l', du, un, ces…) a common noun of
//     the determiner's number and gender ("l'umbrella" keeps its "the");
//   - after a noun, when the text reads as an adjective (a nationality:
//     North Korean, US-South Korean, Japanese; or a lower-case word with an
//     adjective ending: regional, nuclear, ballistic), an adjective that
//     agrees in both genders (belge → Belgian), so that English puts it
//     before the noun;
//   - a figure (the pipeline puts its English form there: 3,500, €45,000,
//     8 p.m., noon, 21 August 2024) a number Apertium passes through
//     (4817), so that the words around it agree as with a number;
//   - anywhere else an invariant proper noun (Oslo, Lima, Madrid).

// kind is the part of speech a stand-in plays.
type kind int

const (
	properNoun kind = iota
	commonNoun
	adjective
	// numeral stands for a figure (a number, an amount, a time, a date):
	// Apertium passes digits through and builds the sentence around a
	// number as it would around the figure ("3571 millions de wons" →
	// "3571 million wons").
	numeral
	// ordinal stands for an ordinal number (1st, 43rd): a French ordinal
	// word Apertium translates (neuvième → ninth).
	ordinal
)

// standIn is a French word sent in place of a protected element, with the
// English forms its translation takes.
type standIn struct {
	kind kind
	// feminine is set for feminine common nouns.
	feminine bool
	// sg and pl are the French singular and plural (equal for names).
	sg, pl string
	// en lists the lower-case English forms the output may hold.
	en []string
}

// defaultStandIns returns the stand-ins used unless a test sets others.
// Each one is checked through the installed pipelines by
// TestStandInsSurviveApertium: it must come out exactly once, in one of its
// English forms, in every test sentence.
func defaultStandIns() []standIn {
	names := []string{"Oslo", "Lima", "Madrid", "Berlin", "Dakar", "Manila", "Caracas", "Bogota", "Sofia", "Kiev"}
	var ss []standIn
	for _, n := range names {
		ss = append(ss, standIn{kind: properNoun, sg: n, pl: n, en: []string{strings.ToLower(n)}})
	}
	nouns := []struct {
		fem       bool
		sg, pl    string
		enSg, enP string
	}{
		{false, "parapluie", "parapluies", "umbrella", "umbrellas"},
		{false, "violon", "violons", "violin", "violins"},
		{false, "perroquet", "perroquets", "parrot", "parrots"},
		{false, "pingouin", "pingouins", "penguin", "penguins"},
		{true, "baleine", "baleines", "whale", "whales"},
		{true, "chèvre", "chèvres", "goat", "goats"},
		{true, "grenouille", "grenouilles", "frog", "frogs"},
		{true, "abeille", "abeilles", "bee", "bees"},
	}
	for _, n := range nouns {
		ss = append(ss, standIn{kind: commonNoun, feminine: n.fem, sg: n.sg, pl: n.pl, en: []string{n.enSg, n.enP}})
	}
	for _, n := range []string{"4817", "5923", "6271", "7349", "8462", "3581", "2693", "9174", "1738", "6052"} {
		ss = append(ss, standIn{kind: numeral, sg: n, pl: n, en: []string{n}})
	}
	for _, o := range [][2]string{{"cinquième", "fifth"}, {"sixième", "sixth"}, {"septième", "seventh"},
		{"huitième", "eighth"}, {"neuvième", "ninth"}, {"onzième", "eleventh"}, {"douzième", "twelfth"}} {
		ss = append(ss, standIn{kind: ordinal, sg: o[0], pl: o[0], en: []string{o[1]}})
	}
	adjs := [][3]string{{"belge", "belges", "belgian"}, {"suisse", "suisses", "swiss"},
		{"tchèque", "tchèques", "czech"}, {"serbe", "serbes", "serbian"}}
	for _, a := range adjs {
		ss = append(ss, standIn{kind: adjective, sg: a[0], pl: a[1], en: []string{a[2]}})
	}
	return ss
}

// occursIn reports whether the stand-in, in French or English, could
// already be in a segment (text lower-cased): a stand-in must be the only
// source of its English form in the output.
func (s *standIn) occursIn(text string) bool {
	stem := s.sg
	if n := len([]rune(stem)); n > 5 {
		stem = string([]rune(stem)[:5])
	}
	if strings.Contains(text, strings.ToLower(stem)) {
		return true
	}
	for _, e := range s.en {
		if strings.Contains(text, e) {
			return true
		}
	}
	return false
}

// role is what an element stands for in its sentence.
type role struct {
	kind             kind
	plural, feminine bool
}

// determiners maps the French determiners that announce a common noun to
// their number and gender: "p" plural, "f" feminine, "m" masculine, ""
// either.
var determiners = map[string]string{
	"le": "m", "la": "f", "l'": "", "les": "p", "du": "m", "des": "p", "au": "m", "aux": "p",
	"un": "m", "une": "f", "ce": "m", "cet": "m", "cette": "f", "ces": "p",
	"son": "m", "sa": "f", "ses": "p", "leur": "", "leurs": "p", "notre": "", "nos": "p",
	"votre": "", "vos": "p", "mon": "m", "ma": "f", "mes": "p", "ton": "m", "ta": "f", "tes": "p",
	"chaque": "", "plusieurs": "p", "quelques": "p",
}

// notNouns are frequent lower-case French words after which an element
// cannot be an adjective of that word.
var notNouns = map[string]bool{
	"et": true, "ou": true, "de": true, "d'": true, "à": true, "en": true, "par": true, "pour": true,
	"sur": true, "dans": true, "avec": true, "sans": true, "selon": true, "chez": true, "entre": true,
	"vers": true, "contre": true, "que": true, "qu'": true, "qui": true, "dont": true, "est": true,
	"sont": true, "a": true, "ont": true, "était": true, "étaient": true, "être": true, "sera": true,
	"seront": true, "très": true, "plus": true, "moins": true, "mais": true, "comme": true, "si": true,
	"il": true, "elle": true, "ils": true, "elles": true, "on": true, "nous": true, "vous": true,
	"se": true, "s'": true, "ne": true, "n'": true, "pas": true, "y": true, "lui": true, "leur": true,
	"devenu": true, "devenue": true, "depuis": true, "après": true, "avant": true, "pendant": true,
}

// demonymEndings are the endings of English nationality adjectives.
var demonymEndings = []string{"ean", "ian", "ese", "ish", "ican", "ench", "utch", "zech"}

// roleOf guesses what an element stands for from the French word before it
// (lower-cased, an elided article with its apostrophe) and its text.
func roleOf(prev, text string) role {
	if ordinalLike(text) {
		return role{kind: ordinal}
	}
	if figureLike(text) {
		return role{kind: numeral}
	}
	if d, ok := determiners[prev]; ok {
		return role{kind: commonNoun, plural: d == "p", feminine: d == "f"}
	}
	if nounLike(prev) && (demonymLike(text) || adjectiveLike(text)) {
		return role{kind: adjective, plural: strings.HasSuffix(prev, "s") || strings.HasSuffix(prev, "x")}
	}
	return role{kind: properNoun}
}

// figureLike reports whether an element's text is a figure in English: it
// starts with a digit, or a currency sign and a digit, or is noon or
// midnight.
func figureLike(text string) bool {
	t := strings.TrimLeft(text, "€$£¥")
	if t != "" && t[0] >= '0' && t[0] <= '9' {
		return true
	}
	return text == "noon" || text == "midnight"
}

// ordinalLike reports whether an element's text is an English ordinal
// number (1st, 22nd, 43rd, 21st).
func ordinalLike(text string) bool {
	d := strings.TrimLeft(text, "0123456789")
	return len(d) < len(text) && (d == "st" || d == "nd" || d == "rd" || d == "th")
}

// nounLike reports whether a lower-case word may be a noun an adjective
// follows.
func nounLike(w string) bool {
	if len(w) < 3 || notNouns[w] {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' || unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// demonymLike reports whether an English text reads as a nationality
// adjective: one to three capitalised words, the last with a demonym
// ending (North Korean, Japanese, British).
func demonymLike(text string) bool {
	words := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '-' })
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if w[0] < 'A' || w[0] > 'Z' {
			return false
		}
	}
	last := words[len(words)-1]
	for _, e := range demonymEndings {
		if len(last) > len(e)+1 && strings.HasSuffix(last, e) {
			return true
		}
	}
	return false
}

// adjectiveEndings are the endings of English adjectives that follow their
// noun in French (régional, nucléaire, balistique, offensif, dangereux).
var adjectiveEndings = []string{"al", "ic", "ical", "ive", "ous", "ary", "ar", "ible", "able"}

// adjectiveLike reports whether an English text is one lower-case word
// with an adjective ending.
func adjectiveLike(text string) bool {
	if text == "" || strings.ContainsAny(text, " -") || text != strings.ToLower(text) {
		return false
	}
	for _, e := range adjectiveEndings {
		if len(text) > len(e)+2 && strings.HasSuffix(text, e) {
			return true
		}
	}
	return false
}

// chooser picks the stand-ins of one segment: each used once, none that
// could already be in the segment.
type chooser struct {
	pool []standIn
	text string
	used []bool
}

func newChooser(pool []standIn, segment string) *chooser {
	return &chooser{pool: pool, text: strings.ToLower(segment), used: make([]bool, len(pool))}
}

// pick returns the French word to send for an element of role r and the
// stand-in it belongs to; nil when the pool is exhausted. A common noun of
// the wrong gender is taken before a proper noun, and a proper noun when
// no other fits.
func (c *chooser) pick(r role) (string, *standIn) {
	fits := []func(s *standIn) bool{
		func(s *standIn) bool { return s.kind == r.kind && (s.kind != commonNoun || s.feminine == r.feminine) },
		func(s *standIn) bool { return s.kind == r.kind },
		func(s *standIn) bool { return s.kind == properNoun && r.kind != numeral && r.kind != ordinal },
	}
	for _, fit := range fits {
		for i := range c.pool {
			s := &c.pool[i]
			if c.used[i] || !fit(s) || s.occursIn(c.text) {
				continue
			}
			c.used[i] = true
			if r.plural && s.kind == r.kind {
				return s.pl, s
			}
			return s.sg, s
		}
	}
	return "", nil
}
