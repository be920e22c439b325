//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// inertWrapper loads the page under test twice in iframes, as written and
// with its Content-Security-Policy removed (so that the escaping, not only
// the policy, is checked), plus a control page whose script does run. On
// load it writes what it found into #result, which --dump-dom prints.
const inertWrapper = `<!DOCTYPE html><html><head><title>wrapper</title></head>
<body><pre id="result">pending</pre>
<iframe id="page" src="/page.html"></iframe><iframe id="nocsp" src="/nocsp.html"></iframe>
<iframe id="control" src="/control.html"></iframe>
<script>
window.addEventListener('load', function () {
  var out = {};
  try {
    ['page', 'nocsp'].forEach(function (id) {
      var d = document.getElementById(id).contentDocument;
      var handlers = 0;
      d.querySelectorAll('*').forEach(function (el) {
        for (var i = 0; i < el.attributes.length; i++) {
          if (/^on/i.test(el.attributes[i].name)) handlers++;
        }
      });
      out[id] = {title: d.title, scripts: d.getElementsByTagName('script').length, handlers: handlers,
        body: d.body ? d.body.textContent.length : 0};
    });
    out.control = document.getElementById('control').contentDocument.title;
    out.wrapper = document.title;
  } catch (e) { out.error = String(e); }
  document.getElementById('result').textContent = JSON.stringify(out);
});
</script></body></html>`

const inertControl = `<!DOCTYPE html><title>control</title><script>document.title='pwned'</script>`

type framePage struct {
	Title    string `json:"title"`
	Scripts  int    `json:"scripts"`
	Handlers int    `json:"handlers"`
	Body     int    `json:"body"`
}

type inertResult struct {
	Page    framePage `json:"page"`
	NoCSP   framePage `json:"nocsp"`
	Control string    `json:"control"`
	Wrapper string    `json:"wrapper"`
	Error   string    `json:"error"`
}

var cspMeta = regexp.MustCompile(`(?i)<meta http-equiv="Content-Security-Policy"[^>]*>`)

// checkInertInChromium loads page in headless Chromium and checks that no
// script ran and no element carries an event handler. It returns without
// checking when there is no Chromium (the parse check still ran).
func checkInertInChromium(t *testing.T, page string) {
	t.Helper()
	chrome := lookChromium()
	if chrome == "" {
		t.Log("no chromium: browser check skipped (apt-get install chromium)")
		return
	}
	pages := map[string]string{
		"/wrap.html": inertWrapper, "/page.html": page,
		"/nocsp.html": cspMeta.ReplaceAllString(page, ""), "/control.html": inertControl,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(body))
	}))
	defer srv.Close()
	res := dumpInChromium(t, chrome, srv.URL+"/wrap.html")
	if res.Error != "" || res.Control != "pwned" {
		t.Fatalf("the browser check cannot see scripts run: control %q, error %q", res.Control, res.Error)
	}
	for name, p := range map[string]framePage{"page": res.Page, "page without CSP": res.NoCSP} {
		if p.Scripts != 0 || p.Handlers != 0 || p.Title == "pwned" || p.Body == 0 {
			t.Errorf("%s in Chromium: %+v: article text became active content", name, p)
		}
	}
	if res.Wrapper != "wrapper" {
		t.Errorf("the page changed its parent's title to %q", res.Wrapper)
	}
}

func lookChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	return ""
}

func dumpInChromium(t *testing.T, chrome, url string) inertResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chrome, "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-quic", "--no-first-run", "--disable-background-networking",
		"--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(t.TempDir(), "profile"), "--dump-dom", url)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 2 * time.Second
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	dump, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	m := regexp.MustCompile(`(?s)<pre id="result">(.*?)</pre>`).FindSubmatch(dump)
	if m == nil {
		t.Fatalf("no result in chromium's dump:\n%s", dump)
	}
	var res inertResult
	text := strings.NewReplacer("&quot;", `"`, "&amp;", "&", "&lt;", "<", "&gt;", ">").Replace(string(m[1]))
	if err := json.Unmarshal([]byte(text), &res); err != nil {
		t.Fatalf("chromium's result %q: %v", text, err)
	}
	return res
}
