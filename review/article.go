package review

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bitext/bitext/bilingual"
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
}

// Article is one translated article under review: the bilingual document
// (OUT/NAME.json), the editor's working copy (OUT/NAME.en.EXT) and, for
// every piece of it, what the translation memory says.
type Article struct {
	// JSONPath and WorkPath are the bilingual JSON and the working copy.
	JSONPath, WorkPath string
	// Doc is the bilingual document as translate wrote it.
	Doc *translate.Document
	// Units are the reviewable pieces in document order: one per segment,
	// one per paragraph-level edit, and one per paragraph with no French.
	Units []*Unit

	opts  Options
	meta  []translate.MetaField
	undo  []decision
	saved bool
}

// Open opens the article whose working copy (or bilingual JSON) is path
// and ties the working copy to the French sentences.
func Open(ctx context.Context, path string, opts Options) (*Article, error) {
	if opts.From == "" {
		opts.From = "fr"
	}
	if opts.To == "" {
		opts.To = "en"
	}
	if opts.Store == nil {
		return nil, errors.New("no translation memory to review against")
	}
	jsonPath, work := path, ""
	if filepath.Ext(path) != ".json" {
		var err error
		if jsonPath, err = jsonFor(path, opts.To); err != nil {
			return nil, err
		}
		work = path
	}
	doc, err := readJSON(jsonPath)
	if err != nil {
		return nil, err
	}
	if work == "" {
		work = workFor(jsonPath, opts.To, doc.Format)
	}
	a := &Article{JSONPath: jsonPath, WorkPath: work, Doc: doc, opts: opts}
	if err := a.load(ctx); err != nil {
		return nil, err
	}
	return a, nil
}

func readJSON(path string) (*translate.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("failed to open bilingual JSON: %w", err)
	}
	defer f.Close()
	doc, err := bilingual.ReadJSON(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc, nil
}

// load reads the working copy and builds the units.
func (a *Article) load(ctx context.Context) error {
	work, err := a.readWork()
	if err != nil {
		return err
	}
	a.meta = workMeta(a.Doc.Meta, work.Meta)
	refs, err := a.refs(ctx)
	if err != nil {
		return err
	}
	a.Units = a.Units[:0]
	for _, sp := range Map(a.Doc, refs, work) {
		u, err := a.newUnit(ctx, sp)
		if err != nil {
			return err
		}
		a.Units = append(a.Units, u)
	}
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

// workMeta takes the translated front-matter values from the working copy.
func workMeta(doc, work []translate.MetaField) []translate.MetaField {
	out := append([]translate.MetaField(nil), doc...)
	for i, f := range out {
		for _, w := range work {
			if f.Translate && w.Key == f.Key && w.Value != "" {
				out[i].Target = w.Value
			}
		}
	}
	return out
}

// refs returns the English each segment is expected to have: its approved
// text, else its machine draft.
func (a *Article) refs(ctx context.Context) ([][]string, error) {
	refs := make([][]string, len(a.Doc.Blocks))
	for b, blk := range a.Doc.Blocks {
		refs[b] = make([]string, len(blk.Segments))
		for s, seg := range blk.Segments {
			rec, ok, err := a.opts.Store.Record(ctx, a.key(seg.Source, seg.Markup))
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

func (a *Article) key(source string, markup bool) Key {
	return Key{From: a.opts.From, To: a.opts.To, Source: source, Markup: markup}
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

// Base is the output path of the article without extension (OUT/NAME),
// to which the bilingual outputs add theirs.
func (a *Article) Base() string {
	w := strings.TrimSuffix(a.WorkPath, filepath.Ext(a.WorkPath))
	return strings.TrimSuffix(w, "."+a.opts.To)
}

// Name is the working copy's path, for messages.
func (a *Article) Name() string { return a.WorkPath }
