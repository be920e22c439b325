package glossary

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func parseString(t *testing.T, name, text string, f Format) *Glossary {
	t.Helper()
	g, err := Parse(name, strings.NewReader(text), f)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return g
}

// brief is the part of an entry the format tests compare.
type brief struct {
	Source, Target, Note, POS string
	CaseSensitive, NoInflect  bool
	Variants                  []string
	Line                      int
}

func briefs(g *Glossary) []brief {
	var out []brief
	for _, e := range g.Entries() {
		out = append(out, brief{e.Source, e.Target, e.Note, e.POS, e.CaseSensitive, e.NoInflect, e.Variants, e.Line})
	}
	return out
}

func TestParseCSV(t *testing.T) {
	tests := []struct {
		name, text string
		want       []brief
	}{
		{"no header", "Séoul,Seoul\nKCNA,KCNA,agence officielle\n", []brief{
			{Source: "Séoul", Target: "Seoul", Line: 1},
			{Source: "KCNA", Target: "KCNA", Note: "agence officielle", CaseSensitive: true, Line: 2},
		}},
		{"header", "source,target,note\nPyongyang,Pyongyang,capitale\n", []brief{
			{Source: "Pyongyang", Target: "Pyongyang", Note: "capitale", Line: 2},
		}},
		{"language header, reordered", "en,fr\nNorth Korea,Corée du Nord\n", []brief{
			{Source: "Corée du Nord", Target: "North Korea", Line: 2},
		}},
		{"quoted", "\"Bouclier de la liberté\",\"Freedom Shield\",\"exercice annuel, en août\"\n\"« riposte »\",\"\"\"response\"\"\"\n", []brief{
			{Source: "Bouclier de la liberté", Target: "Freedom Shield", Note: "exercice annuel, en août", Line: 1},
			{Source: "« riposte »", Target: `"response"`, Line: 2},
		}},
		{"DeepL language columns", "Séoul,Seoul,fr,en\n", []brief{{Source: "Séoul", Target: "Seoul", Line: 1}}},
		{"rich header", "source,target,pos,case_sensitive,inflect,variants\nmai,May,noun,no,no,\nNord,North,name,yes,,Nord-Est|Grand Nord\n", []brief{
			{Source: "mai", Target: "May", POS: Noun, NoInflect: true, Line: 2},
			{Source: "Nord", Target: "North", POS: Name, CaseSensitive: true, Variants: []string{"Nord-Est", "Grand Nord"}, Line: 3},
		}},
		{"BOM, CRLF and blank lines", "\uFEFFsource,target\r\n\r\nSéoul,Seoul\r\n,\r\n", []brief{{Source: "Séoul", Target: "Seoul", Line: 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := briefs(parseString(t, "g.csv", tt.text, CSV))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseTSV(t *testing.T) {
	text := "source\ttarget\tnote\nCorée du Nord\tNorth Korea\tpays\nministère de l'Unification\tUnification Ministry\t\n"
	got := briefs(parseString(t, "g.tsv", text, TSV))
	want := []brief{
		{Source: "Corée du Nord", Target: "North Korea", Note: "pays", Line: 2},
		{Source: "ministère de l'Unification", Target: "Unification Ministry", Line: 3},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	// A comma is an ordinary character in TSV.
	g := parseString(t, "g.tsv", "Séoul, la capitale\tSeoul, the capital\n", TSV)
	if e := g.Entries()[0]; e.Source != "Séoul, la capitale" || e.Target != "Seoul, the capital" {
		t.Errorf("TSV split on a comma: %+v", e)
	}
}

func TestParseYAML(t *testing.T) {
	g, err := Load("testdata/rich.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := []brief{
		{Source: "Kim Jong-un", Target: "Kim Jong-un", Note: "dirigeant nord-coréen depuis décembre 2011", POS: Name, Line: 3},
		{Source: "Corée du Nord", Target: "North Korea", POS: Name, Variants: []string{"RPDC", "République populaire démocratique de Corée"}, Line: 7},
		{Source: "nord-coréen", Target: "North Korean", POS: Adjective, Line: 11},
		{Source: "essai nucléaire", Target: "nuclear test", POS: Noun, Line: 14},
		{Source: "Yonhap", Target: "Yonhap", CaseSensitive: true, Line: 17},
		{Source: "mai", Target: "May", NoInflect: true, Line: 20},
	}
	if got := briefs(g); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	bare := parseString(t, "g.yaml", "- source: Séoul\n  target: Seoul\n", YAML)
	if got := briefs(bare); len(got) != 1 || got[0].Target != "Seoul" || got[0].Line != 1 {
		t.Errorf("bare list: %+v", got)
	}
}

func TestParseTBX(t *testing.T) {
	tests := []struct {
		file string
		want []brief
	}{
		{"testdata/basic.tbx", []brief{
			{Source: "KCNA", Target: "KCNA", Note: "Agence centrale de presse nord-coréenne", POS: Name, CaseSensitive: true, Line: 11},
			{Source: "missile balistique", Target: "ballistic missile", POS: Noun, Variants: []string{"engin balistique"}, Line: 23},
			{Source: "Séoul", Target: "Seoul", Note: "Ville hôte du sommet de mars 2027", Line: 37},
		}},
		{"testdata/v3.tbx", []brief{
			{Source: "Corée du Nord", Target: "North Korea", POS: Name, Variants: []string{"RPDC"}, Line: 8},
			{Source: "nord-coréen", Target: "North Korean", POS: Adjective, Line: 20},
		}},
	}
	for _, tt := range tests {
		g, err := Load(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		if got := briefs(g); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\ngot  %+v\nwant %+v", tt.file, got, tt.want)
		}
	}
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, text string
		f          Format
		want       string
	}{
		{"empty target", "Séoul,Seoul\nPyongyang,\n", CSV, "g:2: empty target term"},
		{"empty source", "source\ttarget\nSéoul\tSeoul\n\tNorth Korea\n", TSV, "g:3: empty source term"},
		{"bad quote", "Séoul,Seoul\n\"Corée du Nord,North Korea\n", CSV, "g:2: "},
		{"bad encoding", "Séoul,Seoul\nCor\xe9e du Nord,North Korea\n", CSV, "g:2: bad encoding"},
		{"utf-16", "\xff\xfeS\x00", CSV, "g:1: bad encoding: UTF-16"},
		// yaml.v3 names the line where the broken construct starts.
		{"yaml syntax", "terms:\n  - source: Séoul\n\ttarget: Seoul\n", YAML, "g:2: found a tab"},
		{"yaml type", "terms:\n  - source: Séoul\n    target: Seoul\n  - source: [Pyongyang]\n", YAML, "g:4: "},
		{"yaml unknown field", "terms:\n  - source: Séoul\n    target: Seoul\n    notes: capitale\n", YAML, `g:4: unknown field "notes"`},
		{"yaml shape", "terms: 3\n", YAML, "g:1: expected a list"},
		{"tbx no English", "<tbx><text><body>\n<conceptEntry>\n<langSec xml:lang=\"fr\"><termSec><term>Séoul</term></termSec></langSec>\n</conceptEntry></body></text></tbx>", TBX, "g:2: entry has no English term"},
		{"tbx syntax", "<tbx><text>\n<body>\n</text></tbx>", TBX, "g:3: "},
		{"bad flag", "source,target,case\nONU,UN,peut-être\n", CSV, `g:2: case column: "peut-être"`},
		{"control character", "Séoul,Se\x01oul\n", CSV, "g:1: term"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("g", strings.NewReader(tt.text), tt.f)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("error %v, want one starting with %q", err, tt.want)
			}
			var p Problem
			if !errors.As(err, &p) || p.Line == 0 {
				t.Errorf("error %v is not a Problem with a line", err)
			}
		})
	}
}

func TestLoadMergesAndOverrides(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.csv", "Séoul,Seoul\nPyongyang,Pyongyang\n")
	b := writeFile(t, dir, "b.yaml", "- source: séoul\n  target: Seoul (South Korea)\n")
	g, err := Load(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 2 {
		t.Fatalf("Len = %d, want 2", g.Len())
	}
	ms := g.Find("Il est arrivé à Séoul.", false)
	if len(ms) != 1 || ms[0].Target != "Seoul (South Korea)" {
		t.Errorf("the later file should override: %+v", ms)
	}
	if _, err := Load(writeFile(t, dir, "g.txt", "x,y\n")); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("Load(.txt) = %v, want ErrUnknownFormat", err)
	}
	if _, err := Load(filepath.Join(dir, "missing.csv")); err == nil {
		t.Error("Load of a missing file succeeded")
	}
}

func TestFindDefault(t *testing.T) {
	dir := t.TempDir()
	if p, ok := FindDefault(dir); ok {
		t.Errorf("FindDefault(empty) = %q", p)
	}
	writeFile(t, dir, "glossary.yaml", "[]\n")
	writeFile(t, dir, "glossary.tbx", "<tbx/>\n")
	if p, ok := FindDefault(dir); !ok || filepath.Base(p) != "glossary.yaml" {
		t.Errorf("FindDefault = %q, %v; want glossary.yaml", p, ok)
	}
}

func TestWriteParseRoundTrip(t *testing.T) {
	src, err := Load("testdata/rich.yaml", "testdata/basic.tbx", "testdata/v3.tbx")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{CSV, TSV, YAML, TBX} {
		var buf bytes.Buffer
		if err := src.Write(&buf, f); err != nil {
			t.Fatalf("Write(%s): %v", f, err)
		}
		back, err := Parse("back", &buf, f)
		if err != nil {
			t.Fatalf("Parse(Write(%s)): %v\n%s", f, err, buf.String())
		}
		if !sameEntries(src, back) {
			t.Errorf("%s round trip changed entries:\n%+v\n%+v", f, briefs(src), briefs(back))
		}
		if back.Version() != src.Version() {
			t.Errorf("%s round trip changed the version", f)
		}
	}
}

// sameEntries compares two glossaries' entries, ignoring where they came
// from.
func sameEntries(a, b *Glossary) bool {
	ea, eb := a.Entries(), b.Entries()
	if len(ea) != len(eb) {
		return false
	}
	for i := range ea {
		ea[i].File, ea[i].Line, eb[i].File, eb[i].Line = "", 0, "", 0
	}
	return reflect.DeepEqual(ea, eb)
}

func TestVersion(t *testing.T) {
	a := parseString(t, "a", "Séoul,Seoul\nPyongyang,Pyongyang\n", CSV)
	b := parseString(t, "b", "source,target,note\nPyongyang,Pyongyang,capitale\nSéoul,Seoul,\n", CSV)
	c := parseString(t, "c", "Séoul,Seoul\nPyongyang,P'yŏngyang\n", CSV)
	if a.Version() != b.Version() {
		t.Error("order and notes changed the version")
	}
	if a.Version() == c.Version() {
		t.Error("a different target kept the version")
	}
	if len(a.Version()) != 16 {
		t.Errorf("Version() = %q", a.Version())
	}
}

func TestPairs(t *testing.T) {
	g := parseString(t, "g", "- source: essai nucléaire\n  target: nuclear test\n  pos: noun\n- source: KCNA\n  dnt: true\n", YAML)
	got := map[string]string{}
	for _, p := range g.Pairs() {
		got[p.Source] = p.Target
	}
	want := map[string]string{"KCNA": "KCNA", "essai nucléaire": "nuclear test", "essais nucléaires": "nuclear tests"}
	for s, tgt := range want {
		if got[s] != tgt {
			t.Errorf("Pairs()[%q] = %q, want %q", s, got[s], tgt)
		}
	}
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func stringReader(s string) *strings.Reader { return strings.NewReader(s) }

func TestLoadRefusesConflictsWithinAFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("source,target\nCorée du Nord,North Korea\nCorée du Nord,DPRK\n"), 0o644)
	_, err := Load(bad)
	if err == nil || !strings.Contains(err.Error(), "bad.csv:3: conflict") {
		t.Fatalf("Load = %v, want a conflict at bad.csv:3", err)
	}
	// Across files, a later file overrides an earlier one.
	later := filepath.Join(dir, "later.csv")
	os.WriteFile(later, []byte("Corée du Nord,DPRK\n"), 0o644)
	first := filepath.Join(dir, "first.csv")
	os.WriteFile(first, []byte("Corée du Nord,North Korea\n"), 0o644)
	g, err := Load(first, later)
	if err != nil {
		t.Fatal(err)
	}
	if ms := g.Find("La Corée du Nord.", false); len(ms) != 1 || ms[0].Target != "DPRK" {
		t.Errorf("override: %+v", ms)
	}
}
