// Package tui is the full-screen terminal review of bitext: one pending
// segment at a time, with its French, the machine draft and the current
// English shown as a word diff, and single keys to decide.
//
// # Keys
//
//	a  approve          e  edit inline (enter saves and approves)
//	E  edit in $EDITOR  r  revert to the machine draft
//	t  re-translate (pick a configured backend from a list)
//	n/p  next/previous segment
//	u  undo             /  search
//	?  help             q  quit (everything is already saved)
//
// Every decision goes through the [review.Session] the plain review uses
// too, which writes it to the translation memory and the working copy
// before the screen changes, so that killing the program loses nothing.
// Each unit shows the parts the plain review prints ([review.Unit.Parts]):
// inline markup as italic, bold and underlined text, never as tags. The screen fits an 80×24
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
	// Backends lists the configured backends t offers, the current one
	// first; it is called once, in the background, the first time t is
	// pressed (finding which are configured may load a model).
	Backends func(ctx context.Context) []Backend
	// Retranslate translates a unit's French with the named backend; nil
	// disables t.
	Retranslate func(ctx context.Context, backend string, u *review.Unit) (string, error)
	// Editor is the command E runs on a temporary file ("" disables E).
	Editor string
	// ParseEdit turns typed text into the unit's form (see
	// [review.Plain]); nil takes it as it is.
	ParseEdit func(u *review.Unit, text string) string
}

// Backend is one choice of the re-translate list.
type Backend struct {
	// Name selects the backend; Detail says what it is ("local").
	Name, Detail string
}

// item is one unit on the review list.
type item = review.Item

// mode is what keys currently do.
type mode int

const (
	normal mode = iota
	editing
	searching
	choosing // a backend for t, in the picker
)

// model is the Bubble Tea model of the review.
type model struct {
	ctx     context.Context
	opts    Options
	session *review.Session
	items   []item
	cur     int
	width   int
	height  int
	mode    mode
	help    bool
	input   textinput.Model
	picker  picker
	// backends is the list Options.Backends returned, nil until then.
	backends []Backend
	status   string
	st       styles
}

// Run reviews the session's units until the user quits; s.Decisions()
// then says how many decisions stand.
func Run(ctx context.Context, s *review.Session, opts Options) error {
	m := newModel(ctx, s, opts, lipgloss.NewRenderer(opts.Out))
	if len(m.items) == 0 {
		return nil
	}
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithInput(opts.In), tea.WithOutput(opts.Out), tea.WithAltScreen())
	if _, err := p.Run(); err != nil {
		return fmt.Errorf("review screen: %w", err)
	}
	return nil
}

// newModel makes the screen's model, drawn with renderer r.
func newModel(ctx context.Context, s *review.Session, opts Options, r *lipgloss.Renderer) *model {
	m := &model{ctx: ctx, opts: opts, session: s, items: s.Items(), width: 80, height: 24, input: textinput.New()}
	m.st = newStyles(r)
	m.input.Prompt = ""
	m.input.CharLimit = 0
	return m
}

// Init implements tea.Model.
func (m *model) Init() tea.Cmd { return nil }

// current returns the item on screen.
func (m *model) current() item { return m.items[m.cur] }

// pending counts the items still pending.
func (m *model) pending() int { return m.session.Pending() }

// nextPending moves to the next pending item after the current one,
// wrapping; it stays when none is left.
func (m *model) nextPending() {
	for i := 1; i <= len(m.items); i++ {
		j := (m.cur + i) % len(m.items)
		if m.items[j].Unit.Pending() {
			m.cur = j
			return
		}
	}
}
