package serve

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/bitext/bitext/glossary"
)

// checkNoInlineScript fails when page has a script without src, an event
// handler attribute or a javascript: address.
func checkNoInlineScript(t *testing.T, name, page string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			src := false
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				src = src || k == "src"
				if strings.HasPrefix(k, "on") || strings.HasPrefix(strings.TrimSpace(strings.ToLower(a.Val)), "javascript:") {
					t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
				}
			}
			if n.Data == "script" && !src {
				t.Errorf("%s: inline script", name)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// TestFirstPagePending: the page opens on the first article with
// segments to decide on.
func TestFirstPagePending(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	_, page := fx.do(t, "GET", "/", "")
	if !strings.Contains(page, `data-page="/articles/asie/seoul.en.txt"`) {
		t.Fatalf("first page is not seoul's:\n%.600s", page)
	}
	for _, u := range fx.article(t, seoulRel).Units {
		if code, body := fx.post(t, seoulRel, u.ID, map[string]string{"action": "approve"}); code != 200 {
			t.Fatal(body)
		}
	}
	_, page = fx.do(t, "GET", "/", "")
	if !strings.Contains(page, `data-page="/articles/moscou.en.md"`) {
		t.Errorf("with seoul approved, the first page is not moscou's:\n%.600s", page)
	}
	if !strings.Contains(page, `href="/articles"`) {
		t.Error("no link to the list of articles")
	}
}

// TestPageRendersEverySegment: the page is complete without script: every
// unit with its French, English, status and actions.
func TestPageRendersEverySegment(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	a := fx.article(t, seoulRel)
	_, page := fx.do(t, "GET", "/articles/"+seoulRel, "")
	for _, u := range a.Units {
		for _, want := range []string{`id="u-` + u.ID + `"`, html.EscapeString(u.Source), html.EscapeString(u.Text)} {
			if !strings.Contains(page, want) {
				t.Errorf("page lacks %q", want)
			}
		}
	}
	if n := strings.Count(page, `data-act="approve"`); n != len(a.Units) {
		t.Errorf("%d approve buttons for %d units", n, len(a.Units))
	}
	_, list := fx.do(t, "GET", "/articles", "")
	for _, want := range []string{`href="/articles/asie/seoul.en.txt"`, `href="/articles/moscou.en.md"`, "9 pending"} {
		if !strings.Contains(list, want) {
			t.Errorf("list lacks %q", want)
		}
	}
}

// TestEscaping: markup-like text in an article, its English and its file
// name reaches the page as text, never as markup.
func TestEscaping(t *testing.T) {
	hostile := `Le <script>alert(1)</script> de l'agence & « <img src=x onerror=alert(2)> » "x" 'y'.` + "\n"
	fx := newFixture(t, map[string]string{`a&b"<i>.fr.txt`: hostile}, Options{})
	rel := `a&b"<i>.en.txt`
	u := fx.article(t, rel).Units[0]
	edit := `<b onmouseover="alert(3)">bold</b> & </textarea><script>alert(4)</script>`
	if code, body := fx.post(t, rel, u.ID, map[string]string{"action": "edit", "text": edit}); code != 200 {
		t.Fatal(body)
	}
	for _, p := range []string{"/articles/" + escapePath(rel), "/articles", "/"} {
		_, page := fx.do(t, "GET", p, "")
		checkNoInlineScript(t, p, page)
		for _, bad := range []string{"<script>alert", "<img src=x", "<b onmouseover", `<i>.en`} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: raw %q in the page", p, bad)
			}
		}
	}
	_, page := fx.do(t, "GET", "/articles/"+escapePath(rel), "")
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(page, "&lt;b onmouseover=") {
		t.Errorf("the text is not shown escaped:\n%s", page)
	}
}

// TestGlossaryOnPage: glossary terms are highlighted in both languages
// and a missing term is listed.
func TestGlossaryOnPage(t *testing.T) {
	g, err := glossary.New([]glossary.Entry{{Source: "Séoul", Target: "Seoul"}, {Source: "Yonhap", Target: "Yonhap"}})
	if err != nil {
		t.Fatal(err)
	}
	fx := newFixture(t, defaultArticles(), Options{Glossary: g, Check: reviewCheck(g)})
	u := unitWith(t, fx.article(t, seoulRel), "Le président")
	fx.post(t, seoulRel, u.ID, map[string]string{"action": "draft", "text": "The South Korean president received Mr Kim in Seoul's palace on Tuesday."})
	_, page := fx.do(t, "GET", "/articles/"+seoulRel, "")
	for _, re := range []string{
		`<mark class="term" title="glossary: Yonhap">Yonhap</mark>`,
		`<mark class="term" title="glossary: Seoul">Séoul</mark>`,
		`<mark class="term" title="glossary: Séoul">Seoul</mark>`,
		`glossary: &#34;Séoul&#34; must be translated &#34;Seoul&#34;`,
	} {
		if !strings.Contains(page, re) {
			t.Errorf("page lacks %s", re)
		}
	}
}

// TestWordDiffOnPage: an edited unit shows its word diff against the
// machine draft.
func TestWordDiffOnPage(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	u := unitWith(t, fx.article(t, seoulRel), "La réunion")
	fx.post(t, seoulRel, u.ID, map[string]string{"action": "draft", "text": "The meeting is due to resume on Thursday 12 March."})
	_, page := fx.do(t, "GET", "/articles/"+seoulRel, "")
	if !regexp.MustCompile(`<del>doit reprendre</del><ins>is due to resume on</ins>`).MatchString(page) {
		t.Errorf("no word diff:\n%s", page)
	}
}

// TestEditFormKeepsMarkup: the text an editor edits keeps a unit's
// emphasis and links as Markdown, so that saving it back loses neither.
func TestEditFormKeepsMarkup(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	_, page := fx.do(t, "GET", "/articles/moscou.en.md", "")
	for _, want := range []string{`*minister*`, `(https://kcna.example/dispatch?id=42&amp;lang=fr)`} {
		if !strings.Contains(page, want) {
			t.Errorf("edit form lacks %s:\n%s", want, page)
		}
	}
}

// TestPageFollowsWorkingCopy: a change another editor makes in the
// working copy changes the unit's rev, which the page polls.
func TestPageFollowsWorkingCopy(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{})
	before := unitWith(t, fx.article(t, seoulRel), "La réunion")
	work := filepath.Join(fx.out, "asie", "seoul.en.txt")
	writeFile(t, work, strings.Replace(readFile(t, work), "The meeting", "The session", 1))
	after := unitWith(t, fx.article(t, seoulRel), "La réunion")
	if after.Rev == before.Rev || after.Status != "edited" {
		t.Errorf("before %+v, after %+v", before, after)
	}
	var j map[string]any
	_, body := fx.do(t, "GET", "/api/articles/"+seoulRel, "")
	if err := json.Unmarshal([]byte(body), &j); err != nil || j["edited"] != 1.0 {
		t.Errorf("counts after the edit: %v", j)
	}
}
