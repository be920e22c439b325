package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/bitext/bitext/batch"
	"github.com/schollz/progressbar/v3"
)

// progress shows a run's progress: a bar on a terminal, a line per file
// otherwise, nothing with --quiet. Errors are always printed.
type progress struct {
	mu    sync.Mutex
	err   io.Writer
	quiet bool
	bar   *progressbar.ProgressBar
	segs  int
	chars int
}

func newProgress(env *Env, opts *translateOptions) *progress {
	p := &progress{err: env.Err, quiet: opts.Quiet}
	if env.ErrTTY && !opts.Quiet {
		p.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(env.Err),
			progressbar.OptionSetDescription("translating"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowElapsedTimeOnFinish(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

// setTotal tells the bar how many files there are.
func (p *progress) setTotal(files int) {
	if p.bar != nil {
		p.bar.ChangeMax(files)
	}
}

// segments is the pipeline's progress callback.
func (p *progress) segments(n, chars int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.segs += n
	p.chars += chars
	if p.bar != nil {
		p.bar.Describe(fmt.Sprintf("translating: %d segments, %d characters", p.segs, p.chars))
	}
}

// fileDone reports one finished input: its errors, warnings and glossary
// violations always (above the bar on a terminal), and a line of its own
// when there is no bar.
func (p *progress) fileDone(r batch.Result) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Clear()
	}
	if r.Err != nil {
		fmt.Fprintf(p.err, "bitext: error: %s\n", words(r.Err))
	}
	if !p.quiet {
		for _, w := range r.Warnings {
			fmt.Fprintf(p.err, "bitext: warning: %s\n", w)
		}
		for _, v := range r.Violations {
			fmt.Fprintf(p.err, "bitext: glossary: %s\n", v)
		}
		for _, w := range r.Fidelity {
			fmt.Fprintf(p.err, "bitext: fidelity: %s\n", w)
		}
	}
	switch {
	case p.bar != nil:
		p.bar.Add(1)
	case !p.quiet && r.Err == nil && r.Status != "interrupted" && r.Status != "not started":
		fmt.Fprintf(p.err, "%s: %s, %s in %s\n", r.Path, statusWords(r.Status),
			segmentWords(r.Stats.Segments, r.Stats.FromMemory, r.Stats.Sent, r.Stats.Chars, "sent"), r.Elapsed.Round(time.Millisecond))
	}
}

// done prints the run's summary.
func (p *progress) done(s *batch.Summary) {
	if p.bar != nil {
		p.bar.Finish()
	}
	if p.quiet {
		return
	}
	interrupted := ""
	if s.Interrupted > 0 {
		interrupted = fmt.Sprintf(", %d interrupted", s.Interrupted)
	}
	if s.NotStarted > 0 {
		interrupted += fmt.Sprintf(", %d not started", s.NotStarted)
	}
	fmt.Fprintf(p.err, "%s: %d translated, %d written from the memory, %d unchanged, %d failed%s; %s; %s\n",
		plural(s.Files, "file"), s.Translated, s.Written, s.Skipped, s.Failed, interrupted,
		segmentWords(s.Segments, s.FromMemory, s.Sent, s.Chars, "sent"), s.Elapsed.Round(time.Millisecond))
}

// statusWords says what happened to one article.
func statusWords(status string) string {
	if status == "written" {
		return "written from the memory"
	}
	return status
}
