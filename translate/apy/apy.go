// Package apy is a translation backend that talks to apertium-apy, the HTTP
// server of the Apertium engine (Debian package apertium-apy), instead of
// running Apertium itself as translate/apertium does.
//
// # Protocol
//
// It uses APY's documented API: POST /listPairs for the installed
// directions (three-letter codes such as fra→spa) and POST /translate with
// langpair=fra|spa, q=the text and markUnknown=no, answered by JSON with
// responseData.translatedText and responseStatus. Error statuses (such as
// 400 for a pair that is not installed) become [translate.StatusError].
//
// # Segments, pivots and HTML
//
// Every segment is its own request, so that segments never influence each
// other; up to [Config.Workers] are in flight at once. A pair the server
// lacks is translated through a pivot found with
// [apertium.ShortestRoute] (French→Spanish→English on Debian). HTML goes
// through APY's HTML deformatter; the neutral <span translate="no"> of
// [translate.Request] is sent as Apertium's <apertium-notrans>, which APY
// passes through untouched, and put back afterwards.
package apy

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/sync/errgroup"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/apertium"
)

// Backend translates through an apertium-apy server. It is safe for
// concurrent use.
type Backend struct {
	cfg      Config
	endpoint string
	client   *http.Client

	mu    sync.Mutex
	pairs []apertium.Pair
	codes map[string]string // normalised code → the server's code
}

var _ translate.Backend = (*Backend)(nil)

// New returns a backend for the server at cfg.Endpoint. Nothing is sent
// until the first request.
func New(cfg Config) *Backend {
	if cfg.Endpoint == "" {
		cfg.Endpoint = DefaultEndpoint
	}
	if cfg.Workers < 1 {
		cfg.Workers = 1
	}
	return &Backend{cfg: cfg, endpoint: strings.TrimRight(cfg.Endpoint, "/"), client: cfg.client()}
}

// Name returns "apy".
func (b *Backend) Name() string { return "apy" }

// Capabilities reports HTML support and no batch limits.
func (b *Backend) Capabilities() translate.Capabilities {
	return translate.Capabilities{HTML: true}
}

// Translate translates each segment with its own request (or two, through
// a pivot), as [translate.Backend] requires. Leading and trailing white
// space is kept as it was; white-space-only segments are returned
// unchanged.
func (b *Backend) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	if len(req.Segments) == 0 {
		return []string{}, nil
	}
	hops, err := b.route(ctx, req.From, req.To)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(req.Segments))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(b.cfg.Workers)
	for i, s := range req.Segments {
		g.Go(func() error {
			t, err := b.translateSegment(gctx, hops, s, req.HTML)
			out[i] = t
			return err
		})
	}
	if err := g.Wait(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	return out, nil
}

// translateSegment sends one segment through every hop.
func (b *Backend) translateSegment(ctx context.Context, hops []hop, s string, html bool) (string, error) {
	core := strings.TrimLeftFunc(s, unicode.IsSpace)
	lead := s[:len(s)-len(core)]
	core = strings.TrimRightFunc(core, unicode.IsSpace)
	trail := s[len(lead)+len(core):]
	if core == "" {
		return s, nil
	}
	var kept []string
	if html {
		core, kept = protect(core)
	}
	for _, h := range hops {
		t, err := b.translateText(ctx, h, core, html)
		if err != nil {
			return "", err
		}
		core = t
	}
	if !hops[len(hops)-1].markUnknown {
		core = apertium.StripUnknownMarks(core, html)
	}
	if html {
		core = restore(core, kept)
	}
	return lead + strings.TrimSpace(core) + trail, nil
}

// route returns the requests that translate from → to, listing the
// server's pairs on first use.
func (b *Backend) route(ctx context.Context, from, to string) ([]hop, error) {
	pairs, codes, err := b.serverPairs(ctx)
	if err != nil {
		return nil, err
	}
	chain, ok := apertium.ShortestRoute(pairs, from, to)
	if !ok {
		return nil, fmt.Errorf("apy: the server at %s cannot translate %s to %s, even through a pivot; "+
			"install pairs on it, such as apt-get install apertium-fr-es apertium-eng-spa: %w",
			b.endpoint, from, to, translate.ErrUnsupportedPair)
	}
	hops := make([]hop, len(chain))
	for i, p := range chain {
		hops[i] = hop{langpair: codes[p.From] + "|" + codes[p.To], markUnknown: b.cfg.MarkUnknown && i == len(chain)-1}
	}
	return hops, nil
}

// serverPairs lists the server's pairs once and remembers them.
func (b *Backend) serverPairs(ctx context.Context) ([]apertium.Pair, map[string]string, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.pairs != nil {
		return b.pairs, b.codes, nil
	}
	raw, err := b.listPairs(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("apy: failed to list pairs: %w", err)
	}
	pairs := make([]apertium.Pair, 0, len(raw))
	codes := map[string]string{}
	for _, p := range raw {
		from, to := apertium.LangCode(p[0]), apertium.LangCode(p[1])
		codes[from], codes[to] = p[0], p[1]
		pairs = append(pairs, apertium.Pair{From: from, To: to})
	}
	b.pairs, b.codes = pairs, codes
	return pairs, codes, nil
}
