package translate

import (
	"context"
	"fmt"

	"github.com/bitext/bitext/figures"
	"github.com/bitext/bitext/inline"
)

// attrSlot is a translatable attribute of a sentence's markup (see
// [Attr]) and its English: from the memory at the attribute's own
// occurrence, else from a job of its own that runs before the sentence is
// restored.
type attrSlot struct {
	ref    attrRef
	target string
	// fidelity is the record of the attribute's translation, when it was
	// translated in this run.
	fidelity *Fidelity
}

// attrSlots returns the slots of seg's translatable attributes (c is its
// content, fields its AttrFields) and a job for each attribute the memory
// does not know at its occurrence.
func (p *Pipeline) attrSlots(ctx context.Context, doc *Document, seg *Segment, c inline.Content, fields []AttrField, cv figures.Convention, st *Stats) ([]*attrSlot, []job, error) {
	refs := (attrCounter{}).refs(c, false)
	var slots []*attrSlot
	var jobs []job
	for i, r := range refs {
		slot := &attrSlot{ref: r, target: r.Value}
		slots = append(slots, slot)
		st.Segments++
		if p.Memory != nil && i < len(fields) && fields[i].same(r.Attr) {
			at := Occurrence{Doc: doc.Name, Pos: fields[i].Pos}
			t, by, ok, err := p.Memory.Lookup(ctx, at, r.Value, false)
			if err != nil {
				return nil, nil, fmt.Errorf("translation memory: %w", err)
			}
			if ok && by != Deleted {
				slot.target = t
				st.FromMemory++
				continue
			}
		}
		aj := p.prepare(&Segment{Source: r.Value, Line: seg.Line}, cv)
		aj.restore = func(out string) string {
			slot.target = p.finish(aj, out)
			slot.fidelity = aj.seg.Fidelity
			return slot.target
		}
		jobs = append(jobs, aj)
	}
	return slots, jobs, nil
}

// attrFill is a sentence the memory gave whose attributes get their
// English once the attribute jobs have run.
type attrFill struct {
	seg   *Segment
	slots []*attrSlot
}

// fill puts the attributes' English into the sentence's.
func (f attrFill) fill() {
	attrs := make([]Attr, len(f.slots))
	for i, s := range f.slots {
		attrs[i] = s.ref.Attr
		attrs[i].Value = s.target
	}
	f.seg.Target = SetAttrs(f.seg.Target, f.seg.Markup, attrs)
	f.seg.Fidelity = withAttrWarnings(f.seg.Fidelity, f.slots)
}

// withAttrWarnings adds the warnings of the attributes translated in this
// run to their sentence's record, so that they are reported with it
// ("alt text: figure … is not in the translation").
func withAttrWarnings(f *Fidelity, slots []*attrSlot) *Fidelity {
	for _, s := range slots {
		if !s.fidelity.HasWarnings() {
			continue
		}
		if f == nil {
			f = &Fidelity{}
		}
		for _, w := range s.fidelity.Warnings {
			f.Warnings = append(f.Warnings, attrLabel(s.ref.Attr)+": "+w)
		}
	}
	return f
}

// fieldsBySegment groups the AttrFields of doc by segment.
func fieldsBySegment(doc *Document) map[[2]int][]AttrField {
	out := map[[2]int][]AttrField{}
	for _, f := range AttrFields(doc) {
		k := [2]int{f.Block, f.Segment}
		out[k] = append(out[k], f)
	}
	return out
}

// withAttributes gives the codes of restored content their translated
// attributes (copies: the source's codes stay as they are).
func withAttributes(c inline.Content, slots []*attrSlot) inline.Content {
	if len(slots) == 0 {
		return c
	}
	for i, piece := range c {
		if piece.Code == nil {
			continue
		}
		code := *piece.Code
		changed := false
		for _, s := range slots {
			if s.ref.code.ID == code.ID && s.ref.code.Type == code.Type {
				code.Data = inline.SetAttr(code.Data, s.ref.Name, s.target)
				changed = true
			}
		}
		if changed {
			c[i].Code = &code
		}
	}
	return c
}

// attrLabel names an attribute for messages: "alt text", "title".
func attrLabel(a Attr) string {
	if a.Name == "alt" {
		return "alt text"
	}
	return a.Name
}
