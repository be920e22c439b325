package apertium

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/bitext/bitext/translate"
)

// standInFrames are French sentences, written for these tests, with a slot
// %s for a stand-in of each kind: the singular in the first two, the
// plural in the third.
var standInFrames = map[kind][3]string{
	properNoun: {
		"%s accueillera en mars un sommet régional, selon l'AFP.",
		"Le ministre a rencontré M. Kim lundi 4 mars à %s, a indiqué un porte-parole.",
		"Selon %s, 3 000 soldats ont quitté la frontière.",
	},
	commonNoun: {
		"Selon le %s, les négociations reprendront mardi à 12 h 30.",
		"Mme Park a salué « le rôle du %s » lors d'une conférence de presse.",
		"Les %s ont annoncé jeudi de nouvelles sanctions, selon l'agence Yonhap.",
	},
	adjective: {
		"Le dirigeant %s a reçu mardi une délégation de 30 personnes.",
		"L'armée %s a tiré deux missiles, a rapporté l'agence officielle.",
		"Les 30 responsables %s sont arrivés lundi à Séoul.",
	},
}

// TestStandInsSurviveApertium checks every stand-in of the pool through
// the installed pipelines: each must come out exactly once, as a whole
// word in one of its English forms, in every frame sentence, and an
// adjective must come before the noun it follows in French.
func TestStandInsSurviveApertium(t *testing.T) {
	be := newRealBackend(t, Config{})
	pool := defaultStandIns()
	var segs []string
	for _, s := range pool {
		f := standInFrames[s.kind]
		segs = append(segs, fmt.Sprintf(f[0], s.sg), fmt.Sprintf(f[1], s.sg), fmt.Sprintf(f[2], s.pl))
	}
	got, err := be.Translate(t.Context(), frEn(segs...))
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range pool {
		for j, out := range got[3*i : 3*i+3] {
			seg := encodeSegment(out, false, nil)
			slots := []slot{{in: &pool[i], elem: "X"}}
			if _, ok := reveal(seg.data, slots); !ok {
				t.Errorf("stand-in %q lost or doubled: %q → %q", s.sg, segs[3*i+j], out)
			}
		}
		if s.kind == adjective && !strings.Contains(strings.ToLower(got[3*i]), s.en[0]+" leader") {
			t.Errorf("adjective %q not before its noun: %q", s.sg, got[3*i])
		}
	}
}

// goldenTerms are protected segments as the glossary makes them, with
// their translation by stand-ins and by blanks: the stand-ins keep the
// subject ("Seoul will receive", not "Seoul It will receive") and put
// adjectives before the noun.
var goldenTerms = []struct{ in, placeholder, blank string }{
	{
		span("Seoul") + " accueillera en mars un sommet régional, selon l'agence " + span("Yonhap") + ".",
		span("Seoul") + " will receive in March a regional summit, according to the agency " + span("Yonhap") + ".",
		span("Seoul") + " It will receive in March a regional summit, according to the agency " + span("Yonhap") + ".",
	},
	{
		"Le dirigeant " + span("North Korean") + " " + span("Kim Jong-un") + " a inspecté vendredi une unité.",
		"The " + span("North Korean") + " leader " + span("Kim Jong-un") + " has inspected Friday a unit.",
		"The leader " + span("North Korean") + " " + span("Kim Jong-un") + " has inspected Friday a unit.",
	},
	{
		"« " + span("Moscow") + " n'a plus aucune raison de respecter ce régime », estime Mme " + span("Kim Soo-jin") + ".",
		"« " + span("Moscow") + " no longer has any reason to respect this diet », esteem Sra " + span("Kim Soo-jin") + ".",
		"« " + span("Moscow") + " No longer it has any reason to respect this diet », esteem Sra " + span("Kim Soo-jin") + ".",
	},
	{
		"Selon l'" + span("Joint Chiefs of Staff") + ", 30 responsables " + span("South Korean") + " sont arrivés à " + span("Moscow") + ".",
		"According to the " + span("Joint Chiefs of Staff") + ", 30 " + span("South Korean") + " managers are arrived in " + span("Moscow") + ".",
		"According to the " + span("Joint Chiefs of Staff") + ", 30 managers " + span("South Korean") + " are arrived to " + span("Moscow") + ".",
	},
}

func TestStandInGolden(t *testing.T) {
	for _, p := range []Protection{ProtectPlaceholder, ProtectBlank} {
		be := newRealBackend(t, Config{Protect: p})
		var in []string
		for _, g := range goldenTerms {
			in = append(in, g.in)
		}
		got, err := be.Translate(t.Context(), translate.Request{From: "fr", To: "en", HTML: true, Segments: in})
		if err != nil {
			t.Fatal(err)
		}
		for i, g := range goldenTerms {
			want := g.placeholder
			if p == ProtectBlank {
				want = g.blank
			}
			if got[i] != want {
				t.Errorf("protect=%s:\n got %q\nwant %q", p, got[i], want)
			}
		}
		if n := be.fallbacks.Load(); n != 0 {
			t.Errorf("protect=%s: %d fallbacks", p, n)
		}
	}
}

// TestStandInElementsComeBackByteForByte sends elements with markup,
// reserved characters and odd spellings of the attribute.
func TestStandInElementsComeBackByteForByte(t *testing.T) {
	be := newRealBackend(t, Config{})
	elems := []string{
		`<span translate="no" class="term">l'Élysée <b>&amp;</b> [Matignon] \ ^$ @{}/</span>`,
		`<SPAN TRANSLATE='no'>Agence France-Presse</SPAN>`,
		`<abbr translate="no" title="Korean Central News Agency">KCNA</abbr>`,
		`<span translate="no">Kim <span>Jong-un</span></span>`,
	}
	segs := []string{
		"Selon l'" + elems[0] + ", le président recevra jeudi ses homologues.",
		elems[1] + " a précisé que 3 000 soldats avaient quitté la frontière.",
		"L'agence " + elems[2] + " a dénoncé les manœuvres, selon " + elems[1] + ".",
		"Le dirigeant " + elems[3] + " a reçu mardi le ministre chinois.",
	}
	got, err := be.Translate(t.Context(), translate.Request{From: "fr", To: "en", HTML: true, Segments: segs})
	if err != nil {
		t.Fatal(err)
	}
	uses := [][]int{{0}, {1}, {2, 1}, {3}}
	for i, out := range got {
		for _, e := range uses[i] {
			if strings.Count(out, elems[e]) != 1 {
				t.Errorf("element %q not once in %q", elems[e], out)
			}
		}
	}
	if n := be.fallbacks.Load(); n != 0 {
		t.Errorf("%d fallbacks", n)
	}
}

// TestStandInFallbackThroughApertium uses a stand-in Apertium translates
// ("Quito" comes out as "Remove"): the segment must come out as with
// blanks.
func TestStandInFallbackThroughApertium(t *testing.T) {
	segs := []string{goldenTerms[0].in, goldenTerms[2].in}
	blank := newRealBackend(t, Config{Workers: 1, Protect: ProtectBlank})
	want, err := blank.Translate(t.Context(), translate.Request{From: "fr", To: "en", HTML: true, Segments: segs})
	if err != nil {
		t.Fatal(err)
	}
	be := newRealBackend(t, Config{Workers: 1})
	be.standIns = []standIn{{kind: properNoun, sg: "Quito", pl: "Quito", en: []string{"quito"}},
		{kind: properNoun, sg: "Oslo", pl: "Oslo", en: []string{"oslo"}}}
	got, err := be.Translate(t.Context(), translate.Request{From: "fr", To: "en", HTML: true, Segments: segs})
	if err != nil {
		t.Fatal(err)
	}
	for i := range segs {
		if got[i] != want[i] {
			t.Errorf("segment %d:\n got %q\nwant %q", i, got[i], want[i])
		}
	}
	if n := be.fallbacks.Load(); n != 2 {
		t.Errorf("%d fallbacks, want 2", n)
	}
}

func TestStandInSegmentsAreIndependent(t *testing.T) {
	be := newRealBackend(t, Config{Workers: 1})
	var segs []string
	for _, g := range goldenTerms {
		segs = append(segs, g.in, "Il pleut à Paris.")
	}
	req := translate.Request{From: "fr", To: "en", HTML: true, Segments: segs}
	together, err := be.Translate(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range segs {
		req.Segments = []string{s}
		alone, err := be.Translate(t.Context(), req)
		if err != nil {
			t.Fatal(err)
		}
		if alone[0] != together[i] {
			t.Errorf("segment %d alone %q, in a batch %q", i, alone[0], together[i])
		}
	}
}

// TestStandInConcurrent runs protected batches from several goroutines
// (run it with -race).
func TestStandInConcurrent(t *testing.T) {
	be := newRealBackend(t, Config{Workers: 2})
	var segs []string
	for _, g := range goldenTerms {
		segs = append(segs, g.in)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 3 {
				k := (g + round) % len(segs)
				got, err := be.Translate(t.Context(), translate.Request{From: "fr", To: "en", HTML: true,
					Segments: []string{segs[k], segs[(k+1)%len(segs)]}})
				if err != nil {
					t.Error(err)
					return
				}
				if got[0] != goldenTerms[k].placeholder || got[1] != goldenTerms[(k+1)%len(segs)].placeholder {
					t.Errorf("concurrent result %q", got)
				}
			}
		}()
	}
	wg.Wait()
}
