package xliff

import (
	"fmt"
	"strings"

	"github.com/bitext/bitext/inline"
)

// write12 writes XLIFF 1.2: paired codes as <g>, standalone ones as <x/>,
// their kind in ctype and what they show in equiv-text.
func write12(x *xmlWriter, doc *Document) {
	x.raw(`<xliff xmlns="` + NS12 + `" xmlns:bitext="` + Namespace + `" version="1.2">` + "\n")
	for _, f := range doc.Files {
		x.raw(" <file")
		x.attr("original", f.Original)
		x.attr("source-language", doc.SrcLang)
		x.attr("target-language", doc.TrgLang)
		x.attr("datatype", datatype(f))
		x.raw(">\n  <body>\n")
		for i := range f.Units {
			writeUnit12(x, &f.Units[i])
		}
		x.raw("  </body>\n </file>\n")
	}
	x.raw("</xliff>\n")
}

// datatype is "html" for a file with markup, else "plaintext".
func datatype(f File) string {
	for _, u := range f.Units {
		if u.Source.HasCodes() {
			return "html"
		}
	}
	return "plaintext"
}

func writeUnit12(x *xmlWriter, u *Unit) {
	if err := checkPairs(u.Source); err != nil {
		x.fail(fmt.Errorf("unit %s: %w", u.ID, err))
		return
	}
	x.raw("   <trans-unit")
	x.attr("id", u.ID)
	x.attr("resname", u.Name)
	if u.State == Final {
		x.raw(` approved="yes"`)
	}
	x.raw(` xml:space="preserve"`)
	x.attr("bitext:base", u.Base)
	x.raw(">\n    <source>")
	writeContent12(x, u.Source)
	x.raw("</source>\n")
	if u.HasTarget {
		x.raw("    <target")
		x.attr("state", states12[u.State])
		x.raw(">")
		writeContent12(x, u.Target)
		x.raw("</target>\n")
	}
	x.raw("   </trans-unit>\n")
}

func writeContent12(x *xmlWriter, c inline.Content) {
	for _, p := range c {
		switch {
		case p.Code == nil:
			x.text(p.Text, nil)
		case p.Code.Type == inline.Open:
			x.raw("<g")
			x.attr("id", codeID(p.Code))
			x.attr("ctype", ctype(p.Code))
			x.raw(">")
		case p.Code.Type == inline.Close:
			x.raw("</g>")
		default:
			x.raw("<x")
			x.attr("id", codeID(p.Code))
			x.attr("ctype", ctype(p.Code))
			x.attr("equiv-text", p.Code.Text)
			x.raw("/>")
		}
	}
}

// ctypes are XLIFF 1.2's own ctype values for HTML elements.
var ctypes = map[string]string{"b": "bold", "strong": "bold", "i": "italic", "em": "italic",
	"u": "underlined", "a": "link", "br": "lb", "img": "image"}

// ctype says what a code is: one of 1.2's values, else x-html-NAME, or
// x-KIND for a protected span.
func ctype(c *inline.Code) string {
	if v, ok := ctypes[c.Name]; ok {
		return v
	}
	if c.Name == "" {
		return "x-" + c.Kind.String()
	}
	name := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return -1
	}, c.Name)
	if name == "" {
		name = "comment"
	}
	return "x-html-" + name
}
