package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/bitext/bitext/engine"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
	"github.com/urfave/cli/v2"
)

// backendFlags are shared by every command that translates.
func backendFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "config", Usage: "configuration `FILE` (default: $BITEXT_CONFIG, else ~/.config/bitext/config.yaml)"},
		&cli.StringFlag{Name: "backend", Aliases: []string{"b"}, Usage: "translation `NAME` (see 'bitext backends'; default: marian when a model is installed, else apertium)", EnvVars: []string{"BITEXT_BACKEND"}},
		&cli.StringFlag{Name: "endpoint", Usage: "the backend's server `URL` (a proxy, a self-hosted server)", EnvVars: []string{"BITEXT_ENDPOINT"}},
		&cli.StringFlag{Name: "model", Usage: "model `NAME` or folder, for backends that have several"},
		&cli.IntFlag{Name: "beam", Usage: "marian: beam size `N` (default: the model's)"},
		&cli.StringFlag{Name: "precision", Usage: "marian: `fp32` (exact, the default) or int8 (faster and smaller, slightly less accurate)"},
		&cli.StringSliceFlag{Name: "option", Usage: "backend-specific `KEY=VALUE` setting (repeatable), e.g. project=my-project"},
		&cli.Float64Flag{Name: "price", Value: -1, Usage: "price per million characters for --dry-run (default: the backend's published price)"},
		&cli.Float64Flag{Name: "rps", Usage: "remote backends: at most `N` requests per second over the whole run (0: no limit)"},
		&cli.Float64Flag{Name: "cps", Usage: "remote backends: at most `N` characters per second over the whole run (0: no limit)"},
		&cli.IntFlag{Name: "concurrency", Usage: "remote backends: requests in flight at once (default 4)"},
		&cli.DurationFlag{Name: "timeout", Usage: "remote backends: time limit of one request (default 60s)"},
		&cli.IntFlag{Name: "retries", Usage: "remote backends: retries of a failed request (default 5; -1: none)"},
		&cli.DurationFlag{Name: "max-wait", Usage: "remote backends: longest pause a server may ask for (Retry-After) before the run stops (default 5m)"},
	}
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

// parseBackendOptions reads the backend flags and the configuration file.
func parseBackendOptions(c *cli.Context, env *Env) (engine.BackendOptions, error) {
	file, err := engine.LoadConfig(env.Getenv, c.String("config"))
	if err != nil {
		return engine.BackendOptions{}, err
	}
	o := engine.BackendOptions{
		File:     file,
		Set:      map[string]bool{},
		Name:     c.String("backend"),
		Endpoint: c.String("endpoint"),
		Model:    c.String("model"),
		Options:  map[string]string{},
		Price:    c.Float64("price"),
		Remote: remote.Options{
			Concurrency:       c.Int("concurrency"),
			RequestsPerSecond: c.Float64("rps"),
			CharsPerSecond:    c.Float64("cps"),
			Timeout:           c.Duration("timeout"),
			MaxRetries:        c.Int("retries"),
			MaxWait:           c.Duration("max-wait"),
		},
	}
	for _, kv := range c.StringSlice("option") {
		k, v, _ := strings.Cut(kv, "=")
		o.Options[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	if n := c.Int("beam"); n > 0 {
		o.Options["beam"] = strconv.Itoa(n)
	}
	if p := c.String("precision"); p != "" {
		o.Options["precision"] = p
	}
	for _, name := range []string{"backend", "endpoint", "model", "price", "rps", "cps", "concurrency", "timeout", "retries", "max-wait"} {
		o.Set[name] = c.IsSet(name)
	}
	return o, nil
}

// waitNotice prints a server's request to wait, so that a long pause is
// never silent.
func waitNotice(env *Env) func(remote.Wait) {
	return func(w remote.Wait) {
		fmt.Fprintf(env.Err, "bitext: %s asked to wait %v (HTTP %d); waiting until %s (--max-wait caps this)\n",
			w.Backend, w.For.Round(time.Second), w.Status, w.Until.Format("15:04:05"))
	}
}

// publishedPrices are the list prices per million characters (USD or EUR
// as published) used by --dry-run when --price is not given.
var publishedPrices = map[string]float64{
	"google":    20,
	"google-v3": 20,
	"deepl":     25,
}

func formatCost(info translate.BackendInfo, chars int, override float64) string {
	price, ok := publishedPrices[info.Name]
	if override >= 0 {
		price, ok = override, true
	}
	if !info.Remote || !ok {
		return "no charge (" + info.Name + ")"
	}
	return fmt.Sprintf("about %.4f at %.2f per million characters (%s)", float64(chars)*price/1e6, price, info.Name)
}

func newBackendsCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "backends",
		Usage: "list the translation backends and whether they are configured",
		Description: `Examples:
   bitext backends
   bitext backends --check          # also send a test sentence to each configured backend`,
		Flags: append([]cli.Flag{
			&cli.BoolFlag{Name: "check", Usage: "translate a test sentence with each configured backend"},
		}, withoutFlag(backendFlags(), "backend")...),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			o, err := parseBackendOptions(c, env)
			if err != nil {
				return err
			}
			return runBackends(c.Context, env, o, c.Bool("check"))
		},
	}
}

func runBackends(ctx context.Context, env *Env, o engine.BackendOptions, check bool) error {
	tw := tabwriter.NewWriter(env.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tSTATUS\tENVIRONMENT\tDESCRIPTION")
	for _, info := range env.Registry.List() {
		status := backendStatus(ctx, env, info, o, check)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", info.Name, status, strings.Join(info.Env, " "), info.Description)
	}
	return tw.Flush()
}

func backendStatus(ctx context.Context, env *Env, info translate.BackendInfo, o engine.BackendOptions, check bool) string {
	b, err := info.New(ctx, o.For(info.Name).Config(engineEnv(env)))
	if err != nil {
		if errors.Is(err, translate.ErrNotConfigured) {
			return "not configured"
		}
		return "error: " + err.Error()
	}
	if c, ok := b.(interface{ Close() error }); ok {
		defer c.Close()
	}
	if !check {
		return "configured"
	}
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	req := translate.Request{From: "fr", To: "en", Segments: []string{"Bonjour."}}
	out, err := b.Translate(ctx, req)
	if err == nil {
		err = translate.CheckAnswers(info.Name, req, out)
	}
	if err != nil {
		return "not answering: " + err.Error()
	}
	return fmt.Sprintf("ok (%q)", out[0])
}
