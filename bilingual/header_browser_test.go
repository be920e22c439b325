//go:build unix

package bilingual

import (
	"bytes"
	"image/png"
	"math"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// headerWrapper measures, in the page's frame (WIDTHpx wide), the box of
// the metadata list and of each entry's term and values.
const headerWrapper = `<!DOCTYPE html><html><head><title>wrapper</title>
<style>body{margin:0}iframe{border:0;width:WIDTHpx;height:1500px;display:block}</style></head>
<body><pre id="result">pending</pre><iframe id="page" src="/page.html"></iframe>
<script>
window.addEventListener('load', function () {
  var out = {entries: []};
  try {
    var d = document.getElementById('page').contentDocument;
    var box = function (e) { var b = e.getBoundingClientRect(); return {left: b.left, top: b.top, right: b.right, bottom: b.bottom}; };
    out.list = box(d.querySelector('dl.meta'));
    out.scrollWidth = d.documentElement.scrollWidth;
    d.querySelectorAll('dl.meta > div').forEach(function (div) {
      var e = {key: div.querySelector('dt').textContent, values: []};
      div.querySelectorAll('dd').forEach(function (dd) { e.values.push(box(dd)); });
      out.entries.push(e);
    });
  } catch (err) { out.error = String(err); }
  document.getElementById('result').textContent = JSON.stringify(out);
});
</script></body></html>`

type headerMeasure struct {
	List        rect `json:"list"`
	ScrollWidth float64
	Entries     []struct {
		Key    string `json:"key"`
		Values []rect `json:"values"`
	} `json:"entries"`
	Error string `json:"error"`
}

// TestBrowserPhoneHeader checks the page's header on a phone (390 pixels
// wide): a translated field's French and English each take the whole
// width, one under the other, instead of two narrow columns beside the
// key; on a desktop they share one line. It also takes a screenshot at
// 390×844 and checks that Chromium drew the page at that size.
func TestBrowserPhoneHeader(t *testing.T) {
	chrome := findChromium(t)
	doc := articleDoc()
	doc.Meta[0].Value = "Séoul dénonce un nouveau tir de missile balistique nord-coréen"
	doc.Meta[0].Target = "Seoul condemns a new North Korean ballistic missile launch"
	var page bytes.Buffer
	if err := HTML(&page, doc, HTMLOptions{Title: "Essai"}); err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{"/page.html": page.String()}
	for _, w := range []int{390, 1280} {
		pages["/wrap-"+itoa(w)+".html"] = strings.Replace(headerWrapper, "WIDTH", itoa(w), 1)
	}
	srv := httptest.NewServer(staticPages(pages))
	defer srv.Close()

	phone := measureHeader(t, chrome, srv.URL+"/wrap-390.html", 800)
	fr, en := titleValues(t, phone)
	if min(fr.Right-fr.Left, en.Right-en.Left) < 0.9*(phone.List.Right-phone.List.Left) {
		t.Errorf("phone: title squeezed: fr %+v, en %+v in a list %+v", fr, en, phone.List)
	}
	if en.Top < fr.Bottom-1 || math.Abs(en.Left-fr.Left) > 1 {
		t.Errorf("phone: title's English not under its French: fr %+v, en %+v", fr, en)
	}
	if phone.ScrollWidth > 390 {
		t.Errorf("phone: page scrolls sideways (%v pixels)", phone.ScrollWidth)
	}
	desk := measureHeader(t, chrome, srv.URL+"/wrap-1280.html", 1280)
	if fr, en := titleValues(t, desk); math.Abs(en.Top-fr.Top) > 1 || en.Left < fr.Right-1 {
		t.Errorf("desktop: title's French and English not on one line: fr %+v, en %+v", fr, en)
	}
	checkScreenshot(t, chrome, srv.URL+"/page.html", 390, 844)
}

func measureHeader(t *testing.T, chrome, url string, window int) headerMeasure {
	t.Helper()
	var m headerMeasure
	readResult(t, runChromium(t, chrome, window, 1600, "--dump-dom", url), &m)
	if m.Error != "" || len(m.Entries) != 4 {
		t.Fatalf("measured %d header entries (error %q)", len(m.Entries), m.Error)
	}
	return m
}

// titleValues returns the boxes of the title's French and English.
func titleValues(t *testing.T, m headerMeasure) (rect, rect) {
	t.Helper()
	e := m.Entries[0]
	if e.Key != "title" || len(e.Values) != 2 {
		t.Fatalf("first header entry %q has %d values, want title with 2", e.Key, len(e.Values))
	}
	return e.Values[0], e.Values[1]
}

// checkScreenshot has Chromium photograph url in a width×height window
// and checks the picture's size and that the header's text was drawn in
// its top rows (some dark pixels on the light paper).
func checkScreenshot(t *testing.T, chrome, url string, width, height int) {
	t.Helper()
	shot := filepath.Join(t.TempDir(), "phone.png")
	runChromium(t, chrome, width, height, "--screenshot="+shot, url)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if b := img.Bounds(); b.Dx() != width || b.Dy() != height {
		t.Fatalf("screenshot is %dx%d, want %dx%d", b.Dx(), b.Dy(), width, height)
	}
	dark := 0
	for y := 0; y < 200; y++ {
		for x := 0; x < width; x++ {
			if r, g, b, _ := img.At(x, y).RGBA(); (r+g+b)/3 < 0x8000 {
				dark++
			}
		}
	}
	if dark < 100 {
		t.Errorf("screenshot's header is blank (%d dark pixels)", dark)
	}
}
