package review

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/bitext/bitext/translate"
)

// State is where a unit stands in review.
type State int

// The states of a unit. Every state but Approved needs a decision.
const (
	// Machine: the machine draft, not reviewed yet.
	Machine State = iota
	// Edited: the editor changed the draft but has not approved it.
	Edited
	// Changed: the text differs from what was approved.
	Changed
	// Orphan: a paragraph of the working copy with no French.
	Orphan
	// Approved: the text is the approved text.
	Approved
)

var stateNames = [...]string{"machine", "edited", "changed since approval", "no French", "approved"}

// String names the state for listings.
func (s State) String() string { return stateNames[s] }

// Unit is one piece of the article to decide on: a sentence, or several
// when the editor merged them or added one between them (a paragraph-level
// unit), or a paragraph with no French.
type Unit struct {
	Span
	// Key is the unit's entry in the translation memory (its Source is
	// the French sentences joined by spaces).
	Key Key
	// Line is the line of the French article the unit starts on.
	Line int
	// Draft is the machine draft and Backend the engine that made it.
	Draft, Backend string
	// Record is what the translation memory holds for Key.
	Record Record
	// OldSource and OldText are, when the French changed since a similar
	// sentence was approved, that sentence and its approved English.
	OldSource, OldText string
	// Problems are the problems Options.Check found in the current text
	// (glossary terms missing, figures changed), each saying its kind
	// ("glossary: …", "fidelity: …").
	Problems []string
	// Field names the front-matter field the unit is ("title"), "" for a
	// unit of the article's body.
	Field string
	field int
	// attr is set for the unit of a translatable attribute (alt text, a
	// title) of a sentence's markup.
	attr *attrPlace
}

// Source is the French of the unit ("" for an orphan paragraph).
func (u *Unit) Source() string { return u.Key.Source }

// State returns the unit's review state.
func (u *Unit) State() State {
	switch {
	case u.Orphan():
		return Orphan
	case u.Record.Approved && u.Text == u.Record.Text:
		return Approved
	case u.Record.Approved:
		return Changed
	case u.Text == u.Draft:
		return Machine
	}
	return Edited
}

// Pending reports whether the unit needs a decision.
func (u *Unit) Pending() bool { return u.State() != Approved }

// Reasons lists why the unit needs a decision, for display.
func (u *Unit) Reasons() []string {
	if !u.Pending() {
		return nil
	}
	out := []string{u.State().String()}
	if u.Last > u.First {
		out = append(out, "paragraph level")
	}
	if u.Added && !u.Orphan() {
		out = append(out, "added text")
	}
	if strings.Contains(u.Backend, "fuzzy") {
		out = append(out, "fuzzy match")
	}
	if u.OldSource != "" {
		out = append(out, "French changed")
	}
	if len(u.Problems) > 0 {
		out = append(out, "check")
	}
	return out
}

// Where describes the unit's place: "paragraph 2, sentence 1".
func (u *Unit) Where() string {
	switch {
	case u.Field != "":
		return u.fieldWhere()
	case u.attr != nil:
		return u.attrWhere()
	case u.Orphan():
		return fmt.Sprintf("added paragraph after paragraph %d", u.Block+1)
	case u.Last > u.First:
		return fmt.Sprintf("paragraph %d, sentences %d-%d", u.Block+1, u.First+1, u.Last+1)
	}
	return fmt.Sprintf("paragraph %d, sentence %d", u.Block+1, u.First+1)
}

// newUnit fills in a unit's French, draft and memory record.
func (a *Article) newUnit(ctx context.Context, sp Span) (*Unit, error) {
	u := &Unit{Span: sp}
	if sp.Orphan() {
		return u, nil
	}
	blk := a.Doc.Blocks[sp.Block]
	segs := blk.Segments[sp.First : sp.Last+1]
	var src, draft []string
	for _, s := range segs {
		src = append(src, toForm(s.Source, s.Markup, sp.Markup))
		draft = append(draft, toForm(s.Target, s.Markup, sp.Markup))
	}
	u.Key = a.key(strings.Join(src, " "), sp.Markup, a.ranks[sp.Block][sp.First])
	u.Line, u.Backend = segs[0].Line, segs[0].Backend
	u.Draft = strings.Join(draft, " ")
	if err := a.fillRecord(ctx, u); err != nil {
		return nil, err
	}
	a.check(u)
	return u, nil
}

// fillRecord reads the unit's memory entry: the machine draft there wins
// over the JSON's target (which may be an approved text), and a changed
// French sentence is matched with the approval of the one it replaced.
func (a *Article) fillRecord(ctx context.Context, u *Unit) error {
	rec, ok, err := a.opts.Store.Record(ctx, u.Key)
	if err != nil {
		return fmt.Errorf("translation memory: %w", err)
	}
	if ok {
		u.Record = rec
		if rec.Machine != "" {
			u.Draft, u.Backend = rec.Machine, rec.Backend
		}
	}
	if u.Record.Approved || u.Text == "" && u.Draft == "" {
		return nil
	}
	sf, ok := a.opts.Store.(SimilarFinder)
	if !ok {
		return nil
	}
	src, old, found, err := sf.Similar(ctx, u.Key)
	if err != nil {
		return fmt.Errorf("translation memory: %w", err)
	}
	if found {
		u.OldSource, u.OldText = src, old.Text
	}
	return nil
}

// check records the problems of a pending unit's text.
func (a *Article) check(u *Unit) {
	u.Problems = nil
	if a.opts.Check == nil || u.Orphan() || !u.Pending() || u.Text == "" {
		return
	}
	u.Problems = a.opts.Check(u.Key.Source, u.Text, u.Markup)
	if u.Text == u.Draft {
		u.Problems = appendNew(u.Problems, a.recorded(u)...)
	}
}

// recorded returns the fidelity warnings translate recorded on the unit's
// sentences or front-matter field (an address the engine dropped and
// bitext put back, say): they hold while the text is the machine draft.
// An attribute's own are not recorded: its check is Options.Check's.
func (a *Article) recorded(u *Unit) []string {
	var fs []*translate.Fidelity
	switch {
	case u.attr != nil:
	case u.Field != "":
		fs = append(fs, a.Doc.Meta[u.field].Fidelity)
	default:
		for _, s := range a.Doc.Blocks[u.Block].Segments[u.First : u.Last+1] {
			fs = append(fs, s.Fidelity)
		}
	}
	var out []string
	for _, f := range fs {
		if f != nil {
			for _, w := range f.Warnings {
				out = append(out, "fidelity: "+w)
			}
		}
	}
	return out
}

// appendNew appends the strings of add that list does not hold yet.
func appendNew(list []string, add ...string) []string {
	for _, s := range add {
		if !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

// PlainText returns the unit's English without markup, as an editor types
// it.
func (u *Unit) PlainText() string { return plainOf(u.Text, u.Markup) }
