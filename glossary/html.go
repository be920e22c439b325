package glossary

import (
	"html"
	"strings"
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
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// tagEnd returns the offset just past the tag that starts at s[i] == '<',
// or -1 when the '<' does not start a tag (a stray character in lenient
// HTML). Comments run to "-->"; quoted attribute values may hold '>'.
func tagEnd(s string, i int) int {
	if i+1 >= len(s) {
		return -1
	}
	c := s[i+1]
	if strings.HasPrefix(s[i:], "<!--") {
		if j := strings.Index(s[i+4:], "-->"); j >= 0 {
			return i + 4 + j + 3
		}
		return len(s)
	}
	if !(c == '/' || c == '!' || c == '?' || isASCIILetter(c)) {
		return -1
	}
	var quote byte
	for j := i + 1; j < len(s); j++ {
		switch {
		case quote != 0:
			if s[j] == quote {
				quote = 0
			}
		case s[j] == '"' || s[j] == '\'':
			quote = s[j]
		case s[j] == '>':
			return j + 1
		}
	}
	return -1
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// tagName returns the lower-case element name of a tag and whether it is
// a closing tag.
func tagName(tag string) (name string, closing bool) {
	t := strings.TrimPrefix(tag, "<")
	if strings.HasPrefix(t, "/") {
		closing, t = true, t[1:]
	}
	end := 0
	for end < len(t) && (isASCIILetter(t[end]) || (end > 0 && t[end] >= '0' && t[end] <= '9') || t[end] == '-') {
		end++
	}
	return strings.ToLower(t[:end]), closing
}

// skipsContent reports whether the content of the element a start tag
// opens is never matched: code and preformatted text, scripts, styles and
// anything already marked translate="no".
func skipsContent(tag string) bool {
	if strings.HasSuffix(tag, "/>") {
		return false
	}
	name, closing := tagName(tag)
	if closing {
		return false
	}
	switch name {
	case "code", "pre", "script", "style", "kbd", "samp":
		return true
	}
	return hasTranslateNo(tag)
}

// hasTranslateNo reports whether a start tag carries translate="no".
func hasTranslateNo(tag string) bool {
	t := strings.ToLower(tag)
	i := strings.Index(t, "translate")
	if i < 0 {
		return false
	}
	v := strings.TrimLeft(t[i+len("translate"):], " \t\n")
	if !strings.HasPrefix(v, "=") {
		return false
	}
	v = strings.Trim(strings.TrimLeft(v[1:], " \t\n"), `"'`)
	return strings.HasPrefix(v, "no")
}

// skipElement returns the offset just past the element whose start tag
// ends at s[from:], counting nested elements of the same name; the end of
// s when it is never closed.
func skipElement(s string, from int, name string) int {
	depth := 1
	for i := from; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		end := tagEnd(s, i)
		if end < 0 {
			continue
		}
		n, closing := tagName(s[i:end])
		if n == name && closing {
			depth--
		} else if n == name && !strings.HasSuffix(s[i:end], "/>") {
			depth++
		}
		if depth == 0 {
			return end
		}
		i = end - 1
	}
	return len(s)
}

// entityAt returns the length of the character reference at s[i] == '&'
// and its decoded text, or 0 when it is not one.
func entityAt(s string, i int) (int, string) {
	j := strings.IndexByte(s[i:min(len(s), i+34)], ';')
	if j < 2 {
		return 0, ""
	}
	ref := s[i : i+j+1]
	for k := 1; k < j; k++ {
		if c := ref[k]; !(isASCIILetter(c) || c >= '0' && c <= '9' || c == '#' && k == 1) {
			return 0, ""
		}
	}
	dec := html.UnescapeString(ref)
	if dec == ref {
		return 0, ""
	}
	return len(ref), dec
}
