package main

import (
	"context"
	"fmt"

	"github.com/bitext/bitext/review"
	"github.com/urfave/cli/v2"
)

func newDiffCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "show the editors' changes to the machine's English, word by word",
		ArgsUsage: "PATH...",
		Description: `PATH is a working copy written by translate (OUT/NAME.en.txt or .md) or an
output folder. For each segment whose English differs from the machine
draft, the French is printed above a word diff: coloured on a terminal,
[-deleted-]{+inserted+} otherwise. Segments whose English has a problem
(a glossary term missing, a figure or an address not kept) are listed
too, with the problem.

With --exit-code the status is 1 when segments are pending (unapproved
changes or machine output nobody reviewed), 0 otherwise, like
git diff --exit-code.

Examples:
   bitext diff out/seoul.en.txt
   bitext diff --exit-code out/ || echo "review needed"`,
		Flags: append(reviewFlags(),
			&cli.BoolFlag{Name: "exit-code", Usage: "exit with status 1 when segments are pending"},
			&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour the diff: `WHEN` (auto, always, never)"},
		),
		Action: func(c *cli.Context) error {
			o, err := parseReviewOptions(c, env)
			if err != nil {
				return err
			}
			switch c.String("color") {
			case "auto", "always", "never":
			default:
				return usagef(c, "--color must be auto, always or never")
			}
			return runDiff(c.Context, env, o, c.String("color"), c.Bool("exit-code"))
		},
	}
}

func runDiff(ctx context.Context, env *Env, o *reviewOptions, color string, exitCode bool) error {
	articles, stores, err := openArticles(ctx, env, o, false)
	if err != nil {
		return err
	}
	defer stores.Close()
	st := diffStyle(env, color)
	pending := 0
	for _, a := range articles {
		for _, u := range a.Units {
			if u.Differs() || len(u.Problems) > 0 {
				if err := review.WriteUnit(env.Out, a, u, st, false); err != nil {
					return err
				}
			}
		}
		pending += len(a.Pending())
	}
	if exitCode && pending > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d segments pending review", pending)}
	}
	return nil
}

// diffStyle picks coloured or marked diffs for standard output.
func diffStyle(env *Env, color string) review.Style {
	if color == "always" || color == "auto" && env.OutTTY && env.Getenv("NO_COLOR") == "" {
		return review.ANSI
	}
	return review.Markers
}
