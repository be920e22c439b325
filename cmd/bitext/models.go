package main

import (
	"context"
	"fmt"
	"net/http"
	"text/tabwriter"
	"time"

	"github.com/bitext/bitext/translate/marian/hub"
	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
)

// modelsOptions are the settings of the models subcommands.
type modelsOptions struct {
	Mirror   string
	Revision string
	// HTTP is the client downloads use (nil: the default client).
	HTTP *http.Client
}

func newModelsCommand(env *Env) *cli.Command {
	mirror := &cli.StringFlag{Name: "mirror", Usage: "download from this hub mirror `URL` instead of huggingface.co", EnvVars: []string{"HF_ENDPOINT"}}
	return &cli.Command{
		Name:  "models",
		Usage: "download, list and remove the offline neural models of the marian backend",
		Description: `OPUS-MT models (Helsinki-NLP, CC-BY 4.0, about 300 MB each) are stored in
$XDG_CACHE_HOME/bitext/models (~/.cache/bitext/models). Once fr-en is
installed, 'bitext translate --backend marian' uses it with no network.

Examples:
   bitext models pull fr-en
   bitext models pull Helsinki-NLP/opus-mt-tc-big-fr-en --mirror https://hub.example.org
   bitext models list
   bitext models rm fr-en`,
		Subcommands: []*cli.Command{
			{
				Name:      "pull",
				Usage:     "download a model (NAME such as fr-en, or OWNER/REPO)",
				ArgsUsage: "NAME|REPO",
				Flags:     []cli.Flag{mirror, &cli.StringFlag{Name: "revision", Value: "main", Usage: "branch, tag or commit `REV` to download"}},
				Action: func(c *cli.Context) error {
					if c.NArg() != 1 {
						return usagef(c, "models pull takes one model name, such as fr-en")
					}
					return runModelsPull(c.Context, env, modelsOptions{Mirror: c.String("mirror"), Revision: c.String("revision")}, c.Args().First())
				},
			},
			{
				Name:   "list",
				Usage:  "list installed models with their licence",
				Action: func(c *cli.Context) error { return runModelsList(env) },
			},
			{
				Name:      "rm",
				Usage:     "remove an installed model",
				ArgsUsage: "NAME",
				Action: func(c *cli.Context) error {
					if c.NArg() != 1 {
						return usagef(c, "models rm takes one model name, such as fr-en")
					}
					return runModelsRemove(env, c.Args().First())
				},
			},
		},
	}
}

func runModelsPull(ctx context.Context, env *Env, o modelsOptions, name string) error {
	dir, err := hub.CacheDir(env.Getenv)
	if err != nil {
		return err
	}
	client := &hub.Client{Dir: dir, Base: o.Mirror, Revision: o.Revision, HTTP: o.HTTP, OnProgress: modelProgress(env)}
	info, err := client.Pull(ctx, name)
	if err != nil {
		return fmt.Errorf("failed to pull %s: %w", name, err)
	}
	fmt.Fprintf(env.Out, "installed %s (%s) in %s\n", info.Name, info.Repo, info.Dir)
	if info.Attribution != "" {
		fmt.Fprintf(env.Out, "credit: %s\n", info.Attribution)
	}
	return nil
}

// modelProgress returns the download callback: a bar per file on a
// terminal, a line per finished file otherwise.
func modelProgress(env *Env) func(hub.Progress) {
	var bar *progressbar.ProgressBar
	file := ""
	return func(p hub.Progress) {
		if p.File != file {
			file = p.File
			bar = nil
			if env.ErrTTY {
				total := p.Total
				if total <= 0 {
					total = -1
				}
				bar = progressbar.NewOptions64(total,
					progressbar.OptionSetWriter(env.Err),
					progressbar.OptionSetDescription(p.File),
					progressbar.OptionShowBytes(true),
					progressbar.OptionThrottle(100*time.Millisecond),
					progressbar.OptionOnCompletion(func() { fmt.Fprintln(env.Err) }),
				)
			}
		}
		if bar != nil {
			bar.Set64(p.Done)
		} else if p.Done == p.Total {
			fmt.Fprintf(env.Err, "downloaded %s (%d bytes)\n", p.File, p.Total)
		}
	}
}

func runModelsList(env *Env) error {
	dir, err := hub.CacheDir(env.Getenv)
	if err != nil {
		return err
	}
	models, err := hub.List(dir)
	if err != nil {
		return err
	}
	if len(models) == 0 {
		fmt.Fprintf(env.Err, "no models installed in %s (run: bitext models pull fr-en)\n", dir)
		return nil
	}
	tw := tabwriter.NewWriter(env.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tLANGUAGES\tREPOSITORY\tLICENCE\tCREDIT")
	for _, m := range models {
		langs := "?"
		if m.Source != "" {
			langs = m.Source + "→" + m.Target
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", m.Name, langs, m.Repo, m.License, m.Attribution)
	}
	return tw.Flush()
}

func runModelsRemove(env *Env, name string) error {
	dir, err := hub.CacheDir(env.Getenv)
	if err != nil {
		return err
	}
	if err := hub.Remove(dir, name); err != nil {
		return err
	}
	fmt.Fprintf(env.Out, "removed %s\n", name)
	return nil
}
