package glossary

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	g := asia(t)
	src := "Le dirigeant nord-coréen Kim Jong-un a salué l’ONU, selon KCNA."
	tests := []struct {
		target string
		want   []string // targets reported missing
	}{
		{"The North Korean leader Kim Jong-un hailed the UN, according to KCNA.", nil},
		{"The north korean leader Kim Jong-un hailed the UN, according to KCNA.", nil},
		{"The North Korean leader Kim Jong-one hailed the UN, according to Kcna.", []string{"Kim Jong-un", "KCNA"}},
		{"The leader norcoreano Kim Jong-un hailed the UNO, according to KCNA.", []string{"North Korean", "UN"}},
		{"THE NORTH KOREAN LEADER KIM JONG-UN HAILED THE UN, ACCORDING TO KCNA.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, v := range g.Check(src, tt.target, false) {
			got = append(got, v.Target)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Check(%q) = %q, want %q", tt.target, got, tt.want)
		}
	}
}

func TestCheckPluralAndMarkup(t *testing.T) {
	g := asia(t)
	if vs := g.Check("Les Nord-Coréens votent.", "North Koreans vote.", false); len(vs) != 0 {
		t.Errorf("a plural target was reported: %v", vs)
	}
	if vs := g.Check("Trois essais nucléaires.", "Three nuclear test.", false); len(vs) != 0 {
		t.Errorf("the singular target was reported: %v", vs)
	}
	vs := g.Check("<em>Corée du Nord</em> et <code>KCNA</code>", "<em>North&nbsp;Korea</em> and <code>KCNA</code>", true)
	if len(vs) != 0 {
		t.Errorf("markup: %v", vs)
	}
	vs = g.Check("<p>la Corée du Nord</p>", `<p title="North Korea">the North</p>`, true)
	if len(vs) != 1 || vs[0].Text != "Corée du Nord" || vs[0].Start != 6 {
		t.Errorf("a target inside a tag counted: %+v", vs)
	}
	if got := vs[0].String(); got != `"Corée du Nord" must be translated "North Korea"` {
		t.Errorf("String() = %q", got)
	}
}

func TestLint(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.csv", "source,target\nSéoul,Seoul\nPyongyang,Pyongyang\nséoul,Seoul\nCorée du Nord,North Korea\nCorée-du-Nord,DPRK\n,Tokyo\nOsaka,\n")
	b := writeFile(t, dir, "b.yaml", "- source: Pyongyang\n  target: P'yŏngyang\n- source: RPDC\n  target: North Korea\n  notes: sigle\n")
	c := writeFile(t, dir, "c.tsv", "Hokkaidō\tHokkaido\nCor\xe9e\tKorea\n")
	d := writeFile(t, dir, "d.txt", "x")
	got := Lint(a, b, c, filepath.Join(dir, "missing.csv"), d)
	want := []string{
		"a.csv:4: warning: \"séoul\" differs only in case from \"Séoul\" at " + a + ":2: the two are merged into one entry",
		"a.csv:6: conflict: \"Corée-du-Nord\" is translated \"DPRK\" here but \"North Korea\" at " + a + ":5",
		"a.csv:7: empty source term",
		"a.csv:8: empty target term",
		"b.yaml:1: conflict: \"Pyongyang\" is translated \"P'yŏngyang\" here but \"Pyongyang\" at " + a + ":3",
		"b.yaml:5: unknown field \"notes\"",
		"c.tsv:2: bad encoding",
		"d.txt: unknown glossary format",
		"missing.csv: ",
	}
	if len(got) != len(want) {
		t.Fatalf("Lint returned %d problems, want %d:\n%s", len(got), len(want), problemLines(got))
	}
	for i, p := range got {
		if s := strings.TrimPrefix(p.Error(), dir+"/"); !strings.HasPrefix(s, want[i]) {
			t.Errorf("problem %d = %q, want %q…", i, s, want[i])
		}
	}
}

// TestLintWarnings: the findings that do not stop a glossary from
// loading, each with its file and line.
func TestLintWarnings(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.csv", strings.Join([]string{
		"nord-coréen,North Korean",        // 1
		"Nord-Coréen,North Korean",        // 2: case twin, merged
		"le,the",                          // 3: common word
		"mai,May",                         // 4: its plural "mais" is a common word
		"Corée du Nord,North Korea",       // 5
		"RPDC,North korea",                // 6: target differs only in case
		"essais,trials",                   // 7
		"essai,test",                      // 8: its plural is taken by line 7
		"militaire,military",              // 9: unsure: adjective or noun
		"ONU,UN",                          // 10
		"onu,United Nations organisation", // 11: hidden by the acronym when written ONU
		"Corée du Sud,South Korea",        // 12: clean
	}, "\n")+"\n")
	want := []string{
		`a.csv:2: warning: "Nord-Coréen" differs only in case from "nord-coréen"`,
		`a.csv:3: warning: "le" is a common French word`,
		`a.csv:4: warning: "mais", an inflected form of "mai", is a common French word`,
		`a.csv:6: warning: target "North korea" differs only in case from "North Korea"`,
		`a.csv:8: warning: hidden: its form "essais" is translated "trials" by the entry "essais" at ` + a + ":7",
		`a.csv:9: warning: "militaire" → "military" is taken as an adjective (adj)`,
		`a.csv:11: warning: hidden: it is translated "UN" by the entry "ONU" at ` + a + ":10",
	}
	got := Lint(a)
	if len(got) != len(want) {
		t.Fatalf("Lint returned %d problems, want %d:\n%s", len(got), len(want), problemLines(got))
	}
	for i, p := range got {
		if s := strings.TrimPrefix(p.Error(), dir+"/"); !strings.HasPrefix(s, want[i]) || !p.Warning {
			t.Errorf("problem %d = %q, want %q…", i, s, want[i])
		}
	}
	// None of them stops the glossary from loading.
	if _, err := Load(a); err != nil {
		t.Errorf("Load: %v", err)
	}
}

func TestLintCleanFiles(t *testing.T) {
	for _, f := range []string{"testdata/rich.yaml", "testdata/basic.tbx", "testdata/v3.tbx", "testdata/names.csv"} {
		if got := Lint(f); len(got) != 0 {
			t.Errorf("clean file has problems:\n%s", problemLines(got))
		}
	}
}

func problemLines(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Error() + "\n")
	}
	return b.String()
}
