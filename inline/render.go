package inline

import (
	"strconv"
	"strings"
)

// HTML renders the content as an HTML fragment: text escaped with
// [EscapeText], markup as written, protected spans as the (escaped) text
// the translation must hold. For content read by [Parse] it is the
// fragment read.
func (c Content) HTML() string {
	var b strings.Builder
	for _, p := range c {
		switch {
		case p.Code == nil:
			b.WriteString(EscapeText(p.Text))
		case p.Code.Data != "":
			b.WriteString(p.Code.Data)
		default:
			b.WriteString(EscapeText(p.Code.out()))
		}
	}
	return b.String()
}

// Plain renders the content as plain text: tags dropped (a line break
// becomes a space), inline code and do-not-translate elements as their
// text, protected spans as the text the translation must hold.
func (c Content) Plain() string {
	var b strings.Builder
	for _, p := range c {
		switch {
		case p.Code == nil:
			b.WriteString(p.Text)
		case p.Code.Name == "br":
			b.WriteByte(' ')
		default:
			b.WriteString(p.Code.out())
		}
	}
	return b.String()
}

// out is the text a code stands for in a translation.
func (c *Code) out() string {
	if c.Target != "" {
		return c.Target
	}
	return c.Text
}

// Neutral renders the content in the neutral form a [translate.Request]
// with HTML carries, which every backend converts to its engine's own:
//
//   - text is escaped (&amp; &lt; &gt;, quotes left as they are);
//   - a paired code is <name id="N">…</name> (the element's own name for
//     inline elements, <g> for others), its attributes left out;
//   - a standalone element is <x id="N"/>;
//   - a protected span, inline code or do-not-translate element is
//     <span translate="no" id="N">text</span>, holding the text the
//     engine should read and the translation must hold.
//
// [Restore] reads the engine's answer back by the ids.
//
// [translate.Request]: https://pkg.go.dev/github.com/bitext/bitext/translate#Request
func (c Content) Neutral() string {
	var b strings.Builder
	for _, p := range c {
		if p.Code == nil {
			b.WriteString(escapeNeutral(p.Text))
			continue
		}
		b.WriteString(p.Code.neutral())
	}
	return b.String()
}

// neutral renders a code in the neutral form.
func (code *Code) neutral() string {
	id := strconv.Itoa(code.ID)
	switch {
	case code.Type == Open:
		return "<" + neutralName(code.Name) + ` id="` + id + `">`
	case code.Type == Close:
		return "</" + neutralName(code.Name) + ">"
	case code.Kind == Element:
		return `<x id="` + id + `"/>`
	}
	return `<span translate="no" id="` + id + `">` + escapeNeutral(code.out()) + "</span>"
}

var neutralEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func escapeNeutral(s string) string {
	if !strings.ContainsAny(s, "&<>") {
		return s
	}
	return neutralEscaper.Replace(s)
}

// phrasing are the inline elements whose names the neutral form keeps, so
// that engines know what they mark.
var phrasing = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true, "del": true, "dfn": true,
	"em": true, "i": true, "ins": true, "mark": true, "q": true, "s": true, "small": true, "span": true,
	"strong": true, "sub": true, "sup": true, "u": true, "var": true,
}

func neutralName(name string) string {
	if phrasing[name] {
		return name
	}
	return "g"
}
