package review

import (
	"strings"

	"github.com/bitext/bitext/translate"
)

// ParseEdit reads text an editor typed for u in u's form: for a unit
// with markup, Markdown inline markup (emphasis, links) becomes the HTML
// fragment units hold, and anything else is escaped.
func ParseEdit(u *Unit, text string) string {
	if !u.Markup {
		return text
	}
	doc, err := translate.ReadFormat("-", []byte(text+"\n"), translate.FormatMarkdown)
	if err != nil || len(doc.Blocks) != 1 {
		return escapeHTML(text)
	}
	var parts []string
	for _, s := range doc.Blocks[0].Segments {
		if s.Markup {
			parts = append(parts, s.Source)
		} else {
			parts = append(parts, escapeHTML(s.Source))
		}
	}
	return strings.Join(parts, " ")
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func escapeHTML(s string) string { return htmlEscaper.Replace(s) }
