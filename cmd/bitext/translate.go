package main

import (
	"slices"
	"strings"
	"time"

	"github.com/bitext/bitext/bilingual"
	"github.com/bitext/bitext/engine"
	"github.com/bitext/bitext/translate"
	"github.com/urfave/cli/v2"
)

// translateOptions are the settings of one "bitext translate" run.
type translateOptions struct {
	From, To   string
	Backend    engine.BackendOptions
	Glossaries []string
	Strict     bool
	Out        string
	Formats    []bilingual.Format
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
		&cli.BoolFlag{Name: "no-memory", Usage: "translate every sentence afresh: machine translations are neither reused nor stored (approvals and editors' drafts still apply)"},
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
asks. OUT/NAME.en.EXT is the editor's working copy: edits made to it are
kept in the translation memory as drafts and carried into every rerun,
never overwritten (with --no-memory too).

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
		opts.Formats = append(opts.Formats, bilingual.Format(f))
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
