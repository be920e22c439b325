//go:build unix

package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/internal/atomicfile"
	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/translate"
	_ "modernc.org/sqlite"
)

// libreFake is a LibreTranslate-compatible server (POST /translate, q as
// an array) that answers "EN " + each segment after a delay, and records
// which segments each run (generation) sent.
type libreFake struct {
	delay time.Duration
	mu    sync.Mutex
	gen   int
	sent  map[int][]string // by generation
}

func (f *libreFake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Q []string `json:"q"`
	}
	if r.URL.Path != "/translate" || json.NewDecoder(r.Body).Decode(&req) != nil {
		http.Error(w, `{"error":"Invalid request"}`, http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	gen := f.gen
	f.mu.Unlock()
	select {
	case <-time.After(f.delay):
	case <-r.Context().Done():
		return
	}
	out := make([]string, len(req.Q))
	for i, q := range req.Q {
		out[i] = "EN " + q
	}
	f.mu.Lock()
	f.sent[gen] = append(f.sent[gen], req.Q...)
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string][]string{"translatedText": out})
}

// next starts a new generation and returns its number.
func (f *libreFake) next() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.gen++
	return f.gen
}

func (f *libreFake) sentIn(gen int) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.sent[gen]...)
}

// buildBitext builds the command into a temporary folder.
func buildBitext(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "bitext")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// writeCrashArticles writes n articles of a headline and five sentences,
// every sentence distinct.
func writeCrashArticles(t *testing.T, dir string, n int) {
	t.Helper()
	mustDo(t, os.MkdirAll(dir, 0o755))
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "Sommet numéro %d à Séoul\n\n", i)
		for s := range 5 {
			fmt.Fprintf(&b, "Le ministre %d a déclaré le %d mars que l'accord %d tiendra. ", i, s+1, i*10+s)
			if s == 2 {
				b.WriteString("\n\n")
			}
		}
		b.WriteString("\n")
		writeFile(t, filepath.Join(dir, fmt.Sprintf("depeche-%03d.fr.txt", i)), []byte(b.String()))
	}
}

// TestKill9Batch kills "bitext translate" with SIGKILL at 20 random moments
// of a batch. After each kill the translation memory must pass SQLite's
// integrity check and every English output must be complete; a rerun must
// finish and send none of the segments the memory already held.
func TestKill9Batch(t *testing.T) {
	if testing.Short() {
		t.Skip("kill -9 test skipped in -short mode")
	}
	bin, fake, srv, root, in := crashFixture(t, 60, 15*time.Millisecond)
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewSource(seed))

	full := timeFullRun(t, bin, srv.URL, in, filepath.Join(root, "mesure"), fake)
	survived, lostMax, tempsLeft := 0, 0, 0
	for trial := range 20 {
		out := filepath.Join(root, fmt.Sprintf("out%02d", trial))
		gen := fake.next()
		at := time.Duration(rng.Int63n(int64(full * 3 / 4)))
		killed := killAfter(t, bin, srv.URL, in, out, at)
		held := checkAfterKill(t, out, in)
		temps := countTemps(out)
		tempsLeft += temps
		lost := len(fake.sentIn(gen)) - countIn(fake.sentIn(gen), held)
		lostMax = max(lostMax, lost)
		rerun := fake.next()
		if code, stderr := runBitext(bin, srv.URL, in, out); code != 0 {
			t.Fatalf("trial %d: rerun exit %d:\n%s", trial, code, stderr)
		}
		resent := countIn(fake.sentIn(rerun), held)
		if resent > 0 {
			t.Errorf("trial %d (kill at %v): the rerun sent %d segments the memory already held", trial, at, resent)
		}
		checkComplete(t, out, in, true)
		if resent == 0 && !t.Failed() {
			survived++
		}
		t.Logf("trial %2d: kill at %4dms (killed: %v): memory held %3d segments, %2d answered but not yet stored, %d temporary files; rerun sent %3d, re-sent %d",
			trial, at.Milliseconds(), killed, len(held), lost, temps, len(fake.sentIn(rerun)), resent)
	}
	t.Logf("kills survived: %d of 20; most answered-but-unstored segments at a kill: %d; temporary files left by kills (removed by the reruns): %d",
		survived, lostMax, tempsLeft)
}

// crashFixture builds bitext, starts a LibreTranslate fake answering after
// delay, and writes n articles into ROOT/depeches.
func crashFixture(t *testing.T, n int, delay time.Duration) (bin string, fake *libreFake, srv *httptest.Server, root, in string) {
	t.Helper()
	bin = buildBitext(t)
	fake = &libreFake{delay: delay, sent: map[int][]string{}}
	srv = httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	root = t.TempDir()
	in = filepath.Join(root, "depeches")
	writeCrashArticles(t, in, n)
	return bin, fake, srv, root, in
}

// timeFullRun translates the batch once and returns how long it took.
func timeFullRun(t *testing.T, bin, url, in, out string, fake *libreFake) time.Duration {
	t.Helper()
	fake.next()
	start := time.Now()
	if code, stderr := runBitext(bin, url, in, out); code != 0 {
		t.Fatalf("full run: exit %d:\n%s", code, stderr)
	}
	return time.Since(start)
}

func bitextCommand(ctx context.Context, bin, url, in, out string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, bin, "translate", "--backend", "libretranslate", "--endpoint", url,
		"--format", "html,md,txt,json", "--quiet", "--out", out, in)
	cmd.Dir = filepath.Dir(in)
	cmd.Env = append(os.Environ(), "BITEXT_BACKEND=", "LIBRETRANSLATE_API_KEY=")
	return cmd
}

func runBitext(bin, url, in, out string) (int, string) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := bitextCommand(ctx, bin, url, in, out)
	stderr, err := cmd.CombinedOutput()
	if err != nil && cmd.ProcessState == nil {
		return -1, err.Error()
	}
	return cmd.ProcessState.ExitCode(), string(stderr)
}

// killAfter starts a run and SIGKILLs it after d; it reports whether the
// process was still running then.
func killAfter(t *testing.T, bin, url, in, out string, d time.Duration) bool {
	t.Helper()
	cmd := bitextCommand(context.Background(), bin, url, in, out)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
		return false
	case <-time.After(d):
	}
	cmd.Process.Kill()
	<-done
	return true
}

// checkAfterKill checks the memory's integrity and the outputs, and
// returns the sources the memory holds.
func checkAfterKill(t *testing.T, out, in string) map[string]bool {
	t.Helper()
	checkComplete(t, out, in, false)
	path := outdir.MemoryPath(out)
	if _, err := os.Stat(path); err != nil {
		return map[string]bool{}
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ok string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check of %s: %q, %v", path, ok, err)
	}
	var tables int
	db.QueryRow("SELECT count(*) FROM sqlite_master WHERE name = 'segments'").Scan(&tables)
	if tables == 0 { // killed while the memory was being created: the rerun must cope
		return map[string]bool{}
	}
	rows, err := db.Query("SELECT source FROM segments")
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	defer rows.Close()
	held := map[string]bool{}
	for rows.Next() {
		var s string
		rows.Scan(&s)
		held[s] = true
	}
	return held
}

// checkComplete checks that no temporary file is left in out and that every
// English output has all the blocks of its source, translated; with all
// set, every input must have its output.
func checkComplete(t *testing.T, out, in string, all bool) {
	t.Helper()
	if all {
		assertNoTempFiles(t, out)
	}
	sources, _ := filepath.Glob(filepath.Join(in, "*.fr.txt"))
	for _, src := range sources {
		name := strings.TrimSuffix(filepath.Base(src), ".fr.txt") + ".en.txt"
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			if all || !os.IsNotExist(err) {
				t.Errorf("%s: %v", name, err)
			}
			continue
		}
		doc, err := translate.Read(name, data)
		srcData, _ := os.ReadFile(src)
		want, _ := translate.Read(src, srcData)
		if err != nil || len(doc.Blocks) != len(want.Blocks) || !strings.Contains(string(data), "EN ") {
			t.Errorf("%s is partial: %v\n%s", name, err, data)
		}
	}
}

// countTemps counts the atomic-write temporary files under out.
func countTemps(out string) int {
	n := 0
	filepath.WalkDir(out, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && atomicfile.IsTemp(d.Name()) {
			n++
		}
		return nil
	})
	return n
}

func countIn(list []string, set map[string]bool) int {
	n := 0
	for _, s := range list {
		if set[s] {
			n++
		}
	}
	return n
}
