package translate

import (
	"strings"
	"unicode"

	"github.com/bitext/bitext/inline"
)

// Attr is a translatable attribute of a sentence's markup: an image's alt
// text, a link's or an image's title. Its text is a segment like any
// other: translated on its own, kept in the memory at its own occurrence
// (see [AttrFields]), reviewed and approved on its own; the sentence that
// holds it gets its English put in place.
//
// Element, Addr, N and Name say which attribute of a text it is, the same
// in the French and in the English (where an engine may move elements
// around): the element's name and address (an image's src, a link's
// href), which element of that name and address of the text it is on
// (from 0), and the attribute's name.
type Attr struct {
	Element, Addr string
	N             int
	Name          string
	// Value is the attribute's text.
	Value string
}

// same reports whether a and b are the same attribute of a text.
func (a Attr) same(b Attr) bool {
	return a.Element == b.Element && a.Addr == b.Addr && a.N == b.N && a.Name == b.Name
}

// translatableAttrs are the attributes whose text is article text.
var translatableAttrs = []string{"alt", "title"}

// attrRef is an attribute and the code of the element that holds it.
type attrRef struct {
	Attr
	code *inline.Code
}

// attrCounter numbers the elements of a text by name and address.
type attrCounter map[[2]string]int

// refs returns the translatable attributes of c's elements, in order;
// with all unset, only those whose value holds a letter (the others are
// no text to translate).
func (seen attrCounter) refs(c inline.Content, all bool) []attrRef {
	var out []attrRef
	for _, code := range c.Codes() {
		if code.Kind != inline.Element || code.Type == inline.Close {
			continue
		}
		t := code.Tag()
		addr, ok := t.Attr("src")
		if !ok {
			addr, _ = t.Attr("href")
		}
		k := [2]string{t.Name, addr}
		n := seen[k]
		seen[k]++
		for _, name := range translatableAttrs {
			v, ok := t.Attr(name)
			if ok && (all || strings.ContainsFunc(v, unicode.IsLetter)) {
				out = append(out, attrRef{Attr{Element: t.Name, Addr: addr, N: n, Name: name, Value: v}, code})
			}
		}
	}
	return out
}

// SpanAttrs returns the translatable attributes of the sources of segs,
// in order, numbered as in their joined text (one sentence, or the
// sentences of a paragraph-level unit).
func SpanAttrs(segs []Segment) []Attr {
	seen := attrCounter{}
	var out []Attr
	for _, s := range segs {
		if s.Markup {
			for _, r := range seen.refs(inline.Parse(s.Source), false) {
				out = append(out, r.Attr)
			}
		}
	}
	return out
}

// TextAttrs returns the attributes of text (an HTML fragment when
// markup) that are translatable where they hold text, whatever their
// values, numbered as SpanAttrs numbers them.
func TextAttrs(text string, markup bool) []Attr {
	if !markup {
		return nil
	}
	var out []Attr
	for _, r := range (attrCounter{}).refs(inline.Parse(text), true) {
		out = append(out, r.Attr)
	}
	return out
}

// FindAttr returns the value text (an HTML fragment when markup) gives
// the attribute a stands for.
func FindAttr(text string, markup bool, a Attr) (string, bool) {
	for _, b := range TextAttrs(text, markup) {
		if b.same(a) {
			return b.Value, true
		}
	}
	return "", false
}

// SetAttrs returns text (an HTML fragment when markup) with each of attrs
// it holds set to its Value; the rest of text is kept byte for byte.
func SetAttrs(text string, markup bool, attrs []Attr) string {
	if !markup || len(attrs) == 0 {
		return text
	}
	c := inline.Parse(text)
	changed := false
	for _, r := range (attrCounter{}).refs(c, true) {
		for _, a := range attrs {
			if r.same(a) && r.Value != a.Value {
				r.code.Data = inline.SetAttr(r.code.Data, a.Name, a.Value)
				changed = true
			}
		}
	}
	if !changed {
		return text
	}
	return c.HTML()
}

// AttrField is a translatable attribute of one segment of a document.
type AttrField struct {
	// Block and Segment index the segment whose markup holds it.
	Block, Segment int
	// Attr is the attribute, numbered within its segment, with its French.
	Attr
	// Pos is which occurrence of the attribute's text in the document it
	// is, counted after the document's segments and front matter (see
	// [Ranks] and [MetaRanks]): with [Document.Name] it makes the
	// attribute's [Occurrence].
	Pos int
}

// AttrFields returns the translatable attributes of doc's segments, in
// document order.
func AttrFields(doc *Document) []AttrField {
	seen := sourceCounts(doc)
	for _, f := range doc.Meta {
		if f.Translate && f.Value != "" {
			seen[f.Value]++
		}
	}
	var out []AttrField
	for b, blk := range doc.Blocks {
		if !blk.Translatable() {
			continue
		}
		for s := range blk.Segments {
			for _, a := range SpanAttrs(blk.Segments[s : s+1]) {
				seen[a.Value]++
				out = append(out, AttrField{Block: b, Segment: s, Attr: a, Pos: seen[a.Value]})
			}
		}
	}
	return out
}

// SpanField is an attribute field of a run of segments (a sentence, or a
// paragraph-level unit's sentences).
type SpanField struct {
	AttrField
	// InSpan is the attribute as numbered in the run's joined text (see
	// SpanAttrs); AttrField.Attr is numbered within its own segment.
	InSpan Attr
}

// SpanFields returns the attribute fields of segments first..last of
// block b of doc, in order; fields are doc's (AttrFields).
func SpanFields(doc *Document, fields []AttrField, b, first, last int) []SpanField {
	var out []SpanField
	for _, f := range fields {
		if f.Block == b && f.Segment >= first && f.Segment <= last {
			out = append(out, SpanField{AttrField: f})
		}
	}
	keys := SpanAttrs(doc.Blocks[b].Segments[first : last+1])
	if len(keys) != len(out) {
		return nil
	}
	for i := range out {
		out[i].InSpan = keys[i]
	}
	return out
}
