package apertium

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

// span wraps an English term as glossary.Protect does.
func span(term string) string { return `<span translate="no">` + term + `</span>` }

func TestPrevWord(t *testing.T) {
	tests := []struct{ before, want string }{
		{"Selon l'", "l'"},
		{"Selon l’", "l'"},
		{"selon l&#39;", "l'"},
		{"Le dirigeant ", "dirigeant"},
		{"Les 30 responsables <b>", "responsables"},
		{"La <em>délégation</em> ", "délégation"},
		{"« ", ""},
		{"", ""},
		{"à ", "à"},
		{"Le vice-président ", "vice-président"},
	}
	for _, tt := range tests {
		if got := prevWord(tt.before); got != tt.want {
			t.Errorf("prevWord(%q) = %q, want %q", tt.before, got, tt.want)
		}
	}
}

func TestRoleOf(t *testing.T) {
	tests := []struct {
		prev, text string
		want       role
	}{
		{"", "Seoul", role{kind: properNoun}},
		{"selon", "Agence France-Presse", role{kind: properNoun}},
		{"la", "North Korea", role{kind: commonNoun, feminine: true}},
		{"l'", "Joint Chiefs of Staff", role{kind: commonNoun}},
		{"les", "United States", role{kind: commonNoun, plural: true}},
		{"dirigeant", "North Korean", role{kind: adjective}},
		{"responsables", "South Korean", role{kind: adjective, plural: true}},
		{"île", "Japanese", role{kind: adjective}},
		{"dirigeant", "Kim Jong-un", role{kind: properNoun}},
		{"est", "North Korean", role{kind: properNoun}},
		{"à", "British", role{kind: properNoun}},
		{"dirigeant", "north korean", role{kind: properNoun}},
		{"chef", "Khasan", role{kind: properNoun}},
		{"300", "North Korean", role{kind: properNoun}},
		{"vice-président", "Russian", role{kind: adjective}},
		{"manœuvres", "US-South Korean", role{kind: adjective, plural: true}},
		{"sommet", "regional", role{kind: adjective}},
		{"missiles", "ballistic", role{kind: adjective, plural: true}},
		{"sommet", "nuclear test", role{kind: properNoun}},
		{"a", "regional", role{kind: properNoun}},
		{"sommet", "Regional", role{kind: properNoun}},
	}
	for _, tt := range tests {
		if got := roleOf(tt.prev, tt.text); got != tt.want {
			t.Errorf("roleOf(%q, %q) = %+v, want %+v", tt.prev, tt.text, got, tt.want)
		}
	}
}

func TestChooserAvoidsWordsOfTheSegment(t *testing.T) {
	c := newChooser(defaultStandIns(), "Le ministre a quitté Oslo pour Lima, selon un porte-parole.")
	word, in := c.pick(role{kind: properNoun})
	if in == nil || word == "Oslo" || word == "Lima" {
		t.Fatalf("picked %q, a word of the segment", word)
	}
	second, _ := c.pick(role{kind: properNoun})
	if second == word {
		t.Fatalf("picked %q twice", word)
	}
	if w, in := c.pick(role{kind: commonNoun, plural: true, feminine: true}); in == nil || !in.feminine || w != in.pl {
		t.Errorf("feminine plural noun: %q %+v", w, in)
	}
	if w, in := c.pick(role{kind: adjective}); in == nil || in.kind != adjective || w != in.sg {
		t.Errorf("adjective: %q %+v", w, in)
	}
}

func TestChooserFallsBackToNames(t *testing.T) {
	pool := []standIn{{kind: commonNoun, sg: "violon", pl: "violons", en: []string{"violin", "violins"}},
		{kind: properNoun, sg: "Oslo", pl: "Oslo", en: []string{"oslo"}}}
	c := newChooser(pool, "un texte")
	for _, want := range []string{"violon", "Oslo", ""} {
		if got, _ := c.pick(role{kind: commonNoun}); got != want {
			t.Errorf("pick = %q, want %q", got, want)
		}
	}
}

func TestEncodeWithStandIns(t *testing.T) {
	src := "Selon l'" + span("Agence France-Presse") + ", le dirigeant " + span("North Korean") +
		" " + span("Kim Jong-un") + " a visité " + span("Oslo") + `<span translate="no"> </span>.`
	seg := encodeSegment(src, true, defaultStandIns())
	want := `Selon l'parapluie, le dirigeant belge Lima a visité Madrid[\<span translate="no"\> \<\/span\>]..[]`
	if got := string(seg.data); got != want {
		t.Fatalf("encoded\n %q\nwant\n %q", got, want)
	}
	if len(seg.slots) != 4 || seg.slots[1].elem != span("North Korean") || seg.slots[3].elem != span("Oslo") {
		t.Fatalf("slots %+v", seg.slots)
	}
	blank := encodeSegment(src, true, nil)
	if blank.slots != nil || !bytes.Contains(blank.data, []byte(`[\<span translate="no"\>Kim Jong-un\<\/span\>]`)) {
		t.Fatalf("without stand-ins: %q", blank.data)
	}
}

func TestEncodeFallsBackWhenPoolIsExhausted(t *testing.T) {
	pool := defaultStandIns()[:2]
	src := span("Seoul") + ", " + span("Pyongyang") + " et " + span("Moscow") + " ont répondu."
	seg := encodeSegment(src, true, pool)
	if seg.slots != nil || !bytes.Contains(seg.data, []byte(`\>Moscow\<`)) {
		t.Fatalf("three terms, two stand-ins: slots %+v, data %q", seg.slots, seg.data)
	}
	if two := encodeSegment(span("Seoul")+" et "+span("Pyongyang"), true, pool); len(two.slots) != 2 {
		t.Fatalf("two terms, two stand-ins: %+v", two)
	}
}

func TestReveal(t *testing.T) {
	pool := defaultStandIns()
	oslo, lima, umbrella := &pool[0], &pool[1], &pool[10]
	slots := []slot{{in: oslo, elem: span("Seoul")}, {in: lima, elem: `<span translate="no">[K] \ "Kim"</span>`},
		{in: umbrella, elem: span("Joint Chiefs of Staff")}}
	tests := []struct {
		name, out, want string
		ok              bool
	}{
		{"in order", "Oslo will receive Lima, said the umbrella..[]",
			span("Seoul") + ` will receive <span translate="no">[K] \ "Kim"</span>, said the ` + span("Joint Chiefs of Staff") + ".", true},
		{"moved and recased", "The UMBRELLAS of lima met oslo's envoy..[]",
			"The " + span("Joint Chiefs of Staff") + ` of <span translate="no">[K] \ "Kim"</span> met ` + span("Seoul") + "'s envoy.", true},
		{"dropped", "Oslo will receive the umbrella..[]", "", false},
		{"duplicated", "Oslo and Oslo will receive Lima, said the umbrella..[]", "", false},
		{"two forms", "Oslo will receive Lima, said the umbrella and umbrellas..[]", "", false},
		{"part of a word", "Oslovia will receive Lima, said the umbrella..[]", "", false},
		{"in a superblank", `[<a href="oslo">]Lima[<\/a>] said the umbrella..[]`, "", false},
		{"after an escape", `\[Oslo\] Lima said the umbrella..[]`,
			"[" + span("Seoul") + `] <span translate="no">[K] \ "Kim"</span> said the ` + span("Joint Chiefs of Staff") + ".", true},
	}
	for _, tt := range tests {
		out, ok := reveal([]byte(tt.out), slots)
		if ok != tt.ok {
			t.Errorf("%s: ok = %v", tt.name, ok)
			continue
		}
		if !ok {
			if string(out) != tt.out {
				t.Errorf("%s: output changed on failure: %q", tt.name, out)
			}
			continue
		}
		if got := decodeSegment(segment{}, out); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestParseProtection(t *testing.T) {
	for in, want := range map[string]Protection{"placeholder": ProtectPlaceholder, " Blank ": ProtectBlank} {
		if got, err := parseProtection(in); err != nil || got != want {
			t.Errorf("parseProtection(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := parseProtection("notrans"); err == nil || !strings.Contains(err.Error(), "placeholder or blank") {
		t.Errorf("bad value: %v", err)
	}
}

// fakeStandIns are stand-ins for the fake pipeline: "gone" is dropped by
// it, "twice" doubled, "kept" kept.
func fakeStandIns() []standIn {
	var pool []standIn
	for _, w := range []string{"gone", "twice", "kept"} {
		pool = append(pool, standIn{kind: properNoun, sg: w, pl: w, en: []string{w}})
	}
	return pool
}

func TestFakeStandInRestored(t *testing.T) {
	be := newFakeBackend(t, Config{Workers: 1})
	be.standIns = fakeStandIns()[2:]
	elem := `<span translate="no" class="t">Kim <b>Jong-un</b> &amp; [co] \ ^$</span>`
	got, err := be.Translate(t.Context(), htmlFake("selon "+elem+", la <em>réunion</em> a eu lieu"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "SELON " + elem + ", LA <em>RéUNION</em> A EU LIEU"; got[0] != want {
		t.Fatalf("got  %q\nwant %q", got[0], want)
	}
	if n := be.fallbacks.Load(); n != 0 {
		t.Errorf("%d fallbacks", n)
	}
}

// TestFakeStandInFallback checks that a segment whose stand-in the engine
// dropped or doubled is sent again with blanks, alone, and that the other
// segments of the batch keep their stand-in translation.
func TestFakeStandInFallback(t *testing.T) {
	be := newFakeBackend(t, Config{Workers: 1})
	be.standIns = fakeStandIns()
	segs := []string{
		"le dirigeant " + span("Kim Jong-un") + " parle",   // gets "gone": dropped
		"gone " + span("Moscow") + " répond",               // gets "twice": doubled
		"gone twice " + span("Seoul") + " accueille",       // gets "kept"
		"gone twice kept " + span("Pyongyang") + " refuse", // no stand-in left: blanks
	}
	got, err := be.Translate(t.Context(), htmlFake(segs...))
	if err != nil {
		t.Fatal(err)
	}
	twice16 := strings.Repeat(" TWICE", 16) // doubled by each of four stages
	want := []string{
		"LE DIRIGEANT " + span("Kim Jong-un") + " PARLE",
		" " + span("Moscow") + " RéPOND",
		twice16 + " " + span("Seoul") + " ACCUEILLE",
		twice16 + " KEPT " + span("Pyongyang") + " REFUSE",
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("segment %d:\n got %q\nwant %q", i, got[i], want[i])
		}
	}
	if n := be.fallbacks.Load(); n != 2 {
		t.Errorf("%d segments fell back, want 2", n)
	}
}

func TestFakeProtectBlank(t *testing.T) {
	be := newFakeBackend(t, Config{Workers: 1, Protect: ProtectBlank})
	be.standIns = fakeStandIns()
	got, err := be.Translate(t.Context(), htmlFake("le dirigeant "+span("Kim Jong-un")+" parle"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "LE DIRIGEANT " + span("Kim Jong-un") + " PARLE"; got[0] != want || be.fallbacks.Load() != 0 {
		t.Fatalf("got %q (%d fallbacks), want %q", got[0], be.fallbacks.Load(), want)
	}
}

func htmlFake(segs ...string) translate.Request {
	return translate.Request{From: "xx", To: "zz", HTML: true, Segments: segs}
}
