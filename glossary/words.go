package glossary

import (
	"strings"
)

// The word lists the inference and the grammar rest on. They are small on
// purpose: endings and the few dozen words news copy uses, not a
// dictionary.

// englishDemonym reports whether an English term reads as a nationality
// (North Korean, Chinese, Israeli, US-South Korean): one to four
// capitalised words, the last with a nationality ending, or a known
// irregular one.
func englishDemonym(t string) bool {
	words := strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '-' })
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for i, w := range words {
		prefix := i < len(words)-1 && englishPrefixes[w]
		if !startsUpper(w) && !prefix || autoCaseSensitive(w) && len(words) == 1 {
			return false
		}
	}
	last := words[len(words)-1]
	if irregularDemonyms[last] {
		return true
	}
	for _, e := range []string{"ean", "ian", "an", "ese", "ish", "i", "ch"} {
		if len(last) > len(e)+2 && strings.HasSuffix(last, e) {
			return true
		}
	}
	return false
}

// englishPrefixes are the lower-case first parts of English compounds
// (anti-Ukrainian, pro-Russian).
var englishPrefixes = wordSet("anti pro pan ex neo post pre non ultra pseudo quasi semi super counter multi inter trans")

var irregularDemonyms = map[string]bool{"Swiss": true, "Greek": true, "Thai": true, "Arab": true,
	"Kurd": true, "Turk": true, "Lao": true, "Czech": true, "Dutch": true, "French": true, "Welsh": true,
	"Basque": true, "Uzbek": true, "Kazakh": true, "Afghan": true, "Serb": true, "Croat": true, "Slovak": true,
	"Slovene": true, "Filipino": true}

// frenchDemonym reports whether a French term has a nationality ending
// (nord-coréen, chinois, japonaise, américain, allemand, espagnol, russe):
// its last word, or the last part of a hyphenated word.
func frenchDemonym(s string) bool {
	w := strings.ToLower(lastPart(s))
	if irregularFrenchDemonyms[w] {
		return true
	}
	for _, e := range []string{"éen", "ien", "ais", "ois", "ain", "and", "ol", "ite", "ote", "in",
		"éenne", "ienne", "aise", "oise", "aine", "ande", "ole", "éens", "iens", "ains"} {
		if len(w) > len(e)+2 && strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

var irregularFrenchDemonyms = map[string]bool{"russe": true, "belge": true, "suisse": true, "arabe": true,
	"kurde": true, "tchèque": true, "slovaque": true, "grec": true, "turc": true, "thaï": true,
	"basque": true, "serbe": true, "croate": true, "slovène": true, "bosniaque": true, "ouzbek": true,
	"kazakh": true, "afghan": true, "danois": true, "suédois": true, "finlandais": true, "norvégien": true}

// lastPart returns the last word of a term, or the last part of its last
// hyphenated word.
func lastPart(s string) string {
	ws := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '\u2011' })
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1]
}

// frenchAdjective and englishAdjective report adjective endings.
func frenchAdjective(s string) bool {
	return hasAnySuffix(strings.ToLower(lastPart(s)), "al", "el", "if", "ique", "aire", "eux", "ible", "able", "iste")
}

func englishAdjective(s string) bool {
	return hasAnySuffix(strings.ToLower(lastPart(s)), "al", "ic", "ive", "ous", "ary", "ar", "ish",
		"ese", "ian", "ean", "ful", "less", "able", "ible", "ist")
}

// bothNounAndAdjective are French words with adjective endings that are as
// often nouns (les militaires, le nucléaire).
var bothNounAndAdjective = map[string]bool{"militaire": true, "nucléaire": true, "diplomate": true,
	"civil": true, "général": true, "communiste": true, "socialiste": true, "journaliste": true,
	"terroriste": true, "islamiste": true, "capital": true, "local": true, "rival": true, "officiel": true}

// takesThe reports whether an English name is said with "the": its head
// word is a common noun (the Asan Institute, the Unification Ministry, the
// Russian Far East, the Joint Chiefs of Staff), it is plural (the United
// States), or it is an acronym said letter by letter (the UN, the IAEA).
// The head is the word before "of", "for", "on", "in"…, else the last.
func takesThe(t string) bool {
	words := strings.Fields(t)
	if len(words) == 0 || strings.EqualFold(words[0], "the") {
		return false
	}
	if len(words) == 1 && autoCaseSensitive(words[0]) {
		return !wordLike(words[0])
	}
	head := words[len(words)-1]
	for i, w := range words {
		if i > 0 && englishPrepositions[w] {
			head = words[i-1]
			break
		}
	}
	h := strings.ToLower(strings.TrimRight(head, ".,"))
	if theHeads[h] || pluralNames[h] {
		return true
	}
	return len(words) > 1 && len(h) > 3 && strings.HasSuffix(h, "s") && !hasAnySuffix(h, "ss", "us", "is", "os")
}

// theHeads are English head nouns of names said with "the": institutions,
// titles, bodies of water and regions.
var theHeads = wordSet(`institute institution ministry department agency office committee commission
council union assembly parliament congress senate party army navy forces force guard guards bank fund
organization organisation court tribunal republic kingdom federation emirates sea ocean river gulf strait
straits peninsula channel canal desert front alliance coalition group corporation company foundation
museum centre center cabinet government administration treaty agreement accord convention secretariat
service authority board police church minister president premier chancellor secretary chairman
chairwoman chief spokesman spokeswoman spokesperson ambassador leader king queen prince princess emperor
pope internet kremlin pentagon vatican elysee élysée house palace zone line region territory territories
east west arctic antarctic pacific atlantic mediterranean caribbean sahara coast bay islands isles
mountains hills games cup championship olympics`)

// pluralNames are one-word names said with "the".
var pluralNames = wordSet("netherlands philippines bahamas maldives seychelles comoros balkans alps andes himalayas")

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
