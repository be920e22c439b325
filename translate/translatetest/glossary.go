package translatetest

import (
	"context"
	"sort"
	"strings"
	"sync"

	"github.com/bitext/bitext/translate"
)

// GlossaryFake is a [Fake] with a native glossary: after UseGlossary, every
// source term in a segment comes out as its target, untranslated.
type GlossaryFake struct {
	*Fake
	gmu   sync.Mutex
	terms map[[2]string][]translate.TermPair
	uses  int
}

var _ translate.GlossaryUser = &GlossaryFake{}

// NewGlossaryFake returns a fake backend with native glossary support.
func NewGlossaryFake() *GlossaryFake {
	return &GlossaryFake{Fake: NewFake(), terms: map[[2]string][]translate.TermPair{}}
}

// UseGlossary sets the terms for from→to, longest source terms first.
func (g *GlossaryFake) UseGlossary(ctx context.Context, from, to string, terms []translate.TermPair) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	sorted := append([]translate.TermPair(nil), terms...)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i].Source) > len(sorted[j].Source) })
	g.gmu.Lock()
	defer g.gmu.Unlock()
	g.terms[[2]string{from, to}] = sorted
	g.uses++
	return nil
}

// GlossaryUses returns how many times UseGlossary was called.
func (g *GlossaryFake) GlossaryUses() int {
	g.gmu.Lock()
	defer g.gmu.Unlock()
	return g.uses
}

// Translate protects the glossary's source terms as translate="no" spans
// holding their targets, translates, then removes the spans it added.
func (g *GlossaryFake) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	g.gmu.Lock()
	terms := g.terms[[2]string{req.From, req.To}]
	g.gmu.Unlock()
	if len(terms) == 0 {
		return g.Fake.Translate(ctx, req)
	}
	html := req.HTML
	sub := req
	sub.HTML = true
	sub.Segments = make([]string, len(req.Segments))
	for i, s := range req.Segments {
		if !html {
			s = escapeText(s)
		}
		sub.Segments[i] = applyTerms(s, terms)
	}
	out, err := g.Fake.Translate(ctx, sub)
	if err != nil {
		return nil, err
	}
	for i, s := range out {
		s = strings.ReplaceAll(s, `<span translate="no" data-glossary>`, "")
		s = strings.ReplaceAll(s, `</span data-glossary>`, "")
		if !html {
			s = unescapeText(s)
		}
		out[i] = s
	}
	return out, nil
}

// applyTerms wraps each source term of s in a marked no-translate span
// holding its target.
func applyTerms(s string, terms []translate.TermPair) string {
	for _, t := range terms {
		if t.Source == "" {
			continue
		}
		s = strings.ReplaceAll(s, t.Source, `<span translate="no" data-glossary>`+t.Target+`</span data-glossary>`)
	}
	return s
}

var (
	textEscaper   = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	textUnescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")
)

func escapeText(s string) string   { return textEscaper.Replace(s) }
func unescapeText(s string) string { return textUnescaper.Replace(s) }
