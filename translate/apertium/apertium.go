// Package apertium is bitext's default, offline translation backend: it runs
// the rule-based engine Apertium (https://www.apertium.org) installed from
// Debian's packages.
//
// # Language pairs
//
// Each installed translation direction is a .mode file in the modes folder
// (/usr/share/apertium/modes), listing the programs of its pipeline.
// Debian has no French–English pair, so French is translated to Spanish
// (apertium-fr-es) and the Spanish to English (apertium-eng-spa, mode
// spa-eng). In general the backend uses a direct mode when one is installed
// and otherwise a chain of two through a pivot language.
//
// # Pipelines
//
// Rather than starting Apertium for every segment, the backend keeps the
// programs of each route running for the whole run in null-flush mode (-z):
// every segment is followed by a NUL byte, and each program translates up
// to it, writes the result and a NUL, and flushes. Segments therefore never
// influence each other, yet flow through all programs at once. Segments are
// put into Apertium's stream format here (see [Backend.Translate] for
// HTML); the generators run with -n, so unknown words carry no * marks
// unless [Config.MarkUnknown] is set.
//
// Up to [Config.Workers] pipelines run per route; a large batch is split
// across them. A pipeline whose program crashes or stalls fails its batch
// and is replaced on the next request. [Backend.Close] stops them all.
//
// # Protected terms
//
// In HTML requests, glossary terms arrive as <span translate="no">…</span>
// holding their English target. By default ([ProtectPlaceholder]) each
// such element is sent as a stand-in word of the part of speech it plays —
// an invariant place name (Oslo), a common noun after a determiner
// (parapluie → umbrella), a nationality adjective after a noun
// (belge → Belgian) — so that Apertium translates a whole sentence and
// its grammar holds ("Séoul accueillera" → "Seoul will receive", not
// "Seoul It will receive"); the element is put back, byte for byte, where
// the stand-in comes out. A segment whose stand-ins are not found exactly
// once each is translated again with each element as one superblank
// ([ProtectBlank], which Config.Protect can also select for every
// segment), so a term is never lost.
//
// # Typography
//
// The output keeps the pivot's traces (Sra, « », 3 000); callers apply
// [translate.EnglishTypography] after restoring protected terms.
package apertium

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

	"github.com/bitext/bitext/translate"
)

// minPart is the fewest segments worth sending to a pipeline of their own
// when a batch is split across workers.
const minPart = 8

// Backend translates through Apertium pipelines. It is safe for concurrent
// use; Close it to stop the programs.
type Backend struct {
	cfg      Config
	modes    []mode
	standIns []standIn
	// fallbacks counts the segments sent again with blanks because their
	// stand-ins did not come back.
	fallbacks atomic.Int64

	mu     sync.Mutex
	pools  map[string]*pool
	closed bool
}

var _ translate.Backend = (*Backend)(nil)

// New checks that Apertium is installed and returns a backend. Programs
// start on the first request for a language pair. The error wraps
// [translate.ErrNotConfigured], with the packages to install, when the
// modes folder holds no pairs or lt-proc is missing.
func New(ctx context.Context, cfg Config) (*Backend, error) {
	if cfg.Workers < 1 {
		cfg.Workers = 1
	}
	if cfg.StallTimeout <= 0 {
		cfg.StallTimeout = defaultStall
	}
	if cfg.ModesDir == "" {
		cfg.ModesDir = DefaultModesDir
	}
	if cfg.Protect == "" {
		cfg.Protect = ProtectPlaceholder
	}
	modes, err := readModes(cfg.ModesDir)
	if err != nil {
		return nil, err
	}
	if _, err := exec.LookPath("lt-proc"); err != nil {
		return nil, startError("lt-proc", err)
	}
	return &Backend{cfg: cfg, modes: modes, standIns: defaultStandIns(), pools: map[string]*pool{}}, nil
}

// Name returns "apertium".
func (b *Backend) Name() string { return "apertium" }

// Capabilities reports HTML support, no batch limits, and two requests in
// flight per pipeline: one being read while the next is written.
func (b *Backend) Capabilities() translate.Capabilities {
	return translate.Capabilities{HTML: true, InFlight: 2 * b.cfg.Workers}
}

// Translate translates req.Segments, one NUL-separated segment at a time,
// as [translate.Backend] requires. Leading and trailing white space is kept
// as it was; white-space-only segments are returned unchanged.
//
// With req.HTML, tags, comments and the entities &amp; &lt; &gt; &nbsp;
// are passed through untouched, and so is every element with
// translate="no" (the neutral <span translate="no">…</span>),
// <apertium-notrans>, <code>, <script> and <style>, byte for byte. How
// translate="no" elements are hidden from the engine is
// [Config.Protect]'s choice; segments whose stand-ins did not survive are
// sent again, with blanks, on the same pipelines.
func (b *Backend) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	if len(req.Segments) == 0 {
		return []string{}, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	pl, err := b.poolFor(req.From, req.To)
	if err != nil {
		return nil, err
	}
	var pool []standIn
	if req.HTML && b.cfg.Protect != ProtectBlank {
		pool = b.standIns
	}
	segs := make([]segment, len(req.Segments))
	for i, s := range req.Segments {
		segs[i] = encodeSegment(s, req.HTML, pool)
	}
	res, missed, err := b.translateSegments(ctx, pl, segs)
	if err != nil || len(missed) == 0 {
		return res, err
	}
	return res, b.retryWithBlanks(ctx, pl, req, missed, res)
}

// retryWithBlanks translates again, with blanks instead of stand-ins, the
// segments of req listed in missed, and stores them in res.
func (b *Backend) retryWithBlanks(ctx context.Context, pl *pool, req translate.Request, missed []int, res []string) error {
	b.fallbacks.Add(int64(len(missed)))
	segs := make([]segment, len(missed))
	for k, i := range missed {
		segs[k] = encodeSegment(req.Segments[i], req.HTML, nil)
	}
	again, _, err := b.translateSegments(ctx, pl, segs)
	if err != nil {
		return err
	}
	for k, i := range missed {
		res[i] = again[k]
	}
	return nil
}

// translateSegments translates encoded segments and decodes them; missed
// lists those whose stand-ins could not be put back.
func (b *Backend) translateSegments(ctx context.Context, pl *pool, segs []segment) (res []string, missed []int, err error) {
	var data [][]byte
	for i := range segs {
		segs[i].keepMarks = b.cfg.MarkUnknown
	}
	for _, seg := range segs {
		if seg.data != nil {
			data = append(data, seg.data)
		}
	}
	outs, err := b.run(ctx, pl, data)
	if err != nil {
		return nil, nil, err
	}
	res, missed = decodeAll(segs, outs)
	return res, missed, nil
}

// decodeAll pairs the translations of the non-blank segments with their
// sources, putting back hidden elements; missed lists the segments where
// that failed.
func decodeAll(segs []segment, outs [][]byte) (res []string, missed []int) {
	res = make([]string, len(segs))
	k := 0
	for i, seg := range segs {
		if seg.data == nil {
			res[i] = seg.lead + seg.trail
			continue
		}
		out, ok := reveal(outs[k], seg.slots)
		k++
		if !ok {
			missed = append(missed, i)
			continue
		}
		res[i] = decodeSegment(seg, out)
	}
	return res, missed
}

// run translates data on the route's pipelines, split into contiguous parts
// across up to Workers of them.
func (b *Backend) run(ctx context.Context, pl *pool, data [][]byte) ([][]byte, error) {
	parts := splitParts(len(data), b.cfg.Workers)
	if len(parts) <= 1 {
		return runPart(ctx, pl, data)
	}
	outs := make([][]byte, len(data))
	g, gctx := errgroup.WithContext(ctx)
	for _, part := range parts {
		g.Go(func() error {
			out, err := runPart(gctx, pl, data[part[0]:part[1]])
			copy(outs[part[0]:], out)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	return outs, nil
}

// splitParts divides n segments into at most workers contiguous ranges of
// at least minPart segments.
func splitParts(n, workers int) [][2]int {
	parts := min(workers, n/minPart)
	if parts <= 1 {
		return [][2]int{{0, n}}
	}
	ranges := make([][2]int, parts)
	for i := range ranges {
		ranges[i] = [2]int{i * n / parts, (i + 1) * n / parts}
	}
	return ranges
}

// runPart translates data on one pipeline of pl. It returns as soon as ctx
// is done; the pipeline, killed then, is replaced on the next request. A
// batch lost to an earlier batch's failure is sent again on a fresh
// pipeline, a few times at most.
func runPart(ctx context.Context, pl *pool, data [][]byte) ([][]byte, error) {
	for tries := 1; ; tries++ {
		out, err := runOnce(ctx, pl, data)
		if !errors.Is(err, errLost) || ctx.Err() != nil || tries == maxLostTries {
			return out, err
		}
	}
}

// maxLostTries is how many times runPart sends a batch that other batches'
// failures keep killing.
const maxLostTries = 3

// runOnce translates data on one pipeline of pl, once.
func runOnce(ctx context.Context, pl *pool, data [][]byte) ([][]byte, error) {
	p, err := pl.acquire(ctx)
	if err != nil {
		return nil, err
	}
	type result struct {
		out [][]byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		out, err := p.translate(ctx, data, func() { pl.release(p) })
		done <- result{out, err}
	}()
	select {
	case r := <-done:
		return r.out, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// poolFor returns the pipelines for from→to, finding the route on first
// use.
func (b *Backend) poolFor(from, to string) (*pool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, errClosed
	}
	key := LangCode(from) + ">" + LangCode(to)
	if pl, ok := b.pools[key]; ok {
		return pl, nil
	}
	r, ok := findRoute(b.modes, from, to)
	if !ok {
		return nil, missingPairError(b.cfg.ModesDir, from, to, b.modes)
	}
	pl := newPool(b.cfg.Workers, func() (*pipeline, error) {
		p, err := startPipeline(r, b.cfg.MarkUnknown, b.cfg.StallTimeout)
		if err != nil {
			return nil, fmt.Errorf("failed to start apertium %s: %w", r, err)
		}
		return p, nil
	})
	b.pools[key] = pl
	return pl, nil
}

// Route names the modes used from one language to another, such as
// "fr-es+spa-eng"; ok is false when no installed modes connect them.
func (b *Backend) Route(from, to string) (name string, ok bool) {
	r, ok := findRoute(b.modes, from, to)
	return r.String(), ok
}

// Close stops every pipeline. Requests in flight fail; later ones return an
// error.
func (b *Backend) Close() error {
	b.mu.Lock()
	b.closed = true
	pools := b.pools
	b.pools = map[string]*pool{}
	b.mu.Unlock()
	for _, pl := range pools {
		pl.close()
	}
	return nil
}
