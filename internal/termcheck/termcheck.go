// Package termcheck counts broken English around glossary terms in
// translations: the forms issue 14 names (the North Korea, NORTH KOREA,
// North Korean have, missiles North Korean, américano-South Korean,
// norcoreanos). scripts/glossary-eval.sh (through benchtool english) and
// the glossary package's tests use it, so that both count the same way.
//
// The patterns know the targets of the repository's test glossaries (see
// [Names] and [Demonyms]); they are written here, not inferred, so that
// the count does not depend on the code it measures.
package termcheck

import (
	"html"
	"regexp"
	"strings"
)

// Form is one kind of broken English around a term.
type Form struct {
	// Name describes the form, with an example.
	Name string
	// find returns the occurrences of the form in en, the translation of
	// src (both plain text).
	find func(src, en string) []string
}

// Names are the proper names among the test glossaries' targets (names
// said without "the"); Demonyms their nationality adjectives.
const (
	Names = `North Korea|South Korea|Kim Jong-un|Kim Yo-jong|Pak Thae-song|Koo Byoung-sam|Lee Sang-min|` +
		`Seoul|Pyongyang|Moscow|Beijing|Tokyo|Japan|Russia|China|Ukraine|Vladivostok|Khasan|Rajin|` +
		`Agence France-Presse|KCNA|Yonhap|Hokkaido|Gangnam|Alexander Novak`
	Demonyms = `North Korean|South Korean|American|Russian|US-South Korean|Chinese`
)

const (
	pluralVerbs  = `have|are|were|had|do|did|vote|voted|work|live|fight|say|said`
	notNounWords = `the|a|an|of|and|or|to|by|in|on|at|for|with|from|into|than|as|that|which|who|` +
		`is|are|was|were|be|been|being|has|have|had|its|their|his|her|our|these|those|this|all|both|` +
		`two|three|several|many|some|other|new|former|top|senior|said|says|about|against|between|` +
		// French words a word-for-word engine leaves in place.
		`deux|trois|les|des|de|du|la|le|et|ses|leurs`
)

// Forms are the broken forms counted, in report order.
var Forms = []Form{
	{"article before a name (the North Korea)", regexFinder(`\b(?:the|The|THE) (?:` + Names + `)\b`)},
	{"target in capitals (NORTH KOREA)", capitals},
	{"singular nationality as a plural noun (North Korean have)", regexFinder(`\b(?:` + Demonyms + `) (?:` + pluralVerbs + `)\b`)},
	{"adjective after its noun (missiles North Korean)", postposed},
	{"French compound left (américano-South Korean)", regexFinder(`\b\p{Ll}+o-\p{Lu}[\p{L}-]*(?: \p{Lu}\p{L}*)?`)},
	{"Spanish or French left for a term (norcoreanos)", regexFinder(`(?i)\b(?:nor|sur)corean\w*|\b(?:nord|sud)-coréen\w*`)},
}

// Find returns the broken forms in the translation en of src, both HTML
// fragments or plain text, by form name.
func Find(src, en string) map[string][]string {
	src, en = Plain(src), Plain(en)
	out := map[string][]string{}
	for _, f := range Forms {
		if ms := f.find(src, en); len(ms) > 0 {
			out[f.Name] = ms
		}
	}
	return out
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// Plain returns the text of a segment: tags removed, entities decoded.
func Plain(s string) string { return html.UnescapeString(tagRE.ReplaceAllString(s, "")) }

var (
	postposedRE = regexp.MustCompile(`\b(\p{L}+) (` + Demonyms + `)\b(?:-\p{L}+)?`)
	notNounRE   = regexp.MustCompile(`^(?i:` + notNounWords + `)$`)
	capsRE      = regexp.MustCompile(`\b(?:` + strings.ToUpper(Names+"|"+Demonyms) + `)\b`)
)

// postposed finds a nationality adjective right after a noun: a
// lower-case word that is no function word, or a capitalised title.
func postposed(_, en string) []string {
	var out []string
	for _, m := range postposedRE.FindAllStringSubmatch(en, -1) {
		w := m[1]
		if notNounRE.MatchString(w) || strings.HasSuffix(w, "ly") {
			continue
		}
		if w[0] >= 'A' && w[0] <= 'Z' && w != "Premier" && w != "Minister" {
			continue
		}
		out = append(out, m[0])
	}
	return out
}

// capitals finds targets written in capitals when the French segment is
// not a headline in capitals; targets that are acronyms themselves (KCNA)
// do not count.
func capitals(src, en string) []string {
	if strings.ToUpper(src) == src {
		return nil
	}
	var out []string
	for _, m := range capsRE.FindAllString(en, -1) {
		if m != "KCNA" {
			out = append(out, m)
		}
	}
	return out
}

func regexFinder(expr string) func(src, en string) []string {
	re := regexp.MustCompile(expr)
	return func(_, en string) []string { return re.FindAllString(en, -1) }
}
