package translatetest

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/translate"
)

// Example is an article with what its translation must hold, whatever the
// backend: the cases of facts an engine or a naive pipeline
// changes (figures, addresses, markup, Markdown).
type Example struct {
	Name string
	// Path gives the format (.txt or .md).
	Path   string
	Source string
	// Want must each be in the English article; WantNot must not be.
	Want, WantNot []string
	// French must not be left in the article by an engine that
	// translates (a copying engine leaves it).
	French []string
	// Structure says the English Markdown must have the French's GFM
	// structure (SameStructure).
	Structure bool
}

// GlossaryCSV is the glossary the examples are translated with: terms that
// also occur inside addresses, which must never be changed there.
const GlossaryCSV = "source,target\nSéoul,Seoul\nMoscou,Moscow\nLe Monde,Le Monde\n"

// Examples returns the examples (written for bitext's tests).
func Examples() []Example {
	return []Example{
		{
			Name: "figures", Path: "chiffres.fr.txt",
			Source: "Les prix de l'énergie\n\n" +
				"Le gazole atteint 1,879 euro le litre, le taux 0,925 et l'inflation 3,125 %. Il est 20h. " +
				"Le concert commence à 8h du soir. Les bureaux ouvrent de 9h à 18h. La réunion a duré 2h45. " +
				"Le budget est de 45 000 € pour 3 500 soldats.\n",
			Want:    []string{"1.879", "0.925", "3.125%", "8 p.m.", "9 a.m.", "6 p.m.", "2 hours 45 minutes", "€45,000", "3,500"},
			WantNot: []string{"1,879", "0,925", "3,125", "20h", "2:45", "45,000 €", "45 000", "a.m. of the evening", "p.m.."},
		},
		{
			Name: "addresses", Path: "adresses.fr.txt",
			Source: "Les adresses du jour\n\n" +
				"Voir https://fr.wikipedia.org/wiki/Séoul et https://example.org/Index.HTML, écrire à moscou@example.ru " +
				"ou à Jean.Dupont@Example.FR. Suivez @Le_Monde, @afp, #MeToo et #séoul sur https://fr.wikipedia.org/wiki/Paris_(ville).\n\n" +
				"Il pleut.  Il ne s'arrête pas.\n",
			Want: []string{"https://fr.wikipedia.org/wiki/Séoul", "https://example.org/Index.HTML", "moscou@example.ru",
				"Jean.Dupont@Example.FR", "@Le_Monde", "@afp", "#MeToo", "#séoul", "https://fr.wikipedia.org/wiki/Paris_(ville)"},
			WantNot: []string{"wiki/Seoul", "Moscow@", "index.html", "@The_World", "  "},
		},
		{
			Name: "markdown", Path: "gfm.fr.md", Source: markdownExample, Structure: true,
			Want: []string{"| ", "[^1]", "~~", "- [ ] ", "- [x] ", "<em>", "<br>", "https://example.org/a_b?x=1&y=2",
				"**https://example.org/gras**", "<https://example.org/auto>", "`a\\|b`", "\\\n", "“", "3,500", "2.4%", "Mr. Dupont"},
			WantNot: []string{"\\_", "\\&y", "&lt;em", "3 500", "2,4 %", "« "},
			French:  []string{"Carte de Séoul", "Page de l'agence"},
		},
	}
}

// markdownExample holds every GFM construct the issue lists.
const markdownExample = `---
title: « Séoul » reçoit 3 500 délégués
description: Une hausse de 2,4 %, selon M. Dupont.
---

# Séoul reçoit un sommet

Le **budget** atteint 45 000 €, voir https://example.org/a_b?x=1&y=2 ou **https://example.org/gras** et <https://example.org/auto>.  
Après un saut de ligne, ~~barré~~ et <em>en HTML</em><br>puis la suite[^1].

| Ville | Population | Code |
|:------|-----------:|:----:|
| Séoul | 9 700 000 | ` + "`a\\|b`" + ` |
| Busan | 3 400 000 | ` + "`c`" + ` |

- [ ] Appeler M. Kim à 20h
- [x] Écrire à moscou@example.ru

![Carte de Séoul](https://example.org/seoul.png "Carte de Séoul")

[Le site](https://example.org/page "Page de l'agence") de l'agence.

[^1]: Une note de bas de page.
`

// ExampleGlossary returns the glossary of the examples (GlossaryCSV) as a
// pipeline protector.
func ExampleGlossary(t *testing.T) translate.Protector {
	t.Helper()
	g, err := glossary.Parse("examples.csv", strings.NewReader(GlossaryCSV), glossary.CSV)
	if err != nil {
		t.Fatal(err)
	}
	return glossary.Shield{Glossary: g}
}

// RunExamples translates every example through translate.Pipeline (with
// protector, which may be nil, and English typography) on the backend
// newBackend returns, writes the English article, and checks it: what
// must be there, what must not, no private-use character, and for
// Markdown the French's GFM structure. copying says the backend gives its
// input back (a copying fake), so French words may stay.
func RunExamples(t *testing.T, newBackend func(t *testing.T) translate.Backend, protector translate.Protector, copying bool) {
	for _, ex := range Examples() {
		t.Run(ex.Name, func(t *testing.T) {
			en := TranslateExample(t, newBackend(t), protector, ex)
			if testing.Verbose() {
				t.Logf("English:\n%s", en)
			}
			if !copying {
				ex.WantNot = append(ex.WantNot, ex.French...)
			}
			CheckExample(t, ex, en)
		})
	}
}

// TranslateExample translates one example and returns the English article.
func TranslateExample(t *testing.T, b translate.Backend, protector translate.Protector, ex Example) string {
	t.Helper()
	doc, err := translate.Read(ex.Path, []byte(ex.Source))
	if err != nil {
		t.Fatal(err)
	}
	p := &translate.Pipeline{Backend: b, From: "fr", To: "en", Protector: protector, Finish: translate.EnglishTypography}
	if _, err := p.Translate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := translate.Write(&buf, doc, translate.TargetSide); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// CheckExample checks an example's English article.
func CheckExample(t *testing.T, ex Example, en string) {
	t.Helper()
	for _, w := range ex.Want {
		if !strings.Contains(en, w) {
			t.Errorf("%s: %q missing from the translation:\n%s", ex.Name, w, en)
		}
	}
	for _, w := range ex.WantNot {
		if strings.Contains(en, w) {
			t.Errorf("%s: %q in the translation:\n%s", ex.Name, w, en)
		}
	}
	if HasPlaceholder(en) {
		t.Errorf("%s: a private-use placeholder character in the translation:\n%q", ex.Name, en)
	}
	if ex.Structure {
		if err := SameStructure(ex.Source, en); err != nil {
			t.Errorf("%s: GFM structure changed: %v", ex.Name, err)
		}
	}
}

// HasPlaceholder reports whether s holds a character of Unicode's
// private-use area (U+E000–U+F8FF), where placeholders leak from.
func HasPlaceholder(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0xE000 && r <= 0xF8FF {
			return true
		}
		i += n
	}
	return false
}
