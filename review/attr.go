package review

import (
	"context"
	"errors"
	"fmt"

	"github.com/bitext/bitext/translate"
)

// ErrAttrDeleted is returned when approving an image's alt text or a
// title the editor emptied.
var ErrAttrDeleted = errors.New("an alt text or a title cannot be left without English: write its translation, or revert it")

// attrPlace ties a unit of a translatable attribute (an image's alt
// text, a link's or an image's title: see translate.Attr) to the unit
// whose English holds it.
type attrPlace struct {
	// in is the attribute as numbered in the holder's text.
	in translate.Attr
	// of is the unit of the sentence (or sentences) that holds it.
	of *Unit
}

// attrUnits makes a unit of every translatable attribute of u's French
// (fields are the document's): a segment like any other, with the value
// the working copy gives it as its text (none where the editor removed
// the element).
func (a *Article) attrUnits(ctx context.Context, u *Unit, fields []translate.AttrField) ([]*Unit, error) {
	if u.Orphan() || u.Field != "" || u.attr != nil {
		return nil, nil
	}
	var out []*Unit
	for _, f := range translate.SpanFields(a.Doc, fields, u.Block, u.First, u.Last) {
		seg := a.Doc.Blocks[f.Block].Segments[f.Segment]
		text, ok := translate.FindAttr(u.Text, u.Markup, f.InSpan)
		if !ok {
			continue // the editor removed the element
		}
		au := &Unit{Span: Span{Block: u.Block, First: u.First, Last: u.Last, Text: text}, attr: &attrPlace{in: f.InSpan, of: u}}
		au.Draft, _ = translate.FindAttr(seg.Target, seg.Markup, f.Attr)
		au.Key = a.key(f.Value, false, f.Pos)
		au.Line, au.Backend = seg.Line, seg.Backend
		if err := a.fillRecord(ctx, au); err != nil {
			return nil, err
		}
		a.check(au)
		out = append(out, au)
	}
	u.sameAttrs()
	a.check(u)
	return out, nil
}

// sameAttrs gives the machine draft and the approved text of a sentence
// unit the attributes of its current text: its attributes are units of
// their own, so that changing one is no change of the sentence.
func (u *Unit) sameAttrs() {
	attrs := translate.TextAttrs(u.Text, u.Markup)
	if len(attrs) == 0 {
		return
	}
	u.Draft = translate.SetAttrs(u.Draft, u.Markup, attrs)
	u.Record.Machine = translate.SetAttrs(u.Record.Machine, u.Markup, attrs)
	u.Record.Text = translate.SetAttrs(u.Record.Text, u.Markup, attrs)
}

// withAttrs returns text, the English of the sentence unit u, with the
// English of its attribute units: their current text, or with publish
// what publishing gives them.
func (a *Article) withAttrs(u *Unit, text string, publish bool) string {
	var attrs []translate.Attr
	for _, au := range a.Units {
		if au.attr == nil || au.attr.of != u {
			continue
		}
		v := au.Text
		if publish {
			v = au.published().Target
		}
		if v == "" {
			v = au.Draft
		}
		at := au.attr.in
		at.Value = v
		attrs = append(attrs, at)
	}
	return translate.SetAttrs(text, u.Markup, attrs)
}

// attrWhere describes an attribute unit's place.
func (u *Unit) attrWhere() string {
	what := "title"
	if u.attr.in.Name == "alt" {
		what = "image alt text"
	} else if u.attr.in.Element == "a" {
		what = "link title"
	}
	return fmt.Sprintf("%s, %s", u.attr.of.Where(), what)
}

// Attribute names, for the unit of an image's alt text or of a title, the
// element that holds it ("img", "a") and the attribute ("alt", "title");
// both are "" for any other unit.
func (u *Unit) Attribute() (element, name string) {
	if u.attr == nil {
		return "", ""
	}
	return u.attr.in.Element, u.attr.in.Name
}
