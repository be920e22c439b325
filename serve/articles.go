package serve

import (
	"context"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/review"
)

// errNotFound is wrapped by the errors of paths that name no article or
// unit of the folder; it becomes 404.
var errNotFound = errors.New("not found")

// resolve returns the article whose working copy is at rel (relative to
// the output folder, slash-separated). Only a working copy of this output
// folder, with its state, whose real location (symbolic links resolved)
// is inside the folder, is an article: anything else is errNotFound.
func (s *Server) resolve(rel string) (outdir.Article, error) {
	if !validRel(rel) {
		return outdir.Article{}, fmt.Errorf("%w: %q is not a path inside the output folder", errNotFound, rel)
	}
	a, err := outdir.Find(filepath.Join(s.opts.Out, filepath.FromSlash(rel)), s.opts.To)
	if err != nil || !s.owns(a) {
		return outdir.Article{}, fmt.Errorf("%w: no article %q in this output folder", errNotFound, rel)
	}
	return a, nil
}

// validRel reports whether rel is a clean relative path of visible names:
// no empty, "." or ".." element, no hidden file or folder (the .bitext
// folder among them), no backslash or NUL, valid UTF-8.
func validRel(rel string) bool {
	if rel == "" || !utf8.ValidString(rel) || strings.ContainsAny(rel, "\\\x00") || path.IsAbs(rel) {
		return false
	}
	for _, el := range strings.Split(rel, "/") {
		if el == "" || strings.HasPrefix(el, ".") {
			return false
		}
	}
	return true
}

// owns reports whether a is an article of the served folder itself (not
// of an output folder nested in it, which has its own memory) whose
// working copy and state file really are inside the folder.
func (s *Server) owns(a outdir.Article) bool {
	out, err := filepath.Abs(a.Out)
	want, err2 := filepath.Abs(s.opts.Out)
	if err != nil || err2 != nil || out != want {
		return false
	}
	return s.inside(a.Work()) && s.inside(a.StatePath())
}

// inside reports whether p, symbolic links resolved, is in the folder.
func (s *Server) inside(p string) bool {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return false
	}
	real, err = filepath.Abs(real)
	return err == nil && strings.HasPrefix(real, s.outReal+string(filepath.Separator))
}

// relPath is a's working copy relative to the folder, slash-separated:
// its {path} in URLs.
func (s *Server) relPath(a outdir.Article) string {
	rel, err := filepath.Rel(s.opts.Out, a.Work())
	if err != nil {
		return filepath.ToSlash(a.Work())
	}
	return filepath.ToSlash(rel)
}

// articles lists the folder's articles, in working-copy order.
func (s *Server) articles() ([]outdir.Article, error) {
	found, err := outdir.Locate(s.opts.Out, s.opts.To)
	if errors.Is(err, outdir.ErrNoArticles) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := found[:0]
	for _, a := range found {
		if s.owns(a) {
			out = append(out, a)
		}
	}
	return out, nil
}

// open opens a for review, afresh from its working copy, its state and
// the memory.
func (s *Server) open(ctx context.Context, a outdir.Article) (*review.Article, error) {
	return s.openWith(ctx, a, newMemoStore(s.store))
}

// count opens a to count its units: without looking for the approved
// sentences similar to pending ones (a fuzzy search of the whole memory
// per sentence, which shows how the French changed but never changes a
// unit's status).
func (s *Server) count(ctx context.Context, a outdir.Article) (*review.Article, error) {
	return s.openWith(ctx, a, recordsOnly{newMemoStore(s.store)})
}

// recordsOnly hides a store's fuzzy matching from review.
type recordsOnly struct{ review.Store }

func (s *Server) openWith(ctx context.Context, a outdir.Article, store review.Store) (*review.Article, error) {
	st, err := outdir.ReadState(a.StatePath())
	if err != nil {
		return nil, err
	}
	opts := review.Options{From: s.opts.From, To: s.opts.To, Store: store, By: s.opts.By, Doc: a.Name, Check: s.opts.Check}
	return review.Open(ctx, a.Work(), st.Doc, opts)
}

// unit returns the unit of art with the given id.
func unit(art *review.Article, id string) (*review.Unit, error) {
	ids := unitIDs(art)
	for i, u := range art.Units {
		if ids[i] == id {
			return u, nil
		}
	}
	return nil, fmt.Errorf("%w: no unit %q in %s (the article changed: reload it)", errNotFound, id, filepath.Base(art.WorkPath))
}
