package main

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/bitext/bitext/engine"
	"github.com/bitext/bitext/internal/table"
	"github.com/bitext/bitext/translate"
	"github.com/urfave/cli/v2"
)

func newBackendsCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "backends",
		Usage:     "list the translation backends, their settings and whether they are configured",
		ArgsUsage: "[NAME...]",
		Description: `One row per backend: its kind (local: on this machine or your own server,
no charge; remote: an online service), its price, and whether the settings
it needs are present; below, what it is and its options (--option
KEY=VALUE, or options: in the configuration file). NAME lists only those.

Examples:
   bitext backends
   bitext backends deepl
   bitext backends --check          # also send a test sentence to each configured backend`,
		Flags: append([]cli.Flag{
			&cli.BoolFlag{Name: "check", Usage: "translate a test sentence with each configured backend"},
		}, withoutFlag(withoutFlag(backendFlags(env), "backend"), "price")...),
		Action: func(c *cli.Context) error {
			infos, err := backendsNamed(env, c.Args().Slice())
			if err != nil {
				return usagef(c, "%s", err)
			}
			o, err := backendOptions(c, env)
			if err != nil {
				return err
			}
			if err := engine.CheckFile(engineEnv(env), o.File); err != nil {
				return err
			}
			return runBackends(c.Context, env, o, infos, c.Bool("check"))
		},
	}
}

// backendsNamed returns the backends named (all without names).
func backendsNamed(env *Env, names []string) ([]translate.BackendInfo, error) {
	if len(names) == 0 {
		return env.Registry.List(), nil
	}
	var out []translate.BackendInfo
	for _, n := range names {
		info, err := env.Registry.Find(n)
		if err != nil {
			return nil, err
		}
		out = append(out, info)
	}
	return out, nil
}

func runBackends(ctx context.Context, env *Env, o engine.BackendOptions, infos []translate.BackendInfo, check bool) error {
	width := outputWidth(env)
	t := &table.Table{Width: width, Cols: []string{"NAME", "KIND", "PRICE", "STATUS"}}
	for _, info := range infos {
		status, detail := backendStatus(ctx, env, o, info, check)
		row := []string{info.Name, info.Kind.String(), priceWords(info), status}
		var notes []table.Note
		if detail != "" {
			notes = append(notes, table.Note{Text: detail})
		}
		if !check {
			notes = append(notes, describe(info)...)
		}
		t.Add(row, notes)
	}
	_, err := fmt.Fprint(env.Out, t.String())
	return err
}

// priceWords is a backend's published price, short.
func priceWords(info translate.BackendInfo) string {
	switch {
	case info.Kind == translate.Local:
		return "free"
	case info.Price.IsZero():
		return "not published"
	}
	return fmt.Sprintf("%s %s/M chars", strconv.FormatFloat(info.Price.PerMillion, 'f', -1, 64), info.Price.Currency)
}

// describe is what a backend is and the options it takes (--option
// KEY=VALUE), one note each.
func describe(info translate.BackendInfo) []table.Note {
	out := []table.Note{{Text: info.Description}}
	if len(info.Env) > 0 {
		out = append(out, table.Note{Text: "environment: " + strings.Join(info.Env, " ")})
	}
	keys, w := make([]string, len(info.Options)), 0
	for i, o := range info.Options {
		keys[i] = o.Name + "=" + o.Placeholder()
		w = max(w, len(keys[i]))
	}
	for i, o := range info.Options {
		text := o.Help
		if v := o.Valid(); v != "" && o.Type != translate.Choice && o.Type != translate.Bool {
			text += "; " + v
		}
		if o.Default != "" {
			text += " (default: " + o.Default + ")"
		}
		if o.Env != "" {
			text += " [$" + o.Env + "]"
		}
		out = append(out, table.Note{Prefix: fmt.Sprintf("  %-*s  ", w, keys[i]), Text: text})
	}
	return out
}

// backendStatus says whether a backend's settings are present (and, with
// check, whether it answers), with the details below the row.
func backendStatus(ctx context.Context, env *Env, o engine.BackendOptions, info translate.BackendInfo, check bool) (string, string) {
	p := engine.ProbeBackend(ctx, engineEnv(env), o, info, check)
	switch {
	case !p.Configured && p.Err != nil:
		return "not configured", notConfigured.ReplaceAllString(words(p.Err), "")
	case p.Err != nil && check:
		return "not answering", words(p.Err)
	case p.Err != nil:
		return "error", words(p.Err)
	case check:
		return "ok", fmt.Sprintf("Bonjour. → %q", p.Answer)
	}
	return "configured", ""
}

// notConfigured is the start of a not-configured error, which the status
// says already.
var notConfigured = regexp.MustCompile(`^[\w-]+: backend not configured: `)

// outputWidth is the width of standard output: the terminal's, else
// $COLUMNS, else 120.
func outputWidth(env *Env) int {
	if env.Width > 0 {
		return env.Width
	}
	if n, err := strconv.Atoi(env.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return 120
}
