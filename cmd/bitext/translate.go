package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/urfave/cli/v2"
	"golang.org/x/sync/errgroup"
)

// translateOptions are the settings of one "bitext translate" run.
type translateOptions struct {
	From, To   string
	Backend    backendOptions
	Glossaries []string
	Strict     bool
	Out        string
	Formats    []string
	Jobs       int
	Quiet      bool
	Paths      []string
	Include    []string
	Exclude    []string
	Report     string
	DryRun     bool
	Width      int
	NoMemory   bool
	LockWait   time.Duration
	OnlyStdin  bool
	OutSet     bool
	// InputFormat overrides the format the extension gives.
	InputFormat translate.Format
}

var outputFormats = []string{"html", "md", "txt", "json"}

func newTranslateCommand(env *Env) *cli.Command {
	flags := append([]cli.Flag{
		&cli.StringFlag{Name: "from", Value: "fr", Usage: "source language `CODE`"},
		&cli.StringFlag{Name: "to", Value: "en", Usage: "target language `CODE`"},
		&cli.StringSliceFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` (CSV, TSV, YAML or TBX; repeatable; default: ./glossary.*)"},
		&cli.BoolFlag{Name: "strict", Usage: "exit with status 1 when a glossary term is missing from a translation or a segment has a fidelity warning"},
		&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "bitext-out", Usage: "output `DIR`"},
		&cli.StringFlag{Name: "input-format", Usage: "read inputs as `txt` or md whatever their extension (standard input is read as txt by default)"},
		&cli.StringFlag{Name: "format", Value: "html,md", Usage: "bilingual outputs to write: `LIST` of html, md, txt, json"},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "files translated at once (default: the number of CPUs for local engines)"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"},
		&cli.StringSliceFlag{Name: "include", Usage: "only translate files matching `GLOB` in folders (repeatable)"},
		&cli.StringSliceFlag{Name: "exclude", Usage: "skip files matching `GLOB` in folders (repeatable)"},
		&cli.StringFlag{Name: "report", Usage: "write a machine-readable summary to `FILE.json`"},
		&cli.BoolFlag{Name: "no-memory", Usage: "neither use nor update the translation memory in OUT/.bitext"},
		&cli.DurationFlag{Name: "wait", Value: 10 * time.Second, Usage: "how long to wait for another bitext working on the same --out"},
		&cli.BoolFlag{Name: "dry-run", Usage: "count the characters each file would send and estimate the cost, without translating"},
	}, backendFlags()...)
	return &cli.Command{
		Name:      "translate",
		Usage:     "translate articles and write the English and bilingual outputs",
		ArgsUsage: "PATH...",
		Description: `PATH is an article (.txt or .md), a folder of articles, or - for standard
input (the English is then printed to standard output).

An input NAME.fr.EXT gives OUT/NAME.en.EXT, plus OUT/NAME.bilingual.html,
OUT/NAME.bilingual.md, OUT/NAME.bilingual.txt and OUT/NAME.json as --format
asks.

Examples:
   bitext translate samples/seoul-sommet-energie.fr.txt --out out/
   bitext translate --format html,md,txt,json --glossary samples/glossary.csv samples/
   cat article.fr.txt | bitext translate -
   bitext translate --backend deepl --dry-run articles/`,
		Flags:        flags,
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			opts, err := parseTranslateOptions(c, env)
			if err != nil {
				return err
			}
			return runTranslate(c.Context, env, opts)
		},
	}
}

func parseTranslateOptions(c *cli.Context, env *Env) (*translateOptions, error) {
	if c.NArg() == 0 {
		return nil, usagef(c, "no input: give an article, a folder or - for standard input")
	}
	backend, err := parseBackendOptions(c, env)
	if err != nil {
		return nil, err
	}
	opts := &translateOptions{
		From:       c.String("from"),
		To:         c.String("to"),
		Backend:    backend,
		Glossaries: c.StringSlice("glossary"),
		Strict:     c.Bool("strict"),
		Out:        c.String("out"),
		Jobs:       c.Int("jobs"),
		Quiet:      c.Bool("quiet"),
		Paths:      c.Args().Slice(),
		Include:    c.StringSlice("include"),
		Exclude:    c.StringSlice("exclude"),
		Report:     c.String("report"),
		DryRun:     c.Bool("dry-run"),
		Width:      env.Width,
		NoMemory:   c.Bool("no-memory"),
		LockWait:   c.Duration("wait"),
		OutSet:     c.IsSet("out"),
	}
	opts.OnlyStdin = true
	for _, p := range opts.Paths {
		opts.OnlyStdin = opts.OnlyStdin && p == "-"
	}
	for _, f := range strings.Split(c.String("format"), ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !slices.Contains(outputFormats, f) {
			return nil, usagef(c, "unknown format %q in --format (choose from %s)", f, strings.Join(outputFormats, ", "))
		}
		opts.Formats = append(opts.Formats, f)
	}
	switch f := c.String("input-format"); f {
	case "":
	case "txt", "text":
		opts.InputFormat = translate.FormatText
	case "md", "markdown":
		opts.InputFormat = translate.FormatMarkdown
	default:
		return nil, usagef(c, "unknown --input-format %q (choose txt or md)", f)
	}
	if opts.Jobs < 0 {
		return nil, usagef(c, "--jobs must be 1 or more")
	}
	if opts.From == opts.To {
		return nil, usagef(c, "--from and --to are both %q", opts.From)
	}
	return opts, nil
}

// runTranslate translates every input; a failing file is reported and the
// others go on.
func runTranslate(ctx context.Context, env *Env, opts *translateOptions) error {
	inputs, err := findInputs(opts)
	if err != nil {
		return err
	}
	tr, err := newTranslator(ctx, env, opts)
	if err != nil {
		return err
	}
	defer tr.Close()
	if opts.DryRun {
		return tr.dryRun(ctx, inputs)
	}
	if opts.Report != "" {
		if tr.report, err = newReportWriter(opts.Report); err != nil {
			return err
		}
	}
	sum := tr.translateAll(ctx, inputs)
	return tr.finish(ctx, sum)
}

// translateAll runs the inputs, opts.Jobs files at a time.
func (tr *translator) translateAll(ctx context.Context, inputs []input) *summary {
	sum := &summary{Started: tr.env.Now()}
	tr.progress.setTotal(len(inputs))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(tr.fileJobs())
	var mu sync.Mutex
	for _, in := range inputs {
		g.Go(func() error {
			if gctx.Err() != nil {
				return nil
			}
			res := tr.translateFile(gctx, in)
			mu.Lock()
			defer mu.Unlock()
			sum.add(res)
			if tr.report != nil {
				tr.report.add(res)
			}
			tr.progress.fileDone(res)
			return nil
		})
	}
	_ = g.Wait()
	sum.Elapsed = tr.env.Now().Sub(sum.Started)
	return sum
}

// fileResult is the outcome of one input.
type fileResult struct {
	Path       string          `json:"path"`
	Outputs    []string        `json:"outputs,omitempty"`
	Status     string          `json:"status"` // translated, unchanged, failed, interrupted
	Error      string          `json:"error,omitempty"`
	Stats      translate.Stats `json:"stats"`
	Violations []string        `json:"glossary_violations,omitempty"`
	// Fidelity lists the segments whose translation did not keep what it
	// must (a figure, an address, a link), as "path:line: warning".
	Fidelity []string      `json:"fidelity_warnings,omitempty"`
	Warnings []string      `json:"warnings,omitempty"`
	Elapsed  time.Duration `json:"elapsed_ns"`
	err      error
}

func (tr *translator) translateFile(ctx context.Context, in input) fileResult {
	start := tr.env.Now()
	res := fileResult{Path: in.display()}
	doc, err := tr.read(in)
	if err == nil {
		res.Warnings = doc.Warnings
		res.Stats, err = tr.pipeline.Translate(ctx, doc)
		if err != nil {
			err = fmt.Errorf("%s: %w", in.display(), err)
		}
	}
	changed := true
	if err == nil {
		res.Violations = tr.check(doc)
		res.Fidelity = fidelityWarnings(doc)
		res.Outputs, changed, err = tr.writeOutputs(in, doc)
	}
	res.Elapsed = tr.env.Now().Sub(start)
	res.Status = "translated"
	if !changed && res.Stats.Sent == 0 {
		res.Status = "unchanged"
	}
	switch {
	case err != nil && ctx.Err() != nil:
		// Ctrl-C: not this file's fault; the rerun resumes it.
		res.Status = "interrupted"
	case err != nil:
		res.Status, res.Error, res.err = "failed", err.Error(), err
	}
	return res
}

// finish prints the summary, writes the report and picks the exit status.
func (tr *translator) finish(ctx context.Context, sum *summary) error {
	tr.progress.done(sum)
	if tr.report != nil {
		if err := tr.report.finish(sum); err != nil {
			return err
		}
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if sum.Failed > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d of %d inputs failed", sum.Failed, sum.Files)}
	}
	if tr.opts.Strict && (sum.Violations > 0 || sum.Fidelity > 0) {
		return &exitError{code: 1, msg: fmt.Sprintf("%d glossary violations, %d fidelity warnings (--strict)", sum.Violations, sum.Fidelity)}
	}
	return nil
}

// readAllLimited reads r, refusing inputs over limit bytes.
func readAllLimited(r io.Reader, name string, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: larger than %d MB; split it into articles", name, limit>>20)
	}
	return data, nil
}

var errNoInput = errors.New("no articles found")
