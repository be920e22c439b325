package glossary_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/translatetest"
)

// An article and a plain glossary (with its semicolon twin) that the
// code was not tuned on: Ukraine instead of Korea, written after the rest
// to check that the rules are general. Acronyms (OTAN, UE, l'AIEA),
// nationality nouns (les Ukrainiens, les Ukrainiennes, les Russes),
// compounds (sino-russe, russo-japonais, anti-ukrainienne), noun +
// adjective terms (le Premier ministre japonais, les centrales nucléaires
// ukrainiennes).

// ukraineBroken are the broken forms this article could show.
var ukraineBroken = regexp.MustCompile(`\b(?:the|The) (?:NATO|Russia|Japan|Kyiv|Ukraine|Volodymyr Zelensky|Zaporizhzhia)\b|` +
	`\b(?:Ukrainian|Russian|Japanese) (?:have|are|were)\b|\b(?:drones|forces|plants|Minister) (?:Russian|Ukrainian|Japanese)\b|` +
	`\b\p{Ll}+o-\p{Lu}|\b(?:NATO|EU|IAEA)\b.*\b(?:UKRAINE|RUSSIA)\b|ukrainien|japonais|\b[Aa] “?anti`)

func translateUkraine(t *testing.T, b translate.Backend, file string) string {
	t.Helper()
	g, err := glossary.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := readArticle("testdata/ukraine/drones-kiev.fr.txt")
	if err != nil {
		t.Fatal(err)
	}
	p := &translate.Pipeline{Backend: b, From: "fr", To: "en", Protector: glossary.Shield{Glossary: g}}
	if _, err := p.Translate(t.Context(), doc); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, bl := range doc.Blocks {
		out = append(out, bl.TargetText())
		for _, s := range bl.Segments {
			for _, v := range g.Check(s.Source, s.Target, s.Markup) {
				t.Errorf("%s: %s in %q", b.Name(), v, s.Target)
			}
		}
	}
	return strings.Join(out, "\n")
}

func TestUnseenArticleFake(t *testing.T) {
	for _, file := range []string{"testdata/ukraine/glossary.csv", "testdata/ukraine/glossary-semicolon.csv"} {
		en := translateUkraine(t, translatetest.NewFake(), file)
		for _, want := range []string{
			"The Ukrainians repoussent", "Russian drones", "The Japanese Prime Minister", "The Sino-Russian",
			"Russian-Japanese", "the Ukrainian nuclear power plants", "that IAEA", "an « anti-Ukrainian",
			"According to NATO", "The Ukrainians engagées", "Japan and the EU", "of Zaporizhzhia",
		} {
			if !strings.Contains(en, want) {
				t.Errorf("%s: no %q in\n%s", file, want, en)
			}
		}
		if m := ukraineBroken.FindAllString(en, -1); len(m) > 0 {
			t.Errorf("%s: broken forms %q in\n%s", file, m, en)
		}
	}
}

func TestUnseenArticleApertium(t *testing.T) {
	en := translateUkraine(t, realApertium(t), "testdata/ukraine/glossary-semicolon.csv")
	t.Logf("apertium:\n%s", en)
	if m := ukraineBroken.FindAllString(en, -1); len(m) > 0 {
		t.Errorf("broken forms %q in\n%s", m, en)
	}
}
