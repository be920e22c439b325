package memorytest

import (
	"testing"

	"github.com/bitext/bitext/memory"
)

// lookupAll checks LookupAll where the memory has it: every answer, found
// or not, is the one LookupAt gives for the same query, in order; a
// query asked twice is answered twice.
func lookupAll(t *testing.T, m memory.Memory) {
	bl, ok := m.(memory.BatchLookuper)
	if !ok {
		t.Skip("this memory looks sentences up one by one")
	}
	d, ok := m.(memory.Dumper)
	if !ok {
		t.Skip("this memory cannot list its entries")
	}
	Fill(t, m)
	var qs []memory.LookupQuery
	err := d.Entries(ctx, func(e memory.Entry) error {
		for _, backend := range []string{"apertium", "deepl", "other"} {
			for _, at := range []memory.Occurrence{{Doc: "asie/usine", Pos: 1}, {Doc: "asie/bilan", Pos: 2}, {Doc: "x", Pos: 1}, {}} {
				qs = append(qs, memory.LookupQuery{Key: e.Key, Backend: backend, At: at})
			}
		}
		return nil
	})
	must(t, err)
	absent := memory.LookupQuery{Key: key("Absente de la mémoire."), Backend: "deepl", At: memory.Occurrence{Doc: "asie/usine", Pos: 1}}
	qs = append(qs, absent, qs[0], absent)
	got, err := bl.LookupAll(ctx, qs)
	must(t, err)
	if len(got) != len(qs) {
		t.Fatalf("%d answers to %d queries", len(got), len(qs))
	}
	found := 0
	for i, q := range qs {
		e, ok, err := m.LookupAt(ctx, q.Key, q.Backend, q.At)
		must(t, err)
		if got[i].OK != ok || got[i].Entry != e {
			t.Errorf("query %d %+v:\nLookupAll %+v\nLookupAt  %+v, %v", i, q, got[i], e, ok)
		}
		if ok {
			found++
		}
	}
	if found == 0 || found == len(qs) {
		t.Errorf("%d of %d found: the test proves little", found, len(qs))
	}
	if none, err := bl.LookupAll(ctx, nil); err != nil || len(none) != 0 {
		t.Errorf("no queries: %v, %v", none, err)
	}
}
