package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/bitext/bitext/batch"
	"github.com/bitext/bitext/engine"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/outdir"
)

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
	settings := engine.Settings{From: opts.From, To: opts.To, Glossary: gloss}
	if opts.DryRun {
		return dryRun(ctx, env, opts, settings, inputs)
	}
	eng, err := engine.New(ctx, opts.Backend, settings)
	if err != nil {
		return err
	}
	defer eng.Close()
	r := &batch.Runner{Engine: eng, Out: opts.Out, Formats: opts.Formats, InputFormat: opts.InputFormat,
		Width: opts.Width, Jobs: opts.Jobs, Now: env.Now, Stdin: env.In, Stdout: env.Out}
	if !opts.OnlyStdin || opts.OutSet {
		f, err := outdir.Open(ctx, opts.Out, outdir.Options{Wait: opts.LockWait, Memory: opts.Memory})
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
	var rep *batch.ReportWriter
	if opts.Report != "" {
		var err error
		if rep, err = batch.NewReportWriter(opts.Report); err != nil {
			return err
		}
	}
	r.OnFile = func(res batch.Result) {
		if rep != nil {
			rep.Add(res)
		}
		prog.fileDone(res)
	}
	sum, err := r.Run(ctx, inputs)
	prog.done(sum)
	if rep != nil {
		if rerr := rep.Finish(sum); rerr != nil {
			return rerr
		}
	}
	switch {
	case err != nil:
		return err
	case sum.Failed > 0:
		return &exitError{code: 1, msg: fmt.Sprintf("%d of %d inputs failed", sum.Failed, sum.Files)}
	case opts.Strict && (sum.Violations > 0 || sum.Fidelity > 0):
		return &exitError{code: 1, msg: fmt.Sprintf("%s, %s (--strict)", plural(sum.Violations, "glossary violation"), plural(sum.Fidelity, "fidelity warning"))}
	}
	return nil
}

// dryRun runs every input through the pipeline with an engine that sends
// nothing, against the output folder's memory (read, never written), and
// prints what a real run would send, in the words of its summary, with
// the cost.
func dryRun(ctx context.Context, env *Env, opts *translateOptions, s engine.Settings, inputs []batch.Input) error {
	eng, err := engine.NewDryRun(ctx, opts.Backend, s)
	if err != nil {
		return err
	}
	r := &batch.Runner{Engine: eng, Out: opts.Out, InputFormat: opts.InputFormat, Jobs: 1, Now: env.Now, Stdin: env.In, DryRun: true}
	if !opts.NoMemory && (!opts.OnlyStdin || opts.OutSet) {
		f, err := outdir.Open(ctx, opts.Out, outdir.Options{ReadOnly: true, Memory: opts.Memory})
		switch {
		case err == nil:
			defer f.Close()
			r.Folder = f
			eng.UseMemory(f.Memory, engine.MemoryOptions{ReadOnly: true})
		case !errors.Is(err, outdir.ErrNoMemory):
			return err
		}
	}
	failed := 0
	r.OnFile = func(res batch.Result) {
		if res.Err != nil {
			fmt.Fprintf(env.Err, "bitext: error: %s\n", words(res.Err))
			failed++
			return
		}
		fmt.Fprintf(env.Out, "%s: %s; %s\n", res.Path, segmentWords(res.Stats.Segments, res.Stats.FromMemory, res.Stats.Sent, res.Stats.Chars, "to send"), formatCost(opts.Backend, res.Stats.Chars))
	}
	sum, err := r.Run(ctx, inputs)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Out, "total, %s: %s; %s\n", plural(sum.Files, "file"), segmentWords(sum.Segments, sum.FromMemory, sum.Sent, sum.Chars, "to send"), formatCost(opts.Backend, sum.Chars))
	if failed > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d of %d inputs failed", failed, len(inputs))}
	}
	return nil
}

// segmentWords is the part of a summary that counts segments: "11
// segments (6 from memory, 5 sent, 1335 characters)".
func segmentWords(segs, fromMemory, sent, chars int, sentWord string) string {
	return fmt.Sprintf("%s (%d from memory, %d %s, %s)", plural(segs, "segment"), fromMemory, sent, sentWord, plural(chars, "character"))
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
		return nil, err
	}
	if picked {
		fmt.Fprintf(env.Err, "bitext: using glossary ./%s (%s) from the current folder; --glossary FILE chooses another\n", filepath.Base(paths[0]), plural(g.Len(), "term"))
	}
	return g, nil
}
