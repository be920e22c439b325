package memory

import "testing"

// TestLookupAllTextJSONCannotCarry: sentences with bytes that are not
// UTF-8 or with a NUL, which JSON text would change, are still found, as
// LookupAt finds them.
func TestLookupAllTextJSONCannotCarry(t *testing.T) {
	s := openTest(t)
	defer s.Close()
	odd := []Key{
		{From: "fr", To: "en", Source: "M. Kim \xff a parlé."},
		{From: "fr", To: "en", Source: "Pyongyang\x00 a répondu."},
	}
	plain := Key{From: "fr", To: "en", Source: "Le KCNA l’a annoncé."}
	for i, k := range append(odd, plain) {
		if err := s.PutMachine(ctx, k, "apertium", "Answer "+itoa(i)); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range odd {
		qs := []LookupQuery{{Key: plain, Backend: "apertium"}, {Key: k, Backend: "apertium"}}
		got, err := s.LookupAll(ctx, qs)
		if err != nil {
			t.Fatal(err)
		}
		for i, q := range qs {
			e, ok, err := s.LookupAt(ctx, q.Key, q.Backend, q.At)
			if err != nil || !ok {
				t.Fatalf("LookupAt %q: %v, %v", q.Key.Source, ok, err)
			}
			if !got[i].OK || got[i].Entry != e {
				t.Errorf("%q: LookupAll %+v, LookupAt %+v", q.Key.Source, got[i], e)
			}
		}
	}
}
