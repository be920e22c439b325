package marian

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/marian/hub"
	"github.com/bitext/bitext/translate/marian/internal/model"
	"github.com/bitext/bitext/translate/marian/internal/tokenizer"
)

// Options are the decoding settings of a backend; zero values take the
// model's config.json.
type Options struct {
	// Beams is the beam size (1: greedy search).
	Beams int
	// MaxLength bounds each translation in tokens, counting the start
	// token.
	MaxLength int
	// BatchSize is how many sentences are decoded together (default 16).
	BatchSize int
}

// defaultBatch is the default Options.BatchSize.
const defaultBatch = 16

// Backend translates with one MarianMT model.
type Backend struct {
	dir   string
	info  hub.ModelInfo
	opts  Options
	model *model.Model
	tok   *tokenizer.Tokenizer
	// busy lets one batch at a time use the CPU: the matrix products
	// already use every core.
	busy chan struct{}
}

var _ translate.Backend = (*Backend)(nil)

// New loads the model in dir.
func New(ctx context.Context, dir string, opts Options) (*Backend, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m, err := model.Load(dir, model.Options{})
	if err != nil {
		return nil, fmt.Errorf("marian: failed to load model %s: %w", dir, err)
	}
	tok, err := tokenizer.Load(dir)
	if err != nil {
		return nil, fmt.Errorf("marian: failed to load tokenizer of %s: %w", dir, err)
	}
	if tok.VocabSize() > m.Config.VocabSize {
		return nil, fmt.Errorf("marian: vocab.json has %d entries for a model of %d", tok.VocabSize(), m.Config.VocabSize)
	}
	info, err := hub.ReadInfo(dir)
	if err != nil {
		return nil, fmt.Errorf("marian: %w", err)
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = defaultBatch
	}
	return &Backend{dir: dir, info: info, opts: opts, model: m, tok: tok, busy: make(chan struct{}, 1)}, nil
}

// Name returns "marian".
func (b *Backend) Name() string { return "marian" }

// Capabilities reports a local, plain-text backend without request limits.
func (b *Backend) Capabilities() translate.Capabilities {
	return translate.Capabilities{}
}

// Model returns the description of the loaded model: its name, languages,
// licence and the credit line to show where its output is published.
func (b *Backend) Model() hub.ModelInfo { return b.info }

// Attribution returns the credit line the model's licence asks for, or ""
// when unknown; the bilingual outputs show it in their footer.
func (b *Backend) Attribution() string { return b.info.Attribution }

// Translate translates each segment on its own (see translate.Backend).
// Segments are decoded in batches of similar length; blank segments come
// back empty without reaching the model.
func (b *Backend) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(req.Segments) == 0 {
		return []string{}, nil
	}
	if err := b.checkPair(req.From, req.To); err != nil {
		return nil, err
	}
	out := make([]string, len(req.Segments))
	todo := b.encode(req.Segments)
	for start := 0; start < len(todo); start += b.opts.BatchSize {
		batch := todo[start:min(start+b.opts.BatchSize, len(todo))]
		if err := b.decode(ctx, batch, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (b *Backend) checkPair(from, to string) error {
	if b.info.Source == "" || b.info.Target == "" {
		return nil
	}
	if !strings.EqualFold(from, b.info.Source) || !strings.EqualFold(to, b.info.Target) {
		return fmt.Errorf("marian: model %s translates %s→%s, not %s→%s: %w",
			b.info.Name, b.info.Source, b.info.Target, from, to, translate.ErrUnsupportedPair)
	}
	return nil
}

// pending is one segment waiting for the model.
type pending struct {
	index int
	ids   []int
}

// encode tokenises the non-blank segments and sorts them by length, so
// that each batch carries little padding.
func (b *Backend) encode(segs []string) []pending {
	var todo []pending
	for i, s := range segs {
		if strings.TrimSpace(s) == "" {
			continue
		}
		todo = append(todo, pending{index: i, ids: b.tok.Encode(s)})
	}
	sort.SliceStable(todo, func(i, j int) bool { return len(todo[i].ids) < len(todo[j].ids) })
	return todo
}

// decode runs one batch through the model and stores the texts in out.
func (b *Backend) decode(ctx context.Context, batch []pending, out []string) error {
	select {
	case b.busy <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-b.busy }()
	srcs := make([][]int, len(batch))
	for i, p := range batch {
		srcs[i] = p.ids
	}
	ids, err := b.model.Generate(ctx, srcs, model.Settings{Beams: b.opts.Beams, MaxLength: b.opts.MaxLength})
	if err != nil {
		return err
	}
	for i, p := range batch {
		out[p.index] = b.tok.Decode(ids[i])
	}
	return nil
}
