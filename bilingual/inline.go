package bilingual

import (
	"html"
	"net/url"
	"strings"

	"github.com/bitext/bitext/inline"
)

// allowedPairs are the paired elements a segment may show, by the name
// they are shown as: <i> and <b> are read as their semantic twins.
var allowedPairs = map[string]string{
	"em": "em", "i": "em", "strong": "strong", "b": "strong", "del": "del", "s": "del",
	"sup": "sup", "sub": "sub", "a": "a",
}

// sanitize reads a segment (an HTML fragment when markup) into bitext's
// inline model and keeps only what is safe to show: the elements of
// allowedPairs (links only with an absolute http, https or mailto URL),
// line breaks, images with an https or data:image source, task-list boxes,
// footnote references and inline code, rebuilt without other attributes.
// Anything else (other tags, comments, scripts, unpaired tags) becomes
// literal text, so that it is shown, escaped, rather than interpreted.
func sanitize(s string, markup bool) inline.Content {
	if !markup {
		return inline.FromText(s)
	}
	var out inline.Content
	dropped := map[int]bool{} // links without a safe target keep their text only
	for _, p := range inline.Parse(s) {
		switch {
		case p.Code == nil:
			out = appendText(out, p.Text)
		case p.Code.Type == inline.Close:
			if dropped[p.Code.ID] {
				continue
			}
			if c, ok := safePair(p.Code); ok {
				out = append(out, inline.Piece{Code: c})
			} else {
				out = appendText(out, p.Code.Data)
			}
		case p.Code.Type == inline.Open:
			c, ok := safePair(p.Code)
			switch {
			case ok:
				out = append(out, inline.Piece{Code: c})
			case allowedPairs[p.Code.Name] == "a":
				dropped[p.Code.ID] = true
			default:
				out = appendText(out, p.Code.Data)
			}
		case p.Code.Kind == inline.NoTranslate:
			out = appendText(out, p.Code.Text)
		default:
			if c, ok := safeStandalone(p.Code); ok {
				out = append(out, inline.Piece{Code: c})
			} else {
				out = appendText(out, p.Code.Data)
			}
		}
	}
	return out
}

func appendText(c inline.Content, s string) inline.Content {
	if n := len(c); n > 0 && c[n-1].Code == nil {
		c[n-1].Text += s
		return c
	}
	return append(c, inline.Piece{Text: s})
}

// safePair returns the safe form of a paired code: its element without
// attributes, a link with its checked target only.
func safePair(c *inline.Code) (*inline.Code, bool) {
	name, ok := allowedPairs[c.Name]
	if !ok {
		return nil, false
	}
	out := *c
	out.Name = name
	if c.Type == inline.Close {
		out.Data = "</" + name + ">"
		return &out, true
	}
	out.Data = "<" + name + ">"
	if name == "a" {
		href, _ := c.Tag().Attr("href")
		if href = safeHref(href); href == "" {
			return nil, false
		}
		out.Data = `<a href="` + html.EscapeString(href) + `">`
	}
	return &out, true
}

// safeStandalone returns the safe form of a standalone code.
func safeStandalone(c *inline.Code) (*inline.Code, bool) {
	t := c.Tag()
	out := *c
	switch {
	case c.Kind == inline.InlineCode:
		out.Data = "<code>" + html.EscapeString(c.Text) + "</code>"
	case t.Name == "br":
		out.Data = "<br>"
	case t.Name == "img":
		src, _ := t.Attr("src")
		if src = safeImage(src); src == "" {
			return nil, false
		}
		alt, _ := t.Attr("alt")
		title, _ := t.Attr("title")
		out.Data = `<img src="` + html.EscapeString(src) + `" alt="` + html.EscapeString(alt) + `"`
		if title != "" {
			out.Data += ` title="` + html.EscapeString(title) + `"`
		}
		out.Data += ">"
	case t.Name == "input":
		if typ, _ := t.Attr("type"); typ != "checkbox" {
			return nil, false
		}
		out.Data = `<input type="checkbox" disabled>`
		if _, checked := t.Attr("checked"); checked {
			out.Data = `<input type="checkbox" checked disabled>`
		}
	default:
		label, ok := t.Attr("data-footnote")
		if !ok {
			return nil, false
		}
		out.Data = `<sup translate="no" data-footnote="` + html.EscapeString(label) + `">[^` + html.EscapeString(label) + "]</sup>"
	}
	return &out, true
}

// safeHref returns href when it is an absolute http, https or mailto URL,
// and "" otherwise (javascript:, data:, relative and malformed URLs).
func safeHref(href string) string {
	href = strings.TrimSpace(href)
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return ""
		}
		return href
	case "mailto":
		return href
	}
	return ""
}

// safeImage returns src when the page may load it (an https URL or a
// data:image), "" otherwise. The page's Content-Security-Policy allows
// exactly these.
func safeImage(src string) string {
	src = strings.TrimSpace(src)
	if strings.HasPrefix(src, "data:image/") && !strings.HasPrefix(src, "data:image/svg") {
		return src
	}
	if u, err := url.Parse(src); err == nil && strings.EqualFold(u.Scheme, "https") && u.Host != "" {
		return src
	}
	return ""
}

// inlineHTML renders sanitized content as HTML: text escaped, codes in
// their safe form, links opening no window to the page, footnote
// references as superscript labels.
func inlineHTML(c inline.Content) string {
	var b strings.Builder
	for _, p := range c {
		switch {
		case p.Code == nil:
			b.WriteString(html.EscapeString(p.Text))
		case p.Code.Name == "a" && p.Code.Type == inline.Open:
			b.WriteString(strings.TrimSuffix(p.Code.Data, ">") + ` rel="noopener noreferrer">`)
		case strings.Contains(p.Code.Data, "data-footnote"):
			label, _ := p.Code.Tag().Attr("data-footnote")
			b.WriteString(`<sup class="fnref">` + html.EscapeString(label) + "</sup>")
		default:
			b.WriteString(p.Code.Data)
		}
	}
	return b.String()
}

// inlineMarkdown renders sanitized content as Markdown.
func inlineMarkdown(c inline.Content) string {
	return c.Markdown(inline.MarkdownOptions{Strict: true})
}

// plainText returns the text of a segment with its markup removed.
func plainText(s string, markup bool) string {
	return inline.ParseSegment(s, markup).Plain()
}
