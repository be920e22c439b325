package serve

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath returns Debian's Chromium, or skips the test with a
// message saying how to get it.
func chromiumPath(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("chromium not found: browser test skipped (scripts/install-deps.sh --tests installs it)")
	return ""
}

// chromiumFlags are the flags every test starts Chromium with: headless,
// nothing fetched from the network but the page, a fresh profile.
func chromiumFlags(profile string) []string {
	return []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile}
}

// newBrowser starts headless Chromium for t, with a fresh profile.
func newBrowser(t testing.TB, width, height int) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(chromiumPath(t)), chromedp.WindowSize(width, height),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(filepath.Join(t.TempDir(), "profile")),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true)}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(bctx); err != nil { // starts the browser, with no timeout
		t.Fatalf("starting chromium: %v", err)
	}
	return bctx
}

// run runs browser steps with a time limit that bounds a hang.
func run(t testing.TB, bctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(bctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func eval[T any](t testing.TB, bctx context.Context, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(bctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// waitFor waits until the JavaScript condition holds.
func waitFor(t testing.TB, bctx context.Context, cond string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(bctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		html := eval[string](t, bctx, `document.querySelector('main').outerHTML + document.getElementById('status').textContent`)
		t.Fatalf("waiting for %s: %v\n%.3000s", cond, err, html)
	}
}

func unitSel(id string) string { return `document.getElementById('u-` + id + `')` }

// TestBrowserReview drives headless Chromium through the page as an
// editor would: open, move with keys, edit in place, approve, see another
// editor's change arrive, meet a conflict, undo, reload; then checks the
// working copy and the memory.
func TestBrowserReview(t *testing.T) {
	chromiumPath(t)
	fx := newFixture(t, defaultArticles(), Options{Poll: 200 * time.Millisecond, By: "claire"})
	a := fx.article(t, seoulRel)
	b := newBrowser(t, 1280, 900)

	run(t, b, "open", chromedp.Navigate(fx.ts.URL+"/?token="+fx.token))
	waitFor(t, b, `document.querySelector('section.unit.current') !== null`)
	if p := eval[string](t, b, `location.pathname + location.search`); p != "/articles/asie/seoul.en.txt" {
		t.Errorf("address after opening: %s (the token must leave the address bar)", p)
	}
	if d := eval[string](t, b, `getComputedStyle(document.querySelector('section.unit')).display`); d != "grid" {
		t.Errorf("style sheet not applied: display %s", d)
	}

	// j moves down, k up; e edits the current unit in place; Enter saves
	// and approves.
	run(t, b, "keys j j k", chromedp.KeyEvent("j"), chromedp.KeyEvent("j"), chromedp.KeyEvent("k"))
	second := a.Units[1]
	waitFor(t, b, unitSel(second.ID)+`.classList.contains('current')`)
	const edited = "The South Korean president received Mr Kim in Seoul on Tuesday."
	run(t, b, "edit", chromedp.KeyEvent("e"))
	waitFor(t, b, unitSel(second.ID)+`.querySelector('textarea') === document.activeElement`)
	run(t, b, "type", chromedp.SetValue(chromedp.CSS("#u-"+cssID(second.ID)+" textarea"), edited), chromedp.KeyEvent("\r"))
	waitFor(t, b, unitSel(second.ID)+`.dataset.status === 'approved' && !document.querySelector('textarea')`)
	if txt := eval[string](t, b, unitSel(second.ID)+`.querySelector('.text').textContent`); txt != edited {
		t.Errorf("edited unit shows %q", txt)
	}
	// After an approval the next unit to decide on is current; a approves it.
	third := a.Units[2]
	waitFor(t, b, unitSel(third.ID)+`.classList.contains('current')`)
	run(t, b, "approve", chromedp.KeyEvent("a"))
	waitFor(t, b, unitSel(third.ID)+`.dataset.status === 'approved'`)
	waitFor(t, b, `document.querySelector('#counts .c-approved').textContent === '2 approved'`)

	// Another editor's approval arrives by polling.
	fourth := a.Units[3]
	if code, body := fx.post(t, seoulRel, fourth.ID, map[string]string{"action": "approve"}); code != 200 {
		t.Fatal(body)
	}
	waitFor(t, b, unitSel(fourth.ID)+`.dataset.status === 'approved'`)

	// Two editors edit the last unit from the same text: the page's save
	// meets a conflict that shows the other's text and keeps its own.
	last := a.Units[4]
	run(t, b, "open the editor", chromedp.Click(chromedp.CSS("#u-"+cssID(last.ID)+` button[data-act="edit"]`)))
	waitFor(t, b, unitSel(last.ID)+`.querySelector('textarea') !== null`)
	const theirs, mine = "Talks resume on Thursday 12 March.", "The meeting is due to resume on Thursday 12 March."
	if code, body := fx.post(t, seoulRel, last.ID, map[string]string{"action": "edit", "text": theirs, "base": last.Text}); code != 200 {
		t.Fatal(body)
	}
	run(t, b, "save", chromedp.SetValue(chromedp.CSS("#u-"+cssID(last.ID)+" textarea"), mine),
		chromedp.Click(chromedp.CSS("#u-"+cssID(last.ID)+" button.save")))
	waitFor(t, b, unitSel(last.ID)+`.querySelector('.conflict blockquote') !== null`)
	if got := eval[string](t, b, unitSel(last.ID)+`.querySelector('.conflict blockquote').textContent`); got != theirs {
		t.Errorf("conflict shows %q, want the other editor's text", got)
	}
	if got := eval[string](t, b, unitSel(last.ID)+`.querySelector('textarea').value`); got != mine {
		t.Errorf("the editor's own text was lost: %q", got)
	}
	screenshots(t, b, "conflict")
	// Cancel keeps theirs; then u undoes the page's last decision (the
	// approval of the third unit).
	run(t, b, "cancel", chromedp.Click(chromedp.CSS("#u-"+cssID(last.ID)+" button.cancel")))
	run(t, b, "undo", chromedp.KeyEvent("u"))
	waitFor(t, b, unitSel(third.ID)+`.dataset.status === 'pending'`)

	screenshots(t, b, "article")
	run(t, b, "reload", chromedp.Reload())
	waitFor(t, b, `document.querySelector('section.unit.current') !== null`)
	for id, want := range map[string]string{second.ID: "approved", third.ID: "pending", fourth.ID: "approved", last.ID: "approved"} {
		if got := eval[string](t, b, unitSel(id)+`.dataset.status`); got != want {
			t.Errorf("after reload unit %s is %s, want %s", id, got, want)
		}
	}
	work := readFile(t, filepath.Join(fx.out, "asie", "seoul.en.txt"))
	if !strings.Contains(work, edited) || !strings.Contains(work, theirs) || strings.Contains(work, mine) {
		t.Errorf("working copy:\n%s", work)
	}
	checkApproved(t, fx.mem, second.Source, "asie/seoul", edited)
	checkApproved(t, fx.mem, last.Source, "asie/seoul", theirs)
	if a := fx.article(t, seoulRel); a.Approved != 3 {
		t.Errorf("%d approved in the end, want 3", a.Approved)
	}

	// The history of the edited unit lists its approval.
	run(t, b, "history", chromedp.Click(chromedp.CSS("#u-"+cssID(second.ID)+" details.history summary")))
	waitFor(t, b, unitSel(second.ID)+`.querySelector('.hist ol') !== null`)
	if h := eval[string](t, b, unitSel(second.ID)+`.querySelector('.hist').textContent`); !strings.Contains(h, edited) || !strings.Contains(h, "claire") {
		t.Errorf("history shows %q", h)
	}

	run(t, b, "list", chromedp.Navigate(fx.ts.URL+"/articles"))
	waitFor(t, b, `document.querySelectorAll('tr[data-path]').length === 2`)
	screenshots(t, b, "list")
}

// cssID escapes a unit id for a CSS selector (ids hold dots and tildes).
func cssID(id string) string {
	return strings.NewReplacer(".", `\.`, "~", `\~`).Replace(id)
}

// screenshots saves the page at 1280 and 390 pixels wide, into
// $BITEXT_SCREENSHOTS when set (to look at them), else a temporary folder.
func screenshots(t *testing.T, b context.Context, name string) {
	t.Helper()
	dir := os.Getenv("BITEXT_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	for _, w := range []int64{1280, 390} {
		run(t, b, "viewport", chromedp.EmulateViewport(w, 900), chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
		ctx, cancel := context.WithTimeout(b, 30*time.Second)
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+"-"+strconv.FormatInt(w, 10)+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
		if w == 390 {
			if sw := eval[int](t, b, `document.documentElement.scrollWidth`); sw > 390 {
				t.Errorf("%s at 390 px scrolls sideways (%d px wide)", name, sw)
			}
		}
	}
	run(t, b, "viewport", chromedp.EmulateViewport(1280, 900))
}

// TestDumpDOM: chromium --headless --dump-dom finishes and prints every
// segment: the page holds no connection open and needs no script to show
// the article.
func TestDumpDOM(t *testing.T) {
	chrome := chromiumPath(t)
	fx := newFixture(t, defaultArticles(), Options{Poll: 100 * time.Millisecond})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	args := append(chromiumFlags(filepath.Join(t.TempDir(), "profile")), "--dump-dom", fx.ts.URL+"/?token="+fx.token)
	cmd := exec.CommandContext(ctx, chrome, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 2 * time.Second
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v (the page did not finish loading?)", err)
	}
	dom := string(out)
	for _, u := range fx.article(t, seoulRel).Units {
		if !strings.Contains(dom, `id="u-`+u.ID+`"`) {
			t.Errorf("dumped DOM lacks unit %s", u.ID)
		}
	}
	if !strings.Contains(dom, "5 pending") {
		t.Errorf("dumped DOM lacks the counts:\n%.2000s", dom)
	}
}
