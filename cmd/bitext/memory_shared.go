package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/bitext/bitext/engine"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/postgres"
	"github.com/bitext/bitext/outdir"
	"github.com/urfave/cli/v2"
)

// memoryFlag selects a memory shared by a desk.
func memoryFlag() cli.Flag {
	return &cli.StringFlag{Name: "memory", Usage: "translation memory shared by the desk: a PostgreSQL `URL` (postgres://user@host/db); " +
		"default $BITEXT_MEMORY, else memory: in the configuration file, else OUT/.bitext/memory.db"}
}

// memoryLocation returns the shared memory a command uses: --memory, else
// $BITEXT_MEMORY, else the configuration file's memory:; "" for the
// output folder's own.
func memoryLocation(c *cli.Context, env *Env) (string, error) {
	loc, from := c.String("memory"), "--memory"
	if !c.IsSet("memory") {
		loc, from = env.Getenv("BITEXT_MEMORY"), "BITEXT_MEMORY"
	}
	if loc == "" {
		cfg, err := engine.LoadConfig(env.Getenv, c.String("config"))
		if err != nil {
			return "", err
		}
		loc, from = cfg.Memory.Value, fmt.Sprintf("memory: in %s:%d", cfg.Path, cfg.Memory.Line)
	}
	if loc != "" && !postgres.IsURL(loc) {
		return "", usagef(c, "%s must be a PostgreSQL URL (postgres://user@host/db), not %q; an output folder's own memory is chosen with --out",
			from, postgres.Redact(loc))
	}
	return loc, nil
}

func newMemoryMigrateCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "migrate",
		Usage: "move a whole memory into an empty one: SQLite to PostgreSQL, or back",
		Description: `--from and --to are each a PostgreSQL URL, an output folder (its
OUT/.bitext/memory.db) or a memory file. Every machine translation, approval
(with its history and editor) and occurrence record (drafts, alternatives,
deletions) is copied, in one transaction, into a destination that must be
empty; the counts are checked against the source's and reported. The source
is left as it was. An output folder's lock is held while its memory is read
or written.

Examples:
   bitext memory migrate --from out/ --to postgres://desk@db.example/bitext
   bitext memory migrate --from postgres:///bitext?host=/run/postgresql --to backup.db`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "from", Usage: "the memory to copy: `URL`, output folder or file"},
			&cli.StringFlag{Name: "to", Usage: "the empty memory to fill: `URL`, output folder or file"},
			waitFlag(),
		},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.String("from") == "" || c.String("to") == "" || c.NArg() > 0 {
				return usagef(c, "give the memory to copy with --from and the empty one to fill with --to")
			}
			return runMemoryMigrate(c.Context, env, c.String("from"), c.String("to"), c.Duration("wait"))
		},
	}
}

func runMemoryMigrate(ctx context.Context, env *Env, from, to string, wait time.Duration) (err error) {
	if !postgres.IsURL(from) {
		if _, err := os.Stat(from); err != nil {
			return fmt.Errorf("--from %s: %w", from, errors.Unwrap(err))
		}
	}
	src, closeSrc, err := openLocation(ctx, from, wait)
	if err != nil {
		return err
	}
	defer closeInto(closeSrc, &err)
	dst, closeDst, err := openLocation(ctx, to, wait)
	if err != nil {
		return err
	}
	defer closeInto(closeDst, &err)
	n, err := dst.Load(ctx, src)
	if err != nil {
		return err
	}
	if err := sameCounts(ctx, src, dst); err != nil {
		return err
	}
	fmt.Fprintf(env.Out, "moved %d machine translations, %d approved, %d approvals in history and %d occurrence records\nfrom %s\nto   %s\n",
		n.Machine, n.Approved, n.Edits, n.Occurrences, displayLocation(from), displayLocation(to))
	return nil
}

// openLocation opens a memory to migrate: an output folder with its lock,
// else a file or a database.
func openLocation(ctx context.Context, loc string, wait time.Duration) (memory.Memory, func() error, error) {
	if fi, err := os.Stat(loc); err == nil && fi.IsDir() {
		f, err := outdir.Open(ctx, loc, outdir.Options{Wait: wait})
		if err != nil {
			return nil, nil, err
		}
		return f.Memory, f.Close, nil
	}
	m, err := outdir.OpenMemory(ctx, loc)
	if err != nil {
		return nil, nil, err
	}
	return m, m.Close, nil
}

// sameCounts checks the destination against the source after a migration.
func sameCounts(ctx context.Context, src, dst memory.Memory) error {
	a, err := src.Stats(ctx)
	if err != nil {
		return err
	}
	b, err := dst.Stats(ctx)
	if err != nil {
		return err
	}
	if a.Sentences != b.Sentences || a.Machine != b.Machine || a.Approved != b.Approved || a.Edits != b.Edits {
		return fmt.Errorf("the copy differs from the source (%d/%d/%d/%d sentences, machine, approved, approvals against %d/%d/%d/%d)",
			b.Sentences, b.Machine, b.Approved, b.Edits, a.Sentences, a.Machine, a.Approved, a.Edits)
	}
	return nil
}

// displayLocation is a location as messages show it: without password.
func displayLocation(loc string) string {
	if postgres.IsURL(loc) {
		return postgres.Redact(loc)
	}
	return loc
}
