//go:build unix

package bilingual

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/bitext/bitext/translate"
)

// The browser check loads the page in headless Chromium, inside an iframe
// of a wrapper page whose script measures the rows and writes the figures
// into the wrapper's DOM, which --dump-dom prints. The page under test
// itself carries no script.

// wrapperPage measures every row's two columns in the page and, as a
// control that script detection works, reads the title of a page that
// does run a script. The page's frame is WIDTHpx wide: headless Chromium
// will not make a window narrower than 500 pixels.
const wrapperPage = `<!DOCTYPE html><html><head><title>wrapper</title>
<style>body{margin:0}iframe{border:0;width:WIDTHpx;height:6000px;display:block}</style></head>
<body><pre id="result">pending</pre>
<iframe id="page" src="/page.html"></iframe><iframe id="control" src="/control.html" style="height:10px"></iframe>
<script>
window.addEventListener('load', function () {
  var out = {rows: []};
  try {
    var d = document.getElementById('page').contentDocument;
    out.title = d.title;
    out.scripts = d.getElementsByTagName('script').length;
    out.clientWidth = d.documentElement.clientWidth;
    out.scrollWidth = d.documentElement.scrollWidth;
    d.querySelectorAll('main > .row').forEach(function (row) {
      var r = [];
      for (var i = 0; i < row.children.length; i++) {
        var b = row.children[i].getBoundingClientRect();
        r.push({left: b.left, top: b.top, right: b.right, bottom: b.bottom});
      }
      out.rows.push(r);
    });
    out.controlTitle = document.getElementById('control').contentDocument.title;
  } catch (e) { out.error = String(e); }
  document.getElementById('result').textContent = JSON.stringify(out);
});
</script></body></html>`

const controlPage = `<!DOCTYPE html><title>control</title><script>document.title='pwned'</script>`

type rect struct{ Left, Top, Right, Bottom float64 }

type measurement struct {
	Title        string   `json:"title"`
	Scripts      int      `json:"scripts"`
	ClientWidth  float64  `json:"clientWidth"`
	ScrollWidth  float64  `json:"scrollWidth"`
	Rows         [][]rect `json:"rows"`
	ControlTitle string   `json:"controlTitle"`
	Error        string   `json:"error"`
}

// browserDoc is the article with a long French paragraph against a short
// English one, and hostile text that would retitle the page if it ran.
func browserDoc() *translate.Document {
	doc := articleDoc()
	long := strings.Repeat("Le porte-parole a longuement détaillé le bilan, région par région, devant la presse réunie à Séoul. ", 8)
	doc.Blocks = append(doc.Blocks,
		translate.Block{Kind: translate.Paragraph, Segments: []translate.Segment{seg(30, long, "He gave the toll.")}},
		translate.Block{Kind: translate.Paragraph, Segments: []translate.Segment{
			seg(32, "Texte <script>document.title='pwned'</script>", "Text <script>document.title='pwned'</script>"),
			markupSeg(32, `<em>Note</em> <script>document.title='pwned'</script><img src=x onerror="document.title='pwned'">`,
				`<em>Note</em> <script>document.title='pwned'</script><img src=x onerror="document.title='pwned'">`),
		}},
	)
	return doc
}

func TestBrowserLayout(t *testing.T) {
	chrome := findChromium(t)
	doc := browserDoc()
	var page bytes.Buffer
	if err := HTML(&page, doc, HTMLOptions{Title: "Essai de mise en page"}); err != nil {
		t.Fatal(err)
	}
	widths := []int{1280, 400}
	pages := map[string]string{"/page.html": page.String(), "/control.html": controlPage}
	for _, w := range widths {
		pages["/wrap-"+itoa(w)+".html"] = strings.Replace(wrapperPage, "WIDTH", itoa(w), 1)
	}
	srv := httptest.NewServer(staticPages(pages))
	defer srv.Close()
	for _, width := range widths {
		m := measureInChromium(t, chrome, srv.URL+"/wrap-"+itoa(width)+".html", max(width, 800))
		if m.Error != "" || len(m.Rows) != len(doc.Blocks) {
			t.Fatalf("width %d: measured %d rows of %d (error %q)", width, len(m.Rows), len(doc.Blocks), m.Error)
		}
		if m.ClientWidth != float64(width) {
			t.Fatalf("page laid out %v pixels wide, want %d", m.ClientWidth, width)
		}
		checkNoScriptRan(t, m)
		if m.ScrollWidth > m.ClientWidth {
			t.Errorf("width %d: page scrolls sideways (%v > %v)", width, m.ScrollWidth, m.ClientWidth)
		}
		checkRows(t, width, m.Rows, width < 720)
	}
}

func checkNoScriptRan(t *testing.T, m measurement) {
	t.Helper()
	if m.ControlTitle != "pwned" {
		t.Fatalf("control page title %q: the check cannot see scripts run", m.ControlTitle)
	}
	if m.Title != "Essai de mise en page" || m.Scripts != 0 {
		t.Errorf("page title %q with %d scripts: article text ran as script", m.Title, m.Scripts)
	}
}

// checkRows checks that the two columns of each row sit side by side (or
// stack, French first) and that rows follow one another without overlap.
func checkRows(t *testing.T, width int, rows [][]rect, stacked bool) {
	t.Helper()
	const eps = 1.0
	prevBottom := math.Inf(-1)
	for i, r := range rows {
		if len(r) != 2 {
			t.Fatalf("width %d row %d: %d columns", width, i, len(r))
		}
		fr, en := r[0], r[1]
		switch {
		case stacked && (en.Top < fr.Bottom-eps || math.Abs(en.Left-fr.Left) > eps):
			t.Errorf("width %d row %d: not stacked: fr %+v en %+v", width, i, fr, en)
		case !stacked && (math.Abs(en.Top-fr.Top) > eps || en.Left < fr.Right-eps):
			t.Errorf("width %d row %d: not side by side: fr %+v en %+v", width, i, fr, en)
		}
		if fr.Top < prevBottom-eps {
			t.Errorf("width %d row %d overlaps the previous one", width, i)
		}
		prevBottom = math.Max(fr.Bottom, en.Bottom)
	}
}

func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	t.Skip("no chromium found: skipping the browser layout check (apt-get install chromium)")
	return ""
}

func staticPages(pages map[string]string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(body))
	})
}

// measureInChromium loads url in a window of the given width and returns
// what the wrapper's script wrote.
func measureInChromium(t *testing.T, chrome, url string, width int) measurement {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chrome, "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-quic", "--no-first-run", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--hide-scrollbars",
		"--user-data-dir="+filepath.Join(t.TempDir(), "profile"),
		"--window-size="+itoa(width)+",2000", "--dump-dom", url)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 2 * time.Second
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium at width %d: %v\n%s", width, err, lastLines(stderr.String(), 5))
	}
	return parseMeasurement(t, out)
}

func parseMeasurement(t *testing.T, dump []byte) measurement {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(dump))
	if err != nil {
		t.Fatal(err)
	}
	var m measurement
	for _, n := range find(root, tag("pre")) {
		if id, _ := getAttr(n, "id"); id == "result" {
			if err := json.Unmarshal([]byte(textOf(n)), &m); err != nil {
				t.Fatalf("wrapper wrote %q: %v", textOf(n), err)
			}
			return m
		}
	}
	t.Fatalf("no result in the dumped DOM")
	return m
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
