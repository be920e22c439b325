package main

import (
	"io"
	"os"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/all"
	"golang.org/x/term"
)

// Env is everything a command reads from or writes to the outside world,
// injected so that the whole command line can be tested in-process.
type Env struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	// InTTY, OutTTY and ErrTTY say whether the streams are terminals.
	InTTY, OutTTY, ErrTTY bool
	// Width is the terminal width in columns (0 when unknown).
	Width int
	// Getenv reads an environment variable.
	Getenv func(string) string
	// Registry lists the backends that --backend can select.
	Registry *translate.Registry
	// Now returns the current time.
	Now func() time.Time
	// Dir is the working folder, for finding a default glossary.
	Dir string
}

// systemEnv is the Env of the real process.
func systemEnv() *Env {
	dir, _ := os.Getwd()
	env := &Env{
		In:       os.Stdin,
		Out:      os.Stdout,
		Err:      os.Stderr,
		InTTY:    term.IsTerminal(int(os.Stdin.Fd())),
		OutTTY:   term.IsTerminal(int(os.Stdout.Fd())),
		ErrTTY:   term.IsTerminal(int(os.Stderr.Fd())),
		Getenv:   os.Getenv,
		Registry: all.Registry(),
		Now:      time.Now,
		Dir:      dir,
	}
	if env.OutTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			env.Width = w
		}
	}
	return env
}
