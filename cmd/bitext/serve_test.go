package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/translate/translatetest"
)

// servedURL starts bitext serve on out with args and returns the URL it
// printed, and a stop function that interrupts it (as Ctrl-C does) and
// returns its exit status and standard error.
func servedURL(t *testing.T, out string, args ...string) (string, func() (int, string)) {
	t.Helper()
	env, _, errb := bufferEnv(t, translatetest.NewFake())
	pr, pw := io.Pipe()
	env.Out = pw
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		code := run(ctx, env, append(append([]string{"bitext", "serve"}, args...), out))
		pw.Close()
		done <- code
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr)
	if err != nil {
		cancel()
		t.Fatalf("no URL printed (exit %d): %s", <-done, errb)
	}
	stopped := false
	stop := func() (int, string) {
		cancel()
		if !stopped {
			stopped = true
			select {
			case code := <-done:
				return code, errb.String()
			case <-time.After(30 * time.Second):
				t.Fatal("bitext serve did not stop")
			}
		}
		return 0, ""
	}
	t.Cleanup(func() { stop() })
	return strings.TrimSuffix(line, "\n"), stop
}

// translatedOut translates n articles with the fake backend and returns
// their folder and the output folder.
func translatedOut(t *testing.T, n int) (dir, out string) {
	t.Helper()
	dir = t.TempDir()
	writeArticles(t, dir, n)
	out = filepath.Join(dir, "out")
	env, _, errb := bufferEnv(t, translatetest.NewFake())
	if code := run(context.Background(), env, []string{"bitext", "translate", "--backend", "fake", "--out", out, dir}); code != 0 {
		t.Fatalf("translate: %d %s", code, errb)
	}
	return dir, out
}

// TestServeEndToEnd: the URL alone on its line, the API, and decisions
// that bitext diff, review --stats and a translate rerun all see.
func TestServeEndToEnd(t *testing.T) {
	dir, out := translatedOut(t, 2)
	url, stop := servedURL(t, out, "--addr", "127.0.0.1:0")
	if !regexp.MustCompile(`^http://127\.0\.0\.1:[0-9]+/\?token=[0-9a-f]{48}$`).MatchString(url) {
		t.Fatalf("printed %q, want the URL alone on its line", url)
	}
	base, token, _ := strings.Cut(url, "/?token=")
	api := func(method, path, body string) (int, string) {
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		data, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(data)
	}
	_, body := api("GET", "/api/articles/a000.en.txt", "")
	var art struct {
		Units []struct{ ID, Source, Text string }
	}
	if err := json.Unmarshal([]byte(body), &art); err != nil || len(art.Units) != 3 {
		t.Fatalf("GET article: %s", body)
	}
	const edited = "The minister left on 1 March."
	if code, body := api("POST", "/api/articles/a000.en.txt/units/"+art.Units[0].ID, `{"action": "approve"}`); code != 200 {
		t.Fatalf("approve: %d %s", code, body)
	}
	if code, body := api("POST", "/api/articles/a000.en.txt/units/"+art.Units[1].ID, `{"action": "edit", "text": "`+edited+`"}`); code != 200 {
		t.Fatalf("edit: %d %s", code, body)
	}
	// The problems of a unit are review's: a figure the English changed
	// is a fidelity warning.
	_, body = api("GET", "/api/articles/a001.en.txt", "")
	if err := json.Unmarshal([]byte(body), &art); err != nil || len(art.Units) != 3 {
		t.Fatalf("GET article: %s", body)
	}
	if code, body := api("POST", "/api/articles/a001.en.txt/units/"+art.Units[1].ID, `{"action": "draft", "text": "The minister left on 9 March."}`); code != 200 {
		t.Fatalf("draft: %d %s", code, body)
	}
	if _, body := api("GET", "/api/articles/a001.en.txt", ""); !regexp.MustCompile(`"problems": \[\s*"fidelity: `).MatchString(body) {
		t.Errorf("no fidelity warning on a changed date: %s", body)
	}
	if code, stderr := stop(); code != 0 || !strings.Contains(stderr, "stopped serving") {
		t.Errorf("after Ctrl-C: exit %d, stderr %s", code, stderr)
	}

	env, stdout, _ := bufferEnv(t, translatetest.NewFake())
	run(context.Background(), env, []string{"bitext", "diff", out})
	if !strings.Contains(stdout.String(), "paragraph 2, sentence 1 (French line 3): approved") || !strings.Contains(stdout.String(), "{+left on+}") {
		t.Errorf("bitext diff does not show the edit:\n%s", stdout)
	}
	env, stdout, _ = bufferEnv(t, translatetest.NewFake())
	run(context.Background(), env, []string{"bitext", "review", "--stats", out})
	if !regexp.MustCompile(`a000\.en\.txt\s+fake\s+3\s+2\s`).MatchString(stdout.String()) {
		t.Errorf("review --stats does not count 2 approvals:\n%s", stdout)
	}
	env, _, errb := bufferEnv(t, translatetest.NewFake())
	if code := run(context.Background(), env, []string{"bitext", "translate", "--backend", "fake", "--out", out, dir}); code != 0 {
		t.Fatalf("rerun: %d %s", code, errb)
	}
	data, _ := os.ReadFile(filepath.Join(out, "a000.en.txt"))
	if !strings.Contains(string(data), edited) {
		t.Errorf("the rerun lost the approved edit:\n%s", data)
	}
}

// TestServeLoopbackOnly: an address other machines reach needs
// --allow-remote, and then gets a warning.
func TestServeLoopbackOnly(t *testing.T) {
	_, out := translatedOut(t, 1)
	env, _, errb := bufferEnv(t, translatetest.NewFake())
	code := run(context.Background(), env, []string{"bitext", "serve", "--addr", "0.0.0.0:0", out})
	if code != 2 || !strings.Contains(errb.String(), "--allow-remote") {
		t.Errorf("0.0.0.0 without --allow-remote: exit %d, %s", code, errb)
	}
	_, stop := servedURL(t, out, "--addr", "0.0.0.0:0", "--allow-remote")
	if _, stderr := stop(); !strings.Contains(stderr, "warning: ") || !strings.Contains(stderr, "reachable from other machines") {
		t.Errorf("no warning for a remote address: %s", stderr)
	}
	env, _, errb = bufferEnv(t, translatetest.NewFake())
	if code := run(context.Background(), env, []string{"bitext", "serve", filepath.Join(out, "a000.en.txt")}); code != 1 || !strings.Contains(errb.String(), "not an output folder") {
		t.Errorf("a file instead of a folder: exit %d, %s", code, errb)
	}
}
