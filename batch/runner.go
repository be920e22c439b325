package batch

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/bitext/bitext/bilingual"
	"github.com/bitext/bitext/engine"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/translate"
)

// MaxInput is the largest article read (a guard against feeding bitext a
// whole archive by mistake).
const MaxInput = 64 << 20

// Runner translates articles and writes their outputs.
type Runner struct {
	// Engine translates; required.
	Engine *engine.Engine
	// Folder is the output folder, open (locked, with its memory); nil
	// for standard input without an output folder, whose English goes to
	// Stdout.
	Folder *outdir.Folder
	// Out is the output folder's path.
	Out string
	// Formats are the bilingual outputs to write besides the working copy.
	Formats []bilingual.Format
	// InputFormat, when set, overrides the format the extension gives.
	InputFormat translate.Format
	// Width is the terminal width for the two-column text output.
	Width int
	// Jobs is how many articles are translated at once (default: 4 for
	// remote backends; for local ones twice the number of CPUs, at least
	// 4, so that the engine's requests can be gathered while it works).
	Jobs int
	// Now returns the current time; Stdin and Stdout are standard input
	// and output.
	Now    func() time.Time
	Stdin  io.Reader
	Stdout io.Writer
	// OnFile, when set, is called with each article's result as it
	// finishes, one call at a time.
	OnFile func(Result)
	// DryRun reads and runs each article through the pipeline and writes
	// nothing (the engine is NewDryRun's): the results count what a real
	// run would send.
	DryRun bool
}

// Result is the outcome of one input.
type Result struct {
	Path       string          `json:"path"`
	Outputs    []string        `json:"outputs,omitempty"`
	Status     string          `json:"status"` // translated, written, unchanged, failed, interrupted, not started
	Error      string          `json:"error,omitempty"`
	Stats      translate.Stats `json:"stats"`
	Violations []string        `json:"glossary_violations,omitempty"`
	// Fidelity lists the segments whose translation did not keep what it
	// must (a figure, an address, a link), as "path:line: warning".
	Fidelity []string      `json:"fidelity_warnings,omitempty"`
	Warnings []string      `json:"warnings,omitempty"`
	Elapsed  time.Duration `json:"elapsed_ns"`
	// Err is the error behind Status "failed".
	Err error `json:"-"`
}

// Summary is what a run did.
type Summary struct {
	Started     time.Time     `json:"started"`
	Elapsed     time.Duration `json:"elapsed_ns"`
	Files       int           `json:"files"`
	Translated  int           `json:"translated"`
	Written     int           `json:"written"`
	Skipped     int           `json:"skipped"`
	Failed      int           `json:"failed"`
	Interrupted int           `json:"interrupted,omitempty"`
	NotStarted  int           `json:"not_started,omitempty"`
	Segments    int           `json:"segments"`
	FromMemory  int           `json:"segments_from_memory"`
	Sent        int           `json:"segments_sent"`
	Chars       int           `json:"characters_sent"`
	Violations  int           `json:"glossary_violations"`
	Fidelity    int           `json:"fidelity_warnings"`
}

func (s *Summary) add(r Result) {
	s.Files++
	switch r.Status {
	case "failed":
		s.Failed++
	case "unchanged":
		s.Skipped++
	case "written":
		s.Written++
	case "interrupted":
		s.Interrupted++
	case "not started":
		s.NotStarted++
	default:
		s.Translated++
	}
	s.Segments += r.Stats.Segments
	s.FromMemory += r.Stats.FromMemory
	s.Sent += r.Stats.Sent
	s.Chars += r.Stats.Chars
	s.Violations += len(r.Violations)
	s.Fidelity += len(r.Fidelity)
}

// Run translates the inputs, Jobs at a time. A failing input is reported
// and the others go on; after an error that stops the run no new input
// starts (they are reported "not started") and Run returns that error.
func (r *Runner) Run(ctx context.Context, inputs []Input) (*Summary, error) {
	sum := &Summary{Started: r.Now()}
	sem := make(chan struct{}, r.jobs())
	var wg sync.WaitGroup
	var mu sync.Mutex
	report := func(res Result) {
		mu.Lock()
		defer mu.Unlock()
		sum.add(res)
		if r.OnFile != nil {
			r.OnFile(res)
		}
	}
	for _, in := range inputs {
		sem <- struct{}{}
		if ctx.Err() != nil || r.Engine.Pipeline.Halted() != nil {
			<-sem
			report(Result{Path: in.Display(), Status: "not started"})
			continue
		}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			report(r.translateFile(ctx, in))
		}()
	}
	wg.Wait()
	sum.Elapsed = r.Now().Sub(sum.Started)
	if err := r.Engine.Pipeline.Halted(); err != nil {
		return sum, err
	}
	return sum, ctx.Err()
}

// jobs is how many files are translated at once: r.Jobs when set, 4 for a
// remote backend (its rate limit decides), else eight per CPU and at least
// 32, so that a local engine always has the next articles' requests queued
// (the coalescer gathers them) while bitext writes the last ones' outputs
// (measured in docs/BENCHMARKS.md), and at most 256.
func (r *Runner) jobs() int {
	switch {
	case r.Jobs > 0:
		return r.Jobs
	case r.Engine.Info.Kind == translate.Remote:
		return 4
	}
	return min(256, max(32, 8*runtime.NumCPU()))
}

func (r *Runner) translateFile(ctx context.Context, in Input) Result {
	start := r.Now()
	res := Result{Path: in.Display()}
	doc, err := r.Read(in)
	changed := true
	if err == nil {
		res.Warnings = doc.Warnings
		if r.Folder != nil && in.Path != "-" {
			doc.Name = outdir.ArticleFor(r.Out, in.Path, in.Rel, r.Engine.Settings.From, r.Engine.Settings.To, string(doc.Format)).Name
		}
		res.Stats, err = r.Engine.Translate(ctx, doc)
		if err != nil {
			err = fmt.Errorf("%s: %w", in.Display(), err)
		}
	}
	if err == nil && !r.DryRun {
		res.Violations = check(r.Engine.Settings.Glossary, doc)
		res.Fidelity = fidelityWarnings(doc)
		var w written
		w, err = r.write(ctx, in, doc)
		res.Outputs, changed = w.paths, w.changed
		res.Warnings = append(res.Warnings, w.warnings...)
	}
	res.Elapsed = r.Now().Sub(start)
	res.Status = status(changed, res.Stats)
	switch {
	case err != nil && ctx.Err() != nil:
		res.Status = "interrupted" // Ctrl-C: the rerun resumes it
	case err != nil:
		res.Status, res.Error, res.Err = "failed", err.Error(), err
	}
	return res
}

// status says what a run did with an article: "translated" when it sent
// segments to the backend, "written" when it wrote the outputs again from
// the memory alone, "unchanged" when nothing needed doing.
func status(changed bool, st translate.Stats) string {
	switch {
	case st.Sent > 0:
		return "translated"
	case changed:
		return "written"
	}
	return "unchanged"
}

// Read loads and segments one input.
func (r *Runner) Read(in Input) (*translate.Document, error) {
	if in.Err != nil {
		return nil, fmt.Errorf("%s: %w", in.Path, in.Err)
	}
	var data []byte
	var err error
	if in.Path == "-" {
		data, err = ReadAllLimited(r.Stdin, "<stdin>", MaxInput)
	} else {
		data, err = ReadFileLimited(in.Path)
	}
	if err != nil {
		return nil, err
	}
	if r.InputFormat != "" {
		return translate.ReadFormat(in.Path, data, r.InputFormat)
	}
	return translate.Read(in.Path, data)
}

// ReadFileLimited reads a file of at most MaxInput bytes.
func ReadFileLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	return ReadAllLimited(f, path, MaxInput)
}

// ReadAllLimited reads r, refusing inputs over limit bytes.
func ReadAllLimited(r io.Reader, name string, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: larger than %d MB; split it into articles", name, limit>>20)
	}
	return data, nil
}

// check lists the glossary terms missing from the translation. Blocks
// that are not translated (code blocks) are not checked, as glossary check
// does not check them.
func check(g *glossary.Glossary, doc *translate.Document) []string {
	if g == nil {
		return nil
	}
	var out []string
	for _, b := range doc.Blocks {
		if !b.Translatable() {
			continue
		}
		for _, s := range b.Segments {
			if s.Backend == translate.Deleted {
				continue
			}
			for _, v := range g.Check(s.Source, s.Target, s.Markup) {
				out = append(out, fmt.Sprintf("%s:%d: %s", doc.Path, s.Line, v))
			}
		}
	}
	return out
}

// fidelityWarnings lists the fidelity warnings of a translated document,
// one per warning, as "path:line: warning".
func fidelityWarnings(doc *translate.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		for _, s := range b.Segments {
			if s.Fidelity == nil || s.Backend == translate.Deleted {
				continue
			}
			for _, w := range s.Fidelity.Warnings {
				out = append(out, fmt.Sprintf("%s:%d: %s", doc.Path, s.Line, w))
			}
		}
	}
	for _, m := range doc.Meta {
		if m.Fidelity != nil {
			for _, w := range m.Fidelity.Warnings {
				out = append(out, fmt.Sprintf("%s: front matter %s: %s", doc.Path, m.Key, w))
			}
		}
	}
	return out
}
