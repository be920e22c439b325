package engine

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/translate"
)

// Settings are what the pipeline does around the backend.
type Settings struct {
	// From and To are the language codes.
	From, To string
	// Glossary, when set, protects terms and is given to backends with
	// native glossaries.
	Glossary *glossary.Glossary
	// Raw skips the English typography (to compare with the bare engine).
	Raw bool
	// Jobs is how many batches of one document are in flight at once
	// (default 2).
	Jobs int
}

// Engine is a backend and the pipeline around it, shared by every
// document of a run.
type Engine struct {
	Backend  translate.Backend
	Info     translate.BackendInfo
	Pipeline *translate.Pipeline
	Settings Settings
	closers  []io.Closer
}

// New builds the selected backend and the pipeline around it, once the
// backend has said (where it can tell beforehand) that it translates the
// language pair.
func New(ctx context.Context, sel *Selection, s Settings) (*Engine, error) {
	if err := sel.CheckPair(s.From, s.To); err != nil {
		return nil, err
	}
	b, closer, err := NewBackend(ctx, sel)
	if err != nil {
		return nil, err
	}
	e := &Engine{Backend: b, Info: sel.Info, Settings: s, closers: []io.Closer{closer}}
	e.Pipeline, err = NewPipeline(ctx, b, s)
	if err != nil {
		e.Close()
		return nil, err
	}
	e.Pipeline.BatchSize = batchSize(sel.Info.Kind)
	return e, nil
}

// NewPipeline sets up the pipeline every translating command uses: the
// glossary protects terms (and is uploaded to backends that have native
// glossaries), and English gets English typography unless s.Raw.
func NewPipeline(ctx context.Context, b translate.Backend, s Settings) (*translate.Pipeline, error) {
	p := &translate.Pipeline{Backend: b, From: s.From, To: s.To, Jobs: s.Jobs}
	if p.Jobs <= 0 {
		p.Jobs = 2
	}
	if g := s.Glossary; g != nil {
		p.Protector = glossary.Shield{Glossary: g}
		if gu, ok := b.(translate.GlossaryUser); ok {
			if err := gu.UseGlossary(ctx, s.From, s.To, g.Pairs()); err != nil {
				return nil, fmt.Errorf("failed to set up the %s glossary: %w", b.Name(), err)
			}
		}
	}
	if s.To == "en" && !s.Raw {
		p.Finish = translate.EnglishTypography
	}
	return p, nil
}

// Close stops the backend's processes or connections.
func (e *Engine) Close() error {
	var first error
	for _, c := range e.closers {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	e.closers = nil
	return first
}

// Attribution is the credit line the backend asks for (a MarianMT
// model's licence and authors), or "".
func (e *Engine) Attribution() string {
	b := e.Backend
	for {
		if a, ok := b.(interface{ Attribution() string }); ok {
			return a.Attribution()
		}
		u, ok := b.(interface{ Unwrap() translate.Backend })
		if !ok {
			return ""
		}
		b = u.Unwrap()
	}
}

// TranslateSegment translates one segment (plain text, or an HTML
// fragment when markup is set) through the pipeline, as review's
// re-translate does.
func (e *Engine) TranslateSegment(ctx context.Context, source string, markup bool) (string, error) {
	doc := &translate.Document{Blocks: []translate.Block{{
		Kind:     translate.Paragraph,
		Segments: []translate.Segment{{Source: source, Markup: markup}},
	}}}
	if _, err := e.Pipeline.Translate(ctx, doc); err != nil {
		return "", err
	}
	return doc.Blocks[0].Segments[0].Target, nil
}

// TranslateLines translates each line as one segment (no segmentation
// across or within lines), as eval does; path names the file in errors.
// It also returns how many lines carry a fidelity warning.
func (e *Engine) TranslateLines(ctx context.Context, path string, lines []string) ([]string, int, error) {
	doc := &translate.Document{Path: path, Format: translate.FormatText}
	for i, l := range lines {
		doc.Blocks = append(doc.Blocks, translate.Block{Kind: translate.Paragraph, Line: i + 1,
			Segments: []translate.Segment{{Source: l, Line: i + 1}}})
	}
	if _, err := e.Pipeline.Translate(ctx, doc); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", path, err)
	}
	out := make([]string, len(lines))
	warned := 0
	for i, b := range doc.Blocks {
		out[i] = strings.ReplaceAll(b.Segments[0].Target, "\n", " ")
		if b.Segments[0].Fidelity.HasWarnings() {
			warned++
		}
	}
	return out, warned, nil
}
