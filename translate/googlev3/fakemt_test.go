package googlev3

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"cloud.google.com/go/translate/apiv3/translatepb"
	"golang.org/x/net/html"

	"github.com/bitext/bitext/translate"
)

func termPair(src, tgt string) translate.TermPair {
	return translate.TermPair{Source: src, Target: tgt}
}

// fakeDict is the fake's whole French–English vocabulary.
var fakeDict = map[string]string{
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
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	noDepth := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return b.String()
		}
		raw := string(z.Raw())
		tok := z.Token()
		switch {
		case tt == html.TextToken && noDepth == 0:
			b.WriteString(html.EscapeString(withTerms(tok.Data, terms)))
			continue
		case tt == html.StartTagToken && (noDepth > 0 || hasNoTranslate(tok)):
			noDepth++
		case tt == html.EndTagToken && noDepth > 0:
			noDepth--
		}
		b.WriteString(raw)
	}
}

func hasNoTranslate(tok html.Token) bool {
	for _, a := range tok.Attr {
		if a.Key == "translate" && a.Val == "no" {
			return true
		}
	}
	return false
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
		b.WriteString(translateWords(s[:at]))
		if which < 0 {
			break
		}
		b.WriteString(pairs[which][1])
		s = s[at+len(pairs[which][0]):]
	}
	return b.String()
}

// translateWords replaces known words, keeping spacing, punctuation and an
// initial capital.
func translateWords(s string) string {
	var b strings.Builder
	word := func(w string) {
		en, ok := fakeDict[strings.ToLower(w)]
		if !ok {
			b.WriteString(w)
			return
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			er, size := utf8.DecodeRuneInString(en)
			en = string(unicode.ToUpper(er)) + en[size:]
		}
		b.WriteString(en)
	}
	start := -1
	for i, r := range s {
		isLetter := unicode.IsLetter(r)
		if isLetter && start < 0 {
			start = i
		} else if !isLetter && start >= 0 {
			word(s[start:i])
			start = -1
		}
		if !isLetter {
			b.WriteRune(r)
		}
	}
	if start >= 0 {
		word(s[start:])
	}
	return b.String()
}
