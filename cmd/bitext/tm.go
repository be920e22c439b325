package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/translate"
)

// stateDir is the folder under OUT where bitext keeps its state: the
// translation memory and the lock.
const stateDir = ".bitext"

// memoryPath is where the translation memory of an output folder lives.
func memoryPath(out string) string { return filepath.Join(out, stateDir, "memory.db") }

// openMemory locks the output folder and opens its translation memory. A
// second bitext on the same folder waits up to wait, then gets a clear
// error naming the process that holds it.
func openMemory(ctx context.Context, out string, wait time.Duration) (*memory.Store, func() error, error) {
	release, err := memory.Lock(ctx, filepath.Join(out, stateDir), wait)
	if err != nil {
		if errors.Is(err, memory.ErrLocked) {
			return nil, nil, fmt.Errorf("%s is in use by another bitext: %w (wait for it to finish, or use another --out)", out, err)
		}
		return nil, nil, err
	}
	removeStaleTemps(out)
	store, err := memory.Open(ctx, memoryPath(out))
	if err != nil {
		release()
		return nil, nil, err
	}
	return store, func() error {
		err := store.Close()
		if rerr := release(); err == nil {
			err = rerr
		}
		return err
	}, nil
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
