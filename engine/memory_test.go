package engine

import (
	"context"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/translatetest"
)

// batchMemory is a memory that answers lookups in batches, as a shared
// one on a server does, counting single and batched lookups.
type batchMemory struct {
	*memory.Store
	single, batches atomic.Int32
}

func (m *batchMemory) LookupAt(ctx context.Context, k memory.Key, backend string, at memory.Occurrence) (memory.Entry, bool, error) {
	m.single.Add(1)
	return m.Store.LookupAt(ctx, k, backend, at)
}

func (m *batchMemory) LookupAll(ctx context.Context, qs []memory.LookupQuery) ([]memory.Found, error) {
	m.batches.Add(1)
	out := make([]memory.Found, len(qs))
	for i, q := range qs {
		e, ok, err := m.Store.LookupAt(ctx, q.Key, q.Backend, q.At)
		if err != nil {
			return nil, err
		}
		out[i] = memory.Found{Entry: e, OK: ok}
	}
	return out, nil
}

// TestPrefetch: with a memory that answers in batches, translating an
// article looks up all its sentences (title included) in one batch; an
// unchanged rerun takes them all from it, with the occurrence's
// alternative, and asks nothing one by one.
func TestPrefetch(t *testing.T) {
	ctx := context.Background()
	s, err := memory.Open(ctx, filepath.Join(t.TempDir(), "memory.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m := &batchMemory{Store: s}
	text := "---\ntitle: Le ministre est parti.\n---\n\nLe ministre est parti. Il a parlé à Séoul.\n\nLe ministre est parti.\n"
	fake := translatetest.NewFake()
	read := func() *translate.Document {
		doc, err := translate.ReadFormat("a.md", []byte(text), translate.FormatMarkdown)
		if err != nil {
			t.Fatal(err)
		}
		doc.Name = "asie/a"
		return doc
	}
	e := &Engine{Backend: fake, Info: translate.BackendInfo{Name: "fake"}, Settings: Settings{From: "fr", To: "en"}}
	if e.Pipeline, err = NewPipeline(ctx, fake, e.Settings); err != nil {
		t.Fatal(err)
	}
	e.UseMemory(m, MemoryOptions{})
	if _, err := e.Translate(ctx, read()); err != nil {
		t.Fatal(err)
	}
	// The second occurrence of the sentence gets an alternative.
	k := memory.Key{From: "fr", To: "en", Source: "Le ministre est parti."}
	if _, err := s.ApproveAt(ctx, k, memory.Occurrence{Doc: "asie/a", Pos: 1}, "The minister left.", "claire"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApproveAt(ctx, k, memory.Occurrence{Doc: "asie/a", Pos: 2}, "The minister has gone.", "paul"); err != nil {
		t.Fatal(err)
	}
	sent, single := fake.Segments(), m.single.Load()
	doc := read()
	st, err := e.Translate(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	if fake.Segments() != sent || st.FromMemory != st.Segments || m.single.Load() != single || m.batches.Load() != 2 {
		t.Errorf("rerun: %d sent, %d of %d from memory, %d single lookups, %d batches",
			fake.Segments()-sent, st.FromMemory, st.Segments, m.single.Load()-single, m.batches.Load())
	}
	if got := doc.Blocks[len(doc.Blocks)-1].Segments[0].Target; got != "The minister has gone." {
		t.Errorf("second occurrence = %q", got)
	}
	if len(e.MemoryAdapter().fetched) != 0 {
		t.Errorf("%d fetched lookups kept after the article", len(e.MemoryAdapter().fetched))
	}
}

// countingPuts counts the machine translations a memory stores one by one.
type countingPuts struct {
	*memory.Store
	single atomic.Int32
}

func (m *countingPuts) PutMachine(ctx context.Context, k memory.Key, backend, target string) error {
	m.single.Add(1)
	return m.Store.PutMachine(ctx, k, backend, target)
}

// TestStoreAll: the answers of a request go to the memory in one batch,
// under the keys Lookup finds them by; --no-memory and --dry-run store
// nothing.
func TestStoreAll(t *testing.T) {
	ctx := context.Background()
	s, err := memory.Open(ctx, filepath.Join(t.TempDir(), "memory.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m := &countingPuts{Store: s}
	segs := []translate.Segment{
		{Source: "M. Kim est arrivé à Pyongyang.", Target: "Mr Kim arrived in Pyongyang."},
		{Source: "Il a plu.", Target: "It rained."},
	}
	for _, o := range []MemoryOptions{{NoMachine: true}, {ReadOnly: true}} {
		a := &Adapter{M: m, From: "fr", To: "en", Backend: "apertium", NoMachine: o.NoMachine, ReadOnly: o.ReadOnly}
		if err := a.StoreAll(ctx, segs); err != nil {
			t.Fatal(err)
		}
	}
	if st, err := s.Stats(ctx); err != nil || st.Machine != 0 {
		t.Fatalf("stored with --no-memory or --dry-run: %+v, %v", st, err)
	}
	a := &Adapter{M: m, From: "fr", To: "en", Backend: "apertium"}
	if err := a.StoreAll(ctx, segs); err != nil {
		t.Fatal(err)
	}
	if n := m.single.Load(); n != 0 {
		t.Errorf("%d translations stored one by one", n)
	}
	for _, seg := range segs {
		got, by, ok, err := a.Lookup(ctx, translate.Occurrence{Doc: "a.txt", Pos: 1}, seg.Source, false)
		if err != nil || !ok || got != seg.Target || by != "apertium" {
			t.Errorf("%q: %q by %q, %v, %v", seg.Source, got, by, ok, err)
		}
	}
}
