package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/bitext/bitext/bilingual"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/atomicfile"
	"github.com/bitext/bitext/translate"
)

// maxInput is the largest article bitext reads (a guard against feeding it
// a whole archive by mistake).
const maxInput = 64 << 20

// translator holds what one translate run shares across its files.
type translator struct {
	env      *Env
	opts     *translateOptions
	backend  translate.Backend
	info     translate.BackendInfo
	gloss    *glossary.Glossary
	pipeline *translate.Pipeline
	progress *progress
	report   *reportWriter
	closers  []io.Closer
}

func newTranslator(ctx context.Context, env *Env, opts *translateOptions) (*translator, error) {
	tr := &translator{env: env, opts: opts}
	var err error
	tr.gloss, err = loadGlossary(env, opts.Glossaries)
	if err != nil {
		return nil, err
	}
	if opts.DryRun {
		name := opts.Backend.Name
		if name == "" {
			name = defaultBackend(env, opts.Backend)
		}
		opts.Backend = opts.Backend.forBackend(name)
		tr.info, err = lookupBackend(env, name)
		return tr, err
	}
	var closer io.Closer
	tr.backend, tr.info, closer, err = newBackend(ctx, env, opts.Backend)
	if err != nil {
		return nil, err
	}
	tr.closers = append(tr.closers, closer)
	tr.pipeline, err = newPipeline(ctx, tr.backend, opts.From, opts.To, tr.gloss, true)
	if err != nil {
		tr.Close()
		return nil, err
	}
	if err := tr.useMemory(ctx); err != nil {
		tr.Close()
		return nil, err
	}
	tr.progress = newProgress(env, opts)
	tr.pipeline.Progress = tr.progress.segments
	return tr, nil
}

// newPipeline sets up the pipeline every translating command uses: the
// glossary protects terms (and is uploaded to backends that have native
// glossaries), and English gets English typography unless typography is
// false.
func newPipeline(ctx context.Context, b translate.Backend, from, to string, g *glossary.Glossary, typography bool) (*translate.Pipeline, error) {
	p := &translate.Pipeline{Backend: b, From: from, To: to, Jobs: 2}
	if g != nil {
		p.Protector = glossary.Shield{Glossary: g}
		if gu, ok := b.(translate.GlossaryUser); ok {
			if err := gu.UseGlossary(ctx, from, to, g.Pairs()); err != nil {
				return nil, fmt.Errorf("failed to set up the %s glossary: %w", b.Name(), err)
			}
		}
	}
	if to == "en" && typography {
		p.Finish = translate.EnglishTypography
	}
	return p, nil
}

// useMemory opens the output folder's translation memory, unless
// --no-memory says not to or the only input is standard input with no
// --out given.
func (tr *translator) useMemory(ctx context.Context) error {
	if tr.opts.NoMemory || (tr.opts.OnlyStdin && !tr.opts.OutSet) {
		return nil
	}
	store, closeFn, err := openMemory(ctx, tr.opts.Out, tr.opts.LockWait)
	if err != nil {
		return err
	}
	tr.closers = append(tr.closers, closerFunc(closeFn))
	tr.pipeline.Memory = &tmAdapter{store: store, from: tr.opts.From, to: tr.opts.To, backend: tr.info.Name, gloss: tr.gloss}
	return nil
}

type closerFunc func() error

func (f closerFunc) Close() error { return f() }

// Close stops the backend's processes or connections.
func (tr *translator) Close() {
	for _, c := range tr.closers {
		c.Close()
	}
}

// fileJobs is how many files are translated at once.
func (tr *translator) fileJobs() int {
	if tr.opts.Jobs > 0 {
		return tr.opts.Jobs
	}
	if tr.info.Remote {
		return 4
	}
	return runtime.NumCPU()
}

// read loads and segments one input.
func (tr *translator) read(in input) (*translate.Document, error) {
	if in.Err != nil {
		return nil, fmt.Errorf("%s: %w", in.Path, in.Err)
	}
	var data []byte
	var err error
	if in.Path == "-" {
		data, err = readAllLimited(tr.env.In, "<stdin>", maxInput)
	} else {
		data, err = readFileLimited(in.Path)
	}
	if err != nil {
		return nil, err
	}
	if tr.opts.InputFormat != "" {
		return translate.ReadFormat(in.Path, data, tr.opts.InputFormat)
	}
	return translate.Read(in.Path, data)
}

func readFileLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	return readAllLimited(f, path, maxInput)
}

// check lists the glossary terms missing from the translation. Blocks
// that are not translated (code blocks) are not checked, as glossary check
// does not check them.
func (tr *translator) check(doc *translate.Document) []string {
	if tr.gloss == nil {
		return nil
	}
	var out []string
	for _, b := range doc.Blocks {
		if !b.Translatable() {
			continue
		}
		for _, s := range b.Segments {
			for _, v := range tr.gloss.Check(s.Source, s.Target, s.Markup) {
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
			if s.Fidelity == nil {
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

// writeOutputs writes the English article and the bilingual files, each
// atomically, and returns their paths and whether any of them changed
// (files already holding the same bytes are left alone). Standard input's
// English goes to standard output instead.
func (tr *translator) writeOutputs(in input, doc *translate.Document) ([]string, bool, error) {
	var buf bytes.Buffer
	if err := translate.Write(&buf, doc, translate.TargetSide); err != nil {
		return nil, false, fmt.Errorf("%s: %w", in.display(), err)
	}
	if in.Path == "-" {
		_, err := tr.env.Out.Write(buf.Bytes())
		return []string{"<stdout>"}, true, err
	}
	base := outputBase(tr.opts.Out, in, tr.opts.From)
	ext := "." + string(doc.Format)
	files := []outputFile{{base + "." + tr.opts.To + ext, buf.Bytes()}}
	for _, f := range tr.opts.Formats {
		data, name, err := tr.render(doc, f)
		if err != nil {
			return nil, false, fmt.Errorf("%s: %s output: %w", in.display(), f, err)
		}
		files = append(files, outputFile{base + name, data})
	}
	state, _, err := tr.render(doc, "json")
	if err != nil {
		return nil, false, fmt.Errorf("%s: %w", in.display(), err)
	}
	files = append(files, outputFile{statePath(tr.opts.Out, base), state})
	var paths []string
	// The English article and the state JSON carry the content; the
	// bilingual files also carry the time they were made. When the content
	// is as before, existing files are left alone (and keep their time).
	changed := !sameContent(files[0]) || !sameContent(files[len(files)-1])
	for _, f := range files {
		paths = append(paths, f.path)
		if !changed && exists(f.path) {
			continue
		}
		if err := atomicfile.Write(f.path, f.data, 0o644); err != nil {
			return paths, false, err
		}
	}
	return paths, changed, nil
}

// sameContent reports whether f's file already holds f's bytes.
func sameContent(f outputFile) bool {
	old, err := os.ReadFile(f.path)
	return err == nil && bytes.Equal(old, f.data)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

type outputFile struct {
	path string
	data []byte
}

// render produces one bilingual output and its file-name suffix.
func (tr *translator) render(doc *translate.Document, format string) ([]byte, string, error) {
	var buf bytes.Buffer
	var err error
	var suffix string
	switch format {
	case "html":
		suffix = ".bilingual.html"
		err = bilingual.HTML(&buf, doc, bilingual.HTMLOptions{
			Backend:     tr.info.Name,
			Attribution: tr.attribution(),
			Generated:   tr.env.Now(),
		})
	case "md":
		suffix = ".bilingual.md"
		err = bilingual.Markdown(&buf, doc)
	case "txt":
		suffix = ".bilingual.txt"
		err = bilingual.Text(&buf, doc, tr.opts.Width)
	case "json":
		suffix = ".json"
		err = bilingual.JSON(&buf, doc)
	default:
		err = fmt.Errorf("unknown format %q", format)
	}
	return buf.Bytes(), suffix, err
}

// attribution is the credit line a backend asks for (a MarianMT model's
// licence and authors), shown in the bilingual HTML's footer.
func (tr *translator) attribution() []string {
	if a, ok := tr.backend.(interface{ Attribution() string }); ok && a.Attribution() != "" {
		return []string{a.Attribution()}
	}
	return nil
}

// dryRun reports what each file would send and cost, without translating.
func (tr *translator) dryRun(ctx context.Context, inputs []input) error {
	total := 0
	failed := 0
	for _, in := range inputs {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		doc, err := tr.read(in)
		if err != nil {
			fmt.Fprintf(tr.env.Err, "bitext: error: %s\n", err)
			failed++
			continue
		}
		n := 0
		for _, b := range doc.Blocks {
			if b.Translatable() {
				for _, s := range b.Segments {
					n += len([]rune(s.Source))
				}
			}
		}
		total += n
		fmt.Fprintf(tr.env.Out, "%s\t%d characters\t%s\n", in.display(), n, formatCost(tr.info, n, tr.opts.Backend.Price))
	}
	fmt.Fprintf(tr.env.Out, "total\t%d characters\t%s\n", total, formatCost(tr.info, total, tr.opts.Backend.Price))
	if failed > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d of %d inputs failed", failed, len(inputs))}
	}
	return nil
}

// loadGlossary loads the --glossary files, or ./glossary.* when none is
// given; nil when there is neither.
func loadGlossary(env *Env, paths []string) (*glossary.Glossary, error) {
	if len(paths) == 0 {
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
	return g, nil
}
