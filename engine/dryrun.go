package engine

import (
	"context"

	"github.com/bitext/bitext/translate"
)

// NewDryRun builds an engine that sends nothing: its backend answers each
// segment with the text it was given, under the selected backend's name
// and declared capabilities, so that the pipeline (memory, glossary
// protection, batches) counts exactly what a real run would send. The
// real backend is never built: no server is contacted, no API key is
// needed, no native glossary is uploaded. Give it the memory with
// UseMemory and MemoryOptions.ReadOnly.
func NewDryRun(ctx context.Context, sel *Selection, s Settings) (*Engine, error) {
	if err := sel.CheckPair(s.From, s.To); err != nil {
		return nil, err
	}
	b := &echo{name: sel.Info.Name, caps: sel.Info.Capabilities}
	p, err := NewPipeline(ctx, b, s)
	if err != nil {
		return nil, err
	}
	p.BatchSize = batchSize(sel.Info.Kind)
	return &Engine{Backend: b, Info: sel.Info, Pipeline: p, Settings: s}, nil
}

// echo is the dry run's backend: every segment comes back as it went.
type echo struct {
	name string
	caps translate.Capabilities
}

func (e *echo) Name() string                         { return e.name }
func (e *echo) Capabilities() translate.Capabilities { return e.caps }

func (e *echo) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return append([]string(nil), req.Segments...), nil
}
