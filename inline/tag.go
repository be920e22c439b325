package inline

import (
	"html"
	"strings"
)

// Tag is a tag read from its raw form.
type Tag struct {
	// Name is the element name, lower-cased ("em", "a", "apertium-notrans").
	Name string
	// Closing is set for end tags (</em>), SelfClosing for tags written
	// <br/>.
	Closing, SelfClosing bool
	// Attrs are the attributes in order, names lower-cased, values
	// decoded.
	Attrs []Attr
}

// Attr is one attribute of a tag.
type Attr struct{ Name, Value string }

// ParseTag reads a tag such as `<a href="x">` or `</em>`. It does not
// check that raw is one: use [Tokens] or [Scanner] to find tags.
func ParseTag(raw string) Tag {
	t := Tag{}
	s := strings.TrimSuffix(strings.TrimPrefix(raw, "<"), ">")
	if strings.HasPrefix(s, "/") {
		t.Closing, s = true, s[1:]
	}
	if strings.HasSuffix(s, "/") {
		t.SelfClosing, s = true, s[:len(s)-1]
	}
	n := 0
	for n < len(s) && (isLetter(s[n]) || n > 0 && (s[n] >= '0' && s[n] <= '9' || s[n] == '-' || s[n] == ':')) {
		n++
	}
	t.Name = strings.ToLower(s[:n])
	t.Attrs = parseAttrs(s[n:])
	return t
}

// parseAttrs reads name="value", name='value', name=value and bare names.
func parseAttrs(s string) []Attr {
	var out []Attr
	for {
		s = strings.TrimLeft(s, " \t\r\n/")
		if s == "" {
			return out
		}
		n := strings.IndexAny(s, " \t\r\n=/")
		if n < 0 {
			n = len(s)
		}
		if n == 0 {
			s = s[1:]
			continue
		}
		a := Attr{Name: strings.ToLower(s[:n])}
		s = strings.TrimLeft(s[n:], " \t\r\n")
		if strings.HasPrefix(s, "=") {
			a.Value, s = attrValue(strings.TrimLeft(s[1:], " \t\r\n"))
		}
		out = append(out, a)
	}
}

// attrValue reads a quoted or bare value and returns it decoded with the
// rest of s.
func attrValue(s string) (string, string) {
	if s == "" {
		return "", ""
	}
	if q := s[0]; q == '"' || q == '\'' {
		end := strings.IndexByte(s[1:], q)
		if end < 0 {
			return html.UnescapeString(s[1:]), ""
		}
		return html.UnescapeString(s[1 : 1+end]), s[2+end:]
	}
	end := strings.IndexAny(s, " \t\r\n")
	if end < 0 {
		end = len(s)
	}
	return html.UnescapeString(s[:end]), s[end:]
}

// Attr returns the value of the attribute name and whether the tag has it.
func (t Tag) Attr(name string) (string, bool) {
	for _, a := range t.Attrs {
		if a.Name == name {
			return a.Value, true
		}
	}
	return "", false
}

// NoTranslate reports whether the tag marks its element do-not-translate:
// translate="no", class="notranslate" (Google's convention) or Apertium's
// own <apertium-notrans>.
func (t Tag) NoTranslate() bool {
	if t.Name == "apertium-notrans" {
		return true
	}
	if v, ok := t.Attr("translate"); ok && strings.EqualFold(strings.TrimSpace(v), "no") {
		return true
	}
	if v, ok := t.Attr("class"); ok {
		for _, c := range strings.Fields(v) {
			if c == "notranslate" {
				return true
			}
		}
	}
	return false
}

// Void reports whether the element has no end tag in HTML (br, img, …).
func (t Tag) Void() bool { return voidElements[t.Name] }

var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// verbatimElements are elements whose content is never translation text:
// code, preformatted text, keyboard input, sample output, scripts, styles.
var verbatimElements = map[string]Kind{
	"code": InlineCode, "kbd": InlineCode, "samp": InlineCode, "pre": InlineCode, "tt": InlineCode,
	"script": Element, "style": Element, "math": Element, "svg": Element,
}

// Opaque reports whether the element a start tag opens is kept whole:
// its content is not text to translate (inline code, a do-not-translate
// element, a script). [Parse] makes such an element one standalone code.
func (t Tag) Opaque() bool {
	_, ok := t.whole()
	return ok
}

// whole reports whether the element a start tag opens is kept whole, and
// the kind of code it becomes.
func (t Tag) whole() (Kind, bool) {
	if t.Closing || t.SelfClosing || t.Void() {
		return 0, false
	}
	if t.NoTranslate() {
		if _, fn := t.Attr("data-footnote"); fn {
			return Element, true
		}
		return NoTranslate, true
	}
	k, ok := verbatimElements[t.Name]
	return k, ok
}

// EscapeText escapes text for an HTML text node as bitext's fragments do:
// &, <, > and the double quote (as goldmark writes Markdown text); the
// apostrophe stays.
func EscapeText(s string) string {
	if !strings.ContainsAny(s, `&<>"`) {
		return s
	}
	return textEscaper.Replace(s)
}

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// EscapeAttr escapes s for a double-quoted attribute value.
func EscapeAttr(s string) string { return html.EscapeString(s) }

// SetAttr returns the start tag with the attribute name set to value (the
// others kept in order; attribute values written in double quotes).
func SetAttr(tag, name, value string) string {
	t := ParseTag(tag)
	if t.Name == "" || t.Closing {
		return tag
	}
	var b strings.Builder
	b.WriteString("<" + t.Name)
	found := false
	for _, a := range t.Attrs {
		v := a.Value
		if a.Name == name {
			v, found = value, true
		}
		if v == "" && a.Name != name && !strings.Contains(tag, a.Name+"=") {
			b.WriteString(" " + a.Name)
			continue
		}
		b.WriteString(" " + a.Name + `="` + EscapeAttr(v) + `"`)
	}
	if !found {
		b.WriteString(" " + name + `="` + EscapeAttr(value) + `"`)
	}
	if t.SelfClosing {
		b.WriteString("/")
	}
	b.WriteString(">")
	return b.String()
}
