package glossary

import (
	"bytes"
	"fmt"
	"strings"
)

// Violation is a glossary term of a source segment whose target is missing
// from the translation.
type Violation struct {
	// Match is the first occurrence of the term in the source segment.
	Match
}

// String describes the violation for messages.
func (v Violation) String() string {
	return fmt.Sprintf("%q must be translated %q", v.Text, v.Target)
}

// Check returns, for each glossary term found in source, a violation when
// target (its translation) does not contain the term's target as a whole
// word. Case-sensitive entries must keep their exact spelling (or be in
// capitals); others may differ in case. The singular and the plural of
// the target (North Korean, North Koreans) both count. With markup, both
// texts are HTML fragments. Terms inside an address, inline code or a
// do-not-translate element of the source are not checked: they were never
// translated.
func (g *Glossary) Check(source, target string, markup bool) []Violation {
	ms := g.findOutsideLinks(source, markup)
	if len(ms) == 0 {
		return nil
	}
	v := newView(target, markup, true)
	var out []Violation
	done := map[int]bool{}
	for _, m := range ms {
		if done[m.Entry] {
			continue
		}
		done[m.Entry] = true
		e := g.entries[m.Entry]
		if !containsTerm(v, target, m.Target, e.CaseSensitive, markup) &&
			!containsTerm(v, target, e.Target, e.CaseSensitive, markup) {
			out = append(out, Violation{Match: m})
		}
	}
	return out
}

// containsTerm reports whether a folded text holds term as whole words,
// allowing an English plural or possessive ending (-s, -es, 's).
func containsTerm(v *view, text, term string, cs, markup bool) bool {
	ft := []byte(foldString(term, true))
	if len(ft) == 0 {
		return true
	}
	for i := 0; ; {
		j := bytes.Index(v.fold[i:], ft)
		if j < 0 {
			return false
		}
		s := i + j
		if e, ok := wordEnd(v, s, s+len(ft)); ok && (!cs || sameCase(v, text, s, e, term, markup)) {
			return true
		}
		i = s + 1
	}
}

// wordEnd checks the boundaries of a folded occurrence [s, e), letting it
// run on over an English plural or possessive ending; it returns the end
// of the term proper.
func wordEnd(v *view, s, e int) (int, bool) {
	if v.bounded(s, e) {
		return e, true
	}
	for _, suf := range []string{"s", "es", "'s"} {
		if bytes.HasPrefix(v.fold[e:], []byte(suf)) && v.bounded(s, e+len(suf)) {
			return e, true
		}
	}
	return e, false
}

// sameCase checks the spelling of a case-sensitive term in the text.
func sameCase(v *view, text string, s, e int, term string, markup bool) bool {
	ts, te := v.span(s, e)
	got, want := foldMarkup(text[ts:te], markup), foldString(term, false)
	return got == want || got == upperFirst(want) || got == strings.ToUpper(want)
}
