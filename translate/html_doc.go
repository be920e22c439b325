package translate

import (
	"bytes"
	"html"
	"strings"

	"github.com/bitext/bitext/inline"
)

// TargetLang is the language [Write] gives an HTML page's lang attribute
// when it writes the translation.
const TargetLang = "en"

// readHTML reads an HTML page: a block for the text of each block
// element (headings, paragraphs, list items, table cells, quotes), for
// <title> and for a <meta> description; inline elements are the
// segments' inline codes. Scripts, styles, <pre>, <code> and elements
// marked translate="no" or class="notranslate" are left as they are.
func readHTML(path string, data []byte) (*Document, error) {
	text, warnings, err := decodeText(path, data)
	if err != nil {
		return nil, err
	}
	src := []byte(text)
	slots, err := scanHTML(path, src)
	if err != nil {
		return nil, err
	}
	doc := &Document{Skeleton: src, Warnings: warnings}
	for i, sl := range slots {
		if sl.fixed != "" {
			continue
		}
		b := Block{Kind: sl.kind, Level: sl.level, Line: sl.line, Slot: i + 1}
		b.Segments = slotSegments(sl.text, sl.markup, sl.line)
		doc.Blocks = append(doc.Blocks, b)
	}
	if len(doc.Blocks) == 0 {
		return nil, inputErrorf(path, 0, "no text to translate in this page")
	}
	return doc, nil
}

// slotSegments splits a slot's text into sentences.
func slotSegments(text string, markup bool, line int) []Segment {
	var parts []string
	if markup {
		parts = SplitMarkup(text)
	} else {
		parts = SplitSentences(text)
	}
	segs := make([]Segment, 0, len(parts))
	for _, p := range parts {
		segs = append(segs, Segment{Source: p, Markup: markup, Line: line})
	}
	return segs
}

// writeHTML writes an HTML page: the skeleton with each slot's text put
// in place.
func writeHTML(buf *bytes.Buffer, doc *Document, side Side) error {
	slots, err := scanHTML(doc.Path, doc.Skeleton)
	if err != nil {
		return err
	}
	markup := make([]bool, len(slots))
	for i, s := range slots {
		markup[i] = s.markup
	}
	texts, err := slotTexts(doc, markup, side)
	if err != nil {
		return err
	}
	pos := 0
	for i, sl := range slots {
		buf.Write(doc.Skeleton[pos:sl.start])
		pos = sl.end
		switch {
		case sl.fixed != "" && side == TargetSide:
			buf.WriteString(sl.fixed)
		case sl.fixed != "":
			buf.Write(doc.Skeleton[sl.start:sl.end])
		case sl.attr:
			writeAttrValue(buf, doc.Skeleton, sl, texts[i])
		case sl.markup:
			buf.WriteString(texts[i])
		default:
			buf.WriteString(html.EscapeString(texts[i]))
		}
	}
	buf.Write(doc.Skeleton[pos:])
	return nil
}

// writeAttrValue writes an attribute value, quoting it when the source
// left it bare.
func writeAttrValue(buf *bytes.Buffer, src []byte, sl htmlSlot, text string) {
	quoted := sl.start > 0 && (src[sl.start-1] == '"' || src[sl.start-1] == '\'')
	if !quoted {
		buf.WriteByte('"')
	}
	text = attrEscaper.Replace(text)
	if quoted && src[sl.start-1] == '\'' {
		text = strings.ReplaceAll(text, "'", "&#39;")
	}
	buf.WriteString(text)
	if !quoted {
		buf.WriteByte('"')
	}
}

// attrEscaper escapes an attribute value (the apostrophe too when the
// value is in single quotes).
var attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// slotTexts joins the text of each slot's blocks on the chosen side, in
// the slot's form (markup[i] says slot i takes an inline fragment). A
// block an editor added (Slot 0) joins the slot before it.
func slotTexts(doc *Document, markup []bool, side Side) ([]string, error) {
	texts := make([]string, len(markup))
	last := -1
	for _, b := range doc.Blocks {
		segs, err := sideTexts(doc, b, side)
		if err != nil {
			return nil, err
		}
		i := b.Slot - 1
		if i < 0 || i >= len(markup) {
			i = last
		}
		if i < 0 {
			continue
		}
		last = i
		for j, s := range segs {
			s = slotForm(s, b.Segments[j].Markup, markup[i])
			if strings.TrimSpace(s) == "" {
				continue
			}
			if texts[i] != "" {
				texts[i] += " "
			}
			texts[i] += s
		}
	}
	return texts, nil
}

// slotForm converts a segment's text to the form its slot takes.
func slotForm(s string, from, to bool) string {
	switch {
	case from && !to:
		return inline.Parse(s).Plain()
	case !from && to:
		return inline.EscapeText(s)
	}
	return s
}

// finishRead completes a document a format reader returned.
func finishRead(doc *Document, err error, path string, f Format) (*Document, error) {
	if err != nil {
		return nil, err
	}
	doc.Path, doc.Format = path, f
	return doc, nil
}
