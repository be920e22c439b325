package review

import (
	"context"
	"errors"
	"fmt"

	"github.com/bitext/bitext/translate"
)

// ErrFieldDeleted is returned when approving a front-matter field whose
// English the editor removed: a field keeps a translation.
var ErrFieldDeleted = errors.New("a front-matter field cannot be left without English: write its translation, or revert it")

// fieldUnits makes a unit of every translated front-matter field (the
// title, the description): a segment like any other, with the working
// copy's value as its text.
func (a *Article) fieldUnits(ctx context.Context, work []translate.MetaField) ([]*Unit, error) {
	ranks := translate.MetaRanks(a.Doc)
	var out []*Unit
	for i, f := range a.Doc.Meta {
		if !f.Translate || f.Value == "" {
			continue
		}
		u := &Unit{Span: Span{Block: -1, Text: f.Target}, Field: f.Key, field: i}
		for _, w := range work {
			if w.Key == f.Key {
				u.Text = w.Value
			}
		}
		u.Key = a.key(f.Value, false, ranks[i])
		u.Line, u.Draft, u.Backend = 1, f.Target, ""
		if err := a.fillRecord(ctx, u); err != nil {
			return nil, err
		}
		a.check(u)
		out = append(out, u)
	}
	return out, nil
}

// fieldMeta returns the document's front matter with each field unit's
// text (working) or published English (publish) as its target.
func (a *Article) fieldMeta(publish bool) []translate.MetaField {
	meta := append([]translate.MetaField(nil), a.Doc.Meta...)
	for _, u := range a.Units {
		if u.Field == "" {
			continue
		}
		t := u.Text
		if publish {
			t = u.published().Target
		}
		if t == "" {
			t = u.Draft
		}
		meta[u.field].Target = t
	}
	return meta
}

// fieldWhere describes a field unit's place.
func (u *Unit) fieldWhere() string { return fmt.Sprintf("front matter, %s", u.Field) }
