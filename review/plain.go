package review

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/memory"
)

// Plain runs the line-oriented review of a [Session]: for each pending
// unit it prints the unit to out, prompts on prompt, and reads one command
// per line from in:
//
//	a          approve the English as it is
//	e TEXT     replace the English with TEXT and approve it
//	r          revert to the machine draft (the unit stays pending)
//	u          undo the last decision and show its unit again
//	s          skip to the next unit
//	q          stop (also at the end of the input)
//
// Every decision is saved when it is made. An unknown command is reported
// and asked again.
type Plain struct {
	In          io.Reader
	Out, Prompt io.Writer
	// Style renders the diffs (Markers for pipes, ANSI for terminals).
	Style Style
	// ParseEdit turns typed text into the unit's form (Markdown inline
	// markup into an HTML fragment, say); nil takes it as it is, escaped
	// for HTML units.
	ParseEdit func(u *Unit, text string) string
}

// errQuit stops a plain review.
var errQuit = errors.New("quit")

// Run reviews the session's units in order; s.Decisions() then says how
// many decisions stand.
func (p *Plain) Run(ctx context.Context, s *Session) error {
	sc := bufio.NewScanner(p.In)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	items := s.Items()
	for i := 0; i < len(items); {
		if !items[i].Unit.Pending() {
			i++
			continue
		}
		next, err := p.unit(ctx, sc, s, i)
		if errors.Is(err, errQuit) {
			return nil
		}
		if err != nil {
			return err
		}
		i = next
	}
	return nil
}

// unit shows item i and reads commands until one moves on; it returns the
// item to show next.
func (p *Plain) unit(ctx context.Context, sc *bufio.Scanner, s *Session, i int) (int, error) {
	it := s.Items()[i]
	for {
		if err := ctx.Err(); err != nil {
			return i, err
		}
		if err := WriteUnit(p.Out, it.Article, it.Unit, p.Style, true); err != nil {
			return i, err
		}
		fmt.Fprint(p.Prompt, "[a]pprove, [e] TEXT, [r]evert, [u]ndo, [s]kip, [q]uit? ")
		if !sc.Scan() {
			fmt.Fprintln(p.Prompt)
			if err := sc.Err(); err != nil {
				return i, fmt.Errorf("failed to read commands: %w", err)
			}
			return i, errQuit
		}
		next, err := p.command(ctx, s, i, strings.TrimSpace(sc.Text()))
		switch {
		case errors.Is(err, errQuit):
			return i, err
		case errors.Is(err, errUnknown), errors.Is(err, ErrNoFrench), errors.Is(err, ErrNothingToUndo), errors.Is(err, memory.ErrConflict):
			fmt.Fprintf(p.Prompt, "%s\n", err)
		case err != nil:
			return i, err
		case next != i:
			return next, nil
		}
	}
}

var errUnknown = errors.New("unknown command: use a, e TEXT, r, u, s or q")

// command runs one line on item i and returns the item to show next.
func (p *Plain) command(ctx context.Context, s *Session, i int, line string) (int, error) {
	it := s.Items()[i]
	cmd, arg, _ := strings.Cut(line, " ")
	switch {
	case line == "a":
		return i + 1, s.Approve(ctx, it)
	case cmd == "e" && strings.TrimSpace(arg) != "":
		return i + 1, s.Edit(ctx, it, p.edited(it.Unit, strings.TrimSpace(arg)))
	case line == "r":
		return i, s.Revert(ctx, it)
	case line == "u":
		back, err := s.Undo(ctx)
		if err != nil {
			return i, err
		}
		fmt.Fprintf(p.Prompt, "undone: %s\n", back.Unit.Where())
		return max(s.Index(back.Unit), 0), nil
	case line == "s":
		return i + 1, nil
	case line == "q":
		return i, errQuit
	}
	return i, errUnknown
}

func (p *Plain) edited(u *Unit, text string) string {
	if p.ParseEdit != nil {
		return p.ParseEdit(u, text)
	}
	return toForm(text, false, u.Markup)
}
