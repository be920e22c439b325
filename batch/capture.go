package batch

import (
	"context"
	"fmt"
	"strings"

	"github.com/bitext/bitext/engine"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/review"
	"github.com/bitext/bitext/translate"
)

// capture maps the edited working copy work onto the document last written
// (st.Doc), as bitext diff does, and stores each changed piece as a draft of
// its occurrence (or removes the draft where the editor went back to the
// translation the memory gives). It returns the paragraphs the editor added
// that match no French.
func (r *Runner) capture(ctx context.Context, art outdir.Article, st *outdir.State, work []byte) ([]orphan, error) {
	a := r.Engine.MemoryAdapter()
	wdoc := &translate.Document{Format: st.Doc.Format}
	if strings.TrimSpace(string(work)) != "" {
		var err error
		wdoc, err = translate.ReadFormat(art.Work(), work, st.Doc.Format)
		if err != nil {
			return nil, fmt.Errorf("cannot read your edits to compare them with the new translation (%w); fix the file or move it aside, then run again", err)
		}
	}
	refs := make([][]string, len(st.Doc.Blocks))
	for b, blk := range st.Doc.Blocks {
		for _, s := range blk.Segments {
			refs[b] = append(refs[b], s.Target)
		}
	}
	if err := captureMeta(ctx, a, art, st.Doc, wdoc); err != nil {
		return nil, err
	}
	ranks := translate.Ranks(st.Doc)
	fields := translate.AttrFields(st.Doc)
	var orphans []orphan
	for _, sp := range review.Map(st.Doc, refs, wdoc) {
		if sp.Orphan() {
			orphans = append(orphans, orphan{after: sp.Block, text: sp.Text, markup: sp.Markup})
			continue
		}
		if a == nil {
			continue
		}
		segs := st.Doc.Blocks[sp.Block].Segments[sp.First : sp.Last+1]
		src, markup := review.UnitSource(segs)
		ref := review.UnitText(segs, markup, func(s translate.Segment) string { return s.Target })
		fs := translate.SpanFields(st.Doc, fields, sp.Block, sp.First, sp.Last)
		if err := captureAttrs(ctx, a, art, fs, sp.Text, ref, markup); err != nil {
			return nil, err
		}
		// The sentence is compared without its attributes, which are
		// segments of their own.
		if translate.SetAttrs(sp.Text, markup, translate.TextAttrs(ref, markup)) == ref {
			continue
		}
		at := memory.Occurrence{Doc: art.Name, Pos: ranks[sp.Block][sp.First]}
		if err := keepDraft(ctx, a, at, src, markup, sp.Text); err != nil {
			return nil, err
		}
	}
	return orphans, nil
}

// captureAttrs stores the editor's changes to the translatable attributes
// (alt text, titles) of one unit's English as drafts of their
// occurrences: work is the working copy's text, ref what bitext wrote.
func captureAttrs(ctx context.Context, a *engine.Adapter, art outdir.Article, fs []translate.SpanField, work, ref string, markup bool) error {
	for _, f := range fs {
		w, ok := translate.FindAttr(work, markup, f.InSpan)
		old, _ := translate.FindAttr(ref, markup, f.InSpan)
		if !ok || w == old || strings.TrimSpace(w) == "" {
			continue
		}
		at := memory.Occurrence{Doc: art.Name, Pos: f.Pos}
		if err := keepDraft(ctx, a, at, f.Value, false, w); err != nil {
			return err
		}
	}
	return nil
}

// keepDraft stores text as the draft of the occurrence, or removes the
// draft when text is what the memory gives there anyway.
func keepDraft(ctx context.Context, a *engine.Adapter, at memory.Occurrence, src string, markup bool, text string) error {
	k := memory.Key{From: a.From, To: a.To, Source: src, Markup: markup}
	e, ok, err := a.M.LookupAt(ctx, a.Key(src, markup), a.Backend, at)
	if err != nil {
		return fmt.Errorf("translation memory: %w", err)
	}
	if ok && e.Status != memory.StatusDeleted && e.Target == text {
		return a.M.DeleteDraft(ctx, k, at)
	}
	return a.M.PutDraft(ctx, k, at, text)
}

// captureMeta stores the editor's changes to translated front-matter
// fields (the title) as drafts of their occurrences.
func captureMeta(ctx context.Context, a *engine.Adapter, art outdir.Article, old, work *translate.Document) error {
	if a == nil {
		return nil
	}
	ranks := translate.MetaRanks(old)
	for i, f := range old.Meta {
		if !f.Translate || f.Value == "" {
			continue
		}
		for _, w := range work.Meta {
			if w.Key == f.Key && w.Value != "" && w.Value != f.Target {
				at := memory.Occurrence{Doc: art.Name, Pos: ranks[i]}
				if err := keepDraft(ctx, a, at, f.Value, false, w.Value); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
