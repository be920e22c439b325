package review

import (
	"strings"

	"github.com/bitext/bitext/inline"
	"github.com/bitext/bitext/translate"
)

// Map ties the text of the working copy work (the English article as the
// editor left it, read with [translate.ReadFormat]) to the segments of
// doc, the bilingual document. refs holds, for each segment of doc, the
// English it is expected to have (its approved text or machine draft),
// indexed like doc.Blocks[b].Segments[s].
//
// Paragraphs are aligned first, then the sentences inside each group of
// aligned paragraphs, both by the similarity of their words, so that
// merged, split, deleted and added sentences and paragraphs are found.
// Every translatable segment of doc is covered by exactly one span, in
// document order; paragraphs with no French counterpart come back as
// orphan spans. Span texts are in their segments' form: an HTML fragment
// when one of the segments has markup, plain text otherwise.
func Map(doc *translate.Document, refs [][]string, work *translate.Document) []Span {
	refIdx := nonEmptyBlocks(doc)
	ref := make([]piece, len(refIdx))
	for i, b := range refIdx {
		ref[i] = piece{text: blockRef(doc.Blocks[b], refs[b]), block: b}
	}
	wk := make([]piece, len(work.Blocks))
	for i, b := range work.Blocks {
		wk[i] = piece{text: plainBlock(b), block: i}
	}
	var spans []Span
	i, j := 0, 0
	for _, mv := range align(ref, wk, nil) {
		blocks := refIdx[i : i+mv.n]
		anchor := -1
		if i > 0 {
			anchor = refIdx[i-1]
		}
		spans = append(spans, mapGroup(doc, refs, blocks, work.Blocks[j:j+mv.m], anchor)...)
		i, j = i+mv.n, j+mv.m
	}
	return spans
}

// plainBlock is a working-copy block's text without markup.
func plainBlock(b translate.Block) string {
	parts := make([]string, len(b.Segments))
	for i, s := range b.Segments {
		parts[i] = plainOf(s.Source, s.Markup)
	}
	return strings.Join(parts, " ")
}

// nonEmptyBlocks lists the blocks of doc that have segments.
func nonEmptyBlocks(doc *translate.Document) []int {
	var out []int
	for i, b := range doc.Blocks {
		if len(b.Segments) > 0 {
			out = append(out, i)
		}
	}
	return out
}

// blockRef is the English a block is expected to read as.
func blockRef(b translate.Block, refs []string) string {
	if !b.Translatable() {
		return b.SourceText()
	}
	parts := make([]string, len(refs))
	for i, r := range refs {
		parts[i] = plainOf(r, b.Segments[i].Markup)
	}
	return strings.Join(parts, " ")
}

// mapGroup aligns the sentences of some document blocks with those of the
// working-copy blocks matched to them.
func mapGroup(doc *translate.Document, refs [][]string, blocks []int, work []translate.Block, anchor int) []Span {
	var ref, wk []piece
	type pos struct{ b, s int }
	var at []pos
	for _, b := range blocks {
		if !doc.Blocks[b].Translatable() {
			continue
		}
		for s, seg := range doc.Blocks[b].Segments {
			ref = append(ref, piece{text: refs[b][s], block: b, markup: seg.Markup})
			at = append(at, pos{b, s})
		}
	}
	for _, b := range work {
		if b.Kind == translate.Verbatim {
			continue
		}
		for _, seg := range b.Segments {
			wk = append(wk, piece{text: seg.Source, markup: seg.Markup})
		}
	}
	if len(ref) == 0 {
		return orphans(wk, anchor)
	}
	same := func(i, j int) bool { return ref[i].block == ref[j].block }
	var spans []Span
	i, j := 0, 0
	for _, mv := range align(ref, wk, same) {
		sp := Span{Block: -1, First: -1, Last: -1, Added: mv.n == 0}
		if mv.n > 0 {
			sp.Block, sp.First, sp.Last = at[i].b, at[i].s, at[i+mv.n-1].s
			sp.Markup = anyMarkup(ref[i : i+mv.n])
		}
		sp.Text = joinForm(wk[j:j+mv.m], sp.Markup || mv.n == 0 && anyMarkup(wk[j:j+mv.m]))
		spans = append(spans, sp)
		i, j = i+mv.n, j+mv.m
	}
	return foldInsertions(spans)
}

// orphans turns working-copy sentences with no French into one orphan
// span placed after block anchor.
func orphans(wk []piece, anchor int) []Span {
	if len(wk) == 0 {
		return nil
	}
	markup := anyMarkup(wk)
	return []Span{{Block: anchor, First: -1, Last: -1, Text: joinForm(wk, markup), Markup: markup, Added: true}}
}

func anyMarkup(ps []piece) bool {
	for _, p := range ps {
		if p.markup {
			return true
		}
	}
	return false
}

// joinForm joins the texts of ps with spaces, each converted to the form
// markup asks for.
func joinForm(ps []piece, markup bool) string {
	parts := make([]string, 0, len(ps))
	for _, p := range ps {
		parts = append(parts, toForm(p.text, p.markup, markup))
	}
	return strings.Join(parts, " ")
}

// foldInsertions ties each added sentence (a span without segments) to
// its neighbours in the paragraph: both when it sits between two, else the
// one there is. A paragraph that has both an added sentence and a deleted
// one (a sentence moved, or replaced by another) becomes one
// paragraph-level span, since its sentences cannot be told apart safely.
func foldInsertions(in []Span) []Span {
	blockOf(in)
	var out []Span
	afterAdded := false
	for _, sp := range in {
		n := len(out)
		if n > 0 && out[n-1].Block == sp.Block && (sp.First < 0 || afterAdded || movedIn(in, sp.Block)) {
			out[n-1] = joinSpans(out[n-1], sp)
		} else {
			out = append(out, sp)
		}
		afterAdded = sp.First < 0
	}
	return out
}

// blockOf gives each added sentence the block of its neighbours: the one
// before it, else the one after.
func blockOf(in []Span) {
	for k := range in {
		if in[k].First >= 0 {
			continue
		}
		switch {
		case k > 0:
			in[k].Block = in[k-1].Block
		case k+1 < len(in):
			in[k].Block = nextBlock(in[k+1:])
		}
	}
}

func nextBlock(in []Span) int {
	for _, sp := range in {
		if sp.First >= 0 {
			return sp.Block
		}
	}
	return -1
}

// movedIn reports whether block b has both an added and a deleted
// sentence.
func movedIn(in []Span, b int) bool {
	var added, deleted bool
	for _, sp := range in {
		if sp.Block == b {
			added = added || sp.First < 0
			deleted = deleted || sp.First >= 0 && sp.Text == ""
		}
	}
	return added && deleted
}

// joinSpans joins two neighbouring spans of one block (either may be an
// added sentence) into one paragraph-level span.
func joinSpans(a, b Span) Span {
	out := a
	if a.First < 0 {
		out.Block, out.First = b.Block, b.First
	}
	if b.First >= 0 {
		out.Last = b.Last
	}
	out.Markup = a.Markup || b.Markup
	out.Added = true
	var parts []string
	for _, s := range []Span{a, b} {
		if t := toForm(s.Text, s.Markup, out.Markup); t != "" {
			parts = append(parts, t)
		}
	}
	out.Text = strings.Join(parts, " ")
	return out
}

// toForm converts text from one form (HTML fragment or plain) to the
// other: plain text is escaped; a fragment loses its tags.
func toForm(text string, isMarkup, wantMarkup bool) string {
	switch {
	case isMarkup == wantMarkup:
		return text
	case wantMarkup:
		return escapeText(text)
	}
	return plainOf(text, true)
}

// plainOf returns the text of a fragment without tags and entities, or
// text itself when it is not markup (read with package inline).
func plainOf(text string, markup bool) string {
	if !markup {
		return text
	}
	return inline.Parse(text).Plain()
}

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escapeText escapes plain text for an HTML fragment as the Markdown
// reader does (quotes are left as they are).
func escapeText(s string) string { return textEscaper.Replace(s) }

// UnitSource returns the French of a unit made of segs, as review keys it
// in the translation memory: their sources joined by spaces, in HTML form
// when one of them is an HTML fragment, and whether it is one.
func UnitSource(segs []translate.Segment) (string, bool) {
	markup := false
	for _, s := range segs {
		markup = markup || s.Markup
	}
	return UnitText(segs, markup, func(s translate.Segment) string { return s.Source }), markup
}

// UnitText joins a text of each of segs (text picks it: the source, the
// target) in the form markup asks for, skipping empty ones.
func UnitText(segs []translate.Segment, markup bool, text func(translate.Segment) string) string {
	parts := make([]string, 0, len(segs))
	for _, s := range segs {
		if t := toForm(text(s), s.Markup, markup); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}
