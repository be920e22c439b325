package serve

import (
	"html/template"
	"strings"

	"github.com/bitext/bitext/inline"
)

// richHTML renders a segment's text for the page from its inline model
// ([inline.ParseSegment]), never from its tags as written: emphasis as
// emphasis, struck and raised text as such, a link as its text (its
// address in a tooltip, nothing to follow), inline code as code, a line
// break as a line break, an image as a marker (its alt text is a unit of
// its own), a footnote reference as its label. Every text is escaped;
// marks, given as byte offsets into the plain text
// ([inline.Content.Plain]), are highlighted.
func richHTML(text string, markup bool, marks []mark) template.HTML {
	w := richWriter{marks: marks}
	for _, p := range inline.ParseSegment(text, markup) {
		switch {
		case p.Code == nil:
			w.text(p.Text)
		case p.Code.Type == inline.Open:
			w.open(p.Code)
		case p.Code.Type == inline.Close:
			w.close(p.Code.ID)
		default:
			w.standalone(p.Code)
		}
	}
	for len(w.stack) > 0 {
		w.close(w.stack[len(w.stack)-1].id)
	}
	return template.HTML(w.b.String())
}

// richWriter holds the state of one richHTML call.
type richWriter struct {
	b     strings.Builder
	marks []mark
	pos   int // offset in the plain text
	stack []richOpen
}

type richOpen struct {
	id  int
	tag string
}

// richTags are the inline elements the page shows as what they mean, by
// the element the page writes for them; others are shown as their text.
var richTags = map[string]string{
	"em": "em", "i": "em", "cite": "em", "dfn": "em", "var": "em",
	"strong": "strong", "b": "strong", "del": "s", "s": "s", "strike": "s",
	"sub": "sub", "sup": "sup", "u": "u", "ins": "u", "q": "q", "mark": "mark",
}

func (w *richWriter) open(c *inline.Code) {
	tag, ok := richTags[c.Name]
	switch {
	case c.Name == "a":
		tag = "span"
		href, _ := c.Tag().Attr("href")
		w.b.WriteString(`<span class="link" title="` + template.HTMLEscapeString(href) + `">`)
	case ok:
		w.b.WriteString("<" + tag + ">")
	default:
		tag = "span"
		w.b.WriteString("<span>")
	}
	w.stack = append(w.stack, richOpen{c.ID, tag})
}

// close ends the open element with the given id, and any opened inside
// it that was left open.
func (w *richWriter) close(id int) {
	k := len(w.stack) - 1
	for k >= 0 && w.stack[k].id != id {
		k--
	}
	if k < 0 {
		return
	}
	for i := len(w.stack) - 1; i >= k; i-- {
		w.b.WriteString("</" + w.stack[i].tag + ">")
	}
	w.stack = w.stack[:k]
}

func (w *richWriter) standalone(c *inline.Code) {
	t := c.Tag()
	label, footnote := t.Attr("data-footnote")
	switch {
	case c.Name == "br":
		w.b.WriteString("<br>")
		w.pos++ // a space in the plain text
	case c.Name == "img":
		alt, _ := t.Attr("alt")
		w.b.WriteString(`<span class="img" title="image: ` + template.HTMLEscapeString(alt) + `">[image]</span>`)
	case c.Name == "input":
		w.b.WriteString(`<span class="box">[ ]</span> `)
	case footnote:
		w.b.WriteString(`<sup class="fn">[` + template.HTMLEscapeString(label) + `]</sup>`)
	case c.Kind == inline.InlineCode:
		w.b.WriteString("<code>")
		w.text(plainOf(c))
		w.b.WriteString("</code>")
	default: // do-not-translate text and protected spans read as text
		w.text(plainOf(c))
	}
}

// plainOf is what a standalone code adds to the plain text.
func plainOf(c *inline.Code) string { return inline.Content{{Code: c}}.Plain() }

// text writes s, the plain text from w.pos, escaped, with the marks that
// fall in it (a mark across a code is cut at the code).
func (w *richWriter) text(s string) {
	start, end := w.pos, w.pos+len(s)
	at := start
	for _, m := range w.marks {
		a, b := max(m.start, at), min(m.end, end)
		if a >= b {
			continue
		}
		w.b.WriteString(template.HTMLEscapeString(s[at-start : a-start]))
		w.b.WriteString(`<mark class="term" title="` + template.HTMLEscapeString(m.title) + `">`)
		w.b.WriteString(template.HTMLEscapeString(s[a-start:b-start]) + "</mark>")
		at = b
	}
	w.b.WriteString(template.HTMLEscapeString(s[at-start:]))
	w.pos = end
}
