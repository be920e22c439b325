package engine

import (
	"context"
	"strings"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/translate"
)

// MemoryOptions say how a run uses the translation memory.
type MemoryOptions struct {
	// NoMachine neither reuses nor stores machine translations (--no-memory):
	// approvals, alternatives, deletions and drafts still apply.
	NoMachine bool
	// ReadOnly consults the memory and never writes to it (--dry-run).
	ReadOnly bool
}

// UseMemory makes the pipeline consult m before the backend and store
// every answer in it as it arrives.
func (e *Engine) UseMemory(m memory.Memory, o MemoryOptions) {
	e.Pipeline.Memory = &Adapter{M: m, From: e.Settings.From, To: e.Settings.To,
		Backend: e.Info.Name, Glossary: e.Settings.Glossary, NoMachine: o.NoMachine, ReadOnly: o.ReadOnly}
}

// Adapter lets the pipeline use a translation memory: it keys each
// sentence by the languages, the backend and the glossary terms that
// occur in it.
type Adapter struct {
	M        memory.Memory
	From, To string
	Backend  string
	Glossary *glossary.Glossary
	// NoMachine ignores machine translations, ReadOnly never stores (see
	// MemoryOptions).
	NoMachine, ReadOnly bool
}

var _ translate.Memory = (*Adapter)(nil)

// Key is the memory key of a sentence, with the glossary terms that occur
// in it.
func (a *Adapter) Key(source string, markup bool) memory.Key {
	k := memory.Key{From: a.From, To: a.To, Source: source, Markup: markup}
	if a.Glossary != nil {
		var terms []translate.TermPair
		for _, t := range a.Glossary.Find(source, markup) {
			terms = append(terms, translate.TermPair{Source: t.Source, Target: t.Target})
		}
		k.Terms = memory.TermsKey(terms)
	}
	return k
}

// Lookup returns what an editor decided for the occurrence (alternative,
// deletion), else the approved translation, else this backend's earlier
// one.
func (a *Adapter) Lookup(ctx context.Context, at translate.Occurrence, source string, markup bool) (string, string, bool, error) {
	e, ok, err := a.M.LookupAt(ctx, a.Key(source, markup), a.Backend, memory.Occurrence{Doc: at.Doc, Pos: at.Pos})
	if err != nil || !ok {
		return "", "", false, err
	}
	if e.Status != memory.StatusDeleted && strings.TrimSpace(e.Target) == "" && strings.TrimSpace(source) != "" {
		// An empty entry an older bitext stored: translate again.
		return "", "", false, nil
	}
	switch e.Status {
	case memory.Approved:
		return e.Target, string(memory.Approved), true, nil
	case memory.StatusDeleted:
		return "", translate.Deleted, true, nil
	}
	if a.NoMachine {
		return "", "", false, nil
	}
	return e.Target, e.Backend, true, nil
}

// Store records a machine translation as soon as it is made.
func (a *Adapter) Store(ctx context.Context, seg translate.Segment) error {
	if a.NoMachine || a.ReadOnly {
		return nil
	}
	return a.M.PutMachine(ctx, a.Key(seg.Source, seg.Markup), a.Backend, seg.Target)
}

// MemoryAdapter returns the adapter UseMemory set, or nil.
func (e *Engine) MemoryAdapter() *Adapter {
	a, _ := e.Pipeline.Memory.(*Adapter)
	return a
}
