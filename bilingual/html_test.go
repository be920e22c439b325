package bilingual

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/bitext/bitext/translate"
)

// parsePage renders a page and parses it as a browser would.
func parsePage(t *testing.T, page []byte) *html.Node {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("output does not parse: %v", err)
	}
	return root
}

// walk calls f on every element of the tree.
func walk(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

// find returns the elements for which match is true.
func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walk(n, func(e *html.Node) {
		if match(e) {
			out = append(out, e)
		}
	})
	return out
}

func getAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := getAttr(n, "class")
	return strings.Contains(" "+v+" ", " "+class+" ")
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

// textOf returns the text content of n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// elementChildren returns the element children of n.
func elementChildren(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			out = append(out, c)
		}
	}
	return out
}

func TestHTMLStructure(t *testing.T) {
	doc := articleDoc()
	var buf bytes.Buffer
	if err := HTML(&buf, doc, HTMLOptions{Attribution: []string{"© Agence test"}}); err != nil {
		t.Fatal(err)
	}
	root := parsePage(t, buf.Bytes())
	htmlEl := find(root, tag("html"))[0]
	if lang, _ := getAttr(htmlEl, "lang"); lang != "en" {
		t.Errorf(`<html lang=%q>, want "en"`, lang)
	}
	rows := find(root, func(n *html.Node) bool { return hasClass(n, "row") })
	if len(rows) != len(doc.Blocks) {
		t.Fatalf("%d rows, want one per block (%d)", len(rows), len(doc.Blocks))
	}
	if !hasClass(rows[0], "row-headline") || len(find(rows[0], tag("h1"))) != 2 {
		t.Errorf("first row is not the headline pair")
	}
	for i, row := range rows {
		checkRow(t, i, row, doc.Blocks[i].Kind)
	}
	spans := find(root, func(n *html.Node) bool { _, ok := getAttr(n, "data-seg"); return ok })
	if want := 2 * countSegments(doc); len(spans) != want {
		t.Errorf("%d data-seg spans, want %d", len(spans), want)
	}
	if v, _ := getAttr(spans[3], "data-seg"); v != "1.1" {
		t.Errorf("fourth span data-seg = %q, want 1.1", v)
	}
	ids := map[string]bool{}
	for _, s := range spans {
		id, _ := getAttr(s, "id")
		ids[id] = true
	}
	if len(ids) != len(spans) || !ids["fr-1.1"] || !ids["en-1.1"] {
		t.Errorf("segment ids not unique or not fr-/en- B.S: %v", ids)
	}
	checkPageText(t, root)
}

// checkRow checks one block's row: French then English column, each
// holding the element for the block's kind.
func checkRow(t *testing.T, i int, row *html.Node, kind translate.BlockKind) {
	t.Helper()
	cols := elementChildren(row)
	if len(cols) != 2 {
		t.Fatalf("row %d has %d children, want 2 columns", i, len(cols))
	}
	for j, want := range []string{"fr", "en"} {
		if lang, _ := getAttr(cols[j], "lang"); lang != want {
			t.Errorf("row %d column %d lang=%q, want %q", i, j, lang, want)
		}
	}
	wantEl := map[string]string{
		"headline": "h1", "heading": "h2", "paragraph": "p", "quote": "blockquote", "list-item": "li", "verbatim": "pre",
	}[string(kind)]
	for j, col := range cols {
		if len(find(col, tag(wantEl))) != 1 {
			t.Errorf("row %d (%v) column %d lacks one <%s>", i, kind, j, wantEl)
		}
	}
}

// checkPageText checks the header, footer and the absence of anything
// loaded or run.
func checkPageText(t *testing.T, root *html.Node) {
	t.Helper()
	if got := textOf(find(root, tag("title"))[0]); got != "Seoul condemns a new missile launch" {
		t.Errorf("title %q", got)
	}
	header := textOf(find(root, tag("header"))[0])
	for _, want := range []string{"Claire Dubois, à Séoul", "2025-03-14", "https://example.org/depeches/12345"} {
		if !strings.Contains(header, want) {
			t.Errorf("header lacks %q: %q", want, header)
		}
	}
	footer := textOf(find(root, tag("footer"))[0])
	if !strings.Contains(footer, "fake") || !strings.Contains(footer, "© Agence test") {
		t.Errorf("footer lacks backend or attribution: %q", footer)
	}
	for _, name := range []string{"script", "link", "img", "iframe", "object"} {
		if n := len(find(root, tag(name))); n > 0 {
			t.Errorf("page has %d <%s> elements", n, name)
		}
	}
	if len(find(root, tag("style"))) != 1 {
		t.Errorf("page must carry its CSS inline in one <style>")
	}
}

func countSegments(doc *translate.Document) int {
	n := 0
	for _, b := range doc.Blocks {
		n += len(b.Segments)
	}
	return n
}

func TestHTMLEscapesHostileText(t *testing.T) {
	var buf bytes.Buffer
	opts := HTMLOptions{Title: "T " + hostile, Backend: "b " + hostile, Attribution: []string{"a " + hostile}}
	if err := HTML(&buf, hostileDoc(), opts); err != nil {
		t.Fatal(err)
	}
	root := parsePage(t, buf.Bytes())
	allowed := map[string]bool{
		"html": true, "head": true, "body": true, "meta": true, "title": true, "style": true,
		"header": true, "main": true, "footer": true, "div": true, "p": true, "span": true, "dl": true,
		"dt": true, "dd": true, "h1": true, "h2": true, "h3": true, "blockquote": true, "ul": true,
		"ol": true, "li": true, "pre": true, "hr": true, "em": true, "strong": true, "code": true, "a": true, "time": true,
	}
	walk(root, func(n *html.Node) {
		if !allowed[n.Data] {
			t.Errorf("unexpected element <%s>", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				t.Errorf("<%s> has event handler %s=%q", n.Data, a.Key, a.Val)
			}
			if a.Key == "href" && !safeURL(a.Val) {
				t.Errorf("<%s> has unsafe href %q", n.Data, a.Val)
			}
		}
	})
	if got := textOf(find(root, tag("title"))[0]); got != "T "+hostile {
		t.Errorf("title = %q, want the hostile text shown as is", got)
	}
	body := textOf(find(root, tag("main"))[0])
	if !strings.Contains(body, "<script>document.title='pwned'</script>") || !strings.Contains(body, "onerror=alert(1)>") {
		t.Errorf("hostile article text should be shown as text, got %q", body)
	}
	if len(find(root, tag("a"))) != 2 { // the two https links, French and English
		t.Errorf("want exactly the two safe links, got %d", len(find(root, tag("a"))))
	}
}

func safeURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto")
}

func TestHTMLFooterAndDefaults(t *testing.T) {
	doc := articleDoc()
	doc.Blocks[1].Segments[1].Target = ""
	doc.Blocks[1].Segments[1].Backend = "memory"
	var buf bytes.Buffer
	gen := time.Date(2025, 3, 14, 9, 30, 0, 0, time.FixedZone("KST", 9*3600))
	if err := HTML(&buf, doc, HTMLOptions{Generated: gen}); err != nil {
		t.Fatal(err)
	}
	root := parsePage(t, buf.Bytes())
	footer := textOf(find(root, tag("footer"))[0])
	if !strings.Contains(footer, "fake, memory") {
		t.Errorf("footer should list the segments' backends: %q", footer)
	}
	times := find(root, tag("time"))
	if dt, _ := getAttr(times[0], "datetime"); len(times) != 1 || dt != "2025-03-14T00:30:00Z" {
		t.Errorf("generated time not shown in UTC: %v", dt)
	}
	missing := find(root, func(n *html.Node) bool { return hasClass(n, "missing") })
	if v, _ := getAttr(missing[0], "data-seg"); len(missing) != 1 || v != "1.1" {
		t.Errorf("untranslated segment not marked: %d marks", len(missing))
	}
}
