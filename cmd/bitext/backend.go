package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/marian"
	"github.com/bitext/bitext/translate/remote"
	"github.com/urfave/cli/v2"
)

// backendOptions select and configure a backend: the flags, with the
// configuration file's settings for the chosen backend where a flag was
// not given (see forBackend).
type backendOptions struct {
	Name     string
	Endpoint string
	Model    string
	Options  map[string]string
	Price    float64 // per million characters; <0: the published default
	Remote   remote.Options
	// set records which flags were given, file the configuration file.
	set  map[string]bool
	file *fileConfig
}

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

func parseBackendOptions(c *cli.Context, env *Env) (backendOptions, error) {
	file, err := loadConfig(env, c.String("config"))
	if err != nil {
		return backendOptions{}, err
	}
	o := backendOptions{
		file:     file,
		set:      map[string]bool{},
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
	for _, name := range []string{"backend", "endpoint", "model", "price", "rps", "cps", "concurrency", "timeout", "retries"} {
		o.set[name] = c.IsSet(name)
	}
	if o.Name == "" {
		o.Name = file.Backend
	}
	return o, nil
}

// forBackend returns o for the named backend, with the configuration
// file's settings for it where no flag was given.
func (o backendOptions) forBackend(name string) backendOptions {
	o.Name = name
	if o.file == nil {
		return o
	}
	f, ok := o.file.Backends[name]
	if !ok {
		return o
	}
	if !o.set["endpoint"] && f.Endpoint != "" {
		o.Endpoint = f.Endpoint
	}
	if !o.set["model"] && f.Model != "" {
		o.Model = f.Model
	}
	opts := map[string]string{}
	for k, v := range f.Options {
		opts[k] = v
	}
	for k, v := range o.Options {
		opts[k] = v
	}
	o.Options = opts
	if !o.set["price"] && f.Price != nil {
		o.Price = *f.Price
	}
	o.Remote = mergeRemote(o.Remote, f, o.set)
	return o
}

// mergeRemote fills the remote settings no flag gave from the file.
func mergeRemote(r remote.Options, f backendFileConfig, set map[string]bool) remote.Options {
	if !set["rps"] && f.RPS != 0 {
		r.RequestsPerSecond = f.RPS
	}
	if !set["cps"] && f.CPS != 0 {
		r.CharsPerSecond = f.CPS
	}
	if !set["concurrency"] && f.Concurrency != 0 {
		r.Concurrency = f.Concurrency
	}
	if !set["timeout"] && f.Timeout != 0 {
		r.Timeout = f.Timeout
	}
	if !set["retries"] && f.Retries != 0 {
		r.MaxRetries = f.Retries
	}
	return r
}

// defaultBackend picks the backend when --backend is not given: a
// MarianMT model once one is installed ('bitext models pull fr-en'), else
// Apertium.
func defaultBackend(env *Env, o backendOptions) string {
	if marian.Installed(o.forBackend("marian").config(env)) {
		return "marian"
	}
	return "apertium"
}

func (o backendOptions) config(env *Env) translate.Config {
	return translate.Config{Endpoint: o.Endpoint, Model: o.Model, Options: o.Options, Getenv: env.Getenv}
}

func lookupBackend(env *Env, name string) (translate.BackendInfo, error) {
	if name == "" {
		name = "apertium"
	}
	info, ok := env.Registry.Lookup(name)
	if !ok {
		var names []string
		for _, i := range env.Registry.List() {
			names = append(names, i.Name)
		}
		return info, fmt.Errorf("unknown backend %q (choose from %s)", name, strings.Join(names, ", "))
	}
	return info, nil
}

// newBackend builds the selected backend. Remote backends are wrapped so
// that the whole run shares one rate limit and retries failed requests. The
// second result closes what the backend holds (processes, connections).
func newBackend(ctx context.Context, env *Env, o backendOptions) (translate.Backend, translate.BackendInfo, io.Closer, error) {
	if o.Name == "" {
		o.Name = defaultBackend(env, o)
	}
	o = o.forBackend(o.Name)
	info, err := lookupBackend(env, o.Name)
	if err != nil {
		return nil, info, nil, err
	}
	b, err := info.New(ctx, o.config(env))
	if err != nil {
		return nil, info, nil, fmt.Errorf("backend %s: %w", o.Name, err)
	}
	closer, _ := b.(io.Closer)
	if closer == nil {
		closer = nopCloser{}
	}
	if info.Remote {
		b = remote.Wrap(b, o.Remote)
	}
	return b, info, closer, nil
}

type nopCloser struct{}

func (nopCloser) Close() error { return nil }

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

func runBackends(ctx context.Context, env *Env, o backendOptions, check bool) error {
	tw := tabwriter.NewWriter(env.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tSTATUS\tENVIRONMENT\tDESCRIPTION")
	for _, info := range env.Registry.List() {
		status := backendStatus(ctx, env, info, o, check)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", info.Name, status, strings.Join(info.Env, " "), info.Description)
	}
	return tw.Flush()
}

func backendStatus(ctx context.Context, env *Env, info translate.BackendInfo, o backendOptions, check bool) string {
	b, err := info.New(ctx, o.forBackend(info.Name).config(env))
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
	out, err := b.Translate(ctx, translate.Request{From: "fr", To: "en", Segments: []string{"Bonjour."}})
	if err != nil {
		return "not answering: " + err.Error()
	}
	return fmt.Sprintf("ok (%q)", out[0])
}
