package serve

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/review"
)

// Errors that become 400 and 422.
var (
	errBadRequest = errors.New("bad request")
	errRefused    = errors.New("refused")
)

// Decision is the body of POST /api/articles/{path}/units/{id}.
type Decision struct {
	// Action is approve, edit (Text, saved as approved), revert (the
	// machine draft back), retranslate (Backend), unapprove (withdraw the
	// last approval made here) or draft (Text, saved without approval).
	Action string  `json:"action"`
	Text   *string `json:"text"`
	// Format "markdown" reads Text as typed: Markdown inline markup
	// becomes the unit's HTML form, as the terminal's edit does.
	Format  string `json:"format"`
	Backend string `json:"backend"`
	// Base is the unit's text as its editor last saw it: when someone
	// changed it since, the decision is refused with 409 Conflict.
	Base *string `json:"base"`
}

// DecisionJSON is the answer to a decision: the unit as it is now and
// the article's counts.
type DecisionJSON struct {
	Unit   UnitJSON `json:"unit"`
	Counts Counts   `json:"counts"`
}

// conflictError refuses a decision made on a text that changed since.
type conflictError struct{ unit UnitJSON }

func (c *conflictError) Error() string {
	return "someone else changed this segment since you loaded it; their text is in \"unit\"; decide again on it"
}

// check validates the decision's fields for its action.
func (d *Decision) check(retranslates bool) error {
	needsText := d.Action == "edit" || d.Action == "draft"
	switch {
	case !map[string]bool{"approve": true, "edit": true, "revert": true, "retranslate": true, "unapprove": true, "draft": true}[d.Action]:
		return fmt.Errorf("%w: unknown action %q (approve, edit, revert, retranslate, unapprove or draft)", errBadRequest, d.Action)
	case needsText && d.Text == nil:
		return fmt.Errorf("%w: %s needs \"text\"", errBadRequest, d.Action)
	case !needsText && d.Text != nil:
		return fmt.Errorf("%w: %s takes no \"text\"", errBadRequest, d.Action)
	case d.Format != "" && d.Format != "markdown":
		return fmt.Errorf("%w: unknown format %q (markdown, or none for the unit's own form)", errBadRequest, d.Format)
	case d.Action == "retranslate" && !retranslates:
		return fmt.Errorf("%w: re-translation is not available on this server", errRefused)
	case d.Action == "retranslate" && d.Backend == "":
		return fmt.Errorf("%w: retranslate needs \"backend\"", errBadRequest)
	}
	if d.Text != nil {
		return checkText(*d.Text)
	}
	return nil
}

// checkText refuses control characters: a unit's text is one line of
// prose (line breaks are turned into spaces, see oneLine).
func checkText(t string) error {
	for _, r := range t {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			return fmt.Errorf("%w: the text holds a control character (%U)", errBadRequest, r)
		}
	}
	return nil
}

// oneLine joins the lines of a typed text with spaces: a line break
// would split the paragraph in the working copy.
func oneLine(t string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(t, "\r", " ")), " ")
}

// decide applies d to unit id of article a, under the server's and the
// folder's locks, on the article as it is on disk now.
func (s *Server) decide(ctx context.Context, a outdir.Article, id string, d Decision) (DecisionJSON, error) {
	if err := d.check(s.opts.Retranslate != nil); err != nil {
		return DecisionJSON{}, err
	}
	var fresh retranslation
	if d.Action == "retranslate" {
		var err error
		if fresh, err = s.retranslate(ctx, a, id, d.Backend); err != nil {
			return DecisionJSON{}, err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	release, err := s.opts.Lock(ctx)
	if err != nil {
		return DecisionJSON{}, fmt.Errorf("%s; nothing was saved, try again: %w", a.Out, err)
	}
	defer release()
	old := s.memoryStamp()
	key, err := s.apply(ctx, a, id, d, fresh)
	if err != nil {
		return DecisionJSON{}, err
	}
	s.wrote.Add(1)
	if _, ok := s.memoryFile(); ok {
		// Nothing else wrote the memory meanwhile: we hold the folder.
		s.list.carry(old, s.memoryStamp(), keyHash(key.Source, key.Markup), a.Work())
	}
	return s.current(ctx, a, id)
}

// apply opens the article, checks the unit's text is what its editor
// saw, and applies the decision; it returns the unit's key in the memory.
func (s *Server) apply(ctx context.Context, a outdir.Article, id string, d Decision, fresh retranslation) (review.Key, error) {
	art, err := s.open(ctx, a)
	if err != nil {
		return review.Key{}, err
	}
	u, err := unit(art, id)
	if err != nil {
		return review.Key{}, err
	}
	if d.Base != nil && *d.Base != u.Text && !s.sameResult(u, d) {
		return u.Key, &conflictError{unit: unitJSON(id, u)}
	}
	err = s.act(ctx, art, u, d, fresh)
	if errors.Is(err, review.ErrNoFrench) || errors.Is(err, review.ErrFieldDeleted) || errors.Is(err, memory.ErrConflict) {
		err = fmt.Errorf("%w: %v", errRefused, err)
	}
	return u.Key, err
}

// sameResult reports whether d would leave u as it is: the same edit
// made twice is no conflict.
func (s *Server) sameResult(u *review.Unit, d Decision) bool {
	return d.Action == "edit" && d.Text != nil && s.typed(u, d) == u.Text && u.State() == review.Approved
}

// typed returns the decision's text in the unit's form.
func (s *Server) typed(u *review.Unit, d Decision) string {
	t := oneLine(*d.Text)
	if d.Format == "markdown" {
		t = review.ParseEdit(u, t)
	}
	return t
}

// act makes the decision through the review model, which saves it in the
// memory and the working copy before returning.
func (s *Server) act(ctx context.Context, art *review.Article, u *review.Unit, d Decision, fresh retranslation) error {
	switch d.Action {
	case "approve":
		return art.Approve(ctx, u)
	case "edit":
		text := s.typed(u, d)
		return art.Group(func() error {
			if text != u.Text {
				if err := art.Edit(ctx, u, text); err != nil {
					return err
				}
			}
			return art.Approve(ctx, u)
		})
	case "draft":
		return art.Edit(ctx, u, s.typed(u, d))
	case "revert":
		return art.Revert(ctx, u)
	case "unapprove":
		if !u.Record.Approved {
			return fmt.Errorf("%w: this segment has no approval to withdraw", errRefused)
		}
		return s.store.Unapprove(ctx, u.Key, review.Approval{Text: u.Record.Text, By: u.Record.By})
	}
	if fresh.source != u.Source() {
		return &conflictError{unit: unitJSON(unitIDs(art)[indexOf(art, u)], u)}
	}
	k := memory.Key{From: u.Key.From, To: u.Key.To, Source: u.Key.Source, Markup: u.Key.Markup}
	if err := s.opts.Memory.PutMachine(ctx, k, fresh.backend, fresh.text); err != nil {
		return fmt.Errorf("failed to keep the %s translation: %w", fresh.backend, err)
	}
	return art.Retranslated(ctx, u, fresh.text, fresh.backend)
}

func indexOf(art *review.Article, u *review.Unit) int {
	for i, v := range art.Units {
		if v == u {
			return i
		}
	}
	return -1
}

// retranslation is a new machine translation of a unit's French.
type retranslation struct{ source, text, backend string }

// retranslate translates unit id's French with backend, outside the
// locks (a remote backend may take seconds).
func (s *Server) retranslate(ctx context.Context, a outdir.Article, id, backend string) (retranslation, error) {
	if !s.knownBackend(backend) {
		return retranslation{}, fmt.Errorf("%w: unknown backend %q", errBadRequest, backend)
	}
	art, err := s.open(ctx, a)
	if err != nil {
		return retranslation{}, err
	}
	u, err := unit(art, id)
	if err != nil {
		return retranslation{}, err
	}
	if u.Orphan() {
		return retranslation{}, fmt.Errorf("%w: %v", errRefused, review.ErrNoFrench)
	}
	text, err := s.opts.Retranslate(ctx, backend, u)
	if err != nil {
		return retranslation{}, fmt.Errorf("%w: %v", errRefused, err)
	}
	return retranslation{source: u.Source(), text: text, backend: backend}, nil
}

func (s *Server) knownBackend(name string) bool {
	for _, b := range s.opts.Backends {
		if b == name {
			return true
		}
	}
	return false
}

// current answers a decision with the unit and counts as now saved; the
// article, opened afresh, is cached for the page's refresh.
func (s *Server) current(ctx context.Context, a outdir.Article, id string) (DecisionJSON, error) {
	art, err := s.view(ctx, a)
	if err != nil {
		return DecisionJSON{}, err
	}
	res := DecisionJSON{Counts: countUnits(art)}
	u, err := unit(art, id)
	if err != nil {
		// an edit can merge the unit with its neighbour: answer with the
		// counts only
		return res, nil
	}
	res.Unit = unitJSON(id, u)
	return res, nil
}
