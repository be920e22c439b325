package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bitext/bitext/engine"
	"github.com/bitext/bitext/translate"
	"github.com/urfave/cli/v2"
)

// newApp builds the command tree. Every command gets env and nothing else
// global; this is the one list where commands are registered.
func newApp(env *Env) *cli.App {
	app := &cli.App{
		Name:  "bitext",
		Usage: "translate French news articles into English and publish them side by side",
		Description: `bitext reads French articles (plain text or Markdown), splits them into
sentences, keeps glossary terms consistent, translates them through a
backend (Apertium offline by default) and writes the English article and
bilingual outputs that editors review, approve and publish.

The editor's day:
   bitext translate --glossary terms.csv articles/ --out out/   # machine drafts
   bitext diff out/                                            # what editors changed
   bitext review out/                                          # approve or fix, segment by segment
   bitext publish --approved-only out/                         # bilingual pages from approved text

More examples:
   bitext translate samples/seoul-sommet-energie.fr.txt --out out/
   cat article.fr.txt | bitext translate -
   bitext translate --backend deepl --dry-run articles/`,
		Reader:         env.In,
		Writer:         env.Out,
		ErrWriter:      env.Err,
		Version:        version(),
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError:   onUsageError,
		Commands: []*cli.Command{
			newTranslateCommand(env),
			newDiffCommand(env),
			newReviewCommand(env),
			newServeCommand(env),
			newPublishCommand(env),
			newGlossaryCommand(env),
			newMemoryCommand(env),
			newXliffCommand(env),
			newBackendsCommand(env),
			newModelsCommand(env),
			newEvalCommand(env),
			newScoreCommand(env),
			newCompletionCommand(env),
			newVersionCommand(env),
		},
	}
	finish(app.Commands)
	return app
}

// finish gives every command bitext's words for parse errors, and keeps
// "(default: false)" out of the help of yes/no flags.
func finish(cmds []*cli.Command) {
	for _, c := range cmds {
		c.OnUsageError = onUsageError
		for _, f := range c.Flags {
			if b, ok := f.(*cli.BoolFlag); ok {
				b.DisableDefaultText = true
			}
		}
		finish(c.Subcommands)
	}
}

// run runs the command line and maps its error to an exit status:
// 0 success, 1 failure of some input, 2 usage error, 130 interrupted.
func run(ctx context.Context, env *Env, args []string) int {
	app := newApp(env)
	if len(args) > 1 && args[len(args)-1] == completeFlag {
		return complete(env, app, args[1:len(args)-1])
	}
	if err := checkCommands(app, args[1:]); err != nil {
		return report(env, err)
	}
	err := app.RunContext(ctx, interspersed(app, args))
	return report(env, err)
}

// report prints err the way every command does and returns the exit
// status. Every error is said once: the file (and line), the problem,
// then a hint saying what to do.
func report(env *Env, err error) int {
	if err == nil {
		return 0
	}
	var usage *usageError
	var exit *exitError
	var setting *engine.SettingError
	switch {
	case errors.As(err, &exit):
		if exit.msg != "" {
			fmt.Fprintf(env.Err, "bitext: %s\n", exit.msg)
		}
		return exit.code
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(env.Err, "bitext: interrupted; finished work was kept, run the same command again to resume")
		return 130
	case errors.As(err, &usage):
		fmt.Fprintf(env.Err, "bitext: error: %s\n", usage.msg)
		fmt.Fprintf(env.Err, "bitext: hint: %s\n", usage.hint())
		return 2
	case errors.As(err, &setting):
		fmt.Fprintf(env.Err, "bitext: error: %s\n", words(setting.Err))
		if setting.Hint != "" {
			fmt.Fprintf(env.Err, "bitext: hint: %s\n", setting.Hint)
		}
		return 2
	}
	fmt.Fprintf(env.Err, "bitext: error: %s\n", words(err))
	if hint := hintFor(err); hint != "" {
		fmt.Fprintf(env.Err, "bitext: hint: %s\n", hint)
	}
	return 1
}

// hintFor returns advice for errors whose fix is known.
func hintFor(err error) string {
	var st *translate.StatusError
	if errors.As(err, &st) && st.Hint != "" {
		return st.Hint
	}
	return ""
}

// usageError is a mistake in the command line itself (exit status 2).
type usageError struct {
	cmd string // the command's full path, for the hint
	msg string
	// help, when set, replaces the hint pointing at the command's help.
	help string
}

func (e *usageError) Error() string { return e.msg }

func (e *usageError) hint() string {
	if e.help != "" {
		return e.help
	}
	return fmt.Sprintf("run '%s --help' for usage", e.cmd)
}

// usagef returns a usage error for the command c.
func usagef(c *cli.Context, format string, args ...any) error {
	return &usageError{cmd: commandPath(c), msg: fmt.Sprintf(format, args...)}
}

// exitError ends a command with a status after it has reported its own
// problems (for example, some files of a batch failed).
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// commandPath is the full path of the command c runs, such as "bitext
// memory stats".
func commandPath(c *cli.Context) string {
	var names []string
	for _, x := range c.Lineage() {
		if x.Command != nil && x.Command.Name != "" && x.Command.Name != x.App.Name {
			names = append([]string{x.Command.Name}, names...)
		}
	}
	return strings.Join(append([]string{"bitext"}, names...), " ")
}
