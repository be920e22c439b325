// Package tui is the full-screen terminal review of bitext: one pending
// segment at a time, with its French, the machine draft and the current
// English shown as a word diff, and single keys to decide.
//
// # Keys
//
//	a  approve          e  edit inline (enter saves and approves)
//	E  edit in $EDITOR  r  revert to the machine draft
//	t  re-translate     n/p  next/previous segment
//	u  undo             /  search
//	?  help             q  quit (everything is already saved)
//
// Every decision goes through [review.Article], which writes it to the
// translation memory and the working copy before the screen changes, so
// that killing the program loses nothing. The screen fits an 80×24
// terminal and follows resizes; it is drawn on [Options.Out] (standard
// error, or the terminal) so that standard output stays free.
package tui

import (
	"context"
	"fmt"
	"io"

	"github.com/bitext/bitext/review"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Options connect the review screen to its terminal and to the command
// line's services.
type Options struct {
	// In and Out are the terminal; Out is usually standard error.
	In  io.Reader
	Out io.Writer
	// Backends are the names t offers, the first being the default.
	Backends []string
	// Retranslate translates a unit's French with the named backend; nil
	// disables t.
	Retranslate func(ctx context.Context, backend string, u *review.Unit) (string, error)
	// Editor is the command E runs on a temporary file ("" disables E).
	Editor string
	// ParseEdit turns typed text into the unit's form (see
	// [review.Plain]); nil takes it as it is.
	ParseEdit func(u *review.Unit, text string) string
}

// item is one unit on the review list.
type item struct {
	a *review.Article
	u *review.Unit
}

// mode is what keys currently do.
type mode int

const (
	normal mode = iota
	editing
	searching
	choosing // a backend for t
)

// model is the Bubble Tea model of the review.
type model struct {
	ctx       context.Context
	opts      Options
	items     []item
	cur       int
	width     int
	height    int
	mode      mode
	help      bool
	input     textinput.Model
	status    string
	decisions int
	history   []*review.Article // articles of the decisions, for undo
	st        styles
}

// Run reviews the pending units of the articles until the user quits, and
// returns the number of decisions taken.
func Run(ctx context.Context, articles []*review.Article, opts Options) (int, error) {
	m := newModel(ctx, articles, opts)
	if len(m.items) == 0 {
		return 0, nil
	}
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithInput(opts.In), tea.WithOutput(opts.Out), tea.WithAltScreen())
	final, err := p.Run()
	if fm, ok := final.(*model); ok {
		return fm.decisions, err
	}
	if err != nil {
		return 0, fmt.Errorf("review screen: %w", err)
	}
	return 0, nil
}

func newModel(ctx context.Context, articles []*review.Article, opts Options) *model {
	m := &model{ctx: ctx, opts: opts, width: 80, height: 24, input: textinput.New()}
	for _, a := range articles {
		for _, u := range a.Pending() {
			m.items = append(m.items, item{a, u})
		}
	}
	m.st = newStyles(lipgloss.NewRenderer(opts.Out))
	m.input.Prompt = ""
	m.input.CharLimit = 0
	return m
}

// Init implements tea.Model.
func (m *model) Init() tea.Cmd { return nil }

// current returns the item on screen.
func (m *model) current() item { return m.items[m.cur] }

// pending counts the items still pending.
func (m *model) pending() int {
	n := 0
	for _, it := range m.items {
		if it.u.Pending() {
			n++
		}
	}
	return n
}

// nextPending moves to the next pending item after the current one,
// wrapping; it stays when none is left.
func (m *model) nextPending() {
	for i := 1; i <= len(m.items); i++ {
		j := (m.cur + i) % len(m.items)
		if m.items[j].u.Pending() {
			m.cur = j
			return
		}
	}
}
