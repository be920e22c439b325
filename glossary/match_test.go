package glossary

import (
	"reflect"
	"sort"
	"testing"
)

// asiaDesk is the glossary most matching tests use.
const asiaDesk = `terms:
  - source: Kim Jong-un
    dnt: true
    pos: name
  - source: Kim
    dnt: true
    pos: name
  - source: KCNA
    dnt: true
  - source: ONU
    target: UN
  - source: Corée du Nord
    target: North Korea
    pos: name
  - source: Corée
    target: Korea
    pos: name
  - source: nord-coréen
    target: North Korean
    pos: adj
  - source: Ukraine
    target: Ukraine
  - source: essai nucléaire
    target: nuclear test
    pos: noun
  - source: arme de destruction massive
    target: weapon of mass destruction
    pos: noun
  - source: régional
    target: regional
  - source: mai
    target: May
    inflect: false
  - source: armée
    target: army
    pos: noun
    variants: [forces armées]
`

func asia(t testing.TB) *Glossary {
	t.Helper()
	g, err := Parse("asia.yaml", stringReader(asiaDesk), YAML)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// found returns the matched texts and their targets.
func found(g *Glossary, text string, markup bool) [][2]string {
	var out [][2]string
	for _, m := range g.Find(text, markup) {
		if text[m.Start:m.End] != m.Text {
			panic("Match.Text is not text[Start:End]")
		}
		out = append(out, [2]string{m.Text, m.Target})
	}
	return out
}

func TestInflectWord(t *testing.T) {
	tests := []struct {
		base                   string
		plural, fem, femPlural string
	}{
		{"nord-coréen", "nord-coréens", "nord-coréenne", "nord-coréennes"},
		{"régional", "régionaux", "régionale", "régionales"},
		{"nucléaire", "nucléaires", "nucléaire", "nucléaires"},
		{"militaire", "militaires", "militaire", "militaires"},
		{"américain", "américains", "américaine", "américaines"},
		{"japonais", "japonais", "japonaise", "japonaises"},
		{"bateau", "bateaux", "bateaue", "bateaues"},
		{"breton", "bretons", "bretonne", "bretonnes"},
		{"officiel", "officiels", "officielle", "officielles"},
		{"étranger", "étrangers", "étrangère", "étrangères"},
		{"défensif", "défensifs", "défensive", "défensives"},
		{"dangereux", "dangereux", "dangereuse", "dangereuses"},
		{"allié", "alliés", "alliée", "alliées"},
		{"Nord-Coréen", "Nord-Coréens", "Nord-Coréenne", "Nord-Coréennes"},
		{"KCNA", "KCNA", "KCNA", "KCNA"},
	}
	for _, tt := range tests {
		got := [3]string{inflectCompound(tt.base, masculinePlural), inflectCompound(tt.base, feminine), inflectCompound(tt.base, femininePlural)}
		if want := [3]string{tt.plural, tt.fem, tt.femPlural}; got != want {
			t.Errorf("%s: got %v, want %v", tt.base, got, want)
		}
	}
}

func TestInflectPhrase(t *testing.T) {
	tests := map[string][]string{
		"essai nucléaire":                  {"essai nucléaire", "essais nucléaires"},
		"arme de destruction massive":      {"arme de destruction massive", "armes de destruction massive"},
		"ministre des Affaires étrangères": {"ministre des Affaires étrangères", "ministres des Affaires étrangères"},
	}
	for base, want := range tests {
		var got []string
		for _, f := range (Entry{Source: base, Target: "x", POS: Noun}).forms() {
			got = append(got, f.text)
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("forms(%q) = %q, want %q", base, got, want)
		}
	}
}

func TestFindInflections(t *testing.T) {
	g := asia(t)
	text := "Des soldats nord-coréens, une délégation nord-coréenne, des ouvrières nord-coréennes et le dirigeant nord-coréen ; trois essais nucléaires, des armes de destruction massive, des sommets régionaux."
	want := [][2]string{
		{"nord-coréens", "North Korean"}, {"nord-coréenne", "North Korean"}, {"nord-coréennes", "North Korean"},
		{"nord-coréen", "North Korean"}, {"essais nucléaires", "nuclear tests"},
		{"armes de destruction massive", "weapons of mass destruction"}, {"régionaux", "regional"},
	}
	if got := found(g, text, false); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// inflect: false keeps "mai" from matching "mais"; listed variants match.
	want = [][2]string{{"mai", "May"}, {"forces armées", "army"}}
	if got := found(g, "Le 3 mai, mais pas avant, les forces armées ont défilé.", false); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFindElision(t *testing.T) {
	g := asia(t)
	want := [][2]string{{"ONU", "UN"}, {"Ukraine", "Ukraine"}, {"ONU", "UN"}, {"Ukraine", "Ukraine"}}
	if got := found(g, "Les sanctions de l’ONU, la guerre d’Ukraine, l'ONU et d'Ukraine.", false); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFindSeparators(t *testing.T) {
	g := asia(t)
	for _, text := range []string{
		"la Corée du Nord a tiré", "la Corée\u00a0du\u00a0Nord a tiré", "la Corée\u202fdu Nord a tiré",
		"la Corée-du-Nord a tiré", "la Corée  du\nNord a tiré",
	} {
		got := found(g, text, false)
		if len(got) != 1 || got[0][1] != "North Korea" {
			t.Errorf("%q: got %q", text, got)
		}
	}
	if got := found(g, "Kim Jong un et Kim\u00a0Jong‑un", false); len(got) != 2 || got[0][1] != "Kim Jong-un" || got[1][1] != "Kim Jong-un" {
		t.Errorf("hyphen/space variants of Kim Jong-un: %q", got)
	}
}

func TestFindLongestWins(t *testing.T) {
	g := asia(t)
	want := [][2]string{{"Kim Jong-un", "Kim Jong-un"}, {"Corée du Nord", "North Korea"}, {"Kim", "Kim"}, {"Corée", "Korea"}}
	if got := found(g, "Kim Jong-un dirige la Corée du Nord ; M. Kim parle de la Corée.", false); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFindWordBoundaries(t *testing.T) {
	g := asia(t)
	for _, text := range []string{"Kimberley", "coréens", "Coréen", "ONUSIDA", "UkraineX", "1Ukraine", "sud-coréennes", "essai nucléaires2"} {
		if got := found(g, text, false); len(got) != 0 {
			t.Errorf("%q matched %q", text, got)
		}
	}
	if got := found(g, "(Ukraine)", false); len(got) != 1 {
		t.Errorf("(Ukraine): %q", got)
	}
}

func TestFindCase(t *testing.T) {
	g := asia(t)
	tests := map[string]int{
		"KCNA":          1, // exact
		"Kcna":          0, // case-sensitive entry
		"kcna":          0,
		"CORÉE DU NORD": 1, // case-insensitive entry
		"corée du nord": 1,
		"Nord-Coréens":  1,
		"onu":           0, // acronyms are case-sensitive by default
	}
	for text, n := range tests {
		if got := found(g, text, false); len(got) != n {
			t.Errorf("%q: %d matches (%q), want %d", text, len(got), got, n)
		}
	}
	cs := parseString(t, "cs.yaml", "- source: nord\n  target: north\n  case_sensitive: true\n", YAML)
	for text, n := range map[string]int{"nord": 1, "Nord": 1, "NORD": 0, "nOrd": 0} {
		if got := found(cs, text, false); len(got) != n {
			t.Errorf("case-sensitive %q: %d matches, want %d", text, len(got), n)
		}
	}
	if got := found(g, "LA CORÉE DU NORD", false); len(got) != 1 || got[0][1] != "NORTH KOREA" {
		t.Errorf("capitals: %q", got)
	}
}

func TestFindMarkup(t *testing.T) {
	g := asia(t)
	text := `<a href="https://example.org/Corée du Nord" title="ONU">la Corée du Nord</a> et l&#8217;ONU, <code>Ukraine</code>, <span translate="no">KCNA</span>, Cor&eacute;e&nbsp;du&nbsp;Nord, <em>Corée</em> du Nord`
	want := [][2]string{{"Corée du Nord", "North Korea"}, {"ONU", "UN"}, {"Cor&eacute;e&nbsp;du&nbsp;Nord", "North Korea"}, {"Corée", "Korea"}}
	if got := found(g, text, true); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// Without markup, the same characters are plain text.
	if got := found(g, "a < b & Cor&eacute;e du Nord", false); len(got) != 0 {
		t.Errorf("plain text decoded a reference: %q", got)
	}
}

func TestFindEmpty(t *testing.T) {
	g, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := g.Find("la Corée du Nord", false); got != nil {
		t.Errorf("empty glossary found %v", got)
	}
	if got := asia(t).Find("", true); got != nil {
		t.Errorf("empty text: %v", got)
	}
}
