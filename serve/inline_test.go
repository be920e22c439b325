package serve

import (
	"regexp"
	"strings"
	"testing"
)

// visiteFR has inline markup, a link with a title and an image with alt
// text and a title, whose texts are units of their own.
const visiteFR = `# Visite à Séoul

Le *ministre* a salué [l'accord](https://example.org/accord "Le texte de l'accord") signé mardi.

Le président a posé devant la presse ![Le président sud-coréen à Séoul](https://img.example/seoul.jpg "Photo de l'agence Yonhap") à Séoul.

Les deux pays échangeront 3 500 tonnes de riz.
`

// section returns the page's section of the unit with the given id.
func section(t *testing.T, page, id string) string {
	t.Helper()
	start := strings.Index(page, `id="u-`+id+`"`)
	if start < 0 {
		t.Fatalf("no section for unit %s in the page:\n%s", id, page)
	}
	end := strings.Index(page[start:], "</section>")
	return page[start : start+end]
}

// unitOf returns the unit of a whose French is fr.
func unitOf(t *testing.T, a ArticleJSON, fr string) UnitJSON {
	t.Helper()
	for _, u := range a.Units {
		if u.Source == fr {
			return u
		}
	}
	t.Fatalf("no unit of %q in %s", fr, a.Path)
	return UnitJSON{}
}

// TestInlineMarkupOnPage: a unit's emphasis shows as emphasis and its
// link as its text, read from the inline model in both languages; no tag
// of the text reaches the page as a tag or as escaped tag text.
func TestInlineMarkupOnPage(t *testing.T) {
	fx := newFixture(t, map[string]string{"visite.fr.md": visiteFR}, Options{})
	u := unitWith(t, fx.article(t, "visite.en.md"), "ministre")
	_, page := fx.do(t, "GET", "/articles/visite.en.md", "")
	sec := section(t, page, u.ID)
	for _, want := range []string{
		`<p class="src">Le <em>ministre</em>`,
		`<span class="link" title="https://example.org/accord">l&#39;accord</span>`,
	} {
		if !strings.Contains(sec, want) {
			t.Errorf("the French lacks %s:\n%s", want, sec)
		}
	}
	en := sec[strings.Index(sec, `<p class="text">`):]
	en = en[:strings.Index(en, "</p>")]
	if !regexp.MustCompile(`<em>[^<]+</em>`).MatchString(en) || !strings.Contains(en, `<span class="link" title="https://example.org/accord">`) {
		t.Errorf("the English does not show its emphasis and link (%q):\n%s", u.Text, en)
	}
	shown := sec[strings.Index(sec, ">"):] // what the page shows, past the data attributes
	for _, bad := range []string{"<a href", "&lt;em&gt;", "&lt;a ", `title="Le texte`} {
		if strings.Contains(shown, bad) {
			t.Errorf("the unit shows %q:\n%s", bad, sec)
		}
	}
}

// TestAltTextAndTitleUnits: an image's alt text and title and a link's
// title are units of their own, as in the terminal review: listed with
// their place, decided on through the API, and saved into the sentence
// that holds them in the working copy, the sentence unit staying as it
// was.
func TestAltTextAndTitleUnits(t *testing.T) {
	fx := newFixture(t, map[string]string{"visite.fr.md": visiteFR}, Options{})
	a := fx.article(t, "visite.en.md")
	alt := unitOf(t, a, "Le président sud-coréen à Séoul")
	title := unitOf(t, a, "Photo de l'agence Yonhap")
	link := unitOf(t, a, "Le texte de l'accord")
	for _, c := range []struct {
		u         UnitJSON
		id, where string
	}{
		{alt, `^3\.1\.img-alt1~[0-9a-f]{6}$`, "image alt text"},
		{title, `^3\.1\.img-title1~[0-9a-f]{6}$`, "title"},
		{link, `^2\.1\.a-title1~[0-9a-f]{6}$`, "link title"},
	} {
		if !regexp.MustCompile(c.id).MatchString(c.u.ID) || !strings.HasSuffix(c.u.Where, c.where) || c.u.Markup {
			t.Errorf("unit %+v: want id %s, place ending %q, plain text", c.u, c.id, c.where)
		}
	}
	holder := unitWith(t, a, "Le président a posé")
	altText := "The South Korean president in Seoul"
	if code, body := fx.post(t, "visite.en.md", alt.ID, map[string]string{"action": "edit", "text": altText, "base": alt.Text}); code != 200 {
		t.Fatalf("edit of the alt text: %d %s", code, body)
	}
	if work := readFile(t, fx.out+"/visite.en.md"); !strings.Contains(work, "!["+altText+"](https://img.example/seoul.jpg") {
		t.Errorf("the working copy lacks the new alt text:\n%s", work)
	}
	checkApproved(t, fx.mem, alt.Source, "visite", altText)
	after := fx.article(t, "visite.en.md")
	if h := unitWith(t, after, "Le président a posé"); h.Status != holder.Status || h.ID != holder.ID {
		t.Errorf("the sentence holding the image went from %+v to %+v", holder, h)
	}
	if u := unitOf(t, after, "Le président sud-coréen à Séoul"); u.Status != "approved" || u.Text != altText {
		t.Errorf("alt text unit after the edit: %+v", u)
	}
	_, page := fx.do(t, "GET", "/articles/visite.en.md", "")
	if sec := section(t, page, alt.ID); !strings.Contains(sec, "image alt text") || !strings.Contains(sec, altText) {
		t.Errorf("the page's alt text unit:\n%s", sec)
	}
}

// TestFidelityWarningsShown: a figure the English changed is a problem
// of the unit, worded as the terminal review words it, in the API and on
// the page.
func TestFidelityWarningsShown(t *testing.T) {
	fx := newFixture(t, defaultArticles(), Options{Check: reviewCheck(nil)})
	u := unitWith(t, fx.article(t, seoulRel), "3 milliards")
	if code, body := fx.post(t, seoulRel, u.ID, map[string]string{"action": "draft", "text": "The two men signed a €4 billion deal."}); code != 200 {
		t.Fatalf("draft: %d %s", code, body)
	}
	u = unitWith(t, fx.article(t, seoulRel), "3 milliards")
	if len(u.Problems) == 0 || !strings.HasPrefix(u.Problems[0], "fidelity: ") {
		t.Fatalf("problems of a changed figure: %q", u.Problems)
	}
	_, page := fx.do(t, "GET", "/articles/"+seoulRel, "")
	sec := section(t, page, u.ID)
	if !strings.Contains(sec, `<li class="p-fidelity">fidelity: `) {
		t.Errorf("the page does not show the fidelity warning %q:\n%s", u.Problems[0], sec)
	}
}

// TestHostileInlineHTML: inline HTML an article carries reaches the page
// as what it means, never as its tags or attributes.
func TestHostileInlineHTML(t *testing.T) {
	fr := "Selon l'agence, <span onmouseover=\"alert(1)\">M. Kim</span> est arrivé <img src=x onerror=\"alert(2)\"> à <script>alert(3)</script> Pékin.\n"
	fx := newFixture(t, map[string]string{"pekin.fr.md": fr}, Options{})
	u := unitWith(t, fx.article(t, "pekin.en.md"), "Selon")
	_, page := fx.do(t, "GET", "/articles/pekin.en.md", "")
	sec := section(t, page, u.ID)
	shown := sec[strings.Index(sec, ">"):]
	for _, bad := range []string{"onmouseover", "onerror", "<script", "<img", "&lt;span", "&lt;img"} {
		if strings.Contains(shown, bad) {
			t.Errorf("the page shows %q:\n%s", bad, shown)
		}
	}
	if !strings.Contains(shown, `<span class="img" title="image: ">[image]</span>`) {
		t.Errorf("the image is not shown as a marker:\n%s", shown)
	}
	checkNoInlineScript(t, "/articles/pekin.en.md", page)
}
