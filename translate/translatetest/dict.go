package translatetest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/inline"
	"github.com/bitext/bitext/translate/remote"
)

// vocabulary returns the fake's French→English words, lowercased, for
// agency copy: function words, reporting verbs, days, months, titles.
func vocabulary() map[string]string {
	pairs := []string{
		"le", "the", "la", "the", "les", "the", "un", "a", "une", "a",
		"des", "some", "de", "of", "du", "of the", "et", "and", "ou", "or",
		"à", "to", "au", "to the", "aux", "to the", "en", "in", "dans", "in",
		"sur", "on", "pour", "for", "par", "by", "avec", "with", "sans", "without",
		"selon", "according to", "contre", "against", "après", "after", "avant", "before",
		"a", "has", "ont", "have", "est", "is", "sont", "are", "été", "been",
		"sera", "will be", "était", "was", "il", "he", "elle", "she", "ils", "they",
		"nous", "we", "qui", "who", "que", "that", "ce", "this", "cette", "this",
		"pas", "not", "plus", "more", "très", "very", "aussi", "also",
		"déclaré", "said", "annoncé", "announced", "indiqué", "indicated",
		"affirmé", "stated", "rencontré", "met", "reçu", "received", "signé", "signed",
		"président", "president", "ministre", "minister", "gouvernement", "government",
		"pays", "country", "ville", "city", "police", "police", "enquête", "investigation",
		"accord", "agreement", "réunion", "meeting", "sommet", "summit", "visite", "visit",
		"agence", "agency", "presse", "press", "porte-parole", "spokesman",
		"nouveau", "new", "nouvelle", "new", "nouvelles", "new", "premier", "first",
		"première", "first", "mesures", "measures", "personnes", "people",
		"millions", "million", "milliards", "billion", "euros", "euros", "ans", "years",
		"jour", "day", "semaine", "week", "mois", "month", "hier", "yesterday",
		"lundi", "Monday", "mardi", "Tuesday", "mercredi", "Wednesday", "jeudi", "Thursday",
		"vendredi", "Friday", "samedi", "Saturday", "dimanche", "Sunday",
		"janvier", "January", "février", "February", "mars", "March", "avril", "April",
		"mai", "May", "juin", "June", "juillet", "July", "août", "August",
		"septembre", "September", "octobre", "October", "novembre", "November",
		"décembre", "December", "nord", "north", "sud", "south", "coréen", "Korean",
		"français", "French", "française", "French", "Corée", "Korea",
		"m", "Mr", "mme", "Mrs",
	}
	d := make(map[string]string, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		d[strings.ToLower(pairs[i])] = pairs[i+1]
	}
	return d
}

// elisions are the French words that drop their vowel before an
// apostrophe (l'AFP, qu'il), with their English; "" drops the word.
var elisions = map[string]string{
	"l": "the", "d": "of", "qu": "that", "n": "", "s": "", "j": "I",
	"c": "it", "m": "me", "t": "you", "jusqu": "until", "lorsqu": "when",
}

// translateText translates a plain-text segment word for word. Words not
// in dict (names, numbers) are kept; punctuation and spacing are kept.
func translateText(dict map[string]string, s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			b.WriteRune(r)
			i += size
			continue
		}
		j := wordEnd(s, i)
		i = j + writeWord(&b, dict, s[i:j], s[j:])
	}
	return b.String()
}

// wordEnd returns the end of the word starting at i: letters, and hyphens
// between letters (porte-parole).
func wordEnd(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '-' {
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if !isWordRune(next) {
				return i
			}
		} else if !isWordRune(r) {
			return i
		}
		i += size
	}
	return i
}

// writeWord writes the translation of word, followed in s by rest, and
// returns how many bytes of rest it consumed (an elided apostrophe).
func writeWord(b *strings.Builder, dict map[string]string, word, rest string) int {
	lower := strings.ToLower(word)
	if en, ok := elisions[lower]; ok {
		if ap, size := utf8.DecodeRuneInString(rest); ap == '\'' || ap == '’' {
			if en != "" {
				b.WriteString(matchCase(word, en) + " ")
			}
			return size
		}
	}
	en, ok := dict[lower]
	if !ok || isAcronym(word) {
		b.WriteString(word)
		return 0
	}
	b.WriteString(matchCase(word, en))
	return 0
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// isAcronym reports all-capital words of two letters or more (AFP, ONU).
func isAcronym(w string) bool {
	return utf8.RuneCountInString(w) > 1 && strings.ToUpper(w) == w
}

// matchCase capitalises en when word starts with a capital.
func matchCase(word, en string) string {
	r, _ := utf8.DecodeRuneInString(word)
	if en == "" || !unicode.IsUpper(r) {
		return en
	}
	first, size := utf8.DecodeRuneInString(en)
	return string(unicode.ToUpper(first)) + en[size:]
}

// translateHTML translates the text of an HTML fragment, copying tags,
// entities and translate="no" spans byte for byte.
func translateHTML(dict map[string]string, s string) string {
	var b strings.Builder
	last := 0
	for _, sp := range remote.NoTranslateSpans(s) {
		b.WriteString(translateMarkup(dict, s[last:sp.Start]))
		b.WriteString(s[sp.Start:sp.End])
		last = sp.End
	}
	b.WriteString(translateMarkup(dict, s[last:]))
	return b.String()
}

// translateMarkup translates the text between the tags and entities of a
// fragment without protected spans (read with package inline's scanner).
func translateMarkup(dict map[string]string, s string) string {
	var b strings.Builder
	for _, t := range inline.Tokens(s) {
		if t.Kind == inline.TextToken {
			b.WriteString(translateText(dict, t.Raw))
		} else {
			b.WriteString(t.Raw)
		}
	}
	return b.String()
}
