package engine

import (
	"context"
	"fmt"
	"strings"
	"sync"

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

	mu sync.Mutex
	// fetched holds what Prefetch looked up, until Forget.
	fetched map[fetchKey]memory.Found
}

// fetchKey is one lookup Prefetch answered.
type fetchKey struct {
	at     memory.Occurrence
	source string
	markup bool
}

var (
	_ translate.Memory      = (*Adapter)(nil)
	_ translate.BatchStorer = (*Adapter)(nil)
)

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
	e, ok, err := a.lookup(ctx, memory.Occurrence{Doc: at.Doc, Pos: at.Pos}, source, markup)
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

// lookup answers from what Prefetch fetched, else asks the memory.
func (a *Adapter) lookup(ctx context.Context, at memory.Occurrence, source string, markup bool) (memory.Entry, bool, error) {
	a.mu.Lock()
	f, fetched := a.fetched[fetchKey{at, source, markup}]
	a.mu.Unlock()
	if fetched {
		return f.Entry, f.OK, nil
	}
	return a.M.LookupAt(ctx, a.Key(source, markup), a.Backend, at)
}

// Prefetch looks up at once, where the memory can ([memory.BatchLookuper]:
// a shared memory on a server, the SQLite file), every sentence of doc the
// pipeline will ask for, so that an article costs one round trip or one
// statement instead of one per sentence. Forget drops what it fetched.
func (a *Adapter) Prefetch(ctx context.Context, doc *translate.Document) error {
	bl, ok := a.M.(memory.BatchLookuper)
	if !ok || doc.Name == "" {
		return nil
	}
	var keys []fetchKey
	var qs []memory.LookupQuery
	add := func(pos int, source string, markup bool) {
		at := memory.Occurrence{Doc: doc.Name, Pos: pos}
		keys = append(keys, fetchKey{at, source, markup})
		qs = append(qs, memory.LookupQuery{Key: a.Key(source, markup), Backend: a.Backend, At: at})
	}
	ranks := translate.Ranks(doc)
	for b, blk := range doc.Blocks {
		if blk.Translatable() {
			for s, seg := range blk.Segments {
				add(ranks[b][s], seg.Source, seg.Markup)
			}
		}
	}
	for i, r := range translate.MetaRanks(doc) {
		if r > 0 {
			add(r, doc.Meta[i].Value, false)
		}
	}
	for _, f := range translate.AttrFields(doc) {
		add(f.Pos, f.Value, false) // alt text and titles
	}
	found, err := bl.LookupAll(ctx, qs)
	if err != nil {
		return fmt.Errorf("translation memory: %w", err)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.fetched == nil {
		a.fetched = map[fetchKey]memory.Found{}
	}
	for i, k := range keys {
		a.fetched[k] = found[i]
	}
	return nil
}

// Forget drops what Prefetch fetched for the article doc.
func (a *Adapter) Forget(doc string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for k := range a.fetched {
		if k.at.Doc == doc {
			delete(a.fetched, k)
		}
	}
}

// Store records a machine translation as soon as it is made.
func (a *Adapter) Store(ctx context.Context, seg translate.Segment) error {
	if a.NoMachine || a.ReadOnly {
		return nil
	}
	return a.M.PutMachine(ctx, a.Key(seg.Source, seg.Markup), a.Backend, seg.Target)
}

// StoreAll records the machine translations of one request in one
// transaction where the memory can ([memory.BatchPutter]), else
// one by one.
func (a *Adapter) StoreAll(ctx context.Context, segs []translate.Segment) error {
	if a.NoMachine || a.ReadOnly {
		return nil
	}
	bm, ok := a.M.(memory.BatchPutter)
	if !ok {
		for _, seg := range segs {
			if err := a.Store(ctx, seg); err != nil {
				return err
			}
		}
		return nil
	}
	ts := make([]memory.Translation, len(segs))
	for i, seg := range segs {
		ts[i] = memory.Translation{Key: a.Key(seg.Source, seg.Markup), Target: seg.Target}
	}
	return bm.PutMachineBatch(ctx, a.Backend, ts)
}

// Translate translates doc through the pipeline, having looked up its
// sentences in the memory at once where that saves round trips
// ([Adapter.Prefetch]).
func (e *Engine) Translate(ctx context.Context, doc *translate.Document) (translate.Stats, error) {
	if a := e.MemoryAdapter(); a != nil {
		if err := a.Prefetch(ctx, doc); err != nil {
			return translate.Stats{}, err
		}
		defer a.Forget(doc.Name)
	}
	return e.Pipeline.Translate(ctx, doc)
}

// MemoryAdapter returns the adapter UseMemory set, or nil.
func (e *Engine) MemoryAdapter() *Adapter {
	a, _ := e.Pipeline.Memory.(*Adapter)
	return a
}
