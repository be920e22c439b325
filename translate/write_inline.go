package translate

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// fragmentMarkdown converts an inline HTML fragment back into Markdown:
// <em>/<i> → *…*, <strong>/<b> → **…**, <code> → `…`, <a href> → […](…),
// <img> → ![…](…); <span> tags are dropped and other tags kept as raw
// HTML. Text is escaped for Markdown. Unclosed elements lose their markup.
func fragmentMarkdown(frag string) string {
	c := mdConverter{z: html.NewTokenizer(strings.NewReader(frag))}
	for {
		switch c.z.Next() {
		case html.ErrorToken:
			return string(c.out)
		case html.TextToken:
			c.out = append(c.out, escapeMarkdown(string(c.z.Text()))...)
		case html.StartTagToken, html.SelfClosingTagToken:
			c.start()
		case html.EndTagToken:
			c.end()
		default:
			c.out = append(c.out, c.z.Raw()...)
		}
	}
}

// mdConverter holds the state of one fragmentMarkdown call.
type mdConverter struct {
	z     *html.Tokenizer
	out   []byte
	stack []openElem
}

// openElem is an element whose Markdown is written when it closes.
type openElem struct {
	name        string
	pos         int // where its content starts in out
	href, title string
}

func (c *mdConverter) start() {
	raw := string(c.z.Raw())
	tok := c.z.Token()
	switch name := tok.Data; name {
	case "em", "i", "strong", "b", "span":
		c.stack = append(c.stack, openElem{name: name, pos: len(c.out)})
	case "a":
		c.stack = append(c.stack, openElem{name: name, pos: len(c.out), href: attr(tok, "href"), title: attr(tok, "title")})
	case "code":
		c.code()
	case "img":
		c.out = append(c.out, "!["+escapeMarkdown(attr(tok, "alt"))+"]("+linkTarget(attr(tok, "src"), attr(tok, "title"))+")"...)
	case "br":
		c.out = append(c.out, ' ')
	default:
		c.out = append(c.out, raw...)
	}
}

func (c *mdConverter) end() {
	raw := c.z.Raw()
	name := c.z.Token().Data
	k := len(c.stack) - 1
	for k >= 0 && c.stack[k].name != name {
		k--
	}
	if k < 0 {
		if !isInlineMarkup(name) {
			c.out = append(c.out, raw...)
		}
		return
	}
	e := c.stack[k]
	c.stack = c.stack[:k]
	switch name {
	case "em", "i":
		c.wrap(e.pos, "*")
	case "strong", "b":
		c.wrap(e.pos, "**")
	case "a":
		c.link(e)
	}
}

func isInlineMarkup(name string) bool {
	switch name {
	case "em", "i", "strong", "b", "span", "a", "code":
		return true
	}
	return false
}

// wrap puts delim around the content written since pos, moving white space
// at its edges outside so that the emphasis is recognised.
func (c *mdConverter) wrap(pos int, delim string) {
	content := string(c.out[pos:])
	inner := strings.TrimFunc(content, unicode.IsSpace)
	if inner == "" {
		return
	}
	lead := content[:strings.Index(content, inner)]
	trail := content[len(lead)+len(inner):]
	c.out = append(c.out[:pos], lead+delim+inner+delim+trail...)
}

func (c *mdConverter) link(e openElem) {
	content := string(c.out[e.pos:])
	c.out = c.out[:e.pos]
	url := strings.TrimPrefix(e.href, "mailto:")
	if e.title == "" && content == escapeMarkdown(url) && isAutolinkable(e.href) {
		c.out = append(c.out, "<"+url+">"...)
		return
	}
	c.out = append(c.out, "["+content+"]("+linkTarget(e.href, e.title)+")"...)
}

// code reads up to </code> and writes a code span, with a backtick fence
// longer than any run of backticks inside.
func (c *mdConverter) code() {
	var b strings.Builder
	for done := false; !done; {
		switch c.z.Next() {
		case html.ErrorToken:
			done = true
		case html.TextToken:
			b.Write(c.z.Text())
		case html.EndTagToken:
			done = c.z.Token().Data == "code"
		}
	}
	c.out = append(c.out, codeSpan(b.String())...)
}

func codeSpan(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") ||
		strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") && strings.TrimSpace(s) != "" {
		s = " " + s + " "
	}
	return fence + s + fence
}

// linkTarget writes a link destination and optional title for (…).
func linkTarget(dest, title string) string {
	if dest == "" || strings.ContainsAny(dest, " \t<>()\\") {
		r := strings.NewReplacer(`\`, `\\`, "<", `\<`, ">", `\>`)
		dest = "<" + r.Replace(dest) + ">"
	}
	if title != "" {
		r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
		dest += ` "` + r.Replace(title) + `"`
	}
	return dest
}

// isAutolinkable reports whether href can be written as <href>.
func isAutolinkable(href string) bool {
	if strings.ContainsAny(href, " \t<>\\") {
		return false
	}
	return strings.HasPrefix(href, "mailto:") || strings.HasPrefix(href, "http://") || strings.HasPrefix(href, "https://")
}

func attr(tok html.Token, name string) string {
	for _, a := range tok.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// escapeMarkdown escapes the characters of plain text that Markdown would
// read as markup.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte("\\`*_[]<", c) >= 0:
			b.WriteByte('\\')
		case c == '&' && i+1 < len(s) && (isASCIILetter(s[i+1]) || s[i+1] == '#'):
			b.WriteByte('\\')
		case c == '\n':
			c = ' '
		}
		b.WriteByte(c)
	}
	return b.String()
}

// fragmentText returns the text of an inline HTML fragment, tags dropped.
func fragmentText(frag string) string {
	z := html.NewTokenizer(strings.NewReader(frag))
	var b strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
		}
	}
}
