package deepl

import (
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/bitext/bitext/translate/remote"
)

var (
	voidTag     = regexp.MustCompile(`(?i)<(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)\b([^>]*?)\s*/?>`)
	closedVoid  = regexp.MustCompile(`(?i)<(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)\b[^>]*/>`)
	ampersand   = regexp.MustCompile(`&(?:#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)?`)
	ignoredOpen = regexp.MustCompile(`<x>`)
)

// xmlEntities are the entities XML knows without a DTD.
var xmlEntities = map[string]bool{"&amp;": true, "&lt;": true, "&gt;": true, "&quot;": true, "&apos;": true}

// toXML converts an HTML fragment to the well-formed XML DeepL parses:
// translate="no" spans become <x>…</x> (DeepL's ignored tag), void
// elements are closed (<br/>) and HTML's named entities become numeric.
func toXML(s string) string {
	s = remote.ReplaceSpans(s, func(_ int, sp remote.Span) string {
		return "<x>" + sp.Content + "</x>"
	})
	s = voidTag.ReplaceAllString(s, "<$1$2/>")
	return ampersand.ReplaceAllStringFunc(s, xmlEntity)
}

// xmlEntity returns an XML form of an HTML entity or lone ampersand.
func xmlEntity(e string) string {
	switch {
	case e == "&":
		return "&amp;"
	case e[1] == '#' || xmlEntities[e]:
		return e
	}
	u := html.UnescapeString(e)
	if u == e {
		return "&amp;" + e[1:] // unknown name: keep it as text
	}
	var b strings.Builder
	for _, r := range u {
		fmt.Fprintf(&b, "&#%d;", r)
	}
	return b.String()
}

// fromXML converts DeepL's translation of toXML(src) back: <x> tags become
// the source's span tags, void elements take their source form again, and
// each translate="no" span is restored byte for byte.
func fromXML(src, out string) (string, error) {
	spans := remote.NoTranslateSpans(src)
	opens := ignoredOpen.FindAllStringIndex(out, -1)
	if len(opens) != len(spans) {
		return "", fmt.Errorf("deepl: %d protected spans came back for %d sent", len(opens), len(spans))
	}
	i := 0
	out = ignoredOpen.ReplaceAllStringFunc(out, func(string) string {
		i++
		return spans[i-1].Open
	})
	out = strings.ReplaceAll(out, "</x>", "</span>")
	out = restoreVoids(src, out)
	return remote.RestoreSpans(Name, src, out)
}

// restoreVoids gives the closed void elements of out the exact form they
// had in src, in order, when the counts agree.
func restoreVoids(src, out string) string {
	orig := voidTag.FindAllString(src, -1)
	if len(orig) == 0 || len(closedVoid.FindAllString(out, -1)) != len(orig) {
		return out
	}
	i := 0
	return closedVoid.ReplaceAllStringFunc(out, func(string) string {
		i++
		return orig[i-1]
	})
}
