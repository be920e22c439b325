package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/translatetest"
)

// bufferEnv is an Env whose streams are buffers and whose "fake" backend
// is the given one.
func bufferEnv(t *testing.T, fake translate.Backend) (*Env, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var out, errb bytes.Buffer
	env := systemEnv()
	env.In, env.Out, env.Err = strings.NewReader(""), &out, &errb
	env.InTTY, env.OutTTY, env.ErrTTY = false, false, false
	env.Getenv = func(string) string { return "" }
	env.Dir = t.TempDir()
	env.Registry.Register(translate.BackendInfo{Name: "fake", New: func(context.Context, translate.Config) (translate.Backend, error) {
		return fake, nil
	}})
	return env, &out, &errb
}

// writeArticles writes n small French articles of two sentences each.
func writeArticles(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		text := fmt.Sprintf("Titre numéro %d\n\nLe ministre est parti le %d mars. Il a parlé à Séoul.\n", i, i+1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.fr.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestTranslateRefusesABusyOutputFolder(t *testing.T) {
	dir := t.TempDir()
	writeArticles(t, dir, 1)
	out := filepath.Join(dir, "out")
	release, err := outdir.Lock(context.Background(), filepath.Join(out, outdir.StateDir), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	env, _, errb := bufferEnv(t, translatetest.NewFake())
	code := run(context.Background(), env, []string{"bitext", "translate", "--backend", "fake", "--wait", "100ms", "--out", out, dir})
	if code != 1 || !strings.Contains(errb.String(), "in use by another bitext") {
		t.Fatalf("exit %d, stderr %q; want 1 and a lock message", code, errb.String())
	}
	if _, err := os.Stat(filepath.Join(out, "a000.en.txt")); err == nil {
		t.Error("an output was written while another bitext held the folder")
	}
}

// TestTranslateInterruptedResumes cancels a run mid-way, as Ctrl-C does,
// and checks that nothing half-written is left and that a rerun sends only
// what was not finished.
func TestTranslateInterruptedResumes(t *testing.T) {
	dir := t.TempDir()
	const articles = 12
	writeArticles(t, dir, articles)
	out := filepath.Join(dir, "out")
	fake := translatetest.NewFake()
	fake.SetDelay(20 * time.Millisecond)
	env, _, errb := bufferEnv(t, fake)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for fake.Segments() < 6 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	args := []string{"bitext", "translate", "--backend", "fake", "--jobs", "1", "--out", out, dir}
	if code := run(ctx, env, args); code != 130 {
		t.Fatalf("interrupted run: exit %d, want 130; stderr %s", code, errb)
	}
	if strings.Contains(errb.String(), "error:") || !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("an interruption should be reported once, not as file errors; stderr:\n%s", errb)
	}
	first := fake.Segments()
	if first >= articles*3 {
		t.Fatalf("the run was not interrupted (%d segments sent)", first)
	}
	assertNoTempFiles(t, out)

	fake2 := translatetest.NewFake()
	env2, _, errb2 := bufferEnv(t, fake2)
	if code := run(context.Background(), env2, args); code != 0 {
		t.Fatalf("rerun: exit %d; stderr %s", code, errb2)
	}
	// Titles and dates differ per article and "Il a parlé à Séoul." is the
	// same in all, so there are 2 distinct sentences per article plus one.
	// Only the batch in flight at the interruption (one article's, at most
	// 3 segments) may be sent twice.
	unique := articles*2 + 1
	if got := first + fake2.Segments(); got > unique+3 {
		t.Errorf("sent %d then %d segments (%d in all) for %d distinct ones: finished work was redone", first, fake2.Segments(), got, unique)
	}
	for i := range articles {
		if _, err := os.Stat(filepath.Join(out, fmt.Sprintf("a%03d.en.txt", i))); err != nil {
			t.Errorf("after the rerun: %v", err)
		}
	}
}

func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && strings.Contains(filepath.Base(p), ".tmp-") {
			t.Errorf("temporary file left behind: %s", p)
		}
		return nil
	})
}
