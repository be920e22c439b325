package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/translatetest"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain registers the bitext binary for the script tests, with one extra
// backend, "fake": the deterministic dictionary backend of translatetest.
// BITEXT_FAKE_FAIL=TEXT makes it fail on segments containing TEXT, and
// BITEXT_FAKE_LOG=FILE appends the number of segments each run sent.
func TestMain(m *testing.M) {
	testscript.Main(clusterStopper{m}, map[string]func(){
		"bitext": func() { os.Exit(run(context.Background(), testEnv(), os.Args)) },
	})
}

func testEnv() *Env {
	env := systemEnv()
	env.Registry.Register(translate.BackendInfo{
		Name:         "fake",
		Description:  "deterministic test backend",
		Capabilities: translate.Capabilities{HTML: true},
		New: func(ctx context.Context, cfg translate.Config) (translate.Backend, error) {
			f := translatetest.NewFake()
			if s := cfg.Env("BITEXT_FAKE_FAIL"); s != "" {
				f.FailOn(s, errors.New("fake backend refuses this segment"))
			}
			return &loggedFake{Fake: f, log: cfg.Env("BITEXT_FAKE_LOG")}, nil
		},
	})
	return env
}

// loggedFake records how many segments a process sent, at Close.
type loggedFake struct {
	*translatetest.Fake
	log string
}

func (f *loggedFake) Close() error {
	if f.log == "" {
		return nil
	}
	fh, err := os.OpenFile(f.log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer fh.Close()
	_, err = fmt.Fprintf(fh, "sent %d\n", f.Segments())
	return err
}

func TestScripts(t *testing.T) {
	samples, _ := filepath.Abs("../../samples")
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("SAMPLES", samples)
			return nil
		},
	})
}
