package inline

import (
	"strings"
	"unicode"
)

// MarkdownOptions say where Markdown is written.
type MarkdownOptions struct {
	// Table is set for a table cell: pipes are escaped everywhere (in
	// code too, as GFM wants) and a line break is written <br>.
	Table bool
	// Continuation is what starts a line after a hard line break inside
	// the block ("> " in a quote, the indentation of a list item).
	Continuation string
	// Strict escapes every character that could start Markdown or HTML
	// anywhere in a line (# > & | ~ included), for text that must read as
	// text wherever it lands (the bilingual Markdown).
	Strict bool
}

// Markdown renders the content as GFM Markdown that reads back into the
// same content:
//
//   - text is backslash-escaped where Markdown would read it as markup,
//     except addresses (found by [Links]), which are written as they are
//     so that GFM links them whole;
//   - <em>/<i> → *…*, <strong>/<b> → **…**, <del>/<s> → ~~…~~, <a href
//     title> → […](… "…"), <code> → `…`, <img> → ![…](… "…"), <br> → a
//     hard break, a task-list box → [ ] or [x], a footnote reference →
//     [^label]; elements with other attributes, and others, stay HTML;
//   - white space at the edges of emphasis goes outside its delimiters.
func (c Content) Markdown(opts MarkdownOptions) string {
	w := mdWriter{opts: opts}
	for _, p := range c {
		switch {
		case p.Code == nil:
			w.text(p.Text)
		case p.Code.Type == Open:
			w.open(p.Code)
		case p.Code.Type == Close:
			w.close(p.Code)
		default:
			w.out = append(w.out, w.standalone(p.Code)...)
		}
	}
	for len(w.stack) > 0 { // unpaired opens cannot happen in parsed content
		w.close(w.stack[len(w.stack)-1].code)
	}
	return string(w.out)
}

// mdWriter holds the state of one Markdown call.
type mdWriter struct {
	opts  MarkdownOptions
	out   []byte
	stack []mdOpen
	// afterBox is set after a task-list box, whose space is written with it.
	afterBox bool
}

// mdOpen is a paired code whose Markdown is written when it closes.
type mdOpen struct {
	code  *Code
	pos   int    // where its content starts in out
	delim string // emphasis delimiter, "[" for a link, "" for raw HTML
}

// text writes text escaped, and the addresses in it as they are.
func (w *mdWriter) text(s string) {
	if w.afterBox {
		s, w.afterBox = strings.TrimLeft(s, " "), false
	}
	last := 0
	for _, sp := range Links(s) {
		w.out = append(w.out, w.escape(s[last:sp.Start])...)
		w.out = append(w.out, s[sp.Start:sp.End]...)
		last = sp.End
	}
	w.out = append(w.out, w.escape(s[last:])...)
}

func (w *mdWriter) open(c *Code) {
	o := mdOpen{code: c, pos: len(w.out), delim: markdownDelim(c)}
	if o.delim == "" {
		w.out = append(w.out, unmarkRaw(c.Data)...)
		o.pos = len(w.out)
	}
	w.stack = append(w.stack, o)
}

func (w *mdWriter) close(c *Code) {
	k := len(w.stack) - 1
	for k >= 0 && w.stack[k].code.ID != c.ID {
		k--
	}
	if k < 0 {
		return
	}
	o := w.stack[k]
	w.stack = w.stack[:k]
	switch o.delim {
	case "":
		w.out = append(w.out, closeTag(o.code, c)...)
	case "[":
		w.link(o)
	default:
		w.wrap(o.pos, o.delim)
	}
}

// link writes a link: <url> when its text is its address (an autolink),
// […](… "…") otherwise.
func (w *mdWriter) link(o mdOpen) {
	t := o.code.Tag()
	href, _ := t.Attr("href")
	title, _ := t.Attr("title")
	content := string(w.out[o.pos:])
	w.out = w.out[:o.pos]
	url := strings.TrimPrefix(href, "mailto:")
	if title == "" && content == url && autolinkable(href) {
		w.out = append(w.out, "<"+url+">"...)
		return
	}
	w.out = append(w.out, "["+content+"]("+LinkDestination(href, title)+")"...)
}

// autolinkable reports whether href can be written <href>.
func autolinkable(href string) bool {
	if strings.ContainsAny(href, " \t<>\\") {
		return false
	}
	return strings.HasPrefix(href, "mailto:") || strings.HasPrefix(href, "http://") || strings.HasPrefix(href, "https://")
}

// closeTag is the end tag of a raw element: the one parsed, or built.
func closeTag(open, c *Code) string {
	if c.Data != "" {
		return c.Data
	}
	return "</" + open.Name + ">"
}

// wrap puts delim around the content written since pos, white space at
// its edges moved outside so that the emphasis is recognised.
func (w *mdWriter) wrap(pos int, delim string) {
	content := string(w.out[pos:])
	inner := strings.TrimFunc(content, unicode.IsSpace)
	if inner == "" {
		return
	}
	lead := content[:strings.Index(content, inner)]
	trail := content[len(lead)+len(inner):]
	w.out = append(w.out[:pos], lead+delim+inner+delim+trail...)
}

// RawAttr marks, in bitext's fragments, a tag the author wrote as HTML in
// Markdown where Markdown has a syntax of its own (<em>, <br>, <a href>):
// Markdown writes it back as the HTML it was, without the mark.
const RawAttr = "data-raw"

// MarkRaw marks a start tag the author wrote as HTML (see RawAttr), when
// Markdown would otherwise write it as Markdown; other markup is returned
// as it is.
func MarkRaw(tag string) string {
	t := ParseTag(tag)
	if t.Closing || !strings.HasPrefix(tag, "<") || strings.HasPrefix(tag, "<!") {
		return tag
	}
	c := &Code{Data: tag, Kind: Element, Name: t.Name}
	if t.Name == "code" {
		c.Kind = InlineCode
	}
	if markdownDelim(c) == "" && (&mdWriter{}).standalone(c) == tag {
		return tag
	}
	n := 1 + len(t.Name)
	return tag[:n] + " " + RawAttr + tag[n:]
}

// unmarkRaw returns a tag as the author wrote it, without RawAttr.
func unmarkRaw(tag string) string {
	if i := strings.Index(tag, " "+RawAttr); i > 0 {
		return tag[:i] + tag[i+1+len(RawAttr):]
	}
	return tag
}

// markdownDelim returns the Markdown of a paired element written as
// Markdown ("*", "**", "~~", "[" for a link), or "" to keep it HTML.
func markdownDelim(c *Code) string {
	t := c.Tag()
	if _, raw := t.Attr(RawAttr); t.Name == "" || raw {
		return ""
	}
	switch {
	case onlyAttrs(t) && (t.Name == "em" || t.Name == "i"):
		return "*"
	case onlyAttrs(t) && (t.Name == "strong" || t.Name == "b"):
		return "**"
	case onlyAttrs(t) && (t.Name == "del" || t.Name == "s"):
		return "~~"
	case t.Name == "a" && onlyAttrs(t, "href", "title"):
		if _, ok := t.Attr("href"); ok {
			return "["
		}
	}
	return ""
}

// onlyAttrs reports whether a tag has no attribute but those named.
func onlyAttrs(t Tag, names ...string) bool {
	for _, a := range t.Attrs {
		ok := false
		for _, n := range names {
			ok = ok || a.Name == n
		}
		if !ok {
			return false
		}
	}
	return true
}

// standalone returns the Markdown of a standalone code.
func (w *mdWriter) standalone(c *Code) string {
	t := c.Tag()
	_, raw := t.Attr(RawAttr)
	switch {
	case c.Data == "":
		return c.out() // a protected span, kept as it is
	case raw:
		return unmarkRaw(c.Data)
	case t.Name == "br" && onlyAttrs(t):
		if w.opts.Table {
			return "<br>"
		}
		return "\\\n" + w.opts.Continuation
	case t.Name == "img" && onlyAttrs(t, "src", "alt", "title"):
		src, _ := t.Attr("src")
		alt, _ := t.Attr("alt")
		title, _ := t.Attr("title")
		return "![" + w.escape(alt) + "](" + LinkDestination(src, title) + ")"
	case t.Name == "input" && isTaskBox(t):
		w.afterBox = true
		if _, checked := t.Attr("checked"); checked {
			return "[x] "
		}
		return "[ ] "
	case c.Kind == InlineCode && t.Name == "code" && onlyAttrs(t):
		return w.codeSpan(c.Text)
	}
	if label, ok := t.Attr("data-footnote"); ok {
		return "[^" + label + "]"
	}
	return c.Data
}

func isTaskBox(t Tag) bool {
	typ, _ := t.Attr("type")
	return typ == "checkbox" && onlyAttrs(t, "type", "checked", "disabled")
}

// codeSpan writes s as a code span, with a backtick fence longer than any
// run of backticks inside.
func (w *mdWriter) codeSpan(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if w.opts.Table {
		s = strings.ReplaceAll(s, "|", `\|`)
	}
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

// LinkDestination writes a link destination and optional title for
// Markdown's (…): backslash-escaped, in <…> only when it is empty or holds
// white space.
func LinkDestination(dest, title string) string {
	if dest == "" || strings.ContainsAny(dest, " \t") {
		r := strings.NewReplacer(`\`, `\\`, "<", `\<`, ">", `\>`)
		dest = "<" + r.Replace(dest) + ">"
	} else {
		dest = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`, "<", `\<`, ">", `\>`).Replace(dest)
	}
	if title != "" {
		r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
		dest += ` "` + r.Replace(title) + `"`
	}
	return dest
}

// escape escapes text that Markdown would read as markup.
func (w *mdWriter) escape(s string) string {
	if !strings.ContainsAny(s, "\\`*_[]<~>&|#\n") {
		return s // nothing below applies
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte("\\`*_[]<~", c) >= 0:
			b.WriteByte('\\')
		case w.opts.Strict && strings.IndexByte(">&|#", c) >= 0:
			b.WriteByte('\\')
		case c == '|' && w.opts.Table:
			b.WriteByte('\\')
		case c == '&' && i+1 < len(s) && (isLetter(s[i+1]) || s[i+1] == '#'):
			b.WriteByte('\\')
		case c == '\n':
			c = ' '
		}
		b.WriteByte(c)
	}
	return b.String()
}
