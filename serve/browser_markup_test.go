package serve

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserMarkup drives Chromium through an article with inline
// markup: emphasis and links are shown as such (never as tags), an edit
// in place starts from the unit's Markdown and keeps its markup, the
// history shows text, the alt text of an image is a segment of its own,
// and a fidelity warning arrives by polling.
func TestBrowserMarkup(t *testing.T) {
	chromiumPath(t)
	fx := newFixture(t, map[string]string{"visite.fr.md": visiteFR}, Options{Poll: 200 * time.Millisecond, By: "claire", Check: reviewCheck(nil)})
	a := fx.article(t, "visite.en.md")
	u := unitWith(t, a, "ministre")
	alt := unitOf(t, a, "Le président sud-coréen à Séoul")
	rice := unitWith(t, a, "tonnes de riz")
	b := newBrowser(t, 1280, 900)
	run(t, b, "open", chromedp.Navigate(fx.ts.URL+"/articles/visite.en.md?token="+fx.token))
	waitFor(t, b, `document.querySelector('section.unit.current') !== null`)
	sel := unitSel(u.ID)
	if got := eval[string](t, b, sel+`.querySelector('.src em').textContent + '|' + `+sel+`.querySelector('.text .link').textContent`); got != "ministre|the agreement" {
		t.Errorf("emphasis and link shown as %q", got)
	}
	if n := eval[int](t, b, `document.querySelectorAll('main a, main img, main script').length`); n != 0 {
		t.Errorf("%d links, images or scripts of the articles' text in the page", n)
	}
	if txt := eval[string](t, b, `document.querySelector('main').innerText`); strings.Contains(txt, "<em>") || strings.Contains(txt, "href=") {
		t.Errorf("tags shown as text:\n%s", txt)
	}
	if w := eval[string](t, b, unitSel(alt.ID)+`.querySelector('.where').textContent`); !strings.Contains(w, "image alt text") {
		t.Errorf("the alt text unit is at %q", w)
	}

	// The edit starts from the Markdown and keeps emphasis and link.
	run(t, b, "open the editor", chromedp.Click(chromedp.CSS("#u-"+cssID(u.ID)+` button[data-act="edit"]`)))
	waitFor(t, b, sel+`.querySelector('textarea') !== null`)
	if v := eval[string](t, b, sel+`.querySelector('textarea').value`); !strings.HasPrefix(v, "The *minister* has") || !strings.Contains(v, "[the agreement](https://example.org/accord") {
		t.Errorf("the editor starts from %q", v)
	}
	const edited = `The *minister* welcomed [the agreement](https://example.org/accord "The text of the agreement") signed on Tuesday.`
	run(t, b, "save", chromedp.SetValue(chromedp.CSS("#u-"+cssID(u.ID)+" textarea"), edited), chromedp.KeyEvent("\r"))
	waitFor(t, b, sel+`.dataset.status === 'approved' && !document.querySelector('textarea')`)
	if got := eval[string](t, b, sel+`.querySelector('.text').innerHTML`); !strings.Contains(got, "<em>minister</em> welcomed") {
		t.Errorf("the approved English shows as %s", got)
	}
	if work := readFile(t, filepath.Join(fx.out, "visite.en.md")); !strings.Contains(work, "The *minister* welcomed [the agreement](https://example.org/accord") {
		t.Errorf("working copy:\n%s", work)
	}
	run(t, b, "history", chromedp.Click(chromedp.CSS("#u-"+cssID(u.ID)+" details.history summary")))
	waitFor(t, b, sel+`.querySelector('.hist ol') !== null`)
	if h := eval[string](t, b, sel+`.querySelector('.hist').textContent`); !strings.Contains(h, "The minister welcomed the agreement signed on Tuesday.") || strings.Contains(h, "<em>") {
		t.Errorf("history shows %q", h)
	}

	// Another editor's draft changes a figure: its warning arrives.
	if code, body := fx.post(t, "visite.en.md", rice.ID, map[string]string{"action": "draft", "text": "The two countries will exchange 3,400 tonnes of rice."}); code != 200 {
		t.Fatal(body)
	}
	waitFor(t, b, unitSel(rice.ID)+`.querySelector('.problems .p-fidelity') !== null`)
	screenshots(t, b, "markup")
}
