package glossary

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestSniffSeparator(t *testing.T) {
	tests := []struct {
		name, text string
		prefer     rune
		want       rune
	}{
		{"comma", "Séoul,Seoul\nCorée du Nord,North Korea\n", ',', ','},
		{"semicolon (French Excel)", "Séoul;Seoul\nCorée du Nord;North Korea\n", ',', ';'},
		{"semicolon with commas in targets", "Séoul;Seoul, the capital\nKCNA;KCNA\nRPDC;North Korea\n", ',', ';'},
		{"comma with semicolons in notes", "source,target,note\nSéoul,Seoul,voir aussi; Pyongyang\nKCNA,KCNA,\n", ',', ','},
		{"tab", "Séoul\tSeoul\nKCNA\tKCNA\n", ',', '\t'},
		{"tab file with commas, as TSV", "Séoul, la capitale\tSeoul, the capital\n", '\t', '\t'},
		{"quoted semicolons", "\"a;b\",c\n\"d;e\",f\n", ',', ','},
		{"one column everywhere", "Séoul\nKCNA\n", ',', ','},
	}
	for _, tt := range tests {
		if got := sniffSeparator([]byte(tt.text), tt.prefer); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestSemicolonTwin loads the desk glossary and its semicolon twin (a
// French Excel export): the same entries.
func TestSemicolonTwin(t *testing.T) {
	a, err := Load("testdata/desk.csv")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load("testdata/desk-semicolon.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !sameEntries(a, b) || a.Len() < 30 {
		t.Errorf("the twins differ:\n%+v\n%+v", briefs(a), briefs(b))
	}
}

func TestParseHeaders(t *testing.T) {
	tests := []struct {
		name, text string
		want       []brief
	}{
		{"Google term set: language codes, pos, description", "en,fr,pos,description\nNorth Korea,Corée du Nord,noun,pays\n", []brief{
			{Source: "Corée du Nord", Target: "North Korea", Note: "pays", POS: Noun, Line: 2},
		}},
		{"regional codes and another language", "es;fr-FR;en-GB\nCorea del Norte;Corée du Nord;North Korea\n", []brief{
			{Source: "Corée du Nord", Target: "North Korea", Line: 2},
		}},
		{"French Excel header", "Français;Anglais;Commentaire\nSéoul;Seoul;capitale\n", []brief{
			{Source: "Séoul", Target: "Seoul", Note: "capitale", Line: 2},
		}},
		{"a first entry that looks like codes stays an entry", "ONU,UN\nUE,EU\n", []brief{
			{Source: "ONU", Target: "UN", CaseSensitive: true, Line: 1},
			{Source: "UE", Target: "EU", CaseSensitive: true, Line: 2},
		}},
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

func TestDelimitedLineErrors(t *testing.T) {
	tests := []struct {
		name, text string
		want       string
	}{
		{"a line without the separator", "Séoul;Seoul\nKCNA;KCNA\nPyongyang Pyongyang\n", "g.csv:3: one column only: the French term and its English must be separated by a semicolon"},
		{"more cells than the header", "source,target\nSéoul,Seoul\nCorée du Nord,North Korea, the DPRK\n", "g.csv:3: 3 columns but the header names 2: quote a term that holds a comma"},
		{"more cells than source, target, note", "Séoul,Seoul\nRPDC,North Korea,DPRK,pays,x\n", "g.csv:2: 5 columns where source, target and a note were expected"},
	}
	for _, tt := range tests {
		_, err := Parse("g.csv", strings.NewReader(tt.text), CSV)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q…", tt.name, err, tt.want)
		}
	}
	// Lint reports every such line, with the file's name.
	dir := t.TempDir()
	p := writeFile(t, dir, "fr.csv", "Séoul;Seoul\nKCNA\nPyongyang Pyongyang\n")
	got := Lint(p)
	if len(got) != 2 || got[0].Line != 2 || got[1].Line != 3 || got[0].Path != p {
		t.Errorf("Lint = %s", problemLines(got))
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
}
