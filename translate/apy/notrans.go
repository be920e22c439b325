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
			if end = inline.ElementEnd(toks, i); end < 0 {
				end = len(toks) - 1 // never closed: runs to the end
			}
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
