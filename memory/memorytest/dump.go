package memorytest

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/bitext/bitext/memory"
)

// Fill writes a little of everything a memory holds into m: machine
// translations of two backends and two glossary versions, an HTML
// fragment, approvals with history, an alternative, a deletion and
// drafts. Other tests use it as a source memory.
func Fill(t *testing.T, m memory.Memory) {
	t.Helper()
	k := key("Kim Jong-un a inspecté une usine à Pyongyang.")
	k.Terms = "3f2a"
	html := memory.Key{From: "fr", To: "en", Source: "Selon <a href=\"https://kcna.kp\">KCNA</a>, il a souri.", Markup: true}
	a, b := memory.Occurrence{Doc: "asie/usine", Pos: 1}, memory.Occurrence{Doc: "asie/bilan", Pos: 2}
	must(t, m.PutMachine(ctx, k, "apertium", "Kim Jong-un has inspected a factory to Pyongyang."))
	must(t, m.PutMachine(ctx, k, "deepl", "Kim Jong-un inspected a factory in Pyongyang."))
	k2 := k
	k2.Terms = ""
	must(t, m.PutMachine(ctx, k2, "deepl", "Kim Jong Un inspected a factory in Pyongyang."))
	must(t, m.PutMachine(ctx, html, "deepl", "According to <a href=\"https://kcna.kp\">KCNA</a>, he smiled."))
	_, err := m.ApproveAt(ctx, k, a, "Kim Jong-un inspected a plant in Pyongyang.", "claire")
	must(t, err)
	_, err = m.ApproveAt(ctx, k, a, "Kim Jong-un toured a plant in Pyongyang.", "paul")
	must(t, err)
	_, err = m.ApproveAt(ctx, k, b, "Kim visited a factory.", "sophie")
	must(t, err)
	must(t, m.DeleteAt(ctx, html, b, "sophie"))
	must(t, m.PutDraft(ctx, html, a, "According to KCNA, he smiled broadly."))
	must(t, m.PutDraft(ctx, key("Une phrase supprimée."), a, ""))
}

// dump is everything a memory holds, as its Dumper reads it.
type dump struct {
	Entries     []memory.Entry
	Edits       []memory.Edit
	Occurrences []memory.OccurrenceRecord
}

// Dump reads all of m.
func Dump(t *testing.T, m memory.Dumper) dump {
	t.Helper()
	var d dump
	must(t, m.Entries(ctx, func(e memory.Entry) error { d.Entries = append(d.Entries, e); return nil }))
	must(t, m.Edits(ctx, func(e memory.Edit) error { d.Edits = append(d.Edits, e); return nil }))
	must(t, m.EachOccurrence(ctx, func(r memory.OccurrenceRecord) error { d.Occurrences = append(d.Occurrences, r); return nil }))
	return d
}

// Same fails t unless a and b hold the same entries, approvals and
// occurrence records in the same order.
func Same(t *testing.T, a, b memory.Dumper) {
	t.Helper()
	da, db := Dump(t, a), Dump(t, b)
	if !reflect.DeepEqual(da, db) {
		t.Errorf("the memories differ:\n%+v\n%+v", da, db)
	}
}

func load(t *testing.T, src, dst memory.Memory) {
	Fill(t, src)
	n, err := dst.Load(ctx, src)
	must(t, err)
	if n != (memory.Counts{Machine: 4, Approved: 1, Edits: 2, Occurrences: 5}) {
		t.Errorf("Load counted %+v", n)
	}
	Same(t, src, dst)
	d := Dump(t, dst)
	if len(d.Entries) != 5 || len(d.Edits) != 2 || len(d.Occurrences) != 5 {
		t.Errorf("loaded %d entries, %d approvals, %d occurrence records", len(d.Entries), len(d.Edits), len(d.Occurrences))
	}
	// The copy behaves as the original.
	k := key("Kim Jong-un a inspecté une usine à Pyongyang.")
	if e := lookup(t, dst, k, memory.Occurrence{Doc: "asie/bilan", Pos: 2}); e.Target != "Kim visited a factory." {
		t.Errorf("alternative after Load: %+v", e)
	}
	must(t, dst.UnapproveAt(ctx, k, memory.Occurrence{Doc: "asie/usine", Pos: 1}))
	if e := lookup(t, dst, k, memory.Occurrence{Doc: "asie/usine", Pos: 1}); e.Target != "Kim Jong-un inspected a plant in Pyongyang." || e.By != "claire" {
		t.Errorf("undo after Load: %+v", e)
	}
}

func loadRefusesNonEmpty(t *testing.T, src, dst memory.Memory) {
	Fill(t, src)
	must(t, dst.PutMachine(ctx, key("Déjà là."), "fake", "Already there."))
	if _, err := dst.Load(ctx, src); !errors.Is(err, memory.ErrNotEmpty) {
		t.Fatalf("Load into a memory with an entry: %v", err)
	}
	if d := Dump(t, dst); len(d.Entries) != 1 || len(d.Occurrences) != 0 {
		t.Errorf("a refused Load wrote: %+v", d)
	}
}

// tmxRoundTrip: what one memory exports, another imports, and exports
// the same; an import is one transaction.
func tmxRoundTrip(t *testing.T, a, b memory.Memory) {
	Fill(t, a)
	var out bytes.Buffer
	must(t, memory.WriteTMX(ctx, a, &out))
	st, err := b.ImportTMX(ctx, bytes.NewReader(out.Bytes()))
	must(t, err)
	if st.Added != 5 || st.Skipped != 0 {
		t.Errorf("ImportStats = %+v", st)
	}
	var again bytes.Buffer
	must(t, memory.WriteTMX(ctx, b, &again))
	if again.String() != out.String() {
		t.Errorf("export after import differs:\n%s\n%s", out.String(), again.String())
	}
	broken := strings.Replace(out.String(), "</body>", "", 1)
	if _, err := b.ImportTMX(ctx, strings.NewReader(broken)); err == nil {
		t.Error("a broken TMX was imported")
	}
	st, err = b.ImportTMX(ctx, bytes.NewReader(out.Bytes()))
	must(t, err)
	if st.Unchanged != 5 {
		t.Errorf("second import = %+v", st)
	}
}
