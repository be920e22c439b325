package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/bitext/bitext/internal/atomicfile"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/outdir"
	"github.com/urfave/cli/v2"
)

// memoryOptions are the settings of the memory subcommands.
type memoryOptions struct {
	Out  string        // output folder holding .bitext/memory.db
	File string        // TMX file to write or read ("-": standard output or input)
	Wait time.Duration // how long import waits for another bitext
	JSON bool          // stats as JSON
}

func memoryOutFlag() cli.Flag {
	return &cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "bitext-out", Usage: "output `DIR` whose memory (DIR/.bitext/memory.db) to use"}
}

func newMemoryCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "memory",
		Usage: "export, import and count the translation memory",
		Description: `The translation memory of an output folder (OUT/.bitext/memory.db) keeps every
machine translation and every approved one, so that reruns only send new or
changed sentences. It exchanges TMX 1.4b with OmegaT, Trados and memoQ.

Examples:
   bitext memory stats --out out/
   bitext memory export --tmx depeches.tmx --out out/
   bitext memory import --out out/ omegat/project_save.tmx`,
		Subcommands: []*cli.Command{
			newMemoryExportCommand(env),
			newMemoryImportCommand(env),
			newMemoryStatsCommand(env),
		},
	}
}

func newMemoryExportCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write the memory as a TMX 1.4b file",
		Description: `Every entry is written, machine translations (marked x-bitext-status
machine) and approved ones. FILE - writes to standard output.

Example:
   bitext memory export --tmx depeches.tmx --out out/`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "tmx", Usage: "TMX `FILE` to write"},
			memoryOutFlag(),
		},
		Action: func(c *cli.Context) error {
			switch {
			case c.NArg() > 0:
				return outArgument(c, "--tmx "+cmp.Or(c.String("tmx"), "FILE"))
			case c.String("tmx") == "":
				return usagef(c, "give the file to write with --tmx FILE")
			}
			return runMemoryExport(c.Context, env, memoryOptions{Out: c.String("out"), File: c.String("tmx")})
		},
	}
}

func newMemoryImportCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "add the translations of a TMX file to the memory",
		ArgsUsage: "FILE",
		Description: `Translations are imported as approved ones (they win over machine output)
unless the file marks them x-bitext-status machine. Language tags are
reduced to their primary subtag (FR-FR becomes fr). The import is one
transaction: a broken file imports nothing. FILE - reads standard input.

Example:
   bitext memory import --out out/ omegat/project_save.tmx`,
		Flags: []cli.Flag{
			memoryOutFlag(),
			waitFlag(),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef(c, "name one TMX file to import")
			}
			return runMemoryImport(c.Context, env, memoryOptions{Out: c.String("out"), File: c.Args().First(), Wait: c.Duration("wait")})
		},
	}
}

func newMemoryStatsCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "stats",
		Usage: "count the memory's sentences, translations and approvals",
		Description: `For each backend, REVIEWED counts approved sentences whose machine draft it
made, EDITED the share of them the reviewer changed, and WORD EDIT RATE the
word-level edit distance from its drafts to the approved texts per approved
word (like HTER).

Example:
   bitext memory stats --out out/`,
		Flags: []cli.Flag{
			memoryOutFlag(),
			&cli.BoolFlag{Name: "json", Usage: "print the figures as JSON"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return outArgument(c, "")
			}
			return runMemoryStats(c.Context, env, memoryOptions{Out: c.String("out"), JSON: c.Bool("json")})
		},
	}
}

// outArgument refuses a folder given as an argument to a command that
// takes it with --out, showing the command to type.
func outArgument(c *cli.Context, flags string) error {
	arg := c.Args().First()
	return usagef(c, "unexpected argument %q: name the output folder with --out, as in: %s", arg,
		strings.Join(strings.Fields(commandPath(c)+" "+flags+" --out "+arg), " "))
}

// openExisting opens the memory of out for reading, refusing to create
// one.
func openExisting(ctx context.Context, out string) (*memory.Store, error) {
	f, err := outdir.Open(ctx, out, outdir.Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	return f.Memory, nil
}

func runMemoryExport(ctx context.Context, env *Env, o memoryOptions) (err error) {
	store, err := openExisting(ctx, o.Out)
	if err != nil {
		return err
	}
	defer closeInto(store, &err)
	if o.File == "-" {
		return store.ExportTMX(ctx, env.Out)
	}
	pr, pw := io.Pipe()
	done := make(chan struct{})
	go func() {
		defer close(done)
		pw.CloseWithError(store.ExportTMX(ctx, pw))
	}()
	err = atomicfile.WriteFrom(o.File, pr, 0o644)
	pr.CloseWithError(err) // unblocks the export if the write failed
	<-done
	if err != nil {
		return err
	}
	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Err, "bitext: wrote %s: %d translations of %d sentences\n", o.File, st.Machine+st.Approved, st.Sentences)
	return nil
}

func runMemoryImport(ctx context.Context, env *Env, o memoryOptions) (err error) {
	in := env.In
	if o.File != "-" {
		f, err := os.Open(o.File)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	f, err := outdir.Open(ctx, o.Out, outdir.Options{Wait: o.Wait})
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	store := f.Memory
	st, err := store.ImportTMX(ctx, in)
	if err != nil {
		return fmt.Errorf("%s: %w", o.File, err)
	}
	fmt.Fprintf(env.Out, "%s: %d added, %d updated, %d unchanged, %d skipped\n", o.File, st.Added, st.Updated, st.Unchanged, st.Skipped)
	return nil
}

func runMemoryStats(ctx context.Context, env *Env, o memoryOptions) (err error) {
	store, err := openExisting(ctx, o.Out)
	if err != nil {
		return err
	}
	defer closeInto(store, &err)
	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	if o.JSON {
		enc := json.NewEncoder(env.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	return printMemoryStats(env.Out, st)
}

func printMemoryStats(w io.Writer, st memory.Stats) error {
	fmt.Fprintf(w, "%s: %d sentences, %d machine translations, %d approved, %d approvals in history (%s)\n",
		st.Path, st.Sentences, st.Machine, st.Approved, st.Edits, memorySize(st.Bytes))
	if !st.Oldest.IsZero() {
		fmt.Fprintf(w, "written from %s to %s\n", st.Oldest.Format(time.DateTime), st.Newest.Format(time.DateTime))
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if len(st.Pairs) > 0 {
		fmt.Fprintln(tw, "\nPAIR\tSENTENCES\tMACHINE\tAPPROVED")
		for _, p := range st.Pairs {
			fmt.Fprintf(tw, "%s→%s\t%d\t%d\t%d\n", p.From, p.To, p.Sentences, p.Machine, p.Approved)
		}
	}
	if len(st.Backends) > 0 {
		fmt.Fprintln(tw, "\nBACKEND\tMACHINE\tREVIEWED\tEDITED\tWORD EDIT RATE")
		for _, b := range st.Backends {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%.0f%%\t%.1f%%\n", b.Backend, b.Machine, b.Reviewed, 100*b.EditedShare(), 100*b.WordEditRate)
		}
	}
	return tw.Flush()
}

// memorySize formats a size in bytes.
func memorySize(n int64) string {
	if n < 1e6 {
		return fmt.Sprintf("%d kB", (n+500)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

// closeInto closes store, keeping the first error in *err.
func closeInto(store *memory.Store, err *error) {
	if cerr := store.Close(); *err == nil {
		*err = cerr
	}
}
