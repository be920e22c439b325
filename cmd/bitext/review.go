package main

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/bitext/bitext/engine"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/review"
	"github.com/bitext/bitext/translate"
	"github.com/urfave/cli/v2"
)

// reviewOptions are the settings diff, review and publish share.
type reviewOptions struct {
	From, To   string
	Glossaries []string
	Paths      []string
	By         string
	// Memory is a shared memory's URL ("" for each folder's own).
	Memory string
}

// reviewFlags are the flags diff, review and publish share.
func reviewFlags() []cli.Flag {
	return []cli.Flag{
		languageFlag("from", "fr", "source"),
		languageFlag("to", "en", "target"),
		&cli.StringSliceFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` to check pending segments against (default: ./glossary.*)"},
		&cli.StringFlag{Name: "editor", Usage: "the editor's `NAME`, recorded with each approval (default: $BITEXT_EDITOR_NAME, else the login name)"},
		memoryFlag(),
	}
}

func parseReviewOptions(c *cli.Context, env *Env) (*reviewOptions, error) {
	if c.NArg() == 0 {
		return nil, usagef(c, "name a working copy (OUT/NAME.en.txt) or an output folder")
	}
	from, to, err := languages(c)
	if err != nil {
		return nil, err
	}
	o := &reviewOptions{From: from, To: to, Glossaries: c.StringSlice("glossary"), Paths: c.Args().Slice()}
	o.By = cmp.Or(c.String("editor"), env.Getenv("BITEXT_EDITOR_NAME"), env.Getenv("USER"), env.Getenv("LOGNAME"))
	o.Memory, err = memoryLocation(c, env)
	return o, err
}

// openArticles opens every article the paths name, each against the
// translation memory of its output folder. lock holds the folders' locks
// (for commands that write). stores.files has the articles' files, in the
// same order.
func openArticles(ctx context.Context, env *Env, o *reviewOptions, lock bool) ([]*review.Article, *reviewStores, error) {
	gloss, err := loadGlossary(env, o.Glossaries)
	if err != nil {
		return nil, nil, err
	}
	return openArticlesWith(ctx, o, gloss, lock)
}

// openArticlesWith is openArticles with the glossary already loaded.
func openArticlesWith(ctx context.Context, o *reviewOptions, gloss *glossary.Glossary, lock bool) ([]*review.Article, *reviewStores, error) {
	stores := &reviewStores{ctx: ctx, folders: outdir.Folders{Options: outdir.Options{ReadOnly: !lock, Memory: o.Memory}}}
	var out []*review.Article
	for _, p := range o.Paths {
		found, err := outdir.Locate(p, o.To)
		if err != nil {
			stores.Close()
			return nil, nil, err
		}
		for _, w := range found {
			a, err := openArticle(ctx, stores, o, w, gloss)
			if err != nil {
				stores.Close()
				return nil, nil, err
			}
			out = append(out, a)
			stores.files = append(stores.files, w)
		}
	}
	return out, stores, nil
}

func openArticle(ctx context.Context, stores *reviewStores, o *reviewOptions, art outdir.Article, gloss *glossary.Glossary) (*review.Article, error) {
	store, err := stores.get(art.Out)
	if err != nil {
		return nil, err
	}
	st, err := outdir.ReadState(art.StatePath())
	if err != nil {
		return nil, err
	}
	opts := review.Options{From: o.From, To: o.To, Store: store, By: o.By, Doc: art.Name, Check: checkFunc(gloss)}
	return review.Open(ctx, art.Work(), st.Doc, opts)
}

// checkFunc lists what review and diff show on a segment: the glossary's
// violations and the fidelity warnings of its current English (a figure
// changed, an address lost), whoever wrote it.
func checkFunc(gloss *glossary.Glossary) func(source, target string, markup bool) []string {
	return func(source, target string, markup bool) []string {
		var out []string
		if gloss != nil {
			for _, v := range gloss.Check(source, target, markup) {
				out = append(out, "glossary: "+v.String())
			}
		}
		if f := translate.CheckFidelity(source, target, markup); f != nil {
			for _, w := range f.Warnings {
				out = append(out, "fidelity: "+w)
			}
		}
		return out
	}
}

func newReviewCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "review",
		Usage:     "approve or fix the machine's English, segment by segment",
		ArgsUsage: "PATH...",
		Description: `PATH is a working copy written by translate (OUT/NAME.en.txt or .md) or an
output folder. The review goes through the segments that need a decision:
new machine output, edits not yet approved, fuzzy memory matches and
glossary problems. Every decision is saved at once in the translation
memory (OUT/.bitext/memory.db) and the working copy.

On a terminal it opens a full-screen review (keys: a approve, e edit,
E edit in $EDITOR, r revert, t re-translate (with the backend flags and
--config, as translate), n/p next/previous, u undo,
/ search, ? help, q quit). With --plain, or when standard input is not a
terminal, it prints each pending segment with its diff and reads one
command per line: a (approve), e TEXT (replace and approve), r (revert to
the machine draft), s (skip), q (quit).

Examples:
   bitext review out/
   printf 'a\ne The corrected sentence.\nq\n' | bitext review --plain out/x.en.txt
   bitext review --stats out/`,
		Flags: append(append(reviewFlags(),
			&cli.BoolFlag{Name: "plain", Usage: "line-oriented review reading commands from standard input"},
			&cli.BoolFlag{Name: "stats", Usage: "print the share of segments edited and the word edit rate per document and backend"},
		), withoutFlag(backendFlags(env), "price")...),
		Action: func(c *cli.Context) error {
			o, err := parseReviewOptions(c, env)
			if err != nil {
				return err
			}
			bo, err := backendOptions(c, env)
			if err != nil {
				return err
			}
			sel, err := engine.Select(engineEnv(env), bo)
			if err != nil {
				return commandHint(c, err)
			}
			switch {
			case c.Bool("stats"):
				return runReviewStats(c.Context, env, o)
			case c.Bool("plain") || !env.InTTY:
				return runReviewPlain(c.Context, env, o)
			}
			return runReviewTUI(c.Context, env, o, bo, sel)
		},
	}
}

// runReviewPlain runs the line-oriented review on standard input.
func runReviewPlain(ctx context.Context, env *Env, o *reviewOptions) error {
	articles, stores, err := openArticles(ctx, env, o, true)
	if err != nil {
		return err
	}
	defer stores.Close()
	p := &review.Plain{In: env.In, Out: env.Out, Prompt: env.Err, Style: diffStyle(env, "auto"), ParseEdit: review.ParseEdit}
	n, err := p.Run(ctx, articles)
	if err != nil {
		return err
	}
	return reportPending(env, articles, n)
}

// reportPending prints what is left to do after a review.
func reportPending(env *Env, articles []*review.Article, decisions int) error {
	pending := 0
	for _, a := range articles {
		pending += len(a.Pending())
	}
	fmt.Fprintf(env.Err, "bitext: %d decisions saved; %d segments pending\n", decisions, pending)
	return nil
}

// runReviewStats prints edit statistics per document and backend, then
// totals per backend.
func runReviewStats(ctx context.Context, env *Env, o *reviewOptions) error {
	articles, stores, err := openArticles(ctx, env, o, false)
	if err != nil {
		return err
	}
	defer stores.Close()
	var rows []review.EditStats
	for _, a := range articles {
		rows = append(rows, a.Stats()...)
	}
	tw := tabwriter.NewWriter(env.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DOCUMENT\tBACKEND\tSEGMENTS\tAPPROVED\tEDITED\tWORD EDIT RATE")
	for _, r := range rows {
		writeStatsRow(tw, r.Document, r)
	}
	for _, r := range review.TotalStats(rows) {
		writeStatsRow(tw, "total", r)
	}
	return tw.Flush()
}

func writeStatsRow(tw *tabwriter.Writer, doc string, r review.EditStats) {
	fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.0f%%\t%.1f%% (%d/%d words)\n", doc, r.Backend, r.Units, r.Approved,
		100*r.EditedShare(), 100*r.EditRate(), r.WordEdits, r.Words)
}

// editorCommand returns the user's editor: $VISUAL, $EDITOR, else vi.
func editorCommand(env *Env) string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := env.Getenv(v); e != "" {
			return e
		}
	}
	if _, err := os.Stat("/usr/bin/editor"); err == nil {
		return "/usr/bin/editor"
	}
	return "vi"
}
