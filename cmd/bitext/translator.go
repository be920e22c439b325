package main

import (
	"context"
	"fmt"
	"path/filepath"
	"unicode/utf8"

	"github.com/bitext/bitext/batch"
	"github.com/bitext/bitext/engine"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/translate"
)

// engineEnv is what the engine reads from env.
func engineEnv(env *Env) engine.Env {
	return engine.Env{Getenv: env.Getenv, Registry: env.Registry}
}

// newEngine builds the backend and pipeline a command translates with,
// printing the backend's waits (Retry-After) on standard error.
func newEngine(ctx context.Context, env *Env, o engine.BackendOptions, s engine.Settings) (*engine.Engine, error) {
	o.Remote.OnWait = waitNotice(env)
	return engine.New(ctx, engineEnv(env), o, s)
}

// runTranslate translates every input; a failing file is reported and the
// others go on.
func runTranslate(ctx context.Context, env *Env, opts *translateOptions) error {
	inputs, err := batch.Find(opts.Paths, batch.FindOptions{Out: opts.Out, Include: opts.Include, Exclude: opts.Exclude})
	if err != nil {
		return err
	}
	gloss, err := loadGlossary(env, opts.Glossaries)
	if err != nil {
		return err
	}
	if opts.DryRun {
		return dryRun(ctx, env, opts, inputs)
	}
	eng, err := newEngine(ctx, env, opts.Backend, engine.Settings{From: opts.From, To: opts.To, Glossary: gloss})
	if err != nil {
		return err
	}
	defer eng.Close()
	r := &batch.Runner{Engine: eng, Out: opts.Out, Formats: opts.Formats, InputFormat: opts.InputFormat,
		Width: opts.Width, Jobs: opts.Jobs, Now: env.Now, Stdin: env.In, Stdout: env.Out}
	if !opts.OnlyStdin || opts.OutSet {
		f, err := outdir.Open(ctx, opts.Out, outdir.Options{Wait: opts.LockWait})
		if err != nil {
			return err
		}
		defer f.Close()
		r.Folder = f
		eng.UseMemory(f.Memory, engine.MemoryOptions{NoMachine: opts.NoMemory})
	}
	return translateAll(ctx, env, opts, r, inputs)
}

// translateAll runs the batch, showing progress and writing --report.
func translateAll(ctx context.Context, env *Env, opts *translateOptions, r *batch.Runner, inputs []batch.Input) error {
	prog := newProgress(env, opts)
	prog.setTotal(len(inputs))
	r.Engine.Pipeline.Progress = prog.segments
	var rep *reportWriter
	if opts.Report != "" {
		var err error
		if rep, err = newReportWriter(opts.Report); err != nil {
			return err
		}
	}
	r.OnFile = func(res batch.Result) {
		if rep != nil {
			rep.add(res)
		}
		prog.fileDone(res)
	}
	sum, err := r.Run(ctx, inputs)
	prog.done(sum)
	if rep != nil {
		if rerr := rep.finish(sum); rerr != nil {
			return rerr
		}
	}
	switch {
	case err != nil:
		return err
	case sum.Failed > 0:
		return &exitError{code: 1, msg: fmt.Sprintf("%d of %d inputs failed", sum.Failed, sum.Files)}
	case opts.Strict && (sum.Violations > 0 || sum.Fidelity > 0):
		return &exitError{code: 1, msg: fmt.Sprintf("%d glossary violations, %d fidelity warnings (--strict)", sum.Violations, sum.Fidelity)}
	}
	return nil
}

// dryRun reports what each file would send and cost, without translating.
func dryRun(ctx context.Context, env *Env, opts *translateOptions, inputs []batch.Input) error {
	o := opts.Backend.For(engine.DefaultBackend(engineEnv(env), opts.Backend))
	info, err := engine.Lookup(engineEnv(env), o.Name)
	if err != nil {
		return err
	}
	r := &batch.Runner{InputFormat: opts.InputFormat, Stdin: env.In}
	total, failed := 0, 0
	for _, in := range inputs {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		doc, err := r.Read(in)
		if err != nil {
			fmt.Fprintf(env.Err, "bitext: error: %s\n", err)
			failed++
			continue
		}
		n := sourceChars(doc)
		total += n
		fmt.Fprintf(env.Out, "%s\t%d characters\t%s\n", in.Display(), n, formatCost(info, n, o.Price))
	}
	fmt.Fprintf(env.Out, "total\t%d characters\t%s\n", total, formatCost(info, total, o.Price))
	if failed > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d of %d inputs failed", failed, len(inputs))}
	}
	return nil
}

// sourceChars counts the characters of the French sentences of doc and of
// the alt texts and titles of their markup, which go to the backend as
// segments of their own.
func sourceChars(doc *translate.Document) int {
	n := 0
	for _, b := range doc.Blocks {
		if b.Translatable() {
			for _, s := range b.Segments {
				n += utf8.RuneCountInString(s.Source)
			}
		}
	}
	for _, f := range translate.AttrFields(doc) {
		n += utf8.RuneCountInString(f.Value)
	}
	return n
}

// loadGlossary loads the --glossary files, or ./glossary.* when none is
// given (and says so on standard error, with the number of terms); nil
// when there is neither.
func loadGlossary(env *Env, paths []string) (*glossary.Glossary, error) {
	picked := len(paths) == 0
	if picked {
		p, ok := glossary.FindDefault(env.Dir)
		if !ok {
			return nil, nil
		}
		paths = []string{p}
	}
	g, err := glossary.Load(paths...)
	if err != nil {
		return nil, fmt.Errorf("glossary: %w", err)
	}
	if picked {
		fmt.Fprintf(env.Err, "bitext: using glossary ./%s (%d terms) from the current folder; --glossary FILE chooses another\n", filepath.Base(paths[0]), g.Len())
	}
	return g, nil
}
