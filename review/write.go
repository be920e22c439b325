package review

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/bitext/bitext/internal/atomicfile"
	"github.com/bitext/bitext/translate"
)

// Save writes the working copy from the units' current texts, atomically:
// the document's paragraphs in order, each with its units' English, and
// the paragraphs with no French where they were. A unit whose text is
// empty (deleted) is left out.
func (a *Article) Save() error {
	var buf bytes.Buffer
	doc := a.WorkingDocument()
	if err := translate.Write(&buf, doc, translate.TargetSide); err != nil {
		return fmt.Errorf("failed to write the working copy: %w", err)
	}
	if err := atomicfile.Write(a.WorkPath, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("failed to save the working copy: %w", err)
	}
	return nil
}

// WorkingDocument returns the English article as the working copy holds
// it, in the document's structure.
func (a *Article) WorkingDocument() *translate.Document {
	out := &translate.Document{Path: a.WorkPath, Format: a.Doc.Format, Compact: a.Doc.Compact, Meta: a.fieldMeta(false)}
	a.orphansAfter(out, -1)
	for b, blk := range a.Doc.Blocks {
		nb := blk
		if blk.Translatable() {
			nb.Segments = nil
			for _, u := range a.blockUnits(b) {
				if u.Text != "" {
					nb.Segments = append(nb.Segments, translate.Segment{Source: u.Key.Source, Target: a.withAttrs(u, u.Text, false), Markup: u.Markup, Line: u.Line})
				}
			}
		}
		if len(nb.Segments) > 0 {
			out.Blocks = append(out.Blocks, nb)
		}
		a.orphansAfter(out, b)
	}
	return out
}

// blockUnits returns the units of block b that have French.
func (a *Article) blockUnits(b int) []*Unit {
	var out []*Unit
	for _, u := range a.Units {
		if !u.Orphan() && u.Field == "" && u.attr == nil && u.Block == b {
			out = append(out, u)
		}
	}
	return out
}

// orphansAfter appends the paragraphs with no French placed after block b.
func (a *Article) orphansAfter(doc *translate.Document, b int) {
	for _, u := range a.Units {
		if u.Orphan() && u.Block == b && u.Text != "" {
			seg := translate.Segment{Source: u.Text, Target: u.Text, Markup: u.Markup}
			doc.Blocks = append(doc.Blocks, translate.Block{Kind: translate.Paragraph, Segments: []translate.Segment{seg}})
		}
	}
}

// HumanBackend is the backend name published segments carry when an
// editor approved their English.
const HumanBackend = "human"

// Published returns the bilingual document to publish: each unit's
// approved English (the last approved one when the working copy changed
// since), or its machine draft when it was never approved, so that
// unapproved edits are never published. A paragraph-level unit becomes
// one segment holding its French sentences. Paragraphs with no French are
// left out.
func (a *Article) Published() *translate.Document {
	out := &translate.Document{Path: a.Doc.Path, Format: a.Doc.Format, Compact: a.Doc.Compact, Meta: a.fieldMeta(true)}
	for b, blk := range a.Doc.Blocks {
		nb := blk
		if blk.Translatable() {
			nb.Segments = nil
			for _, u := range a.blockUnits(b) {
				seg := u.published()
				seg.Target = a.withAttrs(u, seg.Target, true)
				nb.Segments = append(nb.Segments, seg)
			}
		}
		out.Blocks = append(out.Blocks, nb)
	}
	return out
}

func (u *Unit) published() translate.Segment {
	seg := translate.Segment{Source: u.Key.Source, Target: u.Draft, Markup: u.Markup, Line: u.Line, Backend: u.Backend}
	if u.Record.Approved {
		seg.Target, seg.Backend = u.Record.Text, HumanBackend
	}
	return seg
}

// Summary counts an article's units by state, for messages.
func (a *Article) Summary() string {
	var n [Approved + 1]int
	for _, u := range a.Units {
		n[u.State()]++
	}
	var parts []string
	for s, c := range n {
		if c > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c, State(s)))
		}
	}
	return strings.Join(parts, ", ")
}
