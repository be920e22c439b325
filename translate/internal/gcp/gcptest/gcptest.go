// Package gcptest holds the translation engine of the test fakes of
// bitext's two Google backends: the REST fake of translate/google and the
// gRPC fake of translate/googlev3 answer with the same word-for-word
// translations, so that their tests read alike.
//
// # Behaviour
//
// [Dict.Words] translates word by word and keeps what it does not know
// (names, numbers, punctuation). [HTML] translates the text of an HTML
// fragment and escapes its output as Google does, leaving tags and
// translate="no" elements alone:
//
//	dict := gcptest.Dict{"le": "the", "président": "president"}
//	gcptest.HTML(`Le <b>président</b> l'a dit`, dict.Words)
//	// "The <b>president</b> l&#39;a dit"
package gcptest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Dict is a French→English vocabulary keyed by lower-case French words.
type Dict map[string]string

// Words translates s word by word with d, keeping spacing, punctuation,
// unknown words and an initial capital.
func (d Dict) Words(s string) string {
	var b strings.Builder
	start := -1
	for i, r := range s {
		isLetter := unicode.IsLetter(r)
		if isLetter && start < 0 {
			start = i
		} else if !isLetter && start >= 0 {
			b.WriteString(d.word(s[start:i]))
			start = -1
		}
		if !isLetter {
			b.WriteRune(r)
		}
	}
	if start >= 0 {
		b.WriteString(d.word(s[start:]))
	}
	return b.String()
}

// word returns the translation of w, capitalised like w, or w itself.
func (d Dict) word(w string) string {
	en, ok := d[strings.ToLower(w)]
	if !ok {
		return w
	}
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		er, size := utf8.DecodeRuneInString(en)
		en = string(unicode.ToUpper(er)) + en[size:]
	}
	return en
}

// HTML translates the text of the HTML fragment s with text. Tags and the
// content of translate="no" elements are copied as they are; translated
// text is escaped as Google escapes it (an apostrophe becomes &#39;).
func HTML(s string, text func(string) string) string {
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
			b.WriteString(html.EscapeString(text(tok.Data)))
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
