package main

import (
	"strings"
	"time"

	"github.com/bitext/bitext/batch"
	"github.com/bitext/bitext/bilingual"
	"github.com/bitext/bitext/engine"
	"github.com/bitext/bitext/translate"
	"github.com/urfave/cli/v2"
)

// translateOptions are the settings of one "bitext translate" run.
type translateOptions struct {
	From, To   string
	Backend    *engine.Selection
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
	Memory     string // a shared memory's URL ("" for OUT/.bitext/memory.db)
	LockWait   time.Duration
	OnlyStdin  bool
	OutSet     bool
	// InputFormat overrides the format the extension gives.
	InputFormat translate.Format
}

func newTranslateCommand(env *Env) *cli.Command {
	flags := append([]cli.Flag{
		languageFlag("from", "fr", "source"),
		languageFlag("to", "en", "target"),
		&cli.StringSliceFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` (CSV, TSV, YAML or TBX; repeatable; default: ./glossary.*)"},
		&cli.BoolFlag{Name: "strict", Usage: "exit with status 1 when a glossary term is missing from a translation or a segment has a fidelity warning"},
		&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "bitext-out", Usage: "output `DIR`"},
		&cli.StringFlag{Name: "input-format", Usage: "read inputs as `FORMAT` txt, md, html or docx whatever their extension (default: from the extension; standard input: txt)"},
		&cli.StringFlag{Name: "format", Value: "html,md", Usage: "bilingual outputs to write: `LIST` of html, md, txt, json"},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "`N` files translated at once, from 1 to 256", DefaultText: "eight per CPU for local backends (at least 32), 4 for remote ones",
			Action: inRange(1, 256, "--jobs must be from 1 to 256")},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"},
		&cli.StringSliceFlag{Name: "include", Usage: "only translate files matching `GLOB` in folders (repeatable)"},
		&cli.StringSliceFlag{Name: "exclude", Usage: "skip files matching `GLOB` in folders (repeatable)"},
		&cli.StringFlag{Name: "report", Usage: "write a machine-readable summary to `FILE.json`"},
		&cli.BoolFlag{Name: "no-memory", Usage: "translate every sentence afresh: machine translations are neither reused nor stored (approvals and editors' drafts still apply)"},
		waitFlag(),
		&cli.BoolFlag{Name: "dry-run", Usage: "count what a real run would send (after the memory and the glossary) and estimate its cost; sends nothing, needs no API key"},
		memoryFlag(),
	}, backendFlags(env)...)
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
		Flags: flags,
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
	for _, p := range c.Args().Slice() {
		if err := batch.Readable(p); err != nil {
			return nil, usagef(c, "%s", err)
		}
	}
	from, to, err := languages(c)
	if err != nil {
		return nil, err
	}
	backend, err := selectBackend(c, env)
	if err != nil {
		return nil, err
	}
	if err := backend.CheckPair(from, to); err != nil {
		return nil, err
	}
	opts := &translateOptions{
		From:       from,
		To:         to,
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
	if opts.Memory, err = memoryLocation(c, env); err != nil {
		return nil, err
	}
	opts.OnlyStdin = true
	for _, p := range opts.Paths {
		opts.OnlyStdin = opts.OnlyStdin && p == "-"
	}
	if opts.Formats, err = parseFormats(c); err != nil {
		return nil, err
	}
	switch f := c.String("input-format"); f {
	case "":
	case "txt", "text":
		opts.InputFormat = translate.FormatText
	case "md", "markdown":
		opts.InputFormat = translate.FormatMarkdown
	case "html", "htm":
		opts.InputFormat = translate.FormatHTML
	case "docx", "word":
		opts.InputFormat = translate.FormatDocx
	default:
		return nil, usagef(c, "unknown --input-format %q (choose txt, md, html or docx)", f)
	}
	return opts, nil
}

// languageFlag is --from or --to.
func languageFlag(name, value, which string) cli.Flag {
	return &cli.StringFlag{Name: name, Value: value, Usage: which + " language `CODE` (ISO 639-1, such as fr, en, de)"}
}

// languages reads --from and --to, which must be language codes and
// differ.
func languages(c *cli.Context) (string, string, error) {
	from, to, err := engine.Languages(c.String("from"), c.String("to"))
	return from, to, commandHint(c, err)
}

// parseFormats reads a --format list of bilingual outputs.
func parseFormats(c *cli.Context) ([]bilingual.Format, error) {
	var out []bilingual.Format
	for _, f := range strings.Split(c.String("format"), ",") {
		if strings.TrimSpace(f) == "" {
			continue
		}
		bf, err := bilingual.ParseFormat(f)
		if err != nil {
			return nil, usagef(c, "--format: %s", err)
		}
		out = append(out, bf)
	}
	return out, nil
}

// waitFlag is --wait: how long to wait for the output folder's lock.
func waitFlag() cli.Flag {
	return &cli.DurationFlag{Name: "wait", Value: 10 * time.Second, Usage: "how long to wait for another bitext working on the same --out, `DURATION` from 0s to 24h",
		Action: inRange(0, 24*time.Hour, "--wait must be from 0s to 24h")}
}
