package review

import (
	"context"
	"errors"

	"github.com/bitext/bitext/memory"
)

// Item is one unit on a review's list, with its article.
type Item struct {
	Article *Article
	Unit    *Unit
}

// Session is one review of several articles, the one model the plain
// review and the terminal screen share: the units that were pending when
// it began, in order, and the decisions taken since, which it can take
// back one by one. Every decision is saved (in the translation memory and
// the working copy) before its method returns.
type Session struct {
	items   []Item
	history []*Article // the article of each decision still standing
}

// NewSession begins a review of the articles' pending units.
func NewSession(articles []*Article) *Session {
	s := &Session{}
	for _, a := range articles {
		for _, u := range a.Pending() {
			s.items = append(s.items, Item{a, u})
		}
	}
	return s
}

// Items returns the units of the review, in order.
func (s *Session) Items() []Item { return s.items }

// Decisions is the number of decisions taken and not undone.
func (s *Session) Decisions() int { return len(s.history) }

// Pending counts the session's units still pending.
func (s *Session) Pending() int {
	n := 0
	for _, it := range s.items {
		if it.Unit.Pending() {
			n++
		}
	}
	return n
}

// Index returns the position of u in the list, -1 when it is not there.
func (s *Session) Index(u *Unit) int {
	for i, it := range s.items {
		if it.Unit == u {
			return i
		}
	}
	return -1
}

// Approve approves the unit's English as it is.
func (s *Session) Approve(ctx context.Context, it Item) error {
	return s.decided(it, it.Article.Approve(ctx, it.Unit))
}

// Edit replaces the unit's English with text (in the unit's form: see
// [ParseEdit]) and approves it, as one decision.
func (s *Session) Edit(ctx context.Context, it Item, text string) error {
	a, u := it.Article, it.Unit
	return s.decided(it, a.Group(func() error {
		if err := a.Edit(ctx, u, text); err != nil {
			return err
		}
		return a.Approve(ctx, u)
	}))
}

// Revert puts the machine draft back; the unit stays pending.
func (s *Session) Revert(ctx context.Context, it Item) error {
	return s.decided(it, it.Article.Revert(ctx, it.Unit))
}

// Retranslated replaces the unit's English and draft with text, a new
// translation by backend; the unit stays pending.
func (s *Session) Retranslated(ctx context.Context, it Item, text, backend string) error {
	return s.decided(it, it.Article.Retranslated(ctx, it.Unit, text, backend))
}

// decided records a decision that err did not stop. An edit whose
// approval failed is still a step of its article's undo, and so a
// decision here.
func (s *Session) decided(it Item, err error) error {
	if err == nil || it.Article.steps() > s.steps(it.Article) {
		s.history = append(s.history, it.Article)
	}
	return err
}

// steps counts the decisions of the session on article a.
func (s *Session) steps(a *Article) int {
	n := 0
	for _, h := range s.history {
		if h == a {
			n++
		}
	}
	return n
}

// Undo takes back the last decision and returns its unit.
func (s *Session) Undo(ctx context.Context) (Item, error) {
	if len(s.history) == 0 {
		return Item{}, ErrNothingToUndo
	}
	a := s.history[len(s.history)-1]
	u, err := a.Undo(ctx)
	if errors.Is(err, memory.ErrConflict) {
		// Another editor's approval replaced ours: the article dropped the
		// step, and it no longer counts as a decision of this session.
		s.history = s.history[:len(s.history)-1]
		return Item{a, u}, err
	}
	if err != nil && !errors.Is(err, ErrNothingToUndo) {
		return Item{a, u}, err
	}
	s.history = s.history[:len(s.history)-1]
	return Item{a, u}, nil
}
