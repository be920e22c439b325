package bilingual

import (
	"bytes"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/bitext/bitext/translate"
)

// TestHTMLRendersGFM: the bilingual page shows a Markdown article's
// images as images, tables as tables, footnote references, struck text
// and breaks, never one link inside another, and escapes the rest.
func TestHTMLRendersGFM(t *testing.T) {
	md := "# Titre\n\nVoir <https://example.org/auto> et **https://example.org/gras**, ~~barré~~  \nsuite[^1] <script>alert(1)</script>.\n\n" +
		"| Ville | Code |\n|:--|--:|\n| Séoul | `a\\|b` |\n\n![Carte](https://example.org/c.png \"Titre\") ![Local](c.png)\n\n[^1]: Note.\n"
	doc, err := translate.Read("a.fr.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	for i := range doc.Blocks {
		for j := range doc.Blocks[i].Segments {
			s := &doc.Blocks[i].Segments[j]
			s.Target = s.Source
		}
	}
	var buf bytes.Buffer
	if err := HTML(&buf, doc, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{`<img src="https://example.org/c.png" alt="Carte" title="Titre">`, "<table>", `<th class="left">`,
		`<td class="right"><span class="seg"`, "<code>a|b</code>", `<sup class="fnref">1</sup>`, "<del>barré</del>", "<br>",
		"&lt;script&gt;alert(1)&lt;/script&gt;", `<p class="footnote"><sup class="fnref">1</sup>`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(page, `<img src="c.png"`) {
		t.Error("an image the page may not load is rendered")
	}
	root, err := xhtml.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *xhtml.Node, inLink bool)
	walk = func(n *xhtml.Node, inLink bool) {
		if n.Type == xhtml.ElementNode && n.Data == "a" {
			if inLink {
				t.Error("a link inside a link")
			}
			inLink = true
		}
		if n.Type == xhtml.ElementNode && n.Data == "script" {
			t.Error("a script element on the page")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(root, false)
}
