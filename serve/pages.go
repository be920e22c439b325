package serve

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"

	"github.com/bitext/bitext/outdir"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed assets
var assetFiles embed.FS

func parsePages() (*template.Template, error) {
	t, err := template.New("pages").ParseFS(templateFiles, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("page templates: %w", err)
	}
	return t, nil
}

// assetHandler serves the embedded script and style sheet: nothing on
// disk is ever served.
func assetHandler() http.Handler {
	sub, _ := fs.Sub(assetFiles, "assets")
	return http.StripPrefix("/assets/", http.FileServerFS(sub))
}

// pageFirst shows the first article with segments to decide on (else the
// first article, else the empty list).
func (s *Server) pageFirst(w http.ResponseWriter, r *http.Request) {
	arts, err := s.articles()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(arts) == 0 {
		s.pageList(w, r)
		return
	}
	first, mem := arts[0], s.memoryStamp()
	for _, a := range arts {
		if sum := s.list.summary(r.Context(), a, mem); sum.ToDo() > 0 {
			first = a
			break
		}
	}
	s.renderArticle(w, r, first, arts)
}

// pageArticle shows the article /articles/{path}.
func (s *Server) pageArticle(w http.ResponseWriter, r *http.Request) {
	rel, err := url.PathUnescape(strings.TrimPrefix(r.URL.EscapedPath(), "/articles/"))
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, "bad path: "+err.Error())
		return
	}
	a, err := s.resolve(rel)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	arts, err := s.articles()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderArticle(w, r, a, arts)
}

func (s *Server) renderArticle(w http.ResponseWriter, r *http.Request, a outdir.Article, arts []outdir.Article) {
	art, err := s.view(r.Context(), a)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rel := s.relPath(a)
	p := articlePage{Path: rel, Name: a.Name, Page: "/articles/" + escapePath(rel), API: "/api/articles/" + escapePath(rel),
		Counts: countUnits(art), Backends: s.opts.Backends, PollMS: s.opts.Poll.Milliseconds(), Articles: len(arts),
		Retranslates: s.opts.Retranslate != nil && len(s.opts.Backends) > 0}
	for i, id := range unitIDs(art) {
		v := s.newUnitView(id, art.Units[i])
		v.Retranslate = p.Retranslates
		p.Units = append(p.Units, v)
	}
	for i, o := range arts {
		if o.Work() != a.Work() {
			continue
		}
		if i > 0 {
			p.Prev = "/articles/" + escapePath(s.relPath(arts[i-1]))
		}
		if i+1 < len(arts) {
			p.Next = "/articles/" + escapePath(s.relPath(arts[i+1]))
		}
	}
	s.render(w, r, "article.html", p)
}

// pageList shows every article with its counts.
func (s *Server) pageList(w http.ResponseWriter, r *http.Request) {
	sums, err := s.list.summaries(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := listPage{Out: s.opts.Out, PollMS: s.opts.Poll.Milliseconds()}
	for _, sum := range sums {
		p.Articles = append(p.Articles, listRow{Summary: sum, Page: "/articles/" + escapePath(sum.Path), Rev: countsRev(sum)})
		p.Total.Pending += sum.Pending
		p.Total.Edited += sum.Edited
		p.Total.Approved += sum.Approved
		p.Total.Total += sum.Total
	}
	s.render(w, r, "list.html", p)
}

// countsRev is what the list page compares to see an article changed;
// the script computes the same from the API.
func countsRev(s Summary) string {
	return fmt.Sprintf("%d/%d/%d/%d", s.Pending, s.Edited, s.Approved, s.Total)
}

// render executes a page template into a buffer first, so that a failure
// is reported whole instead of after half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, data); err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

// fail reports err with the status its kind calls for.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var c *conflictError
	switch {
	case errors.As(err, &c):
		writeJSON(w, http.StatusConflict, map[string]any{"error": c.Error(), "unit": c.unit})
	case errors.Is(err, errNotFound):
		s.refuse(w, r, http.StatusNotFound, err.Error())
	case errors.Is(err, errBadRequest):
		s.refuse(w, r, http.StatusBadRequest, err.Error())
	case errors.Is(err, errRefused):
		s.refuse(w, r, http.StatusUnprocessableEntity, err.Error())
	case errors.Is(err, outdir.ErrLocked):
		w.Header().Set("Retry-After", "5")
		s.refuse(w, r, http.StatusServiceUnavailable, err.Error())
	case errors.Is(err, context.Canceled):
		s.refuse(w, r, http.StatusServiceUnavailable, "the server is stopping")
	default:
		fmt.Fprintf(s.opts.Log, "bitext serve: %s %s: %v\n", r.Method, r.URL.Path, err)
		s.refuse(w, r, http.StatusInternalServerError, err.Error())
	}
}

// refuse answers with an error: JSON {"error": msg} for the API, a page
// otherwise.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, status, map[string]string{"error": msg})
		return
	}
	var buf bytes.Buffer
	data := map[string]any{"Status": status, "StatusText": http.StatusText(status), "Message": msg}
	if err := s.pages.ExecuteTemplate(&buf, "error.html", data); err != nil {
		http.Error(w, msg, status)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
