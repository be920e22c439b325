package marian

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/marian/hub"
	"github.com/bitext/bitext/translate/marian/internal/model"
	"github.com/bitext/bitext/translate/marian/internal/shortlist"
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
	// Precision is "fp32" (the default: exact against transformers) or
	// "int8" (weights quantised per output row at load time, activations
	// on the fly: faster and smaller, slightly less accurate).
	Precision string
	// Kernels chooses the matrix kernels: "auto" (the default: the
	// fastest this CPU runs), "portable", "avx2" or "avx512".
	Kernels string
	// Shortlist is a lexical shortlist file (Marian's lex.s2t) that limits
	// the output layer to likely translations of the source's pieces; ""
	// (the default) decodes over the whole vocabulary, exactly.
	Shortlist string
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
	// shortlist, when set, limits the output layer (Options.Shortlist).
	shortlist *shortlist.Shortlist
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
	prec, err := model.ParsePrecision(opts.Precision)
	if err != nil {
		return nil, fmt.Errorf("marian: %w", err)
	}
	m, err := model.Load(dir, model.Options{Precision: prec, Kernels: opts.Kernels})
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
	b := &Backend{dir: dir, info: info, opts: opts, model: m, tok: tok, busy: make(chan struct{}, 1)}
	if opts.Shortlist != "" {
		if b.shortlist, err = b.loadShortlist(opts.Shortlist); err != nil {
			return nil, fmt.Errorf("marian: %w", err)
		}
	}
	return b, nil
}

// loadShortlist reads a lex.s2t file over the model's vocabulary; </s>
// and the forced end token are always allowed.
func (b *Backend) loadShortlist(path string) (*shortlist.Shortlist, error) {
	vocab := func(piece string) (int, bool) {
		id := b.tok.ID(piece)
		return id, b.tok.Piece(id) == piece
	}
	cfg := b.model.Config
	always := []int{cfg.EOSID}
	if cfg.ForcedEOSID != nil && *cfg.ForcedEOSID >= 0 && *cfg.ForcedEOSID < cfg.VocabSize {
		always = append(always, *cfg.ForcedEOSID)
	}
	return shortlist.Load(path, vocab, shortlist.DefaultOptions, always...)
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
	out := make([]string, len(req.Segments))
	err := b.TranslateEach(ctx, req, func(i int, text string) { out[i] = text })
	if err != nil {
		return nil, err
	}
	return out, nil
}

// TranslateEach translates the segments of req as Translate does, and
// hands each translation to done (with the segment's index in req) as soon
// as its batch is decoded, so that a caller can store answers while the
// rest is being translated. The segments of a request are sorted by their
// length in tokens and decoded BatchSize at a time: a caller that gathers
// the sentences of several articles into one request gets batches of
// sentences of similar length across the articles. done is called from
// the calling goroutine; blank segments are done at once with "".
func (b *Backend) TranslateEach(ctx context.Context, req translate.Request, done func(i int, text string)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(req.Segments) == 0 {
		return nil
	}
	if err := b.checkPair(req.From, req.To); err != nil {
		return err
	}
	todo := b.encode(req.Segments, done)
	for start := 0; start < len(todo); start += b.opts.BatchSize {
		batch := todo[start:min(start+b.opts.BatchSize, len(todo))]
		if err := b.decode(ctx, batch, done); err != nil {
			return err
		}
	}
	return nil
}

// checkPair refuses a pair the model does not translate, when its info
// file or its OPUS-MT folder name says which it does; a model that says
// nothing (a folder called "my-model") is taken to translate what it is
// asked to.
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
// that each batch carries little padding; blank ones are done at once.
func (b *Backend) encode(segs []string, done func(int, string)) []pending {
	var todo []pending
	for i, s := range segs {
		if strings.TrimSpace(s) == "" {
			done(i, "")
			continue
		}
		todo = append(todo, pending{index: i, ids: b.tok.Encode(s)})
	}
	sort.SliceStable(todo, func(i, j int) bool { return len(todo[i].ids) < len(todo[j].ids) })
	return todo
}

// decode runs one batch through the model and hands the texts to done.
func (b *Backend) decode(ctx context.Context, batch []pending, done func(int, string)) error {
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
	set := model.Settings{Beams: b.opts.Beams, MaxLength: b.opts.MaxLength}
	if b.shortlist != nil {
		set.Shortlist = b.shortlist.For(srcs)
	}
	ids, err := b.model.Generate(ctx, srcs, set)
	if err != nil {
		return err
	}
	for i, p := range batch {
		done(p.index, b.tok.Decode(ids[i]))
	}
	return nil
}
