package main

import (
	"fmt"
	"strings"

	"github.com/bitext/bitext/batch"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/translate"
	"github.com/urfave/cli/v2"
)

func newGlossaryCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "glossary",
		Usage: "check translations against a glossary and lint glossary files",
		Description: `Examples:
   bitext glossary lint samples/glossary.csv
   bitext glossary check --glossary samples/glossary.csv out/seoul-sommet-energie.en.txt`,
		Subcommands: []*cli.Command{
			newGlossaryCheckCommand(env),
			newGlossaryLintCommand(env),
			newGlossarySuggestCommand(env),
		},
	}
}

func newGlossaryLintCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "lint",
		Usage:     "report problems in glossary files: conflicts, bad lines, hidden entries, common words, unsure parts of speech",
		ArgsUsage: "FILE...",
		Description: `Each finding is printed as FILE:LINE: PROBLEM, or FILE:LINE: warning: …
for what loads but may not translate as meant (entries hidden by another or
differing only in case, common French words as terms, an unsure part of
speech with the pos to write down). The exit status is 1 when there is a
problem; warnings alone exit 0.

Example:
   bitext glossary lint samples/glossary.csv extra-terms.tsv`,
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef(c, "name the glossary files to lint")
			}
			problems := glossary.Lint(c.Args().Slice()...)
			errs := 0
			for _, p := range problems {
				fmt.Fprintln(env.Out, p.Error())
				if !p.Warning {
					errs++
				}
			}
			switch {
			case errs > 0:
				return &exitError{code: 1, msg: fmt.Sprintf("%s, %s", plural(errs, "problem"), plural(len(problems)-errs, "warning"))}
			case len(problems) > 0:
				fmt.Fprintf(env.Out, "%s: the glossary loads, but check them\n", plural(len(problems), "warning"))
			default:
				fmt.Fprintf(env.Out, "%s: no problems\n", strings.Join(c.Args().Slice(), ", "))
			}
			return nil
		},
	}
}

func newGlossaryCheckCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check existing (for example hand-edited) translations against their source",
		ArgsUsage: "PATH...",
		Description: `PATH is an English article written by 'bitext translate' (and perhaps
edited since), OUT/NAME.en.txt or .md, or an output folder (every article
in it). Its French source is what translate last wrote for it
(OUT/.bitext/docs/NAME.json), or the file --source names. Paragraph by
paragraph, every glossary term of the French must have its target in the
English. Violations are printed as FILE:LINE: …; the exit status is 1 when
there is any.

Examples:
   bitext glossary check --glossary samples/glossary.csv out/seoul-sommet-energie.en.txt
   bitext glossary check --glossary samples/glossary.csv out/`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` (repeatable; default: ./glossary.*)"},
			&cli.StringFlag{Name: "source", Usage: "the French article `FILE` (default: what translate last wrote for it)"},
			languageFlag("to", "en", "target"),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef(c, "name the translated articles to check, or their output folder")
			}
			if c.IsSet("source") && c.NArg() > 1 {
				return usagef(c, "--source goes with a single translation")
			}
			g, err := loadGlossary(env, c.StringSlice("glossary"))
			if err != nil {
				return err
			}
			if g == nil {
				return usagef(c, "no glossary: give --glossary FILE (or put a glossary.csv here)")
			}
			return runGlossaryCheck(env, g, c.Args().Slice(), c.String("source"), c.String("to"))
		},
	}
}

// runGlossaryCheck checks each working copy the paths name (files or
// output folders).
func runGlossaryCheck(env *Env, g *glossary.Glossary, paths []string, source, to string) error {
	n, files := 0, 0
	for _, p := range paths {
		works := []string{p}
		if source == "" {
			arts, err := outdir.Locate(p, to)
			if err != nil {
				return err
			}
			works = works[:0]
			for _, a := range arts {
				works = append(works, a.Work())
			}
		}
		for _, w := range works {
			vs, err := checkTranslation(g, w, source, to)
			if err != nil {
				return err
			}
			for _, v := range vs {
				fmt.Fprintf(env.Out, "%s:%d: %s\n", w, v.Line, v)
			}
			n, files = n+len(vs), files+1
		}
	}
	if n > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%s in %s", plural(n, "glossary violation"), plural(files, "article"))}
	}
	fmt.Fprintf(env.Out, "no glossary violations in %s\n", plural(files, "article"))
	return nil
}

// checkTranslation checks every block of an English article against the
// same block of its French source.
func checkTranslation(g *glossary.Glossary, path, source, to string) ([]glossary.BlockViolation, error) {
	data, err := batch.ReadFileLimited(path)
	if err != nil {
		return nil, err
	}
	en, err := translate.Read(path, data)
	if err != nil {
		return nil, err
	}
	fr, err := readSource(path, source, to)
	if err != nil {
		return nil, err
	}
	vs, err := g.CheckDocument(fr, en)
	if err != nil {
		return nil, fmt.Errorf("%s: %w (run 'bitext review' to map the edits)", path, err)
	}
	return vs, nil
}

// readSource reads the French article: --source, or the document
// translate last wrote for the working copy path (its state in the output
// folder).
func readSource(path, source, to string) (*translate.Document, error) {
	if source != "" {
		data, err := batch.ReadFileLimited(source)
		if err != nil {
			return nil, err
		}
		return translate.Read(source, data)
	}
	art, err := outdir.Find(path, to)
	if err != nil {
		return nil, fmt.Errorf("%w; or give the French with --source", err)
	}
	st, err := outdir.ReadState(art.StatePath())
	if err != nil {
		return nil, err
	}
	return st.Doc, nil
}
