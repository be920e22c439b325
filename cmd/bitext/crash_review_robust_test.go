//go:build unix

package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/translate"
)

// TestKill9NoMemory kills "bitext translate --no-memory" at random moments
// after an editor changed a working copy. The edit must survive every kill
// and the rerun (--no-memory still takes the lock and never overwrites an
// edited working copy), and no temporary file may stay.
func TestKill9NoMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("kill -9 test skipped in -short mode")
	}
	bin, fake, srv, root, in := crashFixture(t, 30, 15*time.Millisecond)
	out := filepath.Join(root, "out")
	full := timeFullRun(t, bin, srv.URL, in, out, fake)
	edited := filepath.Join(out, "depeche-007.en.txt")
	data, _ := os.ReadFile(edited)
	const mark = "EDITED BY THE DESK."
	mustDo(t, os.WriteFile(edited, []byte(strings.Replace(string(data), "EN Le ministre 7 a déclaré le 1 mars", mark, 1)), 0o644))
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	for trial := range 8 {
		at := time.Duration(rng.Int63n(int64(full)))
		cmd := bitextCommand(context.Background(), bin, srv.URL, in, out)
		cmd.Args = append(cmd.Args[:len(cmd.Args)-1], "--no-memory", in)
		killCmd(t, cmd, at)
		if got, _ := os.ReadFile(edited); !strings.Contains(string(got), mark) {
			t.Fatalf("trial %d (kill at %v): the edit is gone:\n%s", trial, at, got)
		}
	}
	if code, stderr := runBitext(bin, srv.URL, in, out); code != 0 {
		t.Fatalf("rerun: exit %d\n%s", code, stderr)
	}
	if got, _ := os.ReadFile(edited); !strings.Contains(string(got), mark) {
		t.Fatalf("the rerun dropped the edit:\n%s", got)
	}
	assertNoTempFiles(t, out)
}

// TestKill9Review kills "bitext review --plain" at random moments while an
// editor approves corrections one by one. Every approval the memory holds
// after a kill must be intact and must be in the working copy after the
// next translate; the memory passes SQLite's integrity check and the
// working copy always reads back whole.
func TestKill9Review(t *testing.T) {
	if testing.Short() {
		t.Skip("kill -9 test skipped in -short mode")
	}
	bin, fake, srv, root, in := crashFixture(t, 1, time.Millisecond)
	out := filepath.Join(root, "out")
	timeFullRun(t, bin, srv.URL, in, out, fake)
	work := filepath.Join(out, "depeche-000.en.txt")
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	kept := 0
	for trial := range 8 {
		var script strings.Builder
		for u := range 8 {
			fmt.Fprintf(&script, "e Approved text %d of trial %d.\n", u, trial)
		}
		cmd := exec.Command(bin, "review", "--plain", work)
		cmd.Stdin = strings.NewReader(script.String())
		killAtPrompt(t, cmd, 1+rng.Intn(8), time.Duration(rng.Int63n(int64(3*time.Millisecond))))
		approved := approvedTargets(t, out)
		if data, err := os.ReadFile(work); err != nil {
			t.Fatal(err)
		} else if _, err := translate.Read(work, data); err != nil && len(strings.TrimSpace(string(data))) > 0 {
			t.Fatalf("trial %d: the working copy does not read back: %v", trial, err)
		}
		if code, stderr := runBitext(bin, srv.URL, in, out); code != 0 {
			t.Fatalf("trial %d: translate after the kill: exit %d\n%s", trial, code, stderr)
		}
		data, _ := os.ReadFile(work)
		for _, a := range approved {
			if !strings.Contains(string(data), a) {
				t.Errorf("trial %d: approved %q is not in the working copy:\n%s", trial, a, data)
			}
		}
		kept += len(approved)
	}
	t.Logf("approvals held across 8 kills of review: %d", kept)
	if kept == 0 {
		t.Error("no approval was ever made before a kill: the test proved nothing")
	}
}

// killAtPrompt starts a review and SIGKILLs it d after its n-th prompt
// (whatever the machine's load, the kill falls among the approvals).
func killAtPrompt(t *testing.T, cmd *exec.Cmd, n int, d time.Duration) {
	t.Helper()
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	data, seen := make([]byte, 0, 4096), 0
	buf := make([]byte, 512)
	for seen < n {
		k, err := stderr.Read(buf)
		data = append(data, buf[:k]...)
		seen = strings.Count(string(data), "[q]uit?")
		if err != nil {
			break
		}
	}
	time.Sleep(d)
	cmd.Process.Kill()
	go io.Copy(io.Discard, stderr)
	cmd.Wait()
}

// killCmd starts cmd and SIGKILLs it after d (if it is still running).
func killCmd(t *testing.T, cmd *exec.Cmd, d time.Duration) {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
		return
	case <-time.After(d):
	}
	cmd.Process.Kill()
	<-done
}

// approvedTargets returns the approved texts in the memory of out, after
// checking the file's integrity.
func approvedTargets(t *testing.T, out string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", outdir.MemoryPath(out))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ok string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %q, %v", ok, err)
	}
	rows, err := db.Query(`SELECT target FROM segments WHERE status = 'approved'
		UNION ALL SELECT target FROM occurrences WHERE kind = 'alternative'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out2 []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		out2 = append(out2, s)
	}
	return out2
}
