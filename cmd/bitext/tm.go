package main

import (
	"context"
	"time"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/translate"
)

// openMemory locks the output folder, sweeps it and opens its translation
// memory; the function returned closes the memory and lets the lock go.
func openMemory(ctx context.Context, out string, wait time.Duration) (*memory.Store, func() error, error) {
	f, err := outdir.Open(ctx, out, outdir.Options{Wait: wait})
	if err != nil {
		return nil, nil, err
	}
	return f.Memory, f.Close, nil
}

// tmAdapter lets the pipeline use a translation memory: it keys each
// sentence by the languages, the backend and the glossary terms that occur
// in it, so that changing a glossary entry re-translates only the
// sentences that contain the term.
type tmAdapter struct {
	store    *memory.Store
	from, to string
	backend  string
	gloss    *glossary.Glossary
}

var _ translate.Memory = (*tmAdapter)(nil)

func (m *tmAdapter) key(source string, markup bool) memory.Key {
	k := memory.Key{From: m.from, To: m.to, Source: source, Markup: markup}
	if m.gloss != nil {
		var terms []translate.TermPair
		for _, t := range m.gloss.Find(source, markup) {
			terms = append(terms, translate.TermPair{Source: t.Source, Target: t.Target})
		}
		k.Terms = memory.TermsKey(terms)
	}
	return k
}

// Lookup returns the approved translation, or this backend's earlier one.
func (m *tmAdapter) Lookup(ctx context.Context, source string, markup bool) (string, string, bool, error) {
	e, ok, err := m.store.Lookup(ctx, m.key(source, markup), m.backend)
	by := e.Backend
	if e.Status == memory.Approved {
		by = string(memory.Approved)
	}
	return e.Target, by, ok, err
}

// Store records a machine translation as soon as it is made.
func (m *tmAdapter) Store(ctx context.Context, seg translate.Segment) error {
	return m.store.PutMachine(ctx, m.key(seg.Source, seg.Markup), m.backend, seg.Target)
}
