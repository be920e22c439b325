package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/engine"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/atomicfile"
	"github.com/bitext/bitext/score"
	"github.com/urfave/cli/v2"
)

// evalOptions are the settings of one "bitext eval" run.
type evalOptions struct {
	Src, Ref   string
	From, To   string
	Backend    *engine.Selection
	Glossaries []string
	Output     string
	JSON       bool
	Raw        bool
}

func newEvalCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "translate a test set line by line with a backend and score it",
		ArgsUsage: "SRC REF",
		Description: `SRC holds one source sentence or paragraph per line and REF its reference
translation on the same line. Each line is translated as one segment (no
re-segmentation across or within lines), through the same glossary
protection and English typography as 'bitext translate', and the output is
scored with sacreBLEU-exact BLEU and chrF2. With a glossary, term accuracy
is reported too: the share of glossary-term occurrences in SRC whose target
appears in the output line, overall and over the occurrences whose target
the reference line has.

Examples:
   bitext eval ../shared/eval/newstest2013.fr ../shared/eval/newstest2013.en
   bitext eval --glossary names.csv --output hyp.en src.fr ref.en
   bitext eval --backend marian --model ~/.cache/bitext/models/opus-mt-fr-en src.fr ref.en`,
		Flags: append([]cli.Flag{
			languageFlag("from", "fr", "source"),
			languageFlag("to", "en", "target"),
			&cli.StringSliceFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` (repeatable)"},
			&cli.StringFlag{Name: "output", Usage: "also write the translations to `FILE`, one per line"},
			&cli.BoolFlag{Name: "json", Usage: "print the results as JSON"},
			&cli.BoolFlag{Name: "raw", Usage: "skip bitext's English typography (to compare with the bare engine)"},
		}, withoutFlag(backendFlags(env), "price")...),
		Action: func(c *cli.Context) error {
			if err := twoFiles(c, "SRC", "REF"); err != nil {
				return err
			}
			from, to, err := languages(c)
			if err != nil {
				return err
			}
			backend, err := selectBackend(c, env)
			if err != nil {
				return err
			}
			if err := backend.CheckPair(from, to); err != nil {
				return err
			}
			opts := evalOptions{
				Src: c.Args().Get(0), Ref: c.Args().Get(1),
				From: from, To: to,
				Backend:    backend,
				Glossaries: c.StringSlice("glossary"),
				Output:     c.String("output"),
				JSON:       c.Bool("json"),
				Raw:        c.Bool("raw"),
			}
			return runEval(c.Context, env, opts)
		},
	}
}

// evalResult is what "bitext eval" reports.
type evalResult struct {
	Backend  string                 `json:"backend"`
	Lines    int                    `json:"lines"`
	BLEU     score.BLEU             `json:"bleu"`
	ChrF     score.ChrF             `json:"chrf"`
	Terms    *glossary.TermAccuracy `json:"terms,omitempty"`
	Glossary string                 `json:"glossary_version,omitempty"`
	// FidelityWarnings counts the lines whose translation carries a
	// fidelity warning (a figure, an address or markup not kept).
	FidelityWarnings int `json:"fidelity_warnings"`
}

func runEval(ctx context.Context, env *Env, opts evalOptions) error {
	srcs, err := score.ReadLines(opts.Src)
	if err != nil {
		return err
	}
	refs, err := score.ReadLines(opts.Ref)
	if err != nil {
		return err
	}
	if err := score.CheckPair(opts.Src, srcs, opts.Ref, refs); err != nil {
		return err
	}
	g, err := loadGlossary(env, opts.Glossaries)
	if err != nil {
		return err
	}
	hyps, name, warned, err := translateLines(ctx, env, opts, g, srcs)
	if err != nil {
		return err
	}
	if opts.Output != "" {
		if err := atomicfile.Write(opts.Output, []byte(strings.Join(hyps, "\n")+"\n"), 0o644); err != nil {
			return err
		}
	}
	res := evalResult{Backend: name, Lines: len(srcs), BLEU: score.CorpusBLEU(hyps, refs), ChrF: score.CorpusChrF(hyps, refs), FidelityWarnings: warned}
	if g != nil {
		t := g.Measure(srcs, hyps, refs)
		res.Terms = &t
		res.Glossary = g.Version()
	}
	return printEval(env.Out, res, opts.JSON)
}

// translateLines runs each line as one segment through the pipeline.
// It also returns how many lines carry a fidelity warning.
func translateLines(ctx context.Context, env *Env, opts evalOptions, g *glossary.Glossary, lines []string) ([]string, string, int, error) {
	eng, err := engine.New(ctx, opts.Backend, engine.Settings{From: opts.From, To: opts.To, Glossary: g, Raw: opts.Raw})
	if err != nil {
		return nil, "", 0, err
	}
	defer eng.Close()
	hyps, warned, err := eng.TranslateLines(ctx, opts.Src, lines)
	return hyps, eng.Info.Name, warned, err
}

func printEval(w io.Writer, res evalResult, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	fmt.Fprintf(w, "backend %s, %d lines\n%s\n%s\n", res.Backend, res.Lines, res.BLEU, res.ChrF)
	fmt.Fprintf(w, "fidelity: %d of %d lines carry a warning\n", res.FidelityWarnings, res.Lines)
	if t := res.Terms; t != nil {
		fmt.Fprintf(w, "terms: %d of %d occurrences right (%s); %d of %d where the reference has the term (%s)\n",
			t.Correct, t.Occurrences, percent(t.Correct, t.Occurrences),
			t.ReferenceCorrect, t.InReference, percent(t.ReferenceCorrect, t.InReference))
	}
	return nil
}

func percent(a, b int) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}
