package glossary

import (
	"strings"
	"testing"
)

func TestInfer(t *testing.T) {
	tests := []struct {
		source, target, pos string
		want                string
		sure                bool
	}{
		{"Corée du Nord", "North Korea", "", Name, true},
		{"Kim Jong-un", "Kim Jong-un", "", Name, true},
		{"Séoul", "Seoul", "", Name, true},
		{"Japon", "Japan", "", Name, true},
		{"Taïwan", "Taiwan", "", Name, true},
		{"RPDC", "North Korea", "", Name, true},
		{"l'AFP", "Agence France-Presse", "", Name, true},
		{"ONU", "UN", "", Name, true},
		{"KCNA", "KCNA", "", Name, true},
		{"OTAN", "NATO", "", Name, true},
		{"nord-coréen", "North Korean", "", Nationality, true},
		{"Nord-Coréen", "North Korean", "", Nationality, true},
		{"chinois", "Chinese", "", Nationality, true},
		{"russe", "Russian", "", Nationality, true},
		{"anti-ukrainien", "anti-Ukrainian", "", Nationality, true},
		{"nord-coréen", "North Korean", "adj", Nationality, true},
		{"Institut Asan", "Asan Institute", "", Noun, true},
		{"États-Unis", "United States", "", Noun, true},
		{"Premier ministre", "Prime Minister", "", Noun, true},
		{"Extrême-Orient russe", "Russian Far East", "", Noun, true},
		{"état-major interarmées", "Joint Chiefs of Staff", "", Noun, true},
		{"ministère de l'Unification", "Unification Ministry", "", Noun, true},
		{"missile balistique", "ballistic missile", "", Noun, true},
		{"porte-parole", "spokesperson", "", Noun, true},
		{"régional", "regional", "", Adjective, true},
		{"militaire", "military", "", Adjective, false},
		{"république", "republic", "", Adjective, false},
		{"journal", "newspaper", "", Noun, false},
		{"essais", "trials", "", Noun, true},
		{"canal", "canal", "", Noun, true},
		{"Bouclier de la liberté", "Freedom Shield", "", Name, true},
		{"Corée du Nord", "North Korea", "noun", Noun, true},
		{"Premier ministre", "Premier", "titre", Noun, true},
	}
	for _, tt := range tests {
		got := Entry{Source: tt.source, Target: tt.target, POS: tt.pos}.Infer()
		if got.POS != tt.want || got.Sure != tt.sure {
			t.Errorf("%s → %s (pos %q): %+v, want %s (sure %v)", tt.source, tt.target, tt.pos, got, tt.want, tt.sure)
		}
		if !got.Sure && got.Alt == "" {
			t.Errorf("%s: unsure without an alternative", tt.source)
		}
	}
}

func TestTakesThe(t *testing.T) {
	for tgt, want := range map[string]bool{
		"North Korea": false, "Kim Jong-un": false, "Agence France-Presse": false, "NATO": false, "KCNA": true,
		"UN": true, "IAEA": true, "United States": true, "Asan Institute": true, "Russian Far East": true,
		"Joint Chiefs of Staff": true, "Korea Institute for Defense Analyses": true, "Netherlands": true,
		"Paris": false, "Hamas": false, "The Hague": false, "Union": true, "Commission": true,
	} {
		if got := takesThe(tgt); got != want {
			t.Errorf("takesThe(%q) = %v, want %v", tgt, got, want)
		}
	}
}

// TestInferenceOnRepositoryGlossaries measures the inference against the
// parts of speech the repository's glossaries write down: each entry's
// pos is removed and inferred again. A name inferred as a noun or the
// reverse is the same for the English when the name is said with "the"
// (the Asan Institute, the UN: the article is kept either way); any other
// sure disagreement fails.
func TestInferenceOnRepositoryGlossaries(t *testing.T) {
	same, agree, total := 0, 0, 0
	for _, f := range []string{"../samples/glossary.csv", "testdata/rich.yaml", "testdata/basic.tbx", "testdata/v3.tbx"} {
		g, err := Load(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range g.Entries() {
			want := e.Kind()
			if !isKind(normPOS(e.POS)) {
				continue
			}
			total++
			e.POS = ""
			got := e.Infer()
			if got.POS == want {
				agree++
				same++
				continue
			}
			t.Logf("%s: %s → %s: %s in the file, inferred %s (%s)", e.Where(), e.Source, e.Target, want, got.POS, got.Why)
			if nounOrName(got.POS) && nounOrName(want) && takesThe(e.Target) {
				same++
			} else if got.Sure {
				t.Errorf("%s: sure of %s for %s, which the file says is %s", e.Where(), got.POS, e.Source, want)
			}
		}
	}
	t.Logf("inference on the repository's glossaries: the same part of speech for %d of %d entries (%.0f%%), the same English for %d (%.0f%%)",
		agree, total, 100*float64(agree)/float64(total), same, 100*float64(same)/float64(total))
	if agree*10 < total*9 {
		t.Errorf("agreement %d of %d is under 90%%", agree, total)
	}
}

func nounOrName(p string) bool { return p == Noun || p == Name }

func TestEnglishDemonym(t *testing.T) {
	for _, s := range []string{"North Korean", "Chinese", "Israeli", "US-South Korean", "Swiss", "French"} {
		if !englishDemonym(s) {
			t.Errorf("%q not read as a nationality", s)
		}
	}
	for _, s := range []string{"Kim Jong-un", "Pyongyang", "UN", "nuclear", "Lee Sang-min", "Moon Jae-in"} {
		if englishDemonym(s) {
			t.Errorf("%q read as a nationality", s)
		}
	}
	if !strings.HasPrefix(Entry{Source: "x", Target: "y"}.Infer().Why, "lower-case") {
		t.Error("Why is empty")
	}
}
