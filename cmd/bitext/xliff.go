package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/bitext/bitext/internal/atomicfile"
	"github.com/bitext/bitext/xliff"
	"github.com/urfave/cli/v2"
)

// xliffOptions are the settings of the xliff subcommands.
type xliffOptions struct {
	review  reviewOptions
	Out     string // the output folder
	File    string // the XLIFF file ("-": standard output or input)
	Version xliff.Version
	DryRun  bool
}

func newXliffCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "xliff",
		Usage: "exchange an output folder's segments with CAT tools as XLIFF",
		Description: `A translator works on the segments of an output folder in a CAT tool
(OmegaT, Okapi, Trados, memoQ): export writes them as XLIFF 2.1 (1.2 with
--version 1.2), import brings the translations back as approvals, exactly
as an editor's in bitext review.

Examples:
   bitext xliff export out/ depeches.xlf
   bitext xliff export --version 1.2 out/ depeches.xlf
   bitext xliff import out/ depeches.xlf`,
		Subcommands: []*cli.Command{newXliffExportCommand(env), newXliffImportCommand(env)},
	}
}

func newXliffExportCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write the segments of an output folder as XLIFF",
		ArgsUsage: "OUT FILE.xlf",
		Description: `One <file> per article, one unit per segment, with the French, the English
and the review state: initial (no English), translated (the machine's),
reviewed (edited, not approved; signed-off in 1.2), final (approved).
Markup is kept as inline codes (<pc>/<ph>; <g>/<x/> in 1.2) the translator
must keep. FILE - writes to standard output.

Example:
   bitext xliff export out/ depeches.xlf`,
		Flags: []cli.Flag{
			languageFlag("from", "fr", "source"),
			languageFlag("to", "en", "target"),
			&cli.StringFlag{Name: "version", Value: "2.1", Usage: "XLIFF `VERSION` to write: 2.1 or 1.2"},
		},
		Action: func(c *cli.Context) error {
			o, err := parseXliffOptions(c, env)
			if err != nil {
				return err
			}
			switch v := xliff.Version(c.String("version")); v {
			case xliff.V21, xliff.V12:
				o.Version = v
			default:
				return usagef(c, "unknown --version %q (choose 2.1 or 1.2)", v)
			}
			return runXliffExport(c.Context, env, o)
		},
	}
}

func newXliffImportCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "approve the translations of an XLIFF file",
		ArgsUsage: "OUT FILE.xlf",
		Description: `Every unit is checked against the article as it is now: the same French,
every inline code of the source kept once, in the same nesting. A unit
whose English differs from bitext's is written to the working copy and
approved; one with the same English is approved when the file marks it
final (1.2: final or approved="yes"), else left as it is. Units that fail
a check are listed by file, unit and line and written nowhere; the import
then ends with status 1. XLIFF 2.x and 1.2 are read, as OmegaT and Okapi
write them. FILE - reads standard input.

Example:
   bitext xliff import out/ depeches.xlf
   bitext xliff import --dry-run out/ depeches.xlf`,
		Flags: []cli.Flag{
			languageFlag("from", "fr", "source"),
			languageFlag("to", "en", "target"),
			&cli.BoolFlag{Name: "dry-run", Usage: "check and count, write nothing"},
		},
		Action: func(c *cli.Context) error {
			o, err := parseXliffOptions(c, env)
			if err != nil {
				return err
			}
			o.DryRun = c.Bool("dry-run")
			return runXliffImport(c.Context, env, o)
		},
	}
}

func parseXliffOptions(c *cli.Context, env *Env) (*xliffOptions, error) {
	if c.NArg() != 2 {
		return nil, usagef(c, "name the output folder and the XLIFF file, as in: %s out/ depeches.xlf", commandPath(c))
	}
	from, to, err := languages(c)
	if err != nil {
		return nil, err
	}
	o := &xliffOptions{Out: c.Args().Get(0), File: c.Args().Get(1)}
	o.review = reviewOptions{From: from, To: to, Paths: []string{o.Out}, By: env.Getenv("BITEXT_EDITOR_NAME")}
	if o.review.By == "" {
		o.review.By = env.Getenv("USER")
	}
	return o, nil
}

// openXliffArticles opens the articles of the output folder, locked when
// lock is set.
func openXliffArticles(ctx context.Context, o *xliffOptions, lock bool) ([]xliff.Article, *reviewStores, error) {
	arts, stores, err := openArticlesWith(ctx, &o.review, nil, lock)
	if err != nil {
		return nil, nil, err
	}
	out := make([]xliff.Article, len(arts))
	for i, a := range arts {
		out[i] = xliff.Article{Name: stores.files[i].Name, Review: a}
	}
	return out, stores, nil
}

func runXliffExport(ctx context.Context, env *Env, o *xliffOptions) error {
	arts, stores, err := openXliffArticles(ctx, o, false)
	if err != nil {
		return err
	}
	defer stores.Close()
	doc, err := xliff.Export(arts, o.review.From, o.review.To, o.Version)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := xliff.Write(&buf, doc); err != nil {
		return err
	}
	if o.File == "-" {
		_, err := env.Out.Write(buf.Bytes())
		return err
	}
	if err := atomicfile.Write(o.File, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(env.Err, "bitext: wrote %s (XLIFF %s): %s\n", o.File, o.Version, exportSummary(doc))
	return nil
}

// exportSummary counts a document's articles and units by state.
func exportSummary(doc *xliff.Document) string {
	units, states := 0, map[xliff.State]int{}
	for _, f := range doc.Files {
		for _, u := range f.Units {
			units++
			states[u.State]++
		}
	}
	return fmt.Sprintf("articles: %d, units: %d (%d initial, %d translated, %d reviewed, %d final)", len(doc.Files), units,
		states[xliff.Initial], states[xliff.Translated], states[xliff.Reviewed], states[xliff.Final])
}

func runXliffImport(ctx context.Context, env *Env, o *xliffOptions) (err error) {
	doc, err := readXliff(env, o.File)
	if err != nil {
		return err
	}
	arts, stores, err := openXliffArticles(ctx, o, !o.DryRun)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := stores.Close(); err == nil {
			err = cerr
		}
	}()
	rep, err := xliff.Import(ctx, doc, arts, xliff.Options{From: o.review.From, To: o.review.To, DryRun: o.DryRun})
	if err != nil {
		return fmt.Errorf("%s: %w", o.File, err)
	}
	return reportImport(env, o, rep)
}

// readXliff reads the XLIFF file name ("-": standard input).
func readXliff(env *Env, name string) (*xliff.Document, error) {
	var in io.Reader = env.In
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		in = f
	}
	doc, err := xliff.Read(in)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return doc, nil
}

// reportImport prints what an import did and each unit it rejected.
func reportImport(env *Env, o *xliffOptions, rep *xliff.Report) error {
	verb := "approved"
	if o.DryRun {
		verb = "would approve"
	}
	for _, r := range rep.Rejected {
		fmt.Fprintf(env.Err, "bitext: %s:%d: %v\n", o.File, r.Line, r)
	}
	fmt.Fprintf(env.Err, "bitext: %s: %s %d units; %d unchanged (not marked final), %d without translation, %d rejected\n",
		o.File, verb, rep.Approved, rep.Unchanged, rep.Untranslated, len(rep.Rejected))
	if len(rep.Rejected) > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d units rejected: fix them in the XLIFF file and import it again", len(rep.Rejected))}
	}
	return nil
}
