package batch

import (
	"fmt"
	"sort"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/review"
	"github.com/bitext/bitext/translate"
)

// unit is a run of segments of one block shown as one piece of English in
// the working copy: a sentence, or several an editor merged.
type unit struct {
	first, last int
	text        string
	markup      bool
	// by says where text comes from: a backend, "approved", "draft",
	// translate.Deleted.
	by string
}

// orphan is a paragraph an editor added to the working copy that matches
// no French, placed after block after (-1: before the first).
type orphan struct {
	after  int
	text   string
	markup bool
}

// composition is the working copy of an article and what goes with it.
type composition struct {
	// work is the English article as the working copy holds it.
	work *translate.Document
	// state is the French document with each segment's English as written
	// (a merged unit's on its first segment).
	state *translate.Document
	// warnings are for the user; moves re-key drafts whose French changed.
	warnings []string
	moves    []draftMove
}

// draftMove is a draft to store under a new key and occurrence.
type draftMove struct {
	from, to memory.OccurrenceRecord
}

// compose builds the working copy of the translated doc from its
// translations, the article's occurrence records (drafts win, then
// paragraph-level approvals and deletions; single sentences' approvals
// are already in doc), the document last written (old, nil if none) for
// drafts whose French changed, and the editor's added paragraphs. An edit
// that cannot be placed is an error.
func compose(doc *translate.Document, recs []memory.OccurrenceRecord, old *translate.Document, orphans []orphan) (*composition, error) {
	c := &composition{}
	units := initialUnits(doc)
	ranks := translate.Ranks(doc)
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].Kind != memory.Draft && recs[j].Kind == memory.Draft })
	meta := applyMeta(doc, recs)
	fields := translate.AttrFields(doc)
	for _, r := range recs {
		if isMeta(doc, r) || isAttr(fields, r) {
			continue
		}
		if r.Kind == memory.Draft || r.Key.Source != "" && isMulti(doc, ranks, r) {
			if !apply(doc, ranks, units, r, r.Key.Source) && r.Kind == memory.Draft {
				if err := c.moved(doc, ranks, units, old, r); err != nil {
					return nil, err
				}
			}
		}
	}
	if len(orphans) > 0 && old != nil && len(old.Blocks) != len(doc.Blocks) {
		return nil, fmt.Errorf("you added a paragraph with no French (%q) and the French article changed around it: bitext cannot place it; move its text into a paragraph or remove it, then run again", short(orphans[0].text))
	}
	applyAttrs(doc, units, recs)
	c.work, c.state = build(doc, units, orphans)
	c.work.Meta, c.state.Meta = meta, meta
	return c, nil
}

// applyMeta returns doc's front matter with the drafts of translated
// fields in place.
func applyMeta(doc *translate.Document, recs []memory.OccurrenceRecord) []translate.MetaField {
	meta := append([]translate.MetaField(nil), doc.Meta...)
	ranks := translate.MetaRanks(doc)
	for _, r := range recs {
		for i, f := range meta {
			if r.Kind == memory.Draft && f.Translate && r.Target != "" && f.Value == r.Key.Source && ranks[i] == r.At.Pos {
				meta[i].Target = r.Target
			}
		}
	}
	return meta
}

// isMeta reports whether r belongs to a front-matter field of doc.
func isMeta(doc *translate.Document, r memory.OccurrenceRecord) bool {
	ranks := translate.MetaRanks(doc)
	for i, f := range doc.Meta {
		if f.Translate && f.Value == r.Key.Source && ranks[i] == r.At.Pos {
			return true
		}
	}
	return false
}

// initialUnits makes one unit per translated segment.
func initialUnits(doc *translate.Document) [][]unit {
	units := make([][]unit, len(doc.Blocks))
	for b, blk := range doc.Blocks {
		if !blk.Translatable() {
			continue
		}
		for s, seg := range blk.Segments {
			units[b] = append(units[b], unit{first: s, last: s, text: seg.Target, markup: seg.Markup, by: seg.Backend})
		}
	}
	return units
}

// isMulti reports whether r's key spans several segments (its source is
// not one segment's): single sentences' approvals reach doc through the
// memory lookup already.
func isMulti(doc *translate.Document, ranks [][]int, r memory.OccurrenceRecord) bool {
	for b, blk := range doc.Blocks {
		for s, seg := range blk.Segments {
			if seg.Source == r.Key.Source && ranks[b][s] == r.At.Pos {
				return false
			}
		}
	}
	return true
}

// apply puts r's text on the segments whose joined French is source at
// r's occurrence; it reports whether it found them.
func apply(doc *translate.Document, ranks [][]int, units [][]unit, r memory.OccurrenceRecord, source string) bool {
	b, i, j, ok := window(doc, ranks, source, r.Key.Markup, r.At.Pos)
	if !ok {
		return false
	}
	by := string(r.Kind)
	if r.Kind == memory.Deleted {
		by = translate.Deleted
	}
	return merge(units, b, i, j, unit{first: i, last: j, text: r.Target, markup: r.Key.Markup, by: by})
}

// window finds, in a block, the segments i..j whose joined French is
// source (in the markup form) and whose first one is the pos-th occurrence
// of its source.
func window(doc *translate.Document, ranks [][]int, source string, markup bool, pos int) (b, i, j int, ok bool) {
	for b, blk := range doc.Blocks {
		if !blk.Translatable() {
			continue
		}
		for i := range blk.Segments {
			if ranks[b][i] != pos {
				continue
			}
			for j := i; j < len(blk.Segments); j++ {
				src, m := review.UnitSource(blk.Segments[i : j+1])
				if src == source && m == markup {
					return b, i, j, true
				}
				if len(src) >= len(source) {
					break
				}
			}
		}
	}
	return 0, 0, 0, false
}

// merge replaces the units of block b that lie within i..j with u; units
// that straddle its ends make it fail.
func merge(units [][]unit, b, i, j int, u unit) bool {
	var out []unit
	placed := false
	for _, x := range units[b] {
		switch {
		case x.last < i || x.first > j:
			out = append(out, x)
		case x.first >= i && x.last <= j:
			if !placed {
				out = append(out, u)
				placed = true
			}
		default:
			return false
		}
	}
	units[b] = out
	return placed
}

// moved places a draft whose French is no longer in doc: where the French
// it was made for stood in the document last written, when that place is
// still there; the editor's English is kept and flagged for review.
func (c *composition) moved(doc *translate.Document, ranks [][]int, units [][]unit, old *translate.Document, r memory.OccurrenceRecord) error {
	if old == nil {
		c.warnings = append(c.warnings, fmt.Sprintf("your edit %q matches no sentence of the article any more; it stays in the translation memory", short(r.Target)))
		return nil
	}
	b, i, j, ok := window(old, translate.Ranks(old), r.Key.Source, r.Key.Markup, r.At.Pos)
	if !ok {
		c.warnings = append(c.warnings, fmt.Sprintf("your edit %q matches no sentence of the article any more; it stays in the translation memory", short(r.Target)))
		return nil
	}
	if len(doc.Blocks) != len(old.Blocks) || len(doc.Blocks[b].Segments) != len(old.Blocks[b].Segments) {
		return fmt.Errorf("the French of a sentence you edited (%q, paragraph %d) changed and its paragraph was rewritten: bitext cannot tell where your English %q goes; copy it where it belongs (or remove it), then run again",
			short(r.Key.Source), b+1, short(r.Target))
	}
	if !merge(units, b, i, j, unit{first: i, last: j, text: r.Target, markup: r.Key.Markup, by: string(memory.Draft)}) {
		return fmt.Errorf("the French of a sentence you edited (%q) changed: bitext cannot keep your English %q in place; copy it where it belongs, then run again", short(r.Key.Source), short(r.Target))
	}
	src, markup := review.UnitSource(doc.Blocks[b].Segments[i : j+1])
	to := r
	to.Key.Source, to.Key.Markup, to.At.Pos = src, markup, ranks[b][i]
	c.moves = append(c.moves, draftMove{from: r, to: to})
	c.warnings = append(c.warnings, fmt.Sprintf("%s:%d: the French of a sentence you edited changed; your English was kept: review it (bitext review)",
		doc.Path, doc.Blocks[b].Segments[i].Line))
	return nil
}

// build writes the units out as the working document and the state.
func build(doc *translate.Document, units [][]unit, orphans []orphan) (work, state *translate.Document) {
	work = &translate.Document{Path: doc.Path, Name: doc.Name, Format: doc.Format, Compact: doc.Compact, Meta: doc.Meta}
	state = &translate.Document{Path: doc.Path, Name: doc.Name, Format: doc.Format, Compact: doc.Compact, Meta: doc.Meta,
		Blocks: make([]translate.Block, len(doc.Blocks))}
	addOrphans(work, orphans, -1)
	for b, blk := range doc.Blocks {
		sb := blk
		sb.Segments = append([]translate.Segment(nil), blk.Segments...)
		wb := blk
		if blk.Translatable() {
			wb.Segments = nil
			for _, u := range units[b] {
				segs := blk.Segments[u.first : u.last+1]
				for k := u.first; k <= u.last; k++ {
					sb.Segments[k].Target = ""
				}
				sb.Segments[u.first].Target = u.text
				if u.text == "" {
					continue
				}
				src, _ := review.UnitSource(segs)
				wb.Segments = append(wb.Segments, translate.Segment{Source: src, Target: u.text, Markup: u.markup, Line: segs[0].Line, Backend: u.by})
			}
		}
		state.Blocks[b] = sb
		if len(wb.Segments) > 0 {
			work.Blocks = append(work.Blocks, wb)
		}
		addOrphans(work, orphans, b)
	}
	return work, state
}

func addOrphans(doc *translate.Document, orphans []orphan, after int) {
	for _, o := range orphans {
		if o.after == after && o.text != "" {
			doc.Blocks = append(doc.Blocks, translate.Block{Kind: translate.Paragraph,
				Segments: []translate.Segment{{Source: o.text, Target: o.text, Markup: o.markup}}})
		}
	}
}

// short cuts s to 60 characters for messages.
func short(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
