package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/outdir"
)

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// apiPath splits an API address below /api/articles/ into the article's
// path and, when it names one, a unit id and what follows it. Each part
// is unescaped on its own, so that an escaped slash (%2F) in the path
// stays in the path. Article paths end in .en.txt or .en.md, so
// "…/units/ID" and "…/units/ID/history" are unambiguous.
func apiPath(r *http.Request) (rel, id, rest string, err error) {
	p := strings.TrimPrefix(r.URL.EscapedPath(), "/api/articles/")
	if i := strings.LastIndex(p, "/units/"); i >= 0 {
		unit := p[i+len("/units/"):]
		id, rest, _ = strings.Cut(unit, "/")
		if id, err = url.PathUnescape(id); err != nil {
			return "", "", "", fmt.Errorf("%w: bad unit id: %v", errBadRequest, err)
		}
		p = p[:i]
	}
	if rel, err = url.PathUnescape(p); err != nil {
		return "", "", "", fmt.Errorf("%w: bad path: %v", errBadRequest, err)
	}
	return rel, id, rest, nil
}

// apiList answers GET /api/articles.
func (s *Server) apiList(w http.ResponseWriter, r *http.Request) {
	sums, err := s.list.summaries(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if sums == nil {
		sums = []Summary{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"articles": sums})
}

// apiGet answers GET /api/articles/{path} and
// GET /api/articles/{path}/units/{id}/history.
func (s *Server) apiGet(w http.ResponseWriter, r *http.Request) {
	rel, id, rest, err := apiPath(r)
	var a outdir.Article
	if err == nil && id != "" && rest != "history" {
		err = fmt.Errorf("%w: %s", errNotFound, r.URL.Path)
	}
	if err == nil {
		a, err = s.resolve(rel)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	art, err := s.view(r.Context(), a)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if id == "" {
		writeJSON(w, http.StatusOK, articleJSON(s.relPath(a), a.Name, art))
		return
	}
	u, err := unit(art, id)
	if err == nil {
		var h HistoryJSON
		h, err = s.history(r, u.Key.Source, u.Markup)
		if err == nil {
			writeJSON(w, http.StatusOK, h)
			return
		}
	}
	s.fail(w, r, err)
}

// HistoryJSON is what the memory holds of a unit's French: its
// translations (the approved one first, then machine drafts, latest
// first) and every approval of its default translation, oldest first.
type HistoryJSON struct {
	// Markup says the texts are HTML fragments, as the unit's are.
	Markup       bool              `json:"markup,omitempty"`
	Translations []TranslationJSON `json:"translations"`
	Approvals    []ApprovalJSON    `json:"approvals"`
}

// TranslationJSON is one stored translation.
type TranslationJSON struct {
	Status  string    `json:"status"`
	Backend string    `json:"backend,omitempty"`
	Text    string    `json:"text"`
	By      string    `json:"by,omitempty"`
	Updated time.Time `json:"updated"`
}

// ApprovalJSON is one approval: the draft it started from, the text
// approved before and the text approved.
type ApprovalJSON struct {
	At       time.Time `json:"at"`
	By       string    `json:"by,omitempty"`
	Backend  string    `json:"backend,omitempty"`
	Draft    string    `json:"draft"`
	Previous string    `json:"previous,omitempty"`
	Text     string    `json:"text"`
}

func (s *Server) history(r *http.Request, source string, markup bool) (HistoryJSON, error) {
	k := memory.Key{From: s.opts.From, To: s.opts.To, Source: source, Markup: markup}
	h := HistoryJSON{Markup: markup, Translations: []TranslationJSON{}, Approvals: []ApprovalJSON{}}
	if source == "" {
		return h, nil
	}
	es, err := s.opts.Memory.Get(r.Context(), k)
	if err != nil {
		return h, fmt.Errorf("translation memory: %w", err)
	}
	for _, e := range es {
		h.Translations = append(h.Translations, TranslationJSON{Status: string(e.Status), Backend: e.Backend, Text: e.Target, By: e.By, Updated: e.Updated})
	}
	edits, err := s.opts.Memory.History(r.Context(), k)
	if err != nil {
		return h, fmt.Errorf("translation memory: %w", err)
	}
	for _, e := range edits {
		h.Approvals = append(h.Approvals, ApprovalJSON{At: e.At, By: e.By, Backend: e.Backend, Draft: e.Draft, Previous: e.Prev, Text: e.Target})
	}
	return h, nil
}

// apiPost answers POST /api/articles/{path}/units/{id}: one decision.
func (s *Server) apiPost(w http.ResponseWriter, r *http.Request) {
	rel, id, rest, err := apiPath(r)
	if err == nil && (id == "" || rest != "") {
		err = fmt.Errorf("%w: decisions are posted to /api/articles/PATH/units/ID", errNotFound)
	}
	var d Decision
	if err == nil {
		err = readDecision(r.Body, &d)
	}
	var a outdir.Article
	if err == nil {
		a, err = s.resolve(rel)
	}
	if err == nil {
		var res DecisionJSON
		if res, err = s.decide(r.Context(), a, id, d); err == nil {
			writeJSON(w, http.StatusOK, res)
			return
		}
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		s.refuse(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", tooBig.Limit))
		return
	}
	s.fail(w, r, err)
}

// readDecision decodes one JSON object, refusing unknown fields (a typo
// must not turn an edit into an approval) and anything after it.
func readDecision(body io.Reader, d *Decision) error {
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(d); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		return fmt.Errorf("%w: the body is not a decision: %v", errBadRequest, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: one JSON object expected", errBadRequest)
	}
	return nil
}
