package glossary

import (
	"reflect"
	"strings"
	"testing"
)

// desk loads the plain two-column desk glossary (no header, no pos).
func desk(t testing.TB) *Glossary {
	t.Helper()
	g, err := Load("testdata/desk.csv")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// usage is what the tests compare of a match.
type usage struct {
	Text, Target, Kind, Article string
	Plural, AfterNoun           bool
}

func usages(ms []Match) []usage {
	var out []usage
	for _, m := range ms {
		out = append(out, usage{m.Text, m.Target, m.Kind, m.Article, m.Plural, m.AfterNoun})
	}
	return out
}

func TestCaseTwinsMerge(t *testing.T) {
	g := desk(t)
	n := 0
	for _, e := range g.Entries() {
		if strings.EqualFold(e.Source, "nord-coréen") {
			n++
			if e.Source != "nord-coréen" {
				t.Errorf("merged entry spelt %q, want the lower-case spelling", e.Source)
			}
		}
	}
	if n != 1 {
		t.Fatalf("%d entries for nord-coréen and Nord-Coréen, want 1 merged", n)
	}
	text := "des missiles nord-coréens, une usine nord-coréenne, les Nord-Coréennes, un Nord-Coréen"
	want := []string{"North Korean", "North Korean", "North Koreans", "North Korean"}
	var got []string
	for _, m := range g.Find(text, false) {
		got = append(got, m.Target)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestCaseSensitiveTwins: two case-sensitive entries that differ only in
// case both match, whatever their order.
func TestCaseSensitiveTwins(t *testing.T) {
	for _, text := range []string{
		"source,target,case_sensitive\nNord-Coréen,North Korean,yes\nnord-coréen,North Korean,yes\n",
		"source,target,case_sensitive\nnord-coréen,North Korean,yes\nNord-Coréen,North Korean,yes\n",
	} {
		g := parseString(t, "cs.csv", text, CSV)
		got := found(g, "Un Nord-Coréen et un soldat nord-coréen ; des Nord-Coréens et des missiles nord-coréens.", false)
		if len(got) != 4 {
			t.Errorf("%q: found %q, want 4 occurrences", text, got)
		}
	}
}

// TestSourceBeatsGeneratedForm: an entry's own spelling wins over another
// entry's inflection, whatever the order.
func TestSourceBeatsGeneratedForm(t *testing.T) {
	for _, text := range []string{"missiles,rockets\nmissile,missile\n", "missile,missile\nmissiles,rockets\n"} {
		g := parseString(t, "g.csv", text, CSV)
		if got := found(g, "Des missiles.", false); len(got) != 1 || got[0][1] != "rockets" {
			t.Errorf("%q: %q", text, got)
		}
	}
}

func TestAcronymTargetsAsWritten(t *testing.T) {
	g := parseString(t, "g.csv", "Corée du Nord,North Korea\nRPDC,North Korea\nl'AFP,Agence France-Presse\nONU,UN\n", CSV)
	v := parseString(t, "v.yaml", "- {source: Corée du Nord, target: North Korea, variants: [RPDC]}\n- {source: Agence France-Presse, target: Agence France-Presse, variants: [AFP]}\n", YAML)
	tests := []struct {
		g          *Glossary
		text, want string
	}{
		{g, "La RPDC a tiré.", "North Korea"},
		{v, "La RPDC a tiré.", "North Korea"},
		{g, "L'AFP rapporte.", "Agence France-Presse"},
		{g, "selon l’AFP", "Agence France-Presse"},
		{v, "selon l'AFP", "Agence France-Presse"},
		{g, "LA CORÉE DU NORD TIRE", "NORTH KOREA"},
		{g, "l'ONU", "UN"},
	}
	for _, tt := range tests {
		got := found(tt.g, tt.text, false)
		if len(got) != 1 || got[0][1] != tt.want {
			t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestNationalityUsage(t *testing.T) {
	g := desk(t)
	tests := []struct {
		text string
		want usage
	}{
		{"Les Nord-Coréens ont voté.", usage{"Nord-Coréens", "North Koreans", Noun, "les", true, false}},
		{"des nord-coréens", usage{"nord-coréens", "North Koreans", Noun, "des", true, false}},
		{"Un Nord-Coréen réfugié", usage{"Nord-Coréen", "North Korean", Noun, "un", false, false}},
		{"les soldats nord-coréens", usage{"nord-coréens", "North Korean", Nationality, "", false, true}},
		{"il est nord-coréen", usage{"nord-coréen", "North Korean", Nationality, "", false, false}},
		{"les Chinois", usage{"Chinois", "Chinese", Noun, "les", true, false}},
		{"des entreprises chinoises", usage{"chinoises", "Chinese", Nationality, "", false, true}},
	}
	for _, tt := range tests {
		got := usages(g.Find(tt.text, false))
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%q:\n got  %+v\n want %+v", tt.text, got, tt.want)
		}
	}
}

func TestNounUsage(t *testing.T) {
	g := parseString(t, "g.csv", "essai nucléaire,nuclear test\npays,country\nCorée du Nord,North Korea\nÉtats-Unis,United States\ndrone,drone\nONG,NGO\n", CSV)
	tests := []struct {
		text string
		want usage
	}{
		{"trois essais nucléaires", usage{"essais nucléaires", "nuclear tests", Noun, "trois", true, false}},
		{"un essai nucléaire", usage{"essai nucléaire", "nuclear test", Noun, "un", false, false}},
		{"les pays", usage{"pays", "countries", Noun, "les", true, false}},
		{"le pays", usage{"pays", "country", Noun, "le", false, false}},
		{"de la Corée du Nord", usage{"Corée du Nord", "North Korea", Name, "la", false, false}},
		{"les États-Unis", usage{"États-Unis", "United States", Noun, "les", true, false}},
		{"40 drones", usage{"drones", "drones", Noun, "", true, false}},
		{"des ONG", usage{"ONG", "NGOs", Name, "des", true, false}},
		{"une ONG", usage{"ONG", "NGO", Name, "une", false, false}},
	}
	for _, tt := range tests {
		got := usages(g.Find(tt.text, false))
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%q:\n got  %+v\n want %+v", tt.text, got, tt.want)
		}
	}
}

func TestCompounds(t *testing.T) {
	g := parseString(t, "g.csv", "sud-coréen,South Korean\nnord-coréen,North Korean\nPétersbourg,Petersburg\n"+
		"Pyongyang,Pyongyang\nMoscou,Moscow\naméricain,American\nKim Jong-un,Kim Jong-un\n", CSV)
	tests := map[string][][2]string{
		"les manœuvres américano-sud-coréennes": {{"américano-sud-coréennes", "US-South Korean"}},
		"le sommet sino-nord-coréen":            {{"sino-nord-coréen", "Sino-North Korean"}},
		"le rapprochement russo-nord-coréen":    {{"russo-nord-coréen", "Russian-North Korean"}},
		"Anti-américain, il":                    {{"Anti-américain", "Anti-American"}},
		"l'axe Pyongyang-Moscou":                {{"Pyongyang", "Pyongyang"}, {"Moscou", "Moscow"}},
		"à Saint-Pétersbourg":                   nil,
		"un hélico-américain":                   nil,
		"un sud-coréen-japonais":                nil,
		"le sud-nord-coréen":                    nil,
		"l'axe nord-coréano-américain":          {{"nord-coréano-américain", "North Korean-American"}},
		"un anti-nord-coréano-américain":        nil,
		"Kim Jong-un a parlé":                   {{"Kim Jong-un", "Kim Jong-un"}},
		"les Nord-Coréens":                      {{"Nord-Coréens", "North Koreans"}},
		"Séoul - Pyongyang":                     {{"Pyongyang", "Pyongyang"}},
	}
	for text, want := range tests {
		if got := found(g, text, false); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %q, want %q", text, got, want)
		}
	}
}

func TestSpansJoinNounAndAdjective(t *testing.T) {
	g := desk(t)
	tests := map[string][]string{
		"Le Premier ministre nord-coréen a parlé.":        {"North Korean Prime Minister"},
		"deux missiles balistiques nord-coréens":          {"North Korean ballistic missiles"},
		"le ministère de l'Unification sud-coréen":        {"South Korean Unification Ministry"},
		"la Corée du Nord communiste et la Corée du Sud":  {"North Korea", "South Korea"},
		"le Premier ministre, nord-coréen de naissance":   {"Prime Minister", "North Korean"},
		"les missiles nord-coréens et chinois":            {"North Korean", "Chinese"},
		"le <em>Premier ministre</em> nord-coréen":        {"Prime Minister", "North Korean"},
		"les Nord-Coréens et les missiles balistiques":    {"North Koreans", "ballistic missiles"},
		"l'essai nucléaire nord-coréen de janvier":        {"North Korean nuclear test"},
		"Le Premier ministre nord-coréen Pak Thae-song a": {"North Korean Prime Minister", "Pak Thae-song"},
	}
	for text, want := range tests {
		var got []string
		for _, m := range g.Spans(text, strings.Contains(text, "<")) {
			got = append(got, m.Target)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %q, want %q", text, got, want)
		}
	}
}
