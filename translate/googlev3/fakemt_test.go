package googlev3

import (
	"sort"
	"strings"

	"cloud.google.com/go/translate/apiv3/translatepb"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/internal/gcp/gcptest"
)

func termPair(src, tgt string) translate.TermPair {
	return translate.TermPair{Source: src, Target: tgt}
}

// fakeDict is the fake's whole French–English vocabulary.
var fakeDict = gcptest.Dict{
	"le": "the", "la": "the", "les": "the", "président": "president", "a": "has",
	"déclaré": "said", "ministre": "minister", "mardi": "Tuesday", "lundi": "Monday",
	"et": "and", "de": "of", "du": "of the", "dans": "in", "un": "a", "une": "a",
	"accord": "agreement", "gouvernement": "government", "palais": "palace",
}

// fakeTranslate translates word by word, glossary terms first. In HTML mode
// it leaves tags and translate="no" elements alone and escapes its output.
func fakeTranslate(s string, isHTML bool, terms []*translatepb.GlossaryEntry) string {
	if !isHTML {
		return withTerms(s, terms)
	}
	return gcptest.HTML(s, func(text string) string { return withTerms(text, terms) })
}

// withTerms replaces glossary sources (longest first) by their targets and
// translates the text between them word by word.
func withTerms(s string, terms []*translatepb.GlossaryEntry) string {
	pairs := make([][2]string, 0, len(terms))
	for _, e := range terms {
		p := e.GetTermsPair()
		pairs = append(pairs, [2]string{p.GetSourceTerm().GetText(), p.GetTargetTerm().GetText()})
	}
	sort.Slice(pairs, func(i, j int) bool { return len(pairs[i][0]) > len(pairs[j][0]) })
	var b strings.Builder
	for s != "" {
		at, which := len(s), -1
		for i, p := range pairs {
			if k := strings.Index(s, p[0]); k >= 0 && k < at {
				at, which = k, i
			}
		}
		b.WriteString(fakeDict.Words(s[:at]))
		if which < 0 {
			break
		}
		b.WriteString(pairs[which][1])
		s = s[at+len(pairs[which][0]):]
	}
	return b.String()
}
