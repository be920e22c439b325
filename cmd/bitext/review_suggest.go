package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/review"
	"github.com/urfave/cli/v2"
)

func newGlossarySuggestCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "suggest",
		Usage:     "suggest glossary entries from the corrections editors made again and again",
		ArgsUsage: "PATH...",
		Description: `PATH is a working copy or an output folder. Every approved segment whose
English differs from the machine draft is compared word by word; a short
correction made in --min segments or more (Kim Jong-one → Kim Jong-un) is
listed with its count and the French term it comes from when that term is
in the French (names usually are). --apply adds those with a French term to
the --glossary file (a CSV or TSV line is appended; other formats are
rewritten).

Examples:
   bitext glossary suggest out/
   bitext glossary suggest --apply --glossary glossary.csv out/`,
		Flags: []cli.Flag{
			languageFlag("from", "fr", "source"),
			languageFlag("to", "en", "target"),
			&cli.StringFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` --apply adds to"},
			&cli.IntFlag{Name: "min", Value: 2, Usage: "least `N` of segments a correction must appear in, from 1 to 1000",
				Action: inRange(1, 1000, "--min must be from 1 to 1000")},
			&cli.BoolFlag{Name: "apply", Usage: "add the suggestions that have a French term to the glossary"},
			memoryFlag(),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef(c, "name a working copy or an output folder")
			}
			if c.Bool("apply") && c.String("glossary") == "" {
				return usagef(c, "--apply needs --glossary FILE")
			}
			o := &reviewOptions{From: c.String("from"), To: c.String("to"), Paths: c.Args().Slice()}
			var err error
			if o.Memory, err = memoryLocation(c, env); err != nil {
				return err
			}
			return runSuggest(c.Context, env, o, c.Int("min"), c.String("glossary"), c.Bool("apply"))
		},
	}
}

func runSuggest(ctx context.Context, env *Env, o *reviewOptions, min int, file string, apply bool) error {
	articles, stores, err := openArticlesWith(ctx, o, nil, false)
	if err != nil {
		return err
	}
	defer stores.Close()
	sugs := review.Suggest(articles, max(min, 1))
	tw := tabwriter.NewWriter(env.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "COUNT\tCORRECTION\tFRENCH TERM")
	for _, s := range sugs {
		term := s.Source
		if term == "" {
			term = "(none found: add by hand)"
		}
		fmt.Fprintf(tw, "%d\t%s → %s\t%s\n", s.Count, s.Wrong, s.Right, term)
	}
	if err := tw.Flush(); err != nil || !apply {
		return err
	}
	var terms []string
	for _, s := range sugs {
		terms = append(terms, s.Source)
	}
	added, err := glossary.AddNames(file, terms)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Err, "bitext: added %d entries to %s\n", added, file)
	return nil
}
