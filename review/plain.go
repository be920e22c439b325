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

// Plain runs the line-oriented review: for each pending unit of each
// article it prints the unit to out, prompts on prompt, and reads one
// command per line from in:
//
//	a          approve the English as it is
//	e TEXT     replace the English with TEXT and approve it
//	r          revert to the machine draft (the unit stays pending)
//	s          skip to the next unit
//	q          stop (also at the end of the input)
//
// Every decision is saved when it is made. An unknown command is reported
// and asked again. Plain returns the number of decisions taken.
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

// Run reviews the articles in order.
func (p *Plain) Run(ctx context.Context, articles []*Article) (int, error) {
	sc := bufio.NewScanner(p.In)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	for _, a := range articles {
		for _, u := range a.Pending() {
			done, err := p.unit(ctx, sc, a, u)
			n += done
			if errors.Is(err, errQuit) {
				return n, nil
			}
			if err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// unit shows u and reads commands until one moves on.
func (p *Plain) unit(ctx context.Context, sc *bufio.Scanner, a *Article, u *Unit) (int, error) {
	n := 0
	for {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		if err := WriteUnit(p.Out, a, u, p.Style, true); err != nil {
			return n, err
		}
		fmt.Fprint(p.Prompt, "[a]pprove, [e] TEXT, [r]evert, [s]kip, [q]uit? ")
		if !sc.Scan() {
			fmt.Fprintln(p.Prompt)
			if err := sc.Err(); err != nil {
				return n, fmt.Errorf("failed to read commands: %w", err)
			}
			return n, errQuit
		}
		next, err := p.command(ctx, a, u, strings.TrimSpace(sc.Text()))
		if err == nil && next == decided {
			n++
		}
		switch {
		case errors.Is(err, errQuit):
			return n, err
		case errors.Is(err, errUnknown), errors.Is(err, ErrNoFrench), errors.Is(err, memory.ErrConflict):
			fmt.Fprintf(p.Prompt, "%s\n", err)
		case err != nil:
			return n, err
		case next != stay:
			return n, nil
		}
	}
}

var errUnknown = errors.New("unknown command: use a, e TEXT, r, s or q")

// What a plain command does next.
const (
	stay    = iota // show the unit again
	decided        // a decision was saved: next unit
	skipped        // next unit, nothing decided
)

// command runs one line and says what comes next.
func (p *Plain) command(ctx context.Context, a *Article, u *Unit, line string) (int, error) {
	cmd, arg, _ := strings.Cut(line, " ")
	switch {
	case line == "a":
		return decided, a.Approve(ctx, u)
	case cmd == "e" && strings.TrimSpace(arg) != "":
		text := p.edited(u, strings.TrimSpace(arg))
		return decided, a.Group(func() error {
			if err := a.Edit(ctx, u, text); err != nil {
				return err
			}
			return a.Approve(ctx, u)
		})
	case line == "r":
		return stay, a.Revert(ctx, u)
	case line == "s":
		return skipped, nil
	case line == "q":
		return stay, errQuit
	}
	return stay, errUnknown
}

func (p *Plain) edited(u *Unit, text string) string {
	if p.ParseEdit != nil {
		return p.ParseEdit(u, text)
	}
	return toForm(text, false, u.Markup)
}
