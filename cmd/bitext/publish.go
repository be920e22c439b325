package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/bitext/bitext/bilingual"
	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/review"
	"github.com/bitext/bitext/translate"
	"github.com/urfave/cli/v2"
)

func newPublishCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "publish",
		Usage:     "write the bilingual outputs from the approved English",
		ArgsUsage: "PATH...",
		Description: `PATH is a working copy written by translate (OUT/NAME.en.txt or .md) or an
output folder. The bilingual outputs beside each working copy
(NAME.bilingual.html, .md, .txt and NAME.json, those that exist, or those
--format names) are written again from the approved English; a segment
never approved shows its machine draft, never unapproved edits. The
working copy is rewritten in the article's layout, keeping every edit.

With --approved-only only the articles whose every segment is approved
are published; the others are listed with the number of segments still
pending and left as they are (the status is 0: 'bitext diff --exit-code'
says whether anything is pending).

Examples:
   bitext publish out/
   bitext publish --approved-only --format html out/seoul.en.txt`,
		Flags: append(reviewFlags(),
			&cli.BoolFlag{Name: "approved-only", Usage: "publish only the articles whose every segment is approved, and list the others"},
			&cli.StringFlag{Name: "format", Usage: "bilingual outputs to write: `LIST` of html, md, txt, json (default: those that exist)"},
		),
		Action: func(c *cli.Context) error {
			o, err := parseReviewOptions(c, env)
			if err != nil {
				return err
			}
			formats, err := parseFormats(c)
			if err != nil {
				return err
			}
			return runPublish(c.Context, env, o, formats, c.Bool("approved-only"))
		},
	}
}

func runPublish(ctx context.Context, env *Env, o *reviewOptions, formats []bilingual.Format, approvedOnly bool) error {
	articles, stores, err := openArticles(ctx, env, o, true)
	if err != nil {
		return err
	}
	defer stores.Close()
	held := 0
	for i, a := range articles {
		if n := len(a.Pending()); approvedOnly && n > 0 {
			fmt.Fprintf(env.Err, "bitext: not published: %s (%s pending review)\n", a.WorkPath, plural(n, "segment"))
			held++
			continue
		}
		if err := publishArticle(env, a, stores.files[i], formats); err != nil {
			return err
		}
	}
	if held > 0 {
		fmt.Fprintf(env.Err, "bitext: published %d of %s; 'bitext review' the others, then publish again\n", len(articles)-held, plural(len(articles), "article"))
	}
	return nil
}

// publishArticle writes the working copy and the bilingual outputs.
func publishArticle(env *Env, a *review.Article, files outdir.Article, formats []bilingual.Format) error {
	if err := a.Save(); err != nil {
		return err
	}
	doc := a.Published()
	opts := bilingual.Options{Width: env.Width, HTML: bilingual.HTMLOptions{Backend: backendsOf(doc), Generated: env.Now()}}
	written := []string{a.WorkPath}
	for _, f := range publishFormats(files, formats) {
		path := files.Output(f)
		if err := bilingual.WriteFile(path, f, doc, opts); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		written = append(written, path)
	}
	pending := len(a.Pending())
	fmt.Fprintf(env.Err, "bitext: published %s (%s)", strings.Join(written, ", "), a.Summary())
	if pending > 0 {
		fmt.Fprintf(env.Err, "; %d pending segments show their machine draft", pending)
	}
	fmt.Fprintln(env.Err)
	return nil
}

// publishFormats returns the formats asked for, or those whose file exists.
func publishFormats(files outdir.Article, asked []bilingual.Format) []bilingual.Format {
	if len(asked) > 0 {
		return asked
	}
	var out []bilingual.Format
	for _, f := range bilingual.Formats() {
		if _, err := os.Stat(files.Output(f)); err == nil {
			out = append(out, f)
		}
	}
	return out
}

// backendsOf names the engines of a published document for its footer,
// in order of first use.
func backendsOf(doc *translate.Document) string {
	var names []string
	seen := map[string]bool{}
	for _, b := range doc.Blocks {
		for _, s := range b.Segments {
			if s.Backend != "" && !seen[s.Backend] {
				seen[s.Backend] = true
				names = append(names, s.Backend)
			}
		}
	}
	return strings.Join(names, ", ")
}
