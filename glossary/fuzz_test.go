package glossary

import (
	"bytes"
	"html"
	"strings"
	"testing"
)

// fuzzRoundTrip parses data, writes the glossary back in the same format
// and parses it again: the entries must survive unchanged.
func fuzzRoundTrip(t *testing.T, data string, f Format) {
	g, err := Parse("fuzz", strings.NewReader(data), f)
	if err != nil {
		return
	}
	var buf bytes.Buffer
	if err := g.Write(&buf, f); err != nil {
		if strings.Contains(err.Error(), "holds a |") {
			return
		}
		t.Fatalf("Write: %v", err)
	}
	back, err := Parse("fuzz", bytes.NewReader(buf.Bytes()), f)
	if err != nil {
		t.Fatalf("Parse(Write(g)): %v\n%s", err, buf.String())
	}
	if !sameEntries(g, back) {
		t.Fatalf("round trip changed entries:\n%+v\n%+v\n%s", briefs(g), briefs(back), buf.String())
	}
}

func FuzzParseCSV(f *testing.F) {
	f.Add("source,target,note\nSéoul,Seoul,capitale\n\"Corée du Nord\",\"North Korea\"\n")
	f.Fuzz(func(t *testing.T, data string) { fuzzRoundTrip(t, data, CSV) })
}

func FuzzParseTSV(f *testing.F) {
	f.Add("Corée du Nord\tNorth Korea\tpays\nKCNA\tKCNA\n")
	f.Fuzz(func(t *testing.T, data string) { fuzzRoundTrip(t, data, TSV) })
}

func FuzzParseYAML(f *testing.F) {
	f.Add(asiaDesk)
	f.Fuzz(func(t *testing.T, data string) { fuzzRoundTrip(t, data, YAML) })
}

func FuzzParseTBX(f *testing.F) {
	f.Add(`<tbx><text><body><conceptEntry><langSec xml:lang="fr"><termSec><term>Séoul</term></termSec></langSec><langSec xml:lang="en"><termSec><term>Seoul</term></termSec></langSec></conceptEntry></body></text></tbx>`)
	f.Fuzz(func(t *testing.T, data string) { fuzzRoundTrip(t, data, TBX) })
}

// FuzzProtectRestore checks the identity-backend invariant: protecting a
// plain-text segment, "translating" it by returning it unchanged and
// restoring it gives the segment with each term replaced by its target
// (and the grammar around targets fixed). HTML fragments must not panic.
func FuzzProtectRestore(f *testing.F) {
	f.Add("Le dirigeant nord-coréen Kim Jong-un a salué l’ONU & « ses » <alliés>.")
	f.Add("Les Nord-Coréens et les manœuvres américano-nord-coréennes ; la <em>Corée du Nord</em>, une « arme de destruction massive » nord-coréenne.")
	g := asia(f)
	f.Fuzz(func(t *testing.T, text string) {
		p := g.Protect(text, false)
		checkMatches(t, text, p.Matches)
		want := html.UnescapeString(g.fixGrammar(escapeText(replaceTerms(text, p.Matches)), p.Matches))
		if len(p.Matches) == 0 {
			want = text
		}
		if got := g.Restore(p, p.Text, false); got != want {
			t.Fatalf("identity backend:\n in   %q\n got  %q\n want %q", text, got, want)
		}
		pm := g.Protect(text, true)
		checkMatches(t, text, pm.Matches)
		g.Restore(pm, pm.Text, true)
		g.Check(text, text, true)
	})
}

// checkMatches checks that matches are in order, apart, and where they say.
func checkMatches(t *testing.T, text string, ms []Match) {
	end := 0
	for _, m := range ms {
		if m.Start < end || m.End <= m.Start || text[m.Start:m.End] != m.Text {
			t.Fatalf("bad match %+v after offset %d in %q", m, end, text)
		}
		end = m.End
	}
}
