package memory

import (
	"context"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
)

var ctx = context.Background()

func lookup(t *testing.T, s *Store, k Key, backend string) (string, bool) {
	t.Helper()
	e, ok, err := s.Lookup(ctx, k, backend)
	if err != nil {
		t.Fatal(err)
	}
	return e.Target, ok
}

func TestLookupPrecedence(t *testing.T) {
	s := openTest(t)
	k := Key{From: "fr", To: "en", Source: "Le sommet de Séoul s'ouvrira le 12 mai, selon l'agence Yonhap."}
	must(t, s.PutMachine(ctx, k, "apertium", "The summit of Seoul will open on 12 May, according to the agency Yonhap."))
	must(t, s.PutMachine(ctx, k, "deepl", "The Seoul summit will open on 12 May, Yonhap news agency said."))

	if got, _ := lookup(t, s, k, "apertium"); got != "The summit of Seoul will open on 12 May, according to the agency Yonhap." {
		t.Errorf("apertium's own machine entry: got %q", got)
	}
	if got, _ := lookup(t, s, k, "deepl"); got != "The Seoul summit will open on 12 May, Yonhap news agency said." {
		t.Errorf("deepl's own machine entry: got %q", got)
	}
	if got, ok := lookup(t, s, k, "google"); ok {
		t.Errorf("another backend's machine entry was reused: %q", got)
	}

	approved := "The Seoul summit will open on May 12, according to Yonhap."
	must(t, s.Approve(ctx, k, approved, "claire"))
	for _, b := range []string{"apertium", "deepl", "google"} {
		if got, ok := lookup(t, s, k, b); !ok || got != approved {
			t.Errorf("Lookup(%s) after approval = %q, %v; want the approved text", b, got, ok)
		}
	}
	other := k
	other.Terms = "0123456789abcdef"
	if got, ok := lookup(t, s, other, "google"); !ok || got != approved {
		t.Errorf("approved entry with other glossary terms = %q, %v", got, ok)
	}
	other.Markup = true
	if got, ok := lookup(t, s, other, "apertium"); ok {
		t.Errorf("an HTML segment reused a plain one: %q", got)
	}
	// A new machine translation does not displace the approved one.
	must(t, s.PutMachine(ctx, k, "apertium", "The summit of Seoul opens."))
	if got, _ := lookup(t, s, k, "apertium"); got != approved {
		t.Errorf("after a rerun: %q", got)
	}
}

func TestTermsKey(t *testing.T) {
	kim := translate.TermPair{Source: "Kim Jong-un", Target: "Kim Jong Un"}
	yonhap := translate.TermPair{Source: "Yonhap", Target: "Yonhap"}
	if TermsKey(nil) != "" {
		t.Errorf("no terms: %q, want empty", TermsKey(nil))
	}
	a := TermsKey([]translate.TermPair{kim, yonhap})
	if b := TermsKey([]translate.TermPair{yonhap, kim, kim}); a != b {
		t.Errorf("order or duplicates changed the key: %s vs %s", a, b)
	}
	changed := translate.TermPair{Source: "Kim Jong-un", Target: "Kim Jong-un"}
	if TermsKey([]translate.TermPair{changed, yonhap}) == a {
		t.Error("changing a target kept the key")
	}
	if TermsKey([]translate.TermPair{{Source: "Kim Jong-un Yonhap", Target: ""}}) == TermsKey([]translate.TermPair{{Source: "Kim Jong-un", Target: " Yonhap"}}) {
		t.Error("source/target boundary is ambiguous")
	}

	// The memory reuses a translation only with the same terms.
	s := openTest(t)
	k := Key{From: "fr", To: "en", Source: "Kim Jong-un a reçu la délégation, selon Yonhap.", Terms: a}
	must(t, s.PutMachine(ctx, k, "apertium", "Kim Jong Un received the delegation, according to Yonhap."))
	if _, ok := lookup(t, s, k, "apertium"); !ok {
		t.Error("same terms: not found")
	}
	k.Terms = TermsKey([]translate.TermPair{changed, yonhap})
	if _, ok := lookup(t, s, k, "apertium"); ok {
		t.Error("a changed glossary entry reused the old translation")
	}
}

func TestPutMachineReplacesAndKeepsUnchanged(t *testing.T) {
	s := openTest(t)
	k := Key{From: "fr", To: "en", Source: "La Bourse de Paris a clôturé en hausse de 1,2 %."}
	must(t, s.PutMachine(ctx, k, "apertium", "The Paris Stock Exchange closed up 1,2 %."))
	must(t, s.PutMachine(ctx, k, "apertium", "The Paris Stock Exchange closed up 1.2%."))
	es, err := s.Get(ctx, k)
	if err != nil || len(es) != 1 || es[0].Target != "The Paris Stock Exchange closed up 1.2%." || es[0].Status != Machine {
		t.Fatalf("Get = %+v, %v", es, err)
	}
	if es[0].Created != fixedNow || es[0].Backend != "apertium" {
		t.Errorf("entry = %+v", es[0])
	}
}

func TestPutMachineBatch(t *testing.T) {
	s := openTest(t)
	fill(t, s, 50)
	for _, i := range []int{0, 17, 49} {
		k := Key{From: "fr", To: "en", Source: sentence(i)}
		if got, ok := lookup(t, s, k, "apertium"); !ok || got != "The sentence "+itoa(i) {
			t.Errorf("entry %d = %q, %v", i, got, ok)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Machine != 50 || st.Sentences != 50 {
		t.Fatalf("Stats = %+v, %v", st, err)
	}
	// A batch is all or nothing.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.PutMachineBatch(cctx, "deepl", []Translation{{Key: Key{From: "fr", To: "en", Source: "x"}, Target: "y"}}); err == nil {
		t.Error("a cancelled batch succeeded")
	}
}

func TestApproveKeepsDraftAndHistory(t *testing.T) {
	s := openTest(t)
	k := Key{From: "fr", To: "en", Source: "« Nous ne céderons pas », a déclaré Mme Dubois."}
	draft := "« We will not yield », has declared Mrs Dubois."
	must(t, s.PutMachine(ctx, k, "apertium", draft))
	must(t, s.Approve(ctx, k, `"We will not give in," Ms Dubois said.`, "claire"))
	must(t, s.Approve(ctx, k, `"We will not give in," Ms Dubois said.`, "claire")) // no-op
	must(t, s.Approve(ctx, k, `"We will not back down," Ms Dubois said.`, "marc"))

	es, err := s.Get(ctx, k)
	if err != nil || len(es) != 2 {
		t.Fatalf("Get = %+v, %v", es, err)
	}
	if es[0].Status != Approved || es[0].By != "marc" || es[0].Backend != "apertium" || es[1].Target != draft {
		t.Errorf("Get = %+v", es)
	}
	h, err := s.History(ctx, k)
	if err != nil || len(h) != 2 {
		t.Fatalf("History = %+v, %v", h, err)
	}
	if h[0].Draft != draft || h[0].Prev != "" || h[0].By != "claire" || !h[0].Edited() {
		t.Errorf("first edit = %+v", h[0])
	}
	if h[1].Prev != h[0].Target || h[1].By != "marc" || h[1].At != fixedNow {
		t.Errorf("second edit = %+v", h[1])
	}
}

func TestStatsEditRates(t *testing.T) {
	s := openTest(t)
	keys := []Key{
		{From: "fr", To: "en", Source: "Le président est arrivé à Berlin."},
		{From: "fr", To: "en", Source: "Le gouvernement a démissionné lundi."},
		{From: "fr", To: "en", Source: "Trois personnes ont été blessées."},
	}
	must(t, s.PutMachine(ctx, keys[0], "apertium", "The president arrived in Berlin."))
	must(t, s.PutMachine(ctx, keys[1], "apertium", "The government resigned Monday."))
	must(t, s.PutMachine(ctx, keys[2], "deepl", "Three people were injured."))
	must(t, s.Approve(ctx, keys[0], "The president arrived in Berlin.", "claire"))
	must(t, s.Approve(ctx, keys[1], "The government resigned on Monday.", "claire"))
	must(t, s.Approve(ctx, keys[2], "Three people were hurt.", "marc"))

	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Sentences != 3 || st.Machine != 3 || st.Approved != 3 || st.Edits != 3 || len(st.Pairs) != 1 {
		t.Fatalf("Stats = %+v", st)
	}
	ap, dl := st.Backends[0], st.Backends[1]
	if ap.Backend != "apertium" || ap.Reviewed != 2 || ap.Edited != 1 || ap.EditedShare() != 0.5 {
		t.Errorf("apertium = %+v", ap)
	}
	// One inserted word over 5+5 approved words.
	if want := 1.0 / 10; ap.WordEditRate != want {
		t.Errorf("apertium word edit rate = %v, want %v", ap.WordEditRate, want)
	}
	// One substituted word over 4.
	if dl.Backend != "deepl" || dl.Edited != 1 || dl.WordEditRate != 0.25 {
		t.Errorf("deepl = %+v", dl)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestUnapprove(t *testing.T) {
	s := openTest(t)
	k := Key{From: "fr", To: "en", Source: "Le couvre-feu a été levé à Nouméa."}
	must(t, s.PutMachine(ctx, k, "apertium", "The curfew has been raised in Noumea."))
	must(t, s.Approve(ctx, k, "The curfew was lifted in Nouméa.", "claire"))
	s.now = func() time.Time { return fixedNow.Add(time.Hour) }
	must(t, s.Approve(ctx, k, "The curfew in Nouméa was lifted.", "marc"))

	must(t, s.Unapprove(ctx, k))
	e, ok, err := s.Lookup(ctx, k, "deepl")
	if err != nil || !ok || e.Target != "The curfew was lifted in Nouméa." || e.By != "claire" || e.Updated != fixedNow {
		t.Fatalf("after one undo: %+v, %v, %v", e, ok, err)
	}
	if h, _ := s.History(ctx, k); len(h) != 1 {
		t.Errorf("history after undo = %+v", h)
	}
	must(t, s.Unapprove(ctx, k))
	if got, _ := lookup(t, s, k, "apertium"); got != "The curfew has been raised in Noumea." {
		t.Errorf("after undoing the first approval, apertium gets %q, want its draft", got)
	}
	if _, ok := lookup(t, s, k, "deepl"); ok {
		t.Error("after undoing the first approval another backend still gets a translation")
	}
	must(t, s.Unapprove(ctx, k)) // nothing to undo
	if es, _ := s.Get(ctx, k); len(es) != 1 || es[0].Status != Machine {
		t.Errorf("entries = %+v", es)
	}
}
