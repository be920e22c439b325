package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/bitext/bitext/bilingual"
	"github.com/bitext/bitext/internal/atomicfile"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/translate"
)

// written is what writing an article's outputs did.
type written struct {
	paths []string
	// changed says that a file was written.
	changed  bool
	warnings []string
}

// write writes the article's state, working copy and bilingual outputs,
// each atomically; files already holding the same content are left alone.
// Standard input's English goes to standard output.
func (r *Runner) write(ctx context.Context, in Input, doc *translate.Document) (written, error) {
	if in.Path == "-" || r.Folder == nil {
		c, err := compose(doc, nil, nil, nil)
		if err != nil {
			return written{}, fmt.Errorf("%s: %w", in.Display(), err)
		}
		var buf bytes.Buffer
		if err := translate.Write(&buf, c.work, translate.TargetSide); err != nil {
			return written{}, fmt.Errorf("%s: %w", in.Display(), err)
		}
		_, err = r.Stdout.Write(buf.Bytes())
		return written{paths: []string{"<stdout>"}, changed: true}, err
	}
	art := outdir.ArticleFor(r.Out, in.Path, in.Rel, r.Engine.Settings.From, r.Engine.Settings.To, string(doc.Format))
	wc, err := r.workingCopy(ctx, art, doc)
	if err != nil {
		return written{}, fmt.Errorf("%s: %w (nothing was written for this article)", art.Work(), err)
	}
	state, err := outdir.EncodeState(&outdir.State{Doc: wc.c.state, Work: outdir.Hash(wc.data), Prev: wc.prev})
	if err != nil {
		return written{}, fmt.Errorf("%s: %w", in.Display(), err)
	}
	// The state goes first: a crash before the working copy is replaced
	// leaves a copy whose hash the state knows (Prev), not an "edit".
	files := []outputFile{{art.StatePath(), state}, {art.Work(), wc.data}}
	for _, f := range r.Formats {
		data, err := r.render(doc, f)
		if err != nil {
			return written{}, fmt.Errorf("%s: %s output: %w", in.Display(), f, err)
		}
		files = append(files, outputFile{art.Output(f), data})
	}
	w := written{warnings: wc.c.warnings}
	rewrite := !sameContent(files[0]) || !sameContent(files[1])
	for _, f := range files {
		if f.path != art.StatePath() {
			w.paths = append(w.paths, f.path)
		}
		if !rewrite && exists(f.path) {
			continue
		}
		if err := atomicfile.Write(f.path, f.data, 0o644); err != nil {
			return w, err
		}
		w.changed = true // a missing output written again counts too
	}
	return w, nil
}

// workCopy is the new working copy of an article.
type workCopy struct {
	c    *composition
	data []byte
	// prev is the hash of the working copy it replaces, when the run took
	// that one into account.
	prev string
}

// workingCopy captures the editor's changes to the current working copy
// and composes the new one. A working copy bitext has no record of is
// never overwritten.
func (r *Runner) workingCopy(ctx context.Context, art outdir.Article, doc *translate.Document) (workCopy, error) {
	var wc workCopy
	old, err := os.ReadFile(art.Work())
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return wc, err
	}
	exists := err == nil
	st, stErr := outdir.ReadState(art.StatePath())
	if stErr != nil {
		st = nil
	}
	var orphans []orphan
	if exists && st != nil {
		if !st.Unedited(old) {
			if orphans, err = r.capture(ctx, art, st, old); err != nil {
				return wc, err
			}
		}
		wc.prev = outdir.Hash(old)
	}
	var oldDoc *translate.Document
	if st != nil {
		oldDoc = st.Doc
	}
	recs, err := r.occurrences(ctx, doc.Name)
	if err != nil {
		return wc, err
	}
	if wc.c, err = compose(doc, recs, oldDoc, orphans); err != nil {
		return wc, err
	}
	if err := r.moveDrafts(ctx, wc.c.moves); err != nil {
		return wc, err
	}
	var buf bytes.Buffer
	if err := translate.Write(&buf, wc.c.work, translate.TargetSide); err != nil {
		return wc, err
	}
	wc.data = buf.Bytes()
	if exists && st != nil && bytes.Equal(old, wc.data) && st.Work == wc.prev {
		wc.prev = st.Prev // nothing replaced: the state stays as it was
	}
	if exists && st == nil && !bytes.Equal(old, wc.data) {
		return wc, fmt.Errorf("the file exists but bitext has no record of writing it (%s is missing), so it was not overwritten; move it aside to translate the article again", art.StatePath())
	}
	return wc, nil
}

// occurrences returns the article's records in the memory (none without
// one).
func (r *Runner) occurrences(ctx context.Context, doc string) ([]memory.OccurrenceRecord, error) {
	a := r.Engine.MemoryAdapter()
	if a == nil || doc == "" {
		return nil, nil
	}
	recs, err := a.M.Occurrences(ctx, doc)
	if err != nil {
		return nil, fmt.Errorf("translation memory: %w", err)
	}
	return recs, nil
}

// moveDrafts stores drafts whose French changed under their new key.
func (r *Runner) moveDrafts(ctx context.Context, moves []draftMove) error {
	a := r.Engine.MemoryAdapter()
	for _, m := range moves {
		if err := a.M.PutDraft(ctx, m.to.Key, m.to.At, m.to.Target); err != nil {
			return err
		}
		if err := a.M.DeleteDraft(ctx, m.from.Key, m.from.At); err != nil {
			return err
		}
	}
	return nil
}

type outputFile struct {
	path string
	data []byte
}

// sameContent reports whether f's file already holds f's bytes.
func sameContent(f outputFile) bool {
	old, err := os.ReadFile(f.path)
	return err == nil && bytes.Equal(old, f.data)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// render produces one bilingual output.
func (r *Runner) render(doc *translate.Document, f bilingual.Format) ([]byte, error) {
	var buf bytes.Buffer
	opts := bilingual.Options{Width: r.Width, HTML: bilingual.HTMLOptions{Backend: r.Engine.Info.Name, Generated: r.Now()}}
	if a := r.Engine.Attribution(); a != "" {
		opts.HTML.Attribution = []string{a}
	}
	err := bilingual.Render(&buf, f, doc, opts)
	return buf.Bytes(), err
}
