package translate

import (
	"html"
	"strings"
	"unicode"

	"github.com/bitext/bitext/inline"
)

// metaText are the <meta> elements whose content is article text, by
// their name or property.
var metaText = map[string]bool{
	"description": true, "og:title": true, "og:description": true, "twitter:title": true, "twitter:description": true,
}

// attrSlots adds the slots of a block-level start tag's attributes: the
// page's lang, its character set (the English is UTF-8, whatever the
// French was), a <meta> description's content, a title.
func (s *htmlScanner) attrSlots(name, raw string, start int, tag inline.Tag) {
	add := func(attr string, fixed string) {
		vs, ve, ok := attrValueRange(raw, attr)
		if !ok {
			return
		}
		v := collapseSpace(html.UnescapeString(raw[vs:ve]))
		if fixed == "" && !strings.ContainsFunc(v, isLetterRune) {
			return
		}
		s.slots = append(s.slots, htmlSlot{start: start + vs, end: start + ve, kind: Paragraph, line: s.lines.line(start), text: v, attr: true, fixed: fixed})
	}
	switch {
	case name == "html":
		add("lang", TargetLang)
		add("xml:lang", TargetLang)
	case name == "meta" && hasAttr(tag, "charset"):
		add("charset", "utf-8")
	case name == "meta" && strings.EqualFold(attrOf(tag, "http-equiv"), "content-type"):
		add("content", "text/html; charset=utf-8")
	case name == "meta":
		key, ok := tag.Attr("name")
		if !ok {
			key, _ = tag.Attr("property")
		}
		if metaText[strings.ToLower(key)] {
			add("content", "")
		}
	}
	add("title", "")
}

func hasAttr(t inline.Tag, name string) bool { _, ok := t.Attr(name); return ok }

func attrOf(t inline.Tag, name string) string { v, _ := t.Attr(name); return v }

// attrValueRange finds the value of attribute name in a raw start tag:
// its byte range inside the quotes (or the bare value).
func attrValueRange(raw, name string) (int, int, bool) {
	i := 1
	for i < len(raw) && !isTagSpace(raw[i]) && raw[i] != '>' && raw[i] != '/' {
		i++
	}
	for i < len(raw) {
		for i < len(raw) && (isTagSpace(raw[i]) || raw[i] == '/') {
			i++
		}
		n := i
		for i < len(raw) && !isTagSpace(raw[i]) && raw[i] != '=' && raw[i] != '>' && raw[i] != '/' {
			i++
		}
		if n == i {
			return 0, 0, false
		}
		attr := raw[n:i]
		for i < len(raw) && isTagSpace(raw[i]) {
			i++
		}
		if i >= len(raw) || raw[i] != '=' {
			continue
		}
		i++
		for i < len(raw) && isTagSpace(raw[i]) {
			i++
		}
		vs, ve := valueBounds(raw, i)
		if strings.EqualFold(attr, name) {
			return vs, ve, true
		}
		i = ve
		if ve < len(raw) && (raw[ve] == '"' || raw[ve] == '\'') {
			i++
		}
	}
	return 0, 0, false
}

// valueBounds returns the range of the attribute value starting at i.
func valueBounds(raw string, i int) (int, int) {
	if i < len(raw) && (raw[i] == '"' || raw[i] == '\'') {
		end := strings.IndexByte(raw[i+1:], raw[i])
		if end < 0 {
			return i + 1, len(raw)
		}
		return i + 1, i + 1 + end
	}
	e := i
	for e < len(raw) && !isTagSpace(raw[e]) && raw[e] != '>' {
		e++
	}
	return i, e
}

func isTagSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func isLetterRune(r rune) bool { return unicode.IsLetter(r) }
