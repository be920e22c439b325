package review

import (
	"context"

	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/bitext/bitext/memory"

	"github.com/bitext/bitext/translate"
)

// Options configure how articles are opened.
type Options struct {
	// From and To are the language pair (default "fr" and "en").
	From, To string
	// Store holds machine drafts and approvals. Required.
	Store Store
	// Check, when set, lists the problems of a translation, each saying
	// its kind ("glossary: …" for glossary.Glossary.Check, "fidelity: …"
	// for translate.CheckFidelity); they are shown on pending units.
	Check func(source, target string, markup bool) []string
	// By names the editor in approvals.
	By string
	// Doc names the article in the translation memory (its path relative
	// to its input folder, without language and extension), so that
	// approvals apply to their occurrence.
	Doc string
}

// Article is one translated article under review: the bilingual document
// translate last wrote (its state), the editor's working copy
// (OUT/NAME.en.EXT) and, for every piece of it, what the translation
// memory says.
type Article struct {
	// WorkPath is the working copy.
	WorkPath string
	// Doc is the bilingual document as translate wrote it.
	Doc *translate.Document
	// Units are the reviewable pieces in document order: one per segment,
	// one per paragraph-level edit, and one per paragraph with no French.
	Units []*Unit

	opts  Options
	ranks [][]int
	undo  []decision
}

// Open opens the article whose working copy is work and whose bilingual
// document (as translate last wrote it) is doc, and ties the working copy
// to the French sentences. Finding the two is the output folder's business
// (package outdir).
func Open(ctx context.Context, work string, doc *translate.Document, opts Options) (*Article, error) {
	if opts.From == "" {
		opts.From = "fr"
	}
	if opts.To == "" {
		opts.To = "en"
	}
	if opts.Store == nil {
		return nil, errors.New("no translation memory to review against")
	}
	if doc == nil {
		return nil, fmt.Errorf("%s: no bilingual document to review against", work)
	}
	a := &Article{WorkPath: work, Doc: doc, opts: opts, ranks: translate.Ranks(doc)}
	if err := a.load(ctx); err != nil {
		return nil, err
	}
	return a, nil
}

// load reads the working copy and builds the units.
func (a *Article) load(ctx context.Context) error {
	work, err := a.readWork()
	if err != nil {
		return err
	}
	refs, err := a.refs(ctx)
	if err != nil {
		return err
	}
	a.Units = a.Units[:0]
	attrs := translate.AttrFields(a.Doc)
	for _, sp := range Map(a.Doc, refs, work) {
		u, err := a.newUnit(ctx, sp)
		if err != nil {
			return err
		}
		au, err := a.attrUnits(ctx, u, attrs)
		if err != nil {
			return err
		}
		a.Units = append(append(a.Units, u), au...)
	}
	fields, err := a.fieldUnits(ctx, work.Meta)
	if err != nil {
		return err
	}
	a.Units = append(fields, a.Units...)
	return nil
}

// readWork reads the working copy; an empty one has no blocks.
func (a *Article) readWork() (*translate.Document, error) {
	data, err := os.ReadFile(a.WorkPath)
	if err != nil {
		return nil, fmt.Errorf("failed to read the working copy: %w", err)
	}
	if strings.TrimSpace(string(data)) == "" {
		return &translate.Document{Format: a.Doc.Format}, nil
	}
	return translate.ReadFormat(a.WorkPath, data, a.Doc.Format)
}

// refs returns the English each segment is expected to have: its approved
// text, else its machine draft.
func (a *Article) refs(ctx context.Context) ([][]string, error) {
	refs := make([][]string, len(a.Doc.Blocks))
	for b, blk := range a.Doc.Blocks {
		refs[b] = make([]string, len(blk.Segments))
		for s, seg := range blk.Segments {
			rec, ok, err := a.opts.Store.Record(ctx, a.key(seg.Source, seg.Markup, a.ranks[b][s]))
			if err != nil {
				return nil, fmt.Errorf("translation memory: %w", err)
			}
			refs[b][s] = seg.Target
			switch {
			case ok && rec.Approved:
				refs[b][s] = rec.Text
			case ok && rec.Machine != "":
				refs[b][s] = rec.Machine
			}
		}
	}
	return refs, nil
}

// key is the memory key of source at the pos-th occurrence in the article.
func (a *Article) key(source string, markup bool, pos int) Key {
	return Key{From: a.opts.From, To: a.opts.To, Source: source, Markup: markup,
		At: memory.Occurrence{Doc: a.opts.Doc, Pos: pos}}
}

// Pending returns the units that still need a decision.
func (a *Article) Pending() []*Unit {
	var out []*Unit
	for _, u := range a.Units {
		if u.Pending() {
			out = append(out, u)
		}
	}
	return out
}

// Name is the working copy's path, for messages.
func (a *Article) Name() string { return a.WorkPath }
