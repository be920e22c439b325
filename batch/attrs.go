package batch

import (
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/translate"
)

// fieldOcc is the text and occurrence of a translatable attribute.
type fieldOcc struct {
	source string
	pos    int
}

// isAttr reports whether r belongs to a translatable attribute of doc (an
// image's alt text, a link's title: see translate.Attr).
func isAttr(fields []translate.AttrField, r memory.OccurrenceRecord) bool {
	for _, f := range fields {
		if !r.Key.Markup && f.Value == r.Key.Source && f.Pos == r.At.Pos {
			return true
		}
	}
	return false
}

// applyAttrs puts the English of each translatable attribute into the
// unit that holds it: the editor's draft of the attribute when there is
// one, else what the translation gave it (approved or machine), whatever
// the unit's own text says. An attribute is a segment of its own.
func applyAttrs(doc *translate.Document, units [][]unit, recs []memory.OccurrenceRecord) {
	fields := translate.AttrFields(doc)
	if len(fields) == 0 {
		return
	}
	drafts := map[fieldOcc]string{}
	for _, r := range recs {
		if r.Kind == memory.Draft && r.Target != "" && isAttr(fields, r) {
			drafts[fieldOcc{r.Key.Source, r.At.Pos}] = r.Target
		}
	}
	for b := range units {
		for i, u := range units[b] {
			units[b][i].text = withAttrs(doc, translate.SpanFields(doc, fields, b, u.first, u.last), u.text, u.markup, drafts)
		}
	}
}

// withAttrs sets the attributes of a unit's text.
func withAttrs(doc *translate.Document, fs []translate.SpanField, text string, markup bool, drafts map[fieldOcc]string) string {
	var attrs []translate.Attr
	for _, f := range fs {
		v, ok := drafts[fieldOcc{f.Value, f.Pos}]
		if !ok {
			seg := doc.Blocks[f.Block].Segments[f.Segment]
			v, ok = translate.FindAttr(seg.Target, seg.Markup, f.Attr)
		}
		if ok {
			a := f.InSpan
			a.Value = v
			attrs = append(attrs, a)
		}
	}
	return translate.SetAttrs(text, markup, attrs)
}
