package glossary

import (
	"fmt"
	"strings"
	"unicode"
)

// Format is a glossary file format.
type Format string

// The formats Parse reads and Write writes.
const (
	CSV  Format = "csv"
	TSV  Format = "tsv"
	YAML Format = "yaml"
	TBX  Format = "tbx"
)

// The languages a glossary translates between. TBX files name their
// languages; the other formats are always French to English.
const (
	SourceLang = "fr"
	TargetLang = "en"
)

// Parts of speech that change how an entry is matched and restored. Other
// values are kept as notes for the editor, and the entry is handled as
// [Entry.Infer] says.
const (
	// Name marks proper nouns: never inflected, and an English "the" the
	// engine gives a name the French put an article before is dropped ("la
	// Corée du Nord" → "North Korea"), unless the English name is said with
	// one (the Asan Institute, the United States, the UN).
	Name = "name"
	// Noun marks common nouns: plural French forms get a plural English
	// target ("missiles balistiques" → "ballistic missiles").
	Noun = "noun"
	// Adjective marks adjectives: inflected in French, invariable in
	// English ("nord-coréennes" → "North Korean"), placed before their
	// noun.
	Adjective = "adj"
	// Nationality marks nationality adjectives, which French also uses as
	// capitalised nouns: "les soldats nord-coréens" → "North Korean
	// soldiers", "les Nord-Coréens" → "North Koreans", "un Nord-Coréen" →
	// "a North Korean".
	Nationality = "nationality"
)

// Entry is one glossary term.
type Entry struct {
	// Source is the French term in its base form (masculine singular).
	Source string
	// Target is the English term. For do-not-translate entries it equals
	// Source.
	Target string
	// Note is free text for editors (context, sources, dates).
	Note string
	// POS is the part of speech the file gives: [Name], [Noun],
	// [Adjective], [Nationality], free text, or "" ([Entry.Kind] is what
	// the entry is handled as).
	POS string
	// CaseSensitive entries match only their exact spelling, or with a
	// capital first letter. Acronyms (KCNA) are case-sensitive by default.
	CaseSensitive bool
	// NoInflect turns off generated French forms; listed Variants still
	// match.
	NoInflect bool
	// Variants are extra French forms that match the entry (irregular
	// plurals, other spellings, the elided form of an article).
	Variants []string
	// File and Line say where the entry was read, for messages.
	File string
	Line int
}

// DoNotTranslate reports whether the entry keeps its French form.
func (e Entry) DoNotTranslate() bool { return e.Source == e.Target }

// Where returns "file:line" for messages.
func (e Entry) Where() string { return fmt.Sprintf("%s:%d", e.File, e.Line) }

// inflects reports whether French forms are generated for the entry: not
// for names and acronyms, which do not inflect. A do-not-translate noun
// (drone, drone) inflects, and its plural is English's.
func (e Entry) inflects() bool {
	if e.NoInflect || autoCaseSensitive(stripElision(e.Source)) {
		return false
	}
	return e.Kind() != Name
}

// autoCaseSensitive reports whether a term is an acronym, which formats
// without a case column treat as case-sensitive: two or more letters, all
// capitals (KCNA, ONU, G7).
func autoCaseSensitive(term string) bool {
	letters := 0
	for _, r := range term {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 2
}

// normPOS maps the usual spellings of a part of speech to the package's
// constants.
func normPOS(pos string) string {
	switch p := strings.ToLower(strings.TrimSpace(pos)); p {
	case "name", "proper noun", "propernoun", "propn", "np":
		return Name
	case "noun", "n", "nom", "common noun":
		return Noun
	case "adj", "adjective", "adjectif", "a":
		return Adjective
	case "nationality", "nationalité", "demonym", "gentilé", "gentile", "nat":
		return Nationality
	default:
		return p
	}
}

// clean trims the fields of an entry read from a file and fills the
// target of do-not-translate entries.
func (e *Entry) clean() {
	nl := strings.NewReplacer("\r\n", "\n", "\r", "\n")
	e.Source = strings.TrimSpace(e.Source)
	e.Target = strings.TrimSpace(e.Target)
	e.Note = strings.TrimSpace(nl.Replace(e.Note))
	e.POS = normPOS(e.POS)
	vs := make([]string, 0, len(e.Variants))
	for _, v := range e.Variants {
		if v = strings.TrimSpace(v); v != "" {
			vs = append(vs, v)
		}
	}
	e.Variants = vs
	if len(e.Variants) == 0 {
		e.Variants = nil
	}
}

// validate returns the problems of one entry read from a file.
func (e Entry) validate() []string {
	var msgs []string
	if e.Source == "" {
		msgs = append(msgs, "empty source term")
	} else if foldString(e.Source, true) == "" {
		msgs = append(msgs, fmt.Sprintf("source term %q is only spaces or hyphens", e.Source))
	}
	if e.Target == "" {
		msgs = append(msgs, "empty target term")
	}
	for _, t := range append([]string{e.Source, e.Target}, e.Variants...) {
		if badChar(t, false) {
			msgs = append(msgs, fmt.Sprintf("term %q holds a control character", t))
		}
	}
	if badChar(e.Note, true) {
		msgs = append(msgs, "note holds a control character")
	}
	return msgs
}

// badChar reports characters that have no place in a glossary (and that
// XML cannot hold): control characters, and line breaks outside notes.
func badChar(s string, note bool) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		if note && (r == '\n' || r == '\t') {
			return false
		}
		return r < 0x20 || r == 0x7F || r == 0xFFFE || r == 0xFFFF
	})
}
