package bilingual

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"

	"github.com/bitext/bitext/translate"
)

// viewMarkdown renders our Markdown as a permissive viewer would (GitHub
// flavour, raw HTML passed through) and parses the result, so that any
// text we failed to escape shows up as markup.
func viewMarkdown(t *testing.T, doc *translate.Document) *html.Node {
	t.Helper()
	var md, out bytes.Buffer
	if err := Markdown(&md, doc); err != nil {
		t.Fatal(err)
	}
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	if err := gm.Convert(md.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	return parsePage(t, out.Bytes())
}

func TestMarkdownReadsAsTheArticle(t *testing.T) {
	doc := articleDoc()
	doc.Meta = nil // its list, bold labels and linkified URL would count below
	root := viewMarkdown(t, doc)
	var paras []string
	for _, p := range find(root, tag("p")) {
		paras = append(paras, textOf(p))
	}
	for _, i := range []int{1, 4, 8} { // the paragraphs
		b := doc.Blocks[i]
		for _, want := range []string{plainBlock(b, false), plainBlock(b, true)} {
			if !contains(paras, want) {
				t.Errorf("no paragraph reads %q; paragraphs: %q", want, paras)
			}
		}
	}
	if n := len(find(root, tag("h1"))); n != 2 {
		t.Errorf("%d <h1>, want the French and English headlines", n)
	}
	links := find(root, tag("a"))
	if href, _ := getAttr(links[0], "href"); len(links) != 2 || href != "https://example.org/communique" {
		t.Errorf("links not kept: %d, first href %q", len(links), href)
	}
	if len(find(root, tag("strong"))) != 2 || len(find(root, tag("em"))) != 2 {
		t.Errorf("emphasis not turned into Markdown")
	}
	if len(find(root, tag("li"))) != 2 || len(find(root, tag("pre"))) != 1 {
		t.Errorf("list items or code block lost")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestMarkdownEscapesSyntax(t *testing.T) {
	texts := []string{
		`- M. Kim a cité *trois* raisons_ et [un lien](https://example.org) <b>gras</b> &amp; # | ~barré~ \ fin.`,
		`1. Le premier point, selon l'AFP.`,
		`+ 3 000 soldats`,
		`# Pas un titre #`,
		`> pas une citation`,
		`=== ni un soulignement`,
		"`code` et ``deux``",
		"    indentation de quatre espaces",
	}
	doc := &translate.Document{}
	for i, s := range texts {
		doc.Blocks = append(doc.Blocks, translate.Block{Kind: translate.Paragraph, Segments: []translate.Segment{seg(i, s, s)}})
	}
	root := viewMarkdown(t, doc)
	var paras []string
	for _, p := range find(root, tag("p")) {
		paras = append(paras, textOf(p))
	}
	for _, s := range texts {
		if want := strings.TrimSpace(s); !contains(paras, want) {
			t.Errorf("%q does not come back as a paragraph; got %q", want, paras)
		}
	}
	for _, a := range find(root, tag("a")) { // GFM linkifies bare URLs: harmless
		if href, _ := getAttr(a, "href"); href != textOf(a) {
			t.Errorf("article text became a link to %q", href)
		}
	}
	for _, name := range []string{"ul", "ol", "h1", "b", "code", "del", "table"} {
		if n := len(find(root, tag(name))); n > 0 {
			t.Errorf("article text became <%s> (%d)", name, n)
		}
	}
}

func TestMarkdownHostile(t *testing.T) {
	root := viewMarkdown(t, hostileDoc())
	walk(root, func(n *html.Node) {
		switch n.Data {
		case "script", "img", "iframe", "style":
			t.Errorf("hostile text became <%s>", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || (a.Key == "href" && !safeURL(a.Val)) {
				t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
			}
		}
	})
	if body := textOf(root); !strings.Contains(body, "<script>document.title='pwned'</script>") {
		t.Errorf("hostile text should read as text: %q", body)
	}
}

func TestMarkdownNestedLists(t *testing.T) {
	doc := &translate.Document{Blocks: []translate.Block{
		{Kind: translate.ListItem, Level: 1, Marker: "1.", Segments: []translate.Segment{seg(1, "Premier point", "First point")}},
		{Kind: translate.ListItem, Level: 2, Marker: "-", Segments: []translate.Segment{seg(2, "Détail", "Detail")}},
		{Kind: translate.ListItem, Level: 1, Marker: "2.", Segments: []translate.Segment{seg(3, "Second point", "Second point")}},
	}}
	root := viewMarkdown(t, doc)
	ols, uls := find(root, tag("ol")), find(root, tag("ul"))
	if len(ols) != 1 || len(uls) != 1 {
		t.Fatalf("want one ordered list holding one bullet list, got %d ol, %d ul", len(ols), len(uls))
	}
	if uls[0].Parent.Data != "li" || len(find(ols[0], tag("li"))) != 3 {
		t.Errorf("nested item is not inside the first item")
	}
	if len(find(root, tag("blockquote"))) != 3 {
		t.Errorf("each item should carry its English in a blockquote")
	}
}

func TestVerbatimMarkdown(t *testing.T) {
	cases := map[string]string{
		"```go\nx := 1\n```":              "```go\nx := 1\n```\n",
		"---":                             "---\n",
		"<div onclick=\"x\">brut</div>":   "```\n<div onclick=\"x\">brut</div>\n```\n",
		"```\na\n```\n<script>x</script>": "````\n```\na\n```\n<script>x</script>\n````\n",
	}
	for raw, want := range cases {
		b := translate.Block{Kind: translate.Verbatim, Segments: []translate.Segment{{Source: raw}}}
		if got := verbatimMarkdown(b); got != want {
			t.Errorf("verbatimMarkdown(%q) = %q, want %q", raw, got, want)
		}
	}
}
