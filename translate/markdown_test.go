package translate

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestReadMarkdownStructure(t *testing.T) {
	doc, err := readFile(filepath.Join("testdata", "article.fr.md"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != FormatMarkdown || doc.Compact || len(doc.Warnings) != 0 {
		t.Errorf("Format %q, Compact %v, Warnings %q", doc.Format, doc.Compact, doc.Warnings)
	}
	wantMeta := []MetaField{
		{Key: "title", Value: "« Nous ne céderons pas », affirme M. Kim", Translate: true},
		{Key: "author", Value: "Claire Dubois"},
		{Key: "date", Value: "2025-03-14"},
		{Key: "tags", Value: "[Corée du Nord, Russie, défense]"},
		{Key: "source", Value: "AFP"},
	}
	if len(doc.Meta) != len(wantMeta) {
		t.Fatalf("meta = %+v", doc.Meta)
	}
	for i, f := range wantMeta {
		if doc.Meta[i] != f {
			t.Errorf("meta %d = %+v, want %+v", i, doc.Meta[i], f)
		}
	}
	checkBlocks(t, summarize(doc), []blockSummary{
		{Heading, 1, "", 9, []string{"Séoul s'inquiète d'un <em>rapprochement</em> militaire"}},
		{Paragraph, 0, "", 11, []string{"Le président sud-coréen a convoqué jeudi son conseil de sécurité.", "M. Lee a dénoncé « une menace directe » pour la péninsule, selon un communiqué publié à 14 h 30."}},
		{Paragraph, 0, "", 13, []string{"Selon le ministère de la Défense, au moins <strong>3 000 soldats</strong> nord-coréens ont été déployés depuis octobre 2024.", `Le texte intégral est disponible sur <a href="https://www.mnd.go.kr/fr?id=12&amp;lang=fr" title="Communiqué">le site du ministère</a>.`}},
		{Heading, 2, "", 15, []string{"Contexte"}},
		{Quote, 1, "", 18, []string{"« Nos relations atteignent leur apogée », a déclaré Kim Jong-un.", "Il s'exprimait devant des officiers."}},
		{Quote, 2, "", 20, []string{"Un diplomate a jugé la formule <code>excessive</code>."}},
		{Heading, 2, "", 22, []string{"Les chiffres clés"}},
		{ListItem, 1, "-", 24, []string{"600 soldats tués, selon Séoul"}},
		{ListItem, 1, "-", 25, []string{"Des milliers de blessés"}},
		{ListItem, 2, "-", 26, []string{"dont 200 dans la région de Koursk"}},
		{ListItem, 2, "-", 27, []string{"et 150 évacués vers Pyongyang"}},
		{ListItem, 1, "", 29, []string{"Les chiffres n'ont pas été confirmés par Moscou."}},
		{ListItem, 1, "-", 30, []string{"Un accord de défense signé en 2024"}},
		{ListItem, 1, "1.", 32, []string{"Première étape : le déploiement."}},
		{ListItem, 1, "2.", 33, []string{"Deuxième étape : le retrait, prévu en <em>2026</em>."}},
		{Verbatim, 0, "", 35, []string{"```text\nDépêche AFP 141430 MARS 25\n```"}},
		{Verbatim, 0, "", 39, []string{"***"}},
		{Verbatim, 0, "", 41, []string{"<!-- note de la rédaction : ne pas traduire -->"}},
		{Paragraph, 0, "", 43, []string{"Les échanges reprendront à Genève le 3 avril, a indiqué l'ONU."}},
	})
}

func TestReadMarkdownInline(t *testing.T) {
	type seg struct {
		src    string
		markup bool
	}
	cases := []struct {
		name string
		md   string
		want []seg
	}{
		{"plain", "Le sommet s'ouvre lundi. Il durera deux jours.",
			[]seg{{"Le sommet s'ouvre lundi.", false}, {"Il durera deux jours.", false}}},
		{"entities in plain text", "Les ventes de H&M ont baissé de 3 % & plus.",
			[]seg{{"Les ventes de H&M ont baissé de 3 % & plus.", false}}},
		{"escaped star", `Le \*ministre\* est parti.`, []seg{{"Le *ministre* est parti.", false}}},
		{"emphasis", "Le *sommet* s'ouvre. Il durera **deux jours**.",
			[]seg{{"Le <em>sommet</em> s'ouvre.", true}, {"Il durera <strong>deux jours</strong>.", true}}},
		{"underscore emphasis", "Le _Monde_ a révélé l'affaire.", []seg{{"Le <em>Monde</em> a révélé l'affaire.", true}}},
		{"code with special characters", "Tapez `a < b && c` puis validez.",
			[]seg{{"Tapez <code>a &lt; b &amp;&amp; c</code> puis validez.", true}}},
		{"link with title", `Voir [le rapport](https://onu.org/r?a=1&b=2 "Rapport « 2025 »") publié mardi.`,
			[]seg{{`Voir <a href="https://onu.org/r?a=1&amp;b=2" title="Rapport « 2025 »">le rapport</a> publié mardi.`, true}}},
		{"link quote in attribute", `Voir [ici](https://afp.com/a"b).`,
			[]seg{{`Voir <a href="https://afp.com/a&#34;b">ici</a>.`, true}}},
		{"autolink", "Écrire à <redaction@agence.fr> avant midi.",
			[]seg{{`Écrire à <a href="mailto:redaction@agence.fr">redaction@agence.fr</a> avant midi.`, true}}},
		{"emphasis across a sentence end stays whole", "*Le vote a eu lieu. Le texte est adopté.* La séance est levée.",
			[]seg{{"<em>Le vote a eu lieu. Le texte est adopté.</em>", true}, {"La séance est levée.", false}}},
		{"tags at sentence edges", "Il a voté **contre.** *Le* texte passe.",
			[]seg{{"Il a voté <strong>contre.</strong>", true}, {"<em>Le</em> texte passe.", true}}},
		{"soft line break", "M. Kim est arrivé\nà Moscou jeudi.", []seg{{"M. Kim est arrivé à Moscou jeudi.", false}}},
		{"html escaped in plain text", "Le score est de 3 <4> en faveur de Séoul.",
			[]seg{{"Le score est de 3 <4> en faveur de Séoul.", false}}},
		{"raw inline html", "Le <abbr>FMI</abbr> a relevé ses prévisions.",
			[]seg{{"Le <abbr>FMI</abbr> a relevé ses prévisions.", true}}},
		{"image", "Le dirigeant est arrivé. ![Kim à Moscou](kim.jpg)",
			[]seg{{`Le dirigeant est arrivé. <img src="kim.jpg" alt="Kim à Moscou">`, true}}},
		{"image alone", "![Kim à Moscou](kim.jpg)", []seg{{`<img src="kim.jpg" alt="Kim à Moscou">`, true}}},
		{"unsafe link dropped", "Cliquez [ici](javascript:alert(1)) pour voir.", []seg{{"Cliquez ici pour voir.", false}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read("a.md", []byte(tc.md+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Blocks) != 1 {
				t.Fatalf("%d blocks: %+v", len(doc.Blocks), summarize(doc))
			}
			var got []seg
			for _, s := range doc.Blocks[0].Segments {
				got = append(got, seg{s.Source, s.Markup})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("segment %d = %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestReadMarkdownUnsafeLinkWarning(t *testing.T) {
	doc, err := Read("a.md", []byte("Cliquez [ici](javascript:alert(1)).\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "unsafe") {
		t.Errorf("warnings = %q", doc.Warnings)
	}
}

func TestReadMarkdownLines(t *testing.T) {
	md := "# Titre\n\nPremière phrase\nsur deux lignes. Deuxième phrase.\nTroisième *phrase*\nici.\n"
	doc, err := Read("a.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, s := range doc.Blocks[1].Segments {
		lines = append(lines, s.Line)
	}
	want := []int{3, 4, 5}
	if len(lines) != 3 || lines[0] != want[0] || lines[1] != want[1] || lines[2] != want[2] {
		t.Errorf("sentence lines = %v, want %v", lines, want)
	}
}

func TestReadMarkdownStructures(t *testing.T) {
	cases := []struct {
		name string
		md   string
		want []blockSummary
	}{
		{"setext and ATX", "Titre\n=====\n\n### Sous-titre ###\n",
			[]blockSummary{{Heading, 1, "", 1, []string{"Titre"}}, {Heading, 3, "", 4, []string{"Sous-titre"}}}},
		{"ordered from 3 with parens", "3) Trois.\n4) Quatre.\n",
			[]blockSummary{{ListItem, 1, "3)", 1, []string{"Trois."}}, {ListItem, 1, "4)", 2, []string{"Quatre."}}}},
		{"star and plus lists", "* Un.\n\n+ Deux.\n",
			[]blockSummary{{ListItem, 1, "*", 1, []string{"Un."}}, {ListItem, 1, "+", 3, []string{"Deux."}}}},
		{"list in quote", "> Il a énuméré :\n> - la paix ;\n> - la sécurité.\n",
			[]blockSummary{{Quote, 1, "", 1, []string{"Il a énuméré :"}}, {Quote, 1, "-", 2, []string{"la paix ;"}}, {Quote, 1, "-", 3, []string{"la sécurité."}}}},
		{"empty item and nested first", "- \n- - Imbriqué.\n",
			[]blockSummary{{ListItem, 1, "-", 1, nil}, {ListItem, 1, "-", 2, nil}, {ListItem, 2, "-", 2, []string{"Imbriqué."}}}},
		{"code in list item", "- Exemple :\n\n  ```\n  code\n  ```\n",
			[]blockSummary{{ListItem, 1, "-", 1, []string{"Exemple :"}}, {Verbatim, 0, "", 3, []string{"  ```\n  code\n  ```"}}}},
		{"indented code", "Texte.\n\n    code indenté\n",
			[]blockSummary{{Paragraph, 0, "", 1, []string{"Texte."}}, {Verbatim, 0, "", 3, []string{"    code indenté"}}}},
		{"reference link kept verbatim", "Voir [le texte][t].\n\n[t]: https://afp.com/t\n",
			[]blockSummary{{Paragraph, 0, "", 1, []string{`Voir <a href="https://afp.com/t">le texte</a>.`}}, {Verbatim, 0, "", 3, []string{"[t]: https://afp.com/t"}}}},
		{"front matter only", "---\ntitle: Dépêche\n---\n", nil},
		{"unclosed front matter is a break", "---\nTexte.\n",
			[]blockSummary{{Verbatim, 0, "", 1, []string{"---"}}, {Paragraph, 0, "", 2, []string{"Texte."}}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read("a.md", []byte(tc.md))
			if err != nil {
				t.Fatal(err)
			}
			checkBlocks(t, summarize(doc), tc.want)
		})
	}
}

func TestReadMarkdownErrors(t *testing.T) {
	cases := []struct {
		name string
		md   string
		line int
		msg  string
	}{
		{"bad yaml", "---\ntitle: Dépêche\nauteur: AFP: Paris\n---\nTexte.\n", 3, "YAML"},
		{"not a mapping", "---\n- un\n- deux\n---\nTexte.\n", 2, "key: value"},
		{"deep quotes", strings.Repeat("> ", 200) + "Texte.\n", 1, "nested"},
		{"deep list markers", "Intro.\n\n" + strings.Repeat("- ", 200) + "Texte.\n", 3, "nested"},
		{"deep indentation", "Intro.\n" + strings.Repeat(" ", 400) + "- Texte.\n", 2, "nested"},
		{"no text", "---\n---\n\n", 0, "no article text"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read("depeche.md", []byte(tc.md))
			var ie *InputError
			if !errors.As(err, &ie) || ie.Line != tc.line || !strings.Contains(ie.Msg, tc.msg) || ie.Path != "depeche.md" {
				t.Errorf("error = %v (%+v), want line %d with %q", err, ie, tc.line, tc.msg)
			}
		})
	}
}

func TestReadMarkdownDeepInline(t *testing.T) {
	inputs := map[string]string{
		"emphasis": strings.Repeat("*", 30000) + "Kim" + strings.Repeat("*", 30000),
		"links":    strings.Repeat("[", 30000) + "Kim" + strings.Repeat("](u)", 30000),
		"mixed":    strings.Repeat("**_[", 10000) + "Kim",
		"quotes":   strings.Repeat("> ", maxNesting) + "Kim.\n" + strings.Repeat("Suite.\n", 2000),
	}
	for name, md := range inputs {
		t.Run(name, func(t *testing.T) {
			doc, err := Read("a.md", []byte(md))
			if err != nil {
				t.Fatal(err)
			}
			checkWellFormed(t, doc)
		})
	}
}

// checkWellFormed checks what every document read must satisfy: lines set,
// sentences trimmed and non-empty, markup balanced.
func checkWellFormed(t *testing.T, doc *Document) {
	t.Helper()
	for _, b := range doc.Blocks {
		if b.Line < 1 {
			t.Errorf("block %+v has no line", b)
		}
		for _, s := range b.Segments {
			if s.Source == "" || (b.Kind != Verbatim && strings.TrimSpace(s.Source) != s.Source) {
				t.Errorf("segment %q is empty or not trimmed", s.Source)
			}
			if s.Line < b.Line {
				t.Errorf("segment %q on line %d before its block's line %d", s.Source, s.Line, b.Line)
			}
			if s.Markup && !balanced(s.Source) {
				t.Errorf("segment %q has unbalanced tags", s.Source)
			}
		}
	}
}

// inlineMarkup are the elements the Markdown reader writes in pairs.
var inlineMarkup = map[string]bool{"em": true, "strong": true, "a": true, "code": true, "del": true, "sup": true}

func isInlineMarkup(name string) bool { return inlineMarkup[name] }

// balanced reports whether the known inline elements of frag open and
// close in order.
func balanced(frag string) bool {
	z := html.NewTokenizer(strings.NewReader(frag))
	var stack []string
	for {
		switch z.Next() {
		case html.ErrorToken:
			return len(stack) == 0
		case html.StartTagToken:
			if name := z.Token().Data; isInlineMarkup(name) {
				stack = append(stack, name)
			}
		case html.EndTagToken:
			name := z.Token().Data
			if !isInlineMarkup(name) {
				continue
			}
			if len(stack) == 0 || stack[len(stack)-1] != name {
				return false
			}
			stack = stack[:len(stack)-1]
		}
	}
}
