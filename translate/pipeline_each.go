package translate

import (
	"context"
	"fmt"
	"sync"
)

// EachTranslator is a Backend that hands over each translation as soon as
// it is made (a local engine decoding a large request batch by batch).
// The Pipeline uses it when the backend has it, so that each answer is
// checked and stored in the memory as it arrives rather than when the
// whole request is done: what was answered before a Ctrl-C, a kill or a
// failure is kept.
type EachTranslator interface {
	// TranslateEach translates req as Translate does and calls done once
	// per segment with its index in req.Segments and its translation, in
	// any order, possibly from another goroutine (one call at a time). It
	// returns nil only once every segment is done; on error the segments
	// not done are untranslated.
	TranslateEach(ctx context.Context, req Request, done func(i int, text string)) error
}

// translateEach sends one batch to a backend that hands over each answer
// as it is made: each is checked, restored and stored at once. An answer
// that fails the check fails the batch (naming the segment) and is never
// stored; the others are.
func (p *Pipeline) translateEach(ctx context.Context, b EachTranslator, batch []job, req Request) error {
	var mu sync.Mutex
	seen := make([]bool, len(batch))
	closed := false
	var first error
	err := b.TranslateEach(ctx, req, func(i int, text string) {
		mu.Lock()
		defer mu.Unlock()
		if closed || i < 0 || i >= len(batch) || seen[i] {
			return // late, unknown or repeated: counted as missing below
		}
		seen[i] = true
		if err := p.acceptOne(ctx, batch[i], req, i, text); err != nil && first == nil {
			first = err
		}
	})
	mu.Lock()
	defer mu.Unlock()
	closed = true // answers after the return are not ours to store
	if first != nil {
		return withLine(first, batch)
	}
	if err != nil {
		return withLine(err, batch)
	}
	for i, ok := range seen {
		if !ok {
			return withLine(&AnswerError{Backend: p.Backend.Name(), Index: i, Source: req.Segments[i],
				Problem: "no translation"}, batch)
		}
	}
	return nil
}

// acceptOne checks the answer text to segment i of req and keeps it.
func (p *Pipeline) acceptOne(ctx context.Context, j job, req Request, i int, text string) error {
	if prob := answerProblem(req.Segments[i], text, req.HTML); prob != "" {
		return &AnswerError{Backend: p.Backend.Name(), Index: i, Source: req.Segments[i], Problem: prob}
	}
	return p.keep(ctx, j, text)
}

// keep restores a checked answer into the job's segment and stores it in
// the memory.
func (p *Pipeline) keep(ctx context.Context, j job, text string) error {
	p.fill(j, text)
	if p.Memory != nil {
		if err := p.Memory.Store(ctx, *j.seg); err != nil {
			return fmt.Errorf("translation memory: %w", err)
		}
	}
	return nil
}

// fill restores a checked answer into the job's segment.
func (p *Pipeline) fill(j job, text string) {
	j.seg.Target, j.seg.Backend = j.restore(text), p.Backend.Name()
}
