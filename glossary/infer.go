package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Inference is what an entry is taken for: its part of speech, from the
// file when the file says, else inferred from the entry itself (French and
// English spelling, capitals, endings) and from French usage (French
// capitalises proper names and nationality nouns, not nationality
// adjectives; "les Nord-Coréens" is a noun, "les soldats nord-coréens" an
// adjective).
type Inference struct {
	// POS is [Name], [Noun], [Adjective] or [Nationality].
	POS string
	// Explicit is set when the file gave the part of speech.
	Explicit bool
	// Sure is false when the entry could well be something else; lint then
	// suggests writing the part of speech down.
	Sure bool
	// Why says what the inference rests on, for lint.
	Why string
	// Alt is the other part of speech the entry could be, when unsure.
	Alt string
}

// Kind returns the part of speech the entry is handled as: its POS when
// that is one of the package's (an adjective of nationality being a
// [Nationality]), else the inferred one (see [Entry.Infer]).
func (e Entry) Kind() string { return e.Infer().POS }

// Infer returns what the entry is taken for. Explicit parts of speech win.
// Otherwise, in order:
//
//   - a French acronym (RPDC, ONU) is a name when its English is an
//     acronym or written as a name (North Korea, UN, NATO), else a noun;
//   - a nationality is an entry whose English reads as one (North Korean,
//     Chinese) and whose French has a nationality ending (-éen, -ois,
//     -ais, -ain, -ien, -and, russe…), whatever its capital: nord-coréen
//     and Nord-Coréen;
//   - a capitalised French term whose English is written as a name is a
//     name (Corée du Nord → North Korea, Kim Jong-un), unless its English
//     head word takes "the" (Asan Institute, United States, Prime
//     Minister): a noun;
//   - a lower-case single word with adjective endings in both languages
//     (régional → regional) is an adjective;
//   - anything else is a common noun (missile balistique → ballistic
//     missile, ministère de l'Unification → Unification Ministry).
func (e Entry) Infer() Inference {
	src, tgt := stripElision(strings.TrimSpace(e.Source)), strings.TrimSpace(e.Target)
	nationality := frenchDemonym(src) && englishDemonym(tgt)
	switch p := normPOS(e.POS); {
	case p == Adjective && nationality:
		return Inference{POS: Nationality, Explicit: true, Sure: true, Why: "pos column (an adjective of nationality)"}
	case isKind(p):
		return Inference{POS: p, Explicit: true, Sure: true, Why: "pos column"}
	}
	switch {
	case autoCaseSensitive(src):
		return inferAcronym(tgt)
	case nationality:
		return Inference{POS: Nationality, Sure: true, Why: "nationality in French and in English"}
	case startsUpper(src):
		return inferCapitalised(tgt)
	}
	return inferLower(src, tgt)
}

// isKind reports whether a normalised POS is one of the package's.
func isKind(p string) bool {
	return p == Name || p == Noun || p == Adjective || p == Nationality
}

func inferAcronym(tgt string) Inference {
	switch {
	case autoCaseSensitive(tgt):
		return Inference{POS: Name, Sure: true, Why: `acronym: "the" kept when said letter by letter (the UN), not as a word (NATO)`}
	case nameLike(tgt) && !takesThe(tgt):
		return Inference{POS: Name, Sure: true, Why: "acronym of a name"}
	}
	return Inference{POS: Noun, Sure: true, Why: "acronym of a noun"}
}

func inferCapitalised(tgt string) Inference {
	switch {
	case !startsUpper(tgt):
		return Inference{POS: Noun, Sure: true, Why: "lower-case English"}
	case takesThe(tgt):
		return Inference{POS: Noun, Sure: true, Why: `English head word takes "the"`}
	case nameLike(tgt):
		return Inference{POS: Name, Sure: true, Why: "capitalised in French and in English"}
	}
	return Inference{POS: Name, Alt: Noun, Why: "capitalised French, English partly in lower case"}
}

func inferLower(src, tgt string) Inference {
	words := strings.Fields(src)
	both := frenchAdjective(src) && englishAdjective(tgt)
	switch {
	case src == tgt:
		return Inference{POS: Noun, Sure: true, Why: "lower-case term kept as it is (a loanword)"}
	case englishDemonym(tgt):
		return Inference{POS: Nationality, Alt: Noun, Why: "nationality in English, but no French nationality ending"}
	case len(words) > 1 && functionWords[strings.ToLower(words[0])]:
		return Inference{POS: Noun, Alt: Adjective, Why: "French phrase starting with a function word (an adjective phrase?)"}
	case len(words) > 1:
		return Inference{POS: Noun, Sure: true, Why: "French noun phrase"}
	case both && !bothNounAndAdjective[strings.ToLower(src)] && !strings.HasSuffix(src, "ique"):
		return Inference{POS: Adjective, Sure: true, Why: "adjective endings in French and in English"}
	case both:
		return Inference{POS: Adjective, Alt: Noun, Why: "adjective endings, but the word is often a noun too"}
	case frenchAdjective(src) || englishAdjective(tgt):
		return Inference{POS: Noun, Alt: Adjective, Why: "an adjective ending in one language only"}
	}
	return Inference{POS: Noun, Sure: true, Why: "lower-case French word"}
}

// stripElision removes an elided French article or preposition a term
// starts with (l'AFP, d'Ukraine).
func stripElision(s string) string {
	for _, p := range []string{"l'", "l’", "d'", "d’", "L'", "L’", "D'", "D’"} {
		if rest, ok := strings.CutPrefix(s, p); ok && rest != "" {
			return rest
		}
	}
	return s
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// nameLike reports whether an English term is written as a proper name:
// every word capitalised but the particles (of, the, and, de, von…).
func nameLike(t string) bool {
	words := strings.Fields(t)
	if len(words) == 0 {
		return false
	}
	for i, w := range words {
		if !startsUpper(w) && (i == 0 || !nameParticles[w]) {
			return false
		}
	}
	return true
}

var nameParticles = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true,
	"de": true, "du": true, "des": true, "la": true, "le": true, "von": true, "van": true, "der": true,
	"al": true, "bin": true, "da": true, "di": true, "y": true}

// wordLike reports whether an acronym is read as a word (NATO, OPEC,
// UNESCO) rather than letter by letter (UN, IAEA, KCNA): four letters or
// more, vowels among them, never three consonants or three vowels in a
// row.
func wordLike(a string) bool {
	if len(a) < 4 {
		return false
	}
	cons, vows, seen := 0, 0, false
	for _, r := range strings.ToUpper(a) {
		if r < 'A' || r > 'Z' {
			return false
		}
		if strings.ContainsRune("AEIOUY", r) {
			vows, cons, seen = vows+1, 0, true
		} else {
			cons, vows = cons+1, 0
		}
		if cons >= 3 || vows >= 3 {
			return false
		}
	}
	return seen
}
