package memorytest

import (
	"fmt"
	"sync"
	"testing"

	"github.com/bitext/bitext/memory"
)

// getAndHistory: Get lists the approved translation first, then machine
// ones, most recent first; History keeps every approval with its editor
// and the draft it started from.
func getAndHistory(t *testing.T, m memory.Memory) {
	k := key("Le président a reçu M. Kim à Séoul.")
	a := memory.Occurrence{Doc: "asie/seoul", Pos: 1}
	must(t, m.PutMachine(ctx, k, "apertium", "The president received Mr. Kim in Seoul."))
	must(t, m.PutMachine(ctx, k, "deepl", "The president welcomed Mr. Kim to Seoul."))
	_, err := m.ApproveAt(ctx, k, a, "The president met Mr. Kim in Seoul.", "claire")
	must(t, err)
	_, err = m.ApproveAt(ctx, k, a, "The president hosted Mr. Kim in Seoul.", "paul")
	must(t, err)
	es, err := m.Get(ctx, k)
	must(t, err)
	if len(es) != 3 || es[0].Status != memory.Approved || es[1].Backend != "deepl" || es[2].Backend != "apertium" {
		t.Fatalf("Get = %+v", es)
	}
	if es[0].Target != "The president hosted Mr. Kim in Seoul." || es[0].By != "paul" || es[0].ApprovedAt != a {
		t.Errorf("approved entry = %+v", es[0])
	}
	h, err := m.History(ctx, k)
	must(t, err)
	if len(h) != 2 {
		t.Fatalf("History = %+v", h)
	}
	first, second := h[0], h[1]
	if first.By != "claire" || first.Prev != "" || first.Target != "The president met Mr. Kim in Seoul." ||
		first.Draft != "The president welcomed Mr. Kim to Seoul." || first.Backend != "deepl" {
		t.Errorf("first approval = %+v", first)
	}
	if second.By != "paul" || second.Prev != first.Target || second.At.Before(first.At) {
		t.Errorf("second approval = %+v", second)
	}
}

// unapprove: withdrawing approvals one by one brings back the one before,
// then the machine translation.
func unapprove(t *testing.T, m memory.Memory) {
	k := key("Les discussions reprendront mardi.")
	a := memory.Occurrence{Doc: "a", Pos: 1}
	must(t, m.PutMachine(ctx, k, "fake", "The discussions will resume Tuesday."))
	_, err := m.ApproveAt(ctx, k, a, "Talks will resume on Tuesday.", "claire")
	must(t, err)
	_, err = m.ApproveAt(ctx, k, a, "Talks resume on Tuesday.", "paul")
	must(t, err)
	must(t, m.UnapproveAt(ctx, k, a))
	if e := lookup(t, m, k, a); e.Target != "Talks will resume on Tuesday." || e.By != "claire" {
		t.Errorf("after one undo: %+v", e)
	}
	must(t, m.UnapproveAt(ctx, k, a))
	if e := lookup(t, m, k, a); e.Status != memory.Machine {
		t.Errorf("after two undos: %+v", e)
	}
	if h, _ := m.History(ctx, k); len(h) != 0 {
		t.Errorf("withdrawn approvals stayed in the history: %+v", h)
	}
	must(t, m.UnapproveAt(ctx, k, a)) // nothing left: no error
}

func stats(t *testing.T, m memory.Memory) {
	st, err := m.Stats(ctx)
	must(t, err)
	if st.Sentences != 0 || !st.Oldest.IsZero() {
		t.Errorf("empty memory: %+v", st)
	}
	k1, k2 := key("Il pleut à Brest."), key("Il neige à Lille.")
	must(t, m.PutMachine(ctx, k1, "fake", "It rains in Brest."))
	must(t, m.PutMachine(ctx, k2, "fake", "It snows in Lille."))
	must(t, m.PutMachine(ctx, memory.Key{From: "de", To: "en", Source: "Es regnet."}, "other", "It rains."))
	_, err = m.ApproveAt(ctx, k1, memory.Occurrence{Doc: "a", Pos: 1}, "It is raining in Brest.", "claire")
	must(t, err)
	st, err = m.Stats(ctx)
	must(t, err)
	if st.Sentences != 3 || st.Machine != 3 || st.Approved != 1 || st.Edits != 1 || len(st.Pairs) != 2 || st.Path == "" {
		t.Fatalf("Stats = %+v", st)
	}
	if p := st.Pairs[1]; p.From != "fr" || p.Sentences != 2 || p.Machine != 2 || p.Approved != 1 {
		t.Errorf("fr→en = %+v", p)
	}
	var fake memory.BackendStats
	for _, b := range st.Backends {
		if b.Backend == "fake" {
			fake = b
		}
	}
	// "It rains in Brest." → "It is raining in Brest.": 2 of 5 words.
	if fake.Machine != 2 || fake.Reviewed != 1 || fake.Edited != 1 || fake.WordEditRate < 0.39 || fake.WordEditRate > 0.41 {
		t.Errorf("fake = %+v", fake)
	}
	if st.Oldest.IsZero() || st.Newest.Before(st.Oldest) {
		t.Errorf("dates = %v, %v", st.Oldest, st.Newest)
	}
}

func fuzzy(t *testing.T, m memory.Memory) {
	k := key("Le ministre a annoncé un accord sur l'énergie, selon l'AFP.")
	must(t, m.PutMachine(ctx, k, "fake", "The minister announced an energy deal, according to AFP."))
	must(t, m.PutMachine(ctx, key("Tout autre chose."), "fake", "Something else."))
	ms, err := m.Fuzzy(ctx, "fr", "en", "Le ministre a annoncé un accord sur l'énergie, selon Reuters.", memory.DefaultFuzzy, 5)
	must(t, err)
	if len(ms) != 1 || ms[0].Entry.Key.Source != k.Source || ms[0].Score < memory.DefaultFuzzy || ms[0].Score >= 1 {
		t.Fatalf("Fuzzy = %+v", ms)
	}
	// Sentences stored after the first search are found too.
	k2 := key("Le ministre a annoncé un accord sur le gaz, selon l'AFP.")
	must(t, m.PutMachine(ctx, k2, "fake", "The minister announced a gas deal, according to AFP."))
	ms, err = m.Fuzzy(ctx, "fr", "en", "Le ministre a annoncé un accord sur le gaz, selon Reuters.", 0.8, 5)
	must(t, err)
	if len(ms) == 0 || ms[0].Entry.Key.Source != k2.Source {
		t.Errorf("Fuzzy after a new entry = %+v", ms)
	}
	if _, err := m.Fuzzy(ctx, "fr", "en", "x", 0, 5); err == nil {
		t.Error("a threshold of 0 was accepted")
	}
}

// concurrent writes from several goroutines: nothing lost or doubled.
func concurrent(t *testing.T, m memory.Memory) {
	const writers, each = 8, 25
	shared := key("Le sommet s'est achevé sans déclaration commune.")
	var wg sync.WaitGroup
	errs := make(chan error, writers*(2*each+1))
	for w := range writers {
		wg.Go(func() {
			by := fmt.Sprintf("editor%d", w)
			for i := range each {
				k := key(fmt.Sprintf("Dépêche %d-%d : le ministre a parlé.", w, i))
				errs <- m.PutMachine(ctx, k, "fake", fmt.Sprintf("Dispatch %d-%d: the minister spoke.", w, i))
				_, err := m.ApproveAt(ctx, k, memory.Occurrence{Doc: by, Pos: 1}, fmt.Sprintf("Dispatch %d-%d: the minister spoke out.", w, i), by)
				errs <- err
			}
			_, err := m.ApproveAt(ctx, shared, memory.Occurrence{Doc: by, Pos: 1}, "The summit ended without a joint statement, says "+by+".", by)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}
	st, err := m.Stats(ctx)
	must(t, err)
	if st.Machine != writers*each || st.Approved != writers*each+1 || st.Edits != writers*each+1 {
		t.Errorf("Stats = %d machine, %d approved, %d approvals; want %d, %d, %d",
			st.Machine, st.Approved, st.Edits, writers*each, writers*each+1, writers*each+1)
	}
	kinds := map[memory.Kind]int{}
	for w := range writers {
		recs, err := m.Occurrences(ctx, fmt.Sprintf("editor%d", w))
		must(t, err)
		for _, r := range recs {
			if r.Key.Source == shared.Source {
				kinds[r.Kind]++
			}
		}
	}
	if kinds[memory.ApprovedHere] != 1 || kinds[memory.Alternative] != writers-1 {
		t.Errorf("the shared sentence's records: %v; want one default and %d alternatives", kinds, writers-1)
	}
}
