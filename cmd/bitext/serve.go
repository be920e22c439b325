package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/bitext/bitext/engine"
	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/serve"
	"github.com/urfave/cli/v2"
)

func newServeCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "review in the browser: serve an output folder's articles",
		ArgsUsage: "OUT",
		Description: `Serves the articles of the output folder OUT for review in a browser and
prints the address to open, with its access token, alone on a line:
http://127.0.0.1:8750/?token=… (the token is new each time). The page opens
on the first article with segments to decide on: French and English side by
side, the word diff against the machine draft, glossary terms; approve,
edit, revert and re-translate (keys j/k, a, e, r, t, u as in the terminal).
Every decision is saved at once in the translation memory and the working
copy, as 'bitext review' saves it; the page follows changes other editors
and translate runs make. A JSON API under /api/ serves scripts (see the
README). Ctrl-C stops the server.

It listens on loopback only: an --addr other machines can reach needs
--allow-remote (anyone with the address and token can then edit; there is
no HTTPS).

Examples:
   bitext serve out/
   bitext serve --addr 127.0.0.1:0 out/      # a free port
   bitext serve --glossary terms.csv --backend deepl out/   # t re-translates with DeepL`,
		Flags: append(append(reviewFlags(),
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8750", Usage: "`HOST:PORT` to listen on (port 0: a free one)"},
			&cli.BoolFlag{Name: "allow-remote", Usage: "allow an --addr other machines can reach (prints a warning)"},
		), withoutFlag(backendFlags(env), "price")...),
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef(c, "name one output folder (the --out of bitext translate)")
			}
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
			err = runServe(c.Context, env, o, bo, sel, c.String("addr"), c.Bool("allow-remote"))
			if errors.Is(err, serve.ErrNotLoopback) {
				return usagef(c, "%v: add --allow-remote to serve it anyway", err)
			}
			return err
		},
	}
}

// runServe serves the output folder o.Paths[0] until ctx is done.
func runServe(ctx context.Context, env *Env, o *reviewOptions, bo engine.BackendOptions, sel *engine.Selection, addr string, allowRemote bool) error {
	out := o.Paths[0]
	if fi, err := os.Stat(out); err != nil || !fi.IsDir() {
		return fmt.Errorf("%s is not an output folder: name the --out folder of bitext translate", out)
	}
	gloss, err := loadGlossary(env, o.Glossaries)
	if err != nil {
		return err
	}
	// The memory is opened without the folder's lock, which the server
	// takes for each decision only, so that translate runs can go on.
	f, err := outdir.Open(ctx, out, outdir.Options{ReadOnly: true, Memory: o.Memory})
	if err != nil {
		return err
	}
	defer f.Close()
	rt := &retranslator{env: env, opts: bo, first: sel, settings: engine.Settings{From: o.From, To: o.To, Glossary: gloss, Jobs: 1}}
	defer rt.Close()
	var names []string // re-translate offers the configured backends, as the terminal review does
	for _, b := range configuredBackends(ctx, env, bo, sel.Info.Name) {
		names = append(names, b.Name)
	}
	var lock func(context.Context) (func() error, error) // default: the folder's file lock
	if o.Memory != "" {
		// On a shared memory the folder is locked in the memory too, by
		// its identity, as translate on another machine locks it.
		lock = func(ctx context.Context) (func() error, error) {
			lf, err := outdir.Open(ctx, out, outdir.Options{Wait: 5 * time.Second, Memory: o.Memory})
			if err != nil {
				return nil, err
			}
			return lf.Close, nil
		}
	}
	srv, err := serve.New(serve.Options{Out: out, Lock: lock, Memory: f.Memory, From: o.From, To: o.To, Glossary: gloss, Check: checkFunc(gloss), By: o.By,
		Backends: names, Retranslate: rt.translate, Log: env.Err})
	if err != nil {
		return err
	}
	ln, remote, err := serve.Listen(addr, allowRemote)
	if err != nil {
		return err
	}
	if remote {
		fmt.Fprintf(env.Err, "bitext: warning: %s is reachable from other machines: anyone with the address and its token can edit, and nothing is encrypted (no HTTPS)\n", ln.Addr())
	}
	fmt.Fprintf(env.Err, "bitext: serving %s for review on %s; open this address in a browser (Ctrl-C stops):\n", out, ln.Addr())
	fmt.Fprintln(env.Out, srv.URL(ln.Addr()))
	if err := srv.Serve(ctx, ln); err != nil {
		return err
	}
	fmt.Fprintln(env.Err, "bitext: stopped serving; every decision was saved")
	return nil
}
