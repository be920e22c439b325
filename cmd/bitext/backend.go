package main

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/bitext/bitext/engine"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
	"github.com/urfave/cli/v2"
)

// backendFlags are shared by every command that translates: --config,
// --backend, --option, then a flag for each setting the engine and the
// backends declare (engine.Flags): help, defaults and checks all come
// from the declarations.
func backendFlags(env *Env) []cli.Flag {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "config", Usage: "configuration `FILE` (default: $BITEXT_CONFIG, else ~/.config/bitext/config.yaml)"},
		&cli.StringFlag{Name: "backend", Aliases: []string{"b"}, EnvVars: []string{"BITEXT_BACKEND"},
			Usage: "translation backend `NAME`: " + strings.Join(env.Registry.Names(), ", ") + " (default: marian when a model is installed, else apertium)"},
		&cli.StringSliceFlag{Name: "option", Usage: "a setting of the backend, `KEY=VALUE`, repeatable ('bitext backends' lists each backend's)"},
	}
	for _, o := range engine.Flags(env.Registry) {
		f := &cli.StringFlag{Name: o.Name, Usage: flagUsage(o)}
		if o.Env != "" {
			f.EnvVars = []string{o.Env}
		}
		flags = append(flags, f)
	}
	return flags
}

// flagUsage is a declared setting's help: its words with the value's
// placeholder marked for urfave/cli, the values it takes, and its default
// once.
func flagUsage(o translate.Option) string {
	ph := o.Placeholder()
	u := o.Help
	if loc := regexp.MustCompile(`\b` + regexp.QuoteMeta(ph) + `\b`).FindStringIndex(u); loc != nil {
		u = u[:loc[0]] + "`" + ph + "`" + u[loc[1]:]
		if r := o.Range(); r != "" {
			u += ", " + r
		}
	} else if o.Type == translate.Choice {
		u += ": one of `" + ph + "`"
	} else {
		u += ": `" + ph + "` " + o.Range()
	}
	if o.Default != "" {
		u += " (default: " + o.Default + ")"
	}
	return strings.TrimSpace(u)
}

// withoutFlag returns flags less the one named name.
func withoutFlag(flags []cli.Flag, name string) []cli.Flag {
	var out []cli.Flag
	for _, f := range flags {
		if f.Names()[0] != name {
			out = append(out, f)
		}
	}
	return out
}

// backendOptions reads the backend flags and the configuration file,
// unchecked.
func backendOptions(c *cli.Context, env *Env) (engine.BackendOptions, error) {
	file, err := engine.LoadConfig(env.Getenv, c.String("config"))
	if err != nil {
		return engine.BackendOptions{}, err
	}
	o := engine.BackendOptions{File: file, Name: c.String("backend"), Options: c.StringSlice("option"),
		Flags: map[string]string{}, OnWait: waitNotice(env)}
	for _, s := range engine.Flags(env.Registry) {
		if c.IsSet(s.Name) {
			o.Flags[s.Name] = c.String(s.Name)
		}
	}
	return o, nil
}

// selectBackend reads and checks the backend settings: every mistake is a
// usage error, reported before any work.
func selectBackend(c *cli.Context, env *Env) (*engine.Selection, error) {
	o, err := backendOptions(c, env)
	if err != nil {
		return nil, err
	}
	sel, err := engine.Select(engineEnv(env), o)
	return sel, commandHint(c, err)
}

// commandHint gives a setting error without a hint the command's help as
// its hint.
func commandHint(c *cli.Context, err error) error {
	var se *engine.SettingError
	if errors.As(err, &se) && se.Hint == "" {
		return &usageError{cmd: commandPath(c), msg: words(se.Err)}
	}
	return err
}

// engineEnv is what the engine reads from env.
func engineEnv(env *Env) engine.Env {
	return engine.Env{Getenv: env.Getenv, Registry: env.Registry}
}

// waitNotice prints a server's request to wait, so that a long pause is
// never silent.
func waitNotice(env *Env) func(remote.Wait) {
	return func(w remote.Wait) {
		fmt.Fprintf(env.Err, "bitext: %s asked to wait %v (HTTP %d); waiting until %s (--max-wait caps this)\n",
			w.Backend, w.For.Round(time.Second), w.Status, w.Until.Format("15:04:05"))
	}
}

// formatCost prices n characters with the selection's price.
func formatCost(sel *engine.Selection, n int) string {
	switch {
	case sel.Info.Kind == translate.Local:
		return fmt.Sprintf("no charge (%s runs on your own machine or server)", sel.Info.Name)
	case sel.Price.IsZero():
		return fmt.Sprintf("cost unknown: %s publishes no price per character; give one with --price", sel.Info.Name)
	}
	from := sel.Info.Name + "'s published price"
	if sel.PriceFrom != "published" {
		from = sel.PriceFrom
	}
	cost := fmt.Sprintf("%.2f", sel.Price.Cost(n))
	if sel.Price.Cost(n) < 1 {
		cost = fmt.Sprintf("%.4f", sel.Price.Cost(n))
	}
	return fmt.Sprintf("about %s %s at %s (%s)", cost, sel.Price.Currency, sel.Price, from)
}
