package apy

import (
	"strconv"
	"strings"

	"github.com/bitext/bitext/inline"
)

// Do-not-translate elements (any element with translate="no", such as the
// neutral <span translate="no">…</span>) are sent to APY as
// <apertium-notrans>bitextN</apertium-notrans>, which Apertium's HTML
// deformatter turns into one superblank and gives back untouched; restore
// then puts the original element back byte for byte. Both read markup with
// package inline's scanner.

const (
	refOpen  = "<apertium-notrans>bitext"
	refClose = "</apertium-notrans>"
)

// protect replaces the do-not-translate elements of an HTML fragment by
// numbered references and returns the elements.
func protect(s string) (string, []string) {
	toks := inline.Tokens(s)
	var kept []string
	var b strings.Builder
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		tag := inline.ParseTag(t.Raw)
		if t.Kind != inline.TagToken || tag.Closing || !tag.NoTranslate() {
			b.WriteString(t.Raw)
			continue
		}
		end := i
		if !tag.SelfClosing && !tag.Void() {
			end = closeOf(toks, i, tag.Name)
		}
		var elem strings.Builder
		for _, e := range toks[i : end+1] {
			elem.WriteString(e.Raw)
		}
		b.WriteString(refOpen + strconv.Itoa(len(kept)) + refClose)
		kept = append(kept, elem.String())
		i = end
	}
	return b.String(), kept
}

// closeOf returns the index of the token closing the element name opened
// at toks[i], counting nested elements of the same name; the last token
// when it is never closed.
func closeOf(toks []inline.Token, i int, name string) int {
	depth := 1
	for j := i + 1; j < len(toks); j++ {
		if toks[j].Kind != inline.TagToken {
			continue
		}
		switch t := inline.ParseTag(toks[j].Raw); {
		case t.Name != name || t.SelfClosing:
		case t.Closing:
			depth--
		default:
			depth++
		}
		if depth == 0 {
			return j
		}
	}
	return len(toks) - 1
}

// restore puts the elements protect took out back in place.
func restore(s string, kept []string) string {
	if len(kept) == 0 {
		return s
	}
	var b strings.Builder
	for {
		k := strings.Index(s, refOpen)
		if k < 0 {
			return b.String() + s
		}
		b.WriteString(s[:k])
		rest := s[k+len(refOpen):]
		e := strings.Index(rest, refClose)
		n, err := strconv.Atoi(rest[:max(e, 0)])
		if e < 0 || err != nil || n < 0 || n >= len(kept) {
			b.WriteString(refOpen)
			s = rest
			continue
		}
		b.WriteString(kept[n])
		s = rest[e+len(refClose):]
	}
}
