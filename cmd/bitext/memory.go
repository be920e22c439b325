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
	Out    string        // output folder holding .bitext/memory.db
	Memory string        // a shared memory's URL, used instead of Out's
	File   string        // TMX file to write or read ("-": standard output or input)
	Wait   time.Duration // how long import waits for another bitext
	JSON   bool          // stats as JSON
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
changed sentences. A desk shares one on PostgreSQL with --memory URL (or
$BITEXT_MEMORY, or memory: in the configuration file). It exchanges TMX 1.4b
with OmegaT, Trados and memoQ.

Examples:
   bitext memory stats --out out/
   bitext memory export --tmx depeches.tmx --out out/
   bitext memory import --out out/ omegat/project_save.tmx
   bitext memory migrate --from out/ --to postgres://desk@db.example/bitext`,
		Subcommands: []*cli.Command{
			newMemoryExportCommand(env),
			newMemoryImportCommand(env),
			newMemoryStatsCommand(env),
			newMemoryMigrateCommand(env),
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
			memoryFlag(),
		},
		Action: func(c *cli.Context) error {
			switch {
			case c.NArg() > 0:
				return outArgument(c, "--tmx "+cmp.Or(c.String("tmx"), "FILE"))
			case c.String("tmx") == "":
				return usagef(c, "give the file to write with --tmx FILE")
			}
			o, err := parseMemoryOptions(c, env, memoryOptions{File: c.String("tmx")})
			if err != nil {
				return err
			}
			return runMemoryExport(c.Context, env, o)
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
			memoryFlag(),
			waitFlag(),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef(c, "name one TMX file to import")
			}
			o, err := parseMemoryOptions(c, env, memoryOptions{File: c.Args().First(), Wait: c.Duration("wait")})
			if err != nil {
				return err
			}
			return runMemoryImport(c.Context, env, o)
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
			memoryFlag(),
			&cli.BoolFlag{Name: "json", Usage: "print the figures as JSON"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return outArgument(c, "")
			}
			o, err := parseMemoryOptions(c, env, memoryOptions{JSON: c.Bool("json")})
			if err != nil {
				return err
			}
			return runMemoryStats(c.Context, env, o)
		},
	}
}

// parseMemoryOptions completes o with the folder or the shared memory
// the command names.
func parseMemoryOptions(c *cli.Context, env *Env, o memoryOptions) (memoryOptions, error) {
	o.Out = c.String("out")
	var err error
	o.Memory, err = memoryLocation(c, env)
	return o, err
}

// outArgument refuses a folder given as an argument to a command that
// takes it with --out, showing the command to type.
func outArgument(c *cli.Context, flags string) error {
	arg := c.Args().First()
	return usagef(c, "unexpected argument %q: name the output folder with --out, as in: %s", arg,
		strings.Join(strings.Fields(commandPath(c)+" "+flags+" --out "+arg), " "))
}

// openExisting opens the shared memory, else the memory of o.Out for
// reading, refusing to create one.
func openExisting(ctx context.Context, o memoryOptions) (memory.Memory, error) {
	if o.Memory != "" {
		return outdir.OpenMemory(ctx, o.Memory)
	}
	f, err := outdir.Open(ctx, o.Out, outdir.Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	return f.Memory, nil
}

func runMemoryExport(ctx context.Context, env *Env, o memoryOptions) (err error) {
	store, err := openExisting(ctx, o)
	if err != nil {
		return err
	}
	defer closeInto(store.Close, &err)
	if o.File == "-" {
		return memory.WriteTMX(ctx, store, env.Out)
	}
	pr, pw := io.Pipe()
	done := make(chan struct{})
	go func() {
		defer close(done)
		pw.CloseWithError(memory.WriteTMX(ctx, store, pw))
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
	store, done, err := openToWrite(ctx, o)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := done(); err == nil {
			err = cerr
		}
	}()
	st, err := store.ImportTMX(ctx, in)
	if err != nil {
		return fmt.Errorf("%s: %w", o.File, err)
	}
	fmt.Fprintf(env.Out, "%s: %d added, %d updated, %d unchanged, %d skipped\n", o.File, st.Added, st.Updated, st.Unchanged, st.Skipped)
	return nil
}

// openToWrite opens the shared memory, else the output folder's, holding
// the folder's lock; done closes it.
func openToWrite(ctx context.Context, o memoryOptions) (memory.Memory, func() error, error) {
	if o.Memory != "" {
		m, err := outdir.OpenMemory(ctx, o.Memory)
		if err != nil {
			return nil, nil, err
		}
		return m, m.Close, nil
	}
	f, err := outdir.Open(ctx, o.Out, outdir.Options{Wait: o.Wait})
	if err != nil {
		return nil, nil, err
	}
	return f.Memory, f.Close, nil
}

func runMemoryStats(ctx context.Context, env *Env, o memoryOptions) (err error) {
	store, err := openExisting(ctx, o)
	if err != nil {
		return err
	}
	defer closeInto(store.Close, &err)
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

// closeInto runs close, keeping the first error in *err.
func closeInto(close func() error, err *error) {
	if cerr := close(); *err == nil {
		*err = cerr
	}
}
