package translate

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html"

	"github.com/bitext/bitext/inline"
)

// HTML limits: a page deeper or with longer tokens than these is not an
// article, and reading it would cost memory out of all proportion.
const (
	// MaxHTMLToken is the longest tag, attribute or text run read.
	MaxHTMLToken = 8 << 20
	// MaxDepth is the deepest nesting of elements read, in HTML and in
	// Word's XML.
	MaxDepth = 512
)

// htmlSlot is a place in an HTML page that holds article text: the
// content of a block element (an inline fragment), the text of <title>,
// a translatable attribute's value, or an attribute the English sets (the
// page's lang, its character set).
type htmlSlot struct {
	start, end int
	kind       BlockKind
	level      int
	line       int
	// text is the slot's French: an inline fragment when markup, plain
	// text otherwise.
	text   string
	markup bool
	// attr says the slot is an attribute value (escaped as one).
	attr bool
	// fixed is the value the English gives the attribute ("en" for lang,
	// "utf-8" for the character set), "" for text.
	fixed string
}

// phrasingHTML are the elements that sit inside a sentence: their tags
// become the segment's inline codes.
var phrasingHTML = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "big": true, "br": true, "cite": true,
	"code": true, "data": true, "del": true, "dfn": true, "em": true, "font": true, "i": true, "img": true,
	"ins": true, "kbd": true, "mark": true, "q": true, "s": true, "samp": true, "small": true, "span": true,
	"strike": true, "strong": true, "sub": true, "sup": true, "time": true, "tt": true, "u": true,
	"var": true, "wbr": true, "label": true, "picture": true, "source": true,
}

// skippedHTML are the elements whose content is never article text:
// copied as they are with everything in them.
var skippedHTML = map[string]bool{
	"pre": true, "script": true, "style": true, "textarea": true, "noscript": true, "template": true,
	"svg": true, "math": true, "iframe": true, "object": true, "select": true, "head": false,
}

// htmlScanner finds the slots of a page with the HTML5 tokenizer.
type htmlScanner struct {
	path  string
	src   []byte
	lines lineIndex
	z     *html.Tokenizer
	off   int
	stack []string
	// skip is the element being skipped and how deep in it we are.
	skip      string
	skipDepth int
	// run is the current run of inline content: its start (-1 for none)
	// and end, and how deep inline elements nest in it.
	runStart, runEnd, inlineDepth int
	// frag is the run as the tokenizer read it: text escaped, tags
	// written anew from their names and attributes.
	frag  strings.Builder
	slots []htmlSlot
}

// scanHTML returns the slots of page src, in order.
func scanHTML(path string, src []byte) ([]htmlSlot, error) {
	s := &htmlScanner{path: path, src: src, lines: newLineIndex(string(src)), runStart: -1}
	s.z = html.NewTokenizer(bytes.NewReader(src))
	s.z.SetMaxBuf(MaxHTMLToken)
	for {
		tt := s.z.Next()
		start := s.off
		s.off += len(s.z.Raw())
		if tt == html.ErrorToken {
			if errors.Is(s.z.Err(), io.EOF) {
				s.flush()
				return s.slots, nil
			}
			if errors.Is(s.z.Err(), html.ErrBufferExceeded) {
				return nil, inputErrorf(path, s.lines.line(start), "a tag or text over %d MB long; this is not an article", MaxHTMLToken>>20)
			}
			return nil, inputErrorf(path, s.lines.line(start), "unreadable HTML: %v", s.z.Err())
		}
		if err := s.token(tt, start); err != nil {
			return nil, err
		}
	}
}

// token handles one token that starts at byte start.
func (s *htmlScanner) token(tt html.TokenType, start int) error {
	if s.skip != "" {
		s.skipping(tt)
		return nil
	}
	switch tt {
	case html.TextToken:
		s.text(start)
	case html.CommentToken:
		if s.runStart >= 0 {
			s.runEnd = s.off
			s.frag.WriteString("<!--" + strings.ReplaceAll(string(s.z.Text()), "--", "- -") + "-->")
		}
	case html.StartTagToken, html.SelfClosingTagToken:
		return s.startTag(tt, start)
	case html.EndTagToken:
		s.endTag(start)
	}
	return nil
}

// skipping follows the nesting of the element being skipped.
func (s *htmlScanner) skipping(tt html.TokenType) {
	name, _ := s.z.TagName()
	if string(name) != s.skip {
		return
	}
	switch tt {
	case html.StartTagToken:
		s.skipDepth++
	case html.EndTagToken:
		s.skipDepth--
		if s.skipDepth == 0 {
			s.skip = ""
		}
	}
}

// text extends the current run over a text token.
func (s *htmlScanner) text(start int) {
	raw := string(s.z.Raw())
	if s.top() == "title" {
		if t := collapseSpace(html.UnescapeString(raw)); t != "" {
			s.slots = append(s.slots, htmlSlot{start: start, end: s.off, kind: Headline, line: s.lines.line(start), text: t})
		}
		return
	}
	trimmed := strings.TrimLeft(raw, " \t\r\n\f")
	if trimmed == "" {
		if s.runStart >= 0 {
			s.frag.WriteByte(' ')
		}
		return
	}
	if s.runStart < 0 {
		s.runStart = start + len(raw) - len(trimmed)
	}
	s.runEnd = start + len(strings.TrimRight(raw, " \t\r\n\f"))
	s.frag.WriteString(inline.EscapeText(html.UnescapeString(raw)))
}

// startTag handles a start or self-closing tag.
func (s *htmlScanner) startTag(tt html.TokenType, start int) error {
	nameB, _ := s.z.TagName()
	name := string(nameB)
	raw := string(s.src[start:s.off])
	tag := inline.ParseTag(raw)
	if phrasingHTML[name] && !(tag.NoTranslate() && !inlineNoTranslate(name)) {
		if s.runStart < 0 {
			s.runStart = start
		}
		s.runEnd = s.off
		s.frag.WriteString(s.tagText(name, tt == html.SelfClosingTagToken))
		if tt == html.StartTagToken && !tag.Void() {
			if s.inlineDepth++; s.inlineDepth > MaxDepth {
				return inputErrorf(s.path, s.lines.line(start), "inline elements nested over %d deep; this is not an article", MaxDepth)
			}
		}
		return nil
	}
	s.flush()
	s.attrSlots(name, raw, start, tag)
	if tt == html.SelfClosingTagToken || tag.Void() {
		return nil
	}
	if skippedHTML[name] || tag.NoTranslate() {
		s.skip, s.skipDepth = name, 1
		return nil
	}
	s.implicitEnd(name)
	if s.stack = append(s.stack, name); len(s.stack) > MaxDepth {
		return inputErrorf(s.path, s.lines.line(start), "elements nested over %d deep; this is not an article", MaxDepth)
	}
	return nil
}

// inlineNoTranslate reports whether a do-not-translate element of that
// name stays in its sentence as one code (a name, a brand) rather than
// being skipped as a block.
func inlineNoTranslate(name string) bool { return name != "img" && name != "br" }

// implicitEnd closes what a start tag closes without an end tag: a <p>
// before another block, an <li> before the next one.
func (s *htmlScanner) implicitEnd(name string) {
	closes := map[string][]string{
		"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr", "td", "th"},
		"td": {"td", "th"}, "th": {"td", "th"}, "option": {"option"},
	}
	if s.top() == "p" {
		s.stack = s.stack[:len(s.stack)-1]
	}
	for _, c := range closes[name] {
		if s.top() == c {
			s.stack = s.stack[:len(s.stack)-1]
			return
		}
	}
}

// endTag handles an end tag.
func (s *htmlScanner) endTag(start int) {
	nameB, _ := s.z.TagName()
	name := string(nameB)
	if phrasingHTML[name] {
		if s.runStart >= 0 {
			s.runEnd = s.off
			s.inlineDepth = max(0, s.inlineDepth-1)
			s.frag.WriteString("</" + name + ">")
		}
		return
	}
	s.flush()
	for i := len(s.stack) - 1; i >= 0; i-- {
		if s.stack[i] == name {
			s.stack = s.stack[:i]
			return
		}
	}
	_ = start
}

func (s *htmlScanner) top() string {
	if len(s.stack) == 0 {
		return ""
	}
	return s.stack[len(s.stack)-1]
}

// flush ends the current run, making it a slot when it holds text or a
// translatable attribute.
func (s *htmlScanner) flush() {
	if s.runStart < 0 {
		return
	}
	start, end := s.runStart, s.runEnd
	s.runStart, s.inlineDepth = -1, 0
	frag := normalizeFragment(s.frag.String())
	s.frag.Reset()
	if !hasWords(frag) {
		return
	}
	kind, level := s.kind()
	s.slots = append(s.slots, htmlSlot{start: start, end: end, kind: kind, level: level, line: s.lines.line(start), text: frag, markup: true})
}

// tagText writes the last start tag anew: its name, then each attribute
// with its value in double quotes, escaped.
func (s *htmlScanner) tagText(name string, selfClosing bool) string {
	var b strings.Builder
	b.WriteString("<" + name)
	for {
		k, v, more := s.z.TagAttr()
		if plainAttrName(k) {
			b.WriteString(" " + string(k) + `="` + inline.EscapeAttr(string(v)) + `"`)
		}
		if !more {
			break
		}
	}
	if selfClosing {
		b.WriteString("/")
	}
	return b.String() + ">"
}

// plainAttrName reports whether an attribute name is one a fragment can
// hold (letters, digits, - _ : .); the HTML5 tokenizer accepts names such
// as "<a" that no one writes on purpose, and they are left out.
func plainAttrName(k []byte) bool {
	for _, c := range k {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':' || c == '.') {
			return false
		}
	}
	return len(k) > 0
}

// hasWords reports whether a fragment holds a letter in its text or in a
// translatable attribute.
func hasWords(frag string) bool {
	c := inline.Parse(frag)
	if strings.ContainsFunc(c.Plain(), isLetterRune) {
		return true
	}
	return len(TextAttrs(frag, true)) > 0 && len((attrCounter{}).refs(c, false)) > 0
}

// kind returns the block kind and level the innermost block element
// gives the current run.
func (s *htmlScanner) kind() (BlockKind, int) {
	lists := 0
	for _, n := range s.stack {
		if n == "ul" || n == "ol" {
			lists++
		}
	}
	for i := len(s.stack) - 1; i >= 0; i-- {
		switch n := s.stack[i]; n {
		case "h1", "h2", "h3", "h4", "h5", "h6":
			return Heading, int(n[1] - '0')
		case "li", "dt", "dd":
			return ListItem, max(lists, 1)
		case "blockquote":
			return Quote, 1
		case "td", "th", "figcaption", "caption", "table":
			return Paragraph, 0
		}
	}
	return Paragraph, 0
}

// normalizeFragment reads raw HTML into bitext's inline form: character
// references decoded, white space collapsed as a browser shows it.
func normalizeFragment(raw string) string {
	c := inline.Parse(raw)
	for i := range c {
		if c[i].Code == nil {
			c[i].Text = collapseRuns(c[i].Text)
		}
	}
	return strings.TrimSpace(c.HTML())
}

// collapseRuns replaces each run of HTML white space with one space.
func collapseRuns(s string) string {
	if !strings.ContainsAny(s, "\t\r\n\f") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\r' || r == '\n' || r == '\f' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// collapseSpace collapses white space and trims the ends.
func collapseSpace(s string) string { return strings.TrimSpace(collapseRuns(s)) }
