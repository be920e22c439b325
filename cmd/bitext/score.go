package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/bitext/bitext/score"
	"github.com/urfave/cli/v2"
)

// scoreOptions are the settings of one "bitext score" run.
type scoreOptions struct {
	Hyp, Ref  string // file paths; "-" is standard input
	JSON      bool
	Sentences bool
}

func newScoreCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "score",
		Usage:     "score a translation against a reference with sacreBLEU's BLEU and chrF",
		ArgsUsage: "HYP REF",
		Description: `HYP is the machine translation and REF the reference translation, one
sentence per line, line N of HYP translating the sentence of line N of REF
(either may be - for standard input). The scores are sacreBLEU 2.x's
defaults computed exactly (BLEU: 13a tokens, mixed case, exp smoothing;
chrF2: character 6-grams, no word n-grams), printed as the official .eval
files print them, chrF on the 0-1 scale:

   BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.0.0 = 30.3 63.3/36.5/23.6/16.0 (BP = 0.992 ratio = 0.992 hyp_len = 11725 ref_len = 11818)
   chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.0.0 = 0.56875

--sentences first prints a table of each line's sentence BLEU and chrF2
(both 0-100, as sacreBLEU prints sentence scores), then a blank line and
the two corpus lines. --json prints everything as one JSON object,
chrF on both scales.

Examples:
   bitext score out/article.en.txt reference.en.txt
   bitext score --sentences system.en reference.en
   bitext score - reference.en < system.en
   bitext score --json system.en reference.en > scores.json`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print the scores as JSON"},
			&cli.BoolFlag{Name: "sentences", Aliases: []string{"s"}, Usage: "also score each line on its own"},
		},
		Action: func(c *cli.Context) error {
			opts, err := parseScoreOptions(c)
			if err != nil {
				return err
			}
			return runScore(env, opts)
		},
	}
}

func parseScoreOptions(c *cli.Context) (scoreOptions, error) {
	if err := twoFiles(c, "HYP", "REF"); err != nil {
		return scoreOptions{}, err
	}
	opts := scoreOptions{Hyp: c.Args().Get(0), Ref: c.Args().Get(1),
		JSON: c.Bool("json"), Sentences: c.Bool("sentences")}
	if opts.Hyp == "-" && opts.Ref == "-" {
		return scoreOptions{}, usagef(c, "only one of HYP and REF can be standard input")
	}
	return opts, nil
}

// twoFiles checks that the command was given exactly two files, named a
// and b in its usage.
func twoFiles(c *cli.Context, a, b string) error {
	switch c.NArg() {
	case 0:
		return usagef(c, "give two files, %s and %s", a, b)
	case 1:
		return usagef(c, "give %s too: only %s was given", b, c.Args().First())
	case 2:
		return nil
	}
	return usagef(c, "give two files, %s and %s, not %d", a, b, c.NArg())
}

// scoreOutput is what --json prints.
type scoreOutput struct {
	score.Report
	Sentences []score.Sentence `json:"sentences,omitempty"`
}

func runScore(env *Env, opts scoreOptions) error {
	hyps, err := readScoreLines(env, opts.Hyp)
	if err != nil {
		return err
	}
	refs, err := readScoreLines(env, opts.Ref)
	if err != nil {
		return err
	}
	if err := score.CheckPair(opts.Hyp, hyps, opts.Ref, refs); err != nil {
		return err
	}
	out := scoreOutput{Report: score.Evaluate(hyps, refs)}
	out.Hyp, out.Ref = opts.Hyp, opts.Ref
	if opts.Sentences {
		out.Sentences = score.Sentences(hyps, refs)
	}
	if opts.JSON {
		enc := json.NewEncoder(env.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	return writeScoreText(env.Out, out)
}

// readScoreLines reads a file, or standard input for "-".
func readScoreLines(env *Env, path string) ([]string, error) {
	if path == "-" {
		return score.ReadLinesFrom(env.In, "-")
	}
	return score.ReadLines(path)
}

// writeScoreText prints the per-sentence table when there is one, then the
// two sacreBLEU lines.
func writeScoreText(w io.Writer, out scoreOutput) error {
	if len(out.Sentences) > 0 {
		fmt.Fprintf(w, "%4s %5s %5s\n", "line", "BLEU", "chrF2")
		for _, s := range out.Sentences {
			fmt.Fprintf(w, "%4d %5.1f %5.1f\n", s.Line, s.BLEU.Score, s.ChrF.Score)
		}
		fmt.Fprintln(w)
	}
	_, err := io.WriteString(w, out.Report.String())
	return err
}
