package glossary

import (
	"strings"

	"github.com/bitext/bitext/inline"
)

// spanOpen and spanClose wrap a protected term in the neutral form every
// backend understands (see translate.Request).
const (
	spanOpen  = `<span translate="no">`
	spanClose = `</span>`
)

// escapeText escapes text for an HTML text node. Only &, < and > are
// escaped: quotes and apostrophes stay as they are, so that engines see
// ordinary French typography.
func escapeText(s string) string {
	if !strings.ContainsAny(s, "&<>") {
		return s
	}
	return textEscaper.Replace(s)
}

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// The helpers below read markup for the folded view (fold.go) through
// bitext's one scanner of tags and entities, package inline.

// tagEnd returns the offset just past the tag or comment that starts at
// s[i] == '<', or -1 when the '<' does not start one.
func tagEnd(s string, i int) int {
	if _, end := inline.NewScanner(s).At(i); end > 0 {
		return end
	}
	return -1
}

// tagName returns the lower-case element name of a tag and whether it is
// a closing tag.
func tagName(tag string) (name string, closing bool) {
	t := inline.ParseTag(tag)
	return t.Name, t.Closing
}

// skipsContent reports whether the content of the element a start tag
// opens is never matched: inline code, scripts and styles, and anything
// marked do-not-translate (see inline.Tag.Opaque).
func skipsContent(tag string) bool {
	return strings.HasPrefix(tag, "<") && !strings.HasPrefix(tag, "<!") && inline.ParseTag(tag).Opaque()
}

// skipElement returns the offset just past the element whose start tag
// ends at s[from:], counting nested elements of the same name; the end of
// s when it is never closed.
func skipElement(s string, from int, name string) int {
	toks := append([]inline.Token{{Kind: inline.TagToken, Raw: "<" + name + ">"}}, inline.Tokens(s[from:])...)
	end := inline.ElementEnd(toks, 0)
	if end < 0 {
		return len(s)
	}
	return from + toks[end].Start + len(toks[end].Raw)
}

// entityAt returns the length of the character reference at s[i] == '&'
// and its decoded text, or 0 when it is not one.
func entityAt(s string, i int) (int, string) {
	n := inline.EntityLen(s[i:])
	if n == 0 {
		return 0, ""
	}
	return n, inline.Decode(s[i : i+n])
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
