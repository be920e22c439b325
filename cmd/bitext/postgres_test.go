package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/bitext/bitext/internal/pgtest"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/postgres"
	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/review"
	"github.com/bitext/bitext/translate/translatetest"
	"github.com/rogpeppe/go-internal/testscript"
)

// clusterStopper stops the PostgreSQL cluster a test started, after the
// tests.
type clusterStopper struct{ m *testing.M }

func (c clusterStopper) Run() int { return pgtest.Main(c.m) }

// TestPostgresScripts runs the scripts of testdata/pgscript, each with a
// new PostgreSQL database in $MEMORY_URL.
func TestPostgresScripts(t *testing.T) {
	if _, err := pgtest.Get(); err != nil {
		pgtest.Skip(t, "the shared-memory scripts", err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/pgscript",
		Setup: func(e *testscript.Env) error {
			u := pgtest.URL(e.T().(testing.TB))
			e.Setenv("MEMORY_URL", u)
			return passwordUser(e, u)
		},
		Condition: func(cond string) (bool, error) {
			if cond != "owncluster" {
				return false, fmt.Errorf("unknown condition %q", cond)
			}
			c, err := pgtest.Get()
			return err == nil && c.Socket != "", nil
		},
	})
}

// TestTwoEditorsConflict: Claire and Paul review the same article in their
// own output folders, sharing a memory, from the same starting point.
// Claire approves first; Paul's different approval is refused, naming
// her; approving again replaces hers, and both stay in the history.
func TestTwoEditorsConflict(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	in, outs := t.TempDir(), t.TempDir()
	writeArticles(t, in, 1)
	for _, out := range []string{"claire", "paul"} {
		env, _, errb := bufferEnv(t, translatetest.NewFake())
		args := []string{"bitext", "translate", "--backend", "fake", "--memory", url, "--out", filepath.Join(outs, out), in}
		if code := run(ctx, env, args); code != 0 {
			t.Fatalf("translate into %s: exit %d: %s", out, code, errb.String())
		}
		if _, err := os.Stat(outdir.MemoryPath(filepath.Join(outs, out))); err == nil {
			t.Errorf("a memory file was written in %s with a shared memory", out)
		}
	}
	open := func(by string) *review.Article {
		o := &reviewOptions{From: "fr", To: "en", Paths: []string{filepath.Join(outs, by)}, By: by, Memory: url}
		arts, stores, err := openArticlesWith(ctx, o, nil, true)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { stores.Close() })
		return arts[0]
	}
	claire, paul := open("claire"), open("paul")
	cu, pu := claire.Units[1], paul.Units[1]
	if err := claire.Edit(ctx, cu, "The minister left on 1 March."); err != nil {
		t.Fatal(err)
	}
	if err := claire.Approve(ctx, cu); err != nil {
		t.Fatal(err)
	}
	if err := paul.Edit(ctx, pu, "The minister went away on 1 March."); err != nil {
		t.Fatal(err)
	}
	err := paul.Approve(ctx, pu)
	if !errors.Is(err, memory.ErrConflict) || !strings.Contains(err.Error(), "claire approved \"The minister left on 1 March.\"") {
		t.Fatalf("Paul's approval from the same starting point: %v", err)
	}
	if err := paul.Approve(ctx, pu); err != nil {
		t.Fatalf("approving again: %v", err)
	}
	m, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	h, err := m.History(ctx, memory.Key{From: "fr", To: "en", Source: cu.Key.Source})
	if err != nil || len(h) != 2 || h[0].By != "claire" || h[1].By != "paul" || h[1].Target != "The minister went away on 1 March." {
		t.Fatalf("history = %+v, %v", h, err)
	}
}

// TestUndoAfterAnotherEditor: Claire's undo of an approval Paul has since
// approved over withdraws nothing (his approval is not lost) and says so;
// Paul's own undo brings Claire's back.
func TestUndoAfterAnotherEditor(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	in, outs := t.TempDir(), t.TempDir()
	writeArticles(t, in, 1)
	for _, out := range []string{"claire", "paul"} {
		env, _, errb := bufferEnv(t, translatetest.NewFake())
		args := []string{"bitext", "translate", "--backend", "fake", "--memory", url, "--out", filepath.Join(outs, out), in}
		if code := run(ctx, env, args); code != 0 {
			t.Fatalf("translate into %s: exit %d: %s", out, code, errb.String())
		}
	}
	open := func(by string) *review.Article {
		o := &reviewOptions{From: "fr", To: "en", Paths: []string{filepath.Join(outs, by)}, By: by, Memory: url}
		arts, stores, err := openArticlesWith(ctx, o, nil, true)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { stores.Close() })
		return arts[0]
	}
	claire := open("claire")
	cu := claire.Units[1]
	if err := claire.Edit(ctx, cu, "The minister left on 1 March."); err != nil {
		t.Fatal(err)
	}
	if err := claire.Approve(ctx, cu); err != nil {
		t.Fatal(err)
	}
	paul := open("paul") // he opens the article after her approval, and sees it
	pu := paul.Units[1]
	if err := paul.Edit(ctx, pu, "The minister went away on 1 March."); err != nil {
		t.Fatal(err)
	}
	if err := paul.Approve(ctx, pu); err != nil {
		t.Fatalf("Paul's approval over Claire's, which he saw: %v", err)
	}
	approved := func() memory.Entry {
		m, err := postgres.Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		e, ok, err := m.LookupAt(ctx, memory.Key{From: "fr", To: "en", Source: cu.Key.Source}, "fake", cu.Key.At)
		if err != nil || !ok {
			t.Fatalf("lookup: %v, %v", ok, err)
		}
		return e
	}
	if _, err := claire.Undo(ctx); !errors.Is(err, memory.ErrConflict) || !strings.Contains(err.Error(), "paul approved") {
		t.Fatalf("Claire's undo over Paul's approval: %v", err)
	}
	if e := approved(); e.By != "paul" || e.Target != "The minister went away on 1 March." {
		t.Fatalf("after Claire's refused undo: %+v", e)
	}
	if !cu.Record.Approved || cu.Record.By != "paul" {
		t.Errorf("Claire's unit after the refused undo shows %+v", cu.Record)
	}
	if _, err := paul.Undo(ctx); err != nil {
		t.Fatalf("Paul's undo: %v", err)
	}
	if e := approved(); e.By != "claire" || e.Target != "The minister left on 1 March." {
		t.Errorf("after Paul's undo: %+v", e)
	}
}

// scriptUsers numbers the password users of the scripts.
var scriptUsers atomic.Int32

// passwordUser gives the script a user of the database u who must give
// the password $SECRET: $PW_URL has it in the URL, $PW_URL_WRONG a wrong
// one, $PW_URL_NOPW none.
func passwordUser(e *testscript.Env, u string) error {
	c, err := pgtest.Get()
	if err != nil || c.Socket == "" {
		return err
	}
	user := fmt.Sprintf("pw_script_%d", scriptUsers.Add(1))
	const secret = "Kimchi-s3cret-42"
	if err := c.CreatePasswordUser(context.Background(), user, secret); err != nil {
		return err
	}
	if err := c.GrantDatabase(context.Background(), u, user); err != nil {
		return err
	}
	nopw := pgtest.URLFor(u, user)
	e.Setenv("SECRET", secret)
	e.Setenv("PW_URL_NOPW", nopw)
	e.Setenv("PW_URL", nopw+"&password="+secret)
	e.Setenv("PW_URL_WRONG", nopw+"&password=WRONG-"+secret)
	return nil
}

// TestServeSharedMemory: bitext serve --memory URL decides on the shared
// memory (an approval made in the browser is the other folder's too) and
// writes no memory file in the output folder.
func TestServeSharedMemory(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	in, outs := t.TempDir(), t.TempDir()
	writeArticles(t, in, 1)
	for _, out := range []string{"desk", "web"} {
		env, _, errb := bufferEnv(t, translatetest.NewFake())
		args := []string{"bitext", "translate", "--backend", "fake", "--memory", url, "--out", filepath.Join(outs, out), in}
		if code := run(ctx, env, args); code != 0 {
			t.Fatalf("translate into %s: exit %d: %s", out, code, errb.String())
		}
	}
	web := filepath.Join(outs, "web")
	served, stop := servedURL(t, web, "--addr", "127.0.0.1:0", "--memory", url, "--editor", "claire")
	base, token, _ := strings.Cut(served, "/?token=")
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
	var art struct{ Units []struct{ ID string } }
	if err := json.Unmarshal([]byte(body), &art); err != nil || len(art.Units) < 2 {
		t.Fatalf("GET article: %s", body)
	}
	const edited = "The minister left on 1 March, said the agency."
	if code, body := api("POST", "/api/articles/a000.en.txt/units/"+art.Units[1].ID, `{"action": "edit", "text": "`+edited+`"}`); code != 200 {
		t.Fatalf("edit: %d %s", code, body)
	}
	if code, stderr := stop(); code != 0 {
		t.Fatalf("serve: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(web, ".bitext", "memory.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("serve wrote a memory file beside the shared memory (%v)", err)
	}
	// The other folder's rerun takes the approval from the shared memory.
	env, _, errb := bufferEnv(t, translatetest.NewFake())
	desk := filepath.Join(outs, "desk")
	if code := run(ctx, env, []string{"bitext", "translate", "--backend", "fake", "--memory", url, "--out", desk, in}); code != 0 {
		t.Fatalf("rerun: exit %d: %s", code, errb.String())
	}
	if data, _ := os.ReadFile(filepath.Join(desk, "a000.en.txt")); !strings.Contains(string(data), edited) {
		t.Errorf("the approval made in the browser is not in the shared memory:\n%s", data)
	}
}
