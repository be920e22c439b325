package memory

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestConcurrentStores writes through two Stores on one file at once, as
// two bitext processes would: no write may fail with "database is locked".
func TestConcurrentStores(t *testing.T) {
	path := filepath.Join(t.TempDir(), "memory.db")
	stores := []*Store{openAt(t, path), openAt(t, path)}
	const perWriter = 150
	var wg sync.WaitGroup
	errs := make(chan error, 4*perWriter)
	for w := range 4 {
		s := stores[w%2]
		wg.Go(func() {
			for i := range perWriter {
				k := Key{From: "fr", To: "en", Source: sentence(w*perWriter + i)}
				if err := s.PutMachine(ctx, k, "apertium", fmt.Sprintf("writer %d, %d", w, i)); err != nil {
					errs <- err
				}
				if i%10 == 0 {
					if err := s.Approve(ctx, k, "approved", "claire"); err != nil {
						errs <- err
					}
				}
				if _, _, err := s.Lookup(ctx, k, "apertium"); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st, err := stores[0].Stats(ctx)
	if err != nil || st.Machine != 4*perWriter || st.Approved != 4*perWriter/10 {
		t.Fatalf("Stats = %+v, %v", st, err)
	}
}

// The crash test runs this binary as a child that writes entries and
// prints the id of each after its commit, then kills it at random.
const crashEnv = "BITEXT_MEMORY_CRASH_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(crashEnv); path != "" {
		os.Exit(crashChild(path))
	}
	os.Exit(m.Run())
}

// crashChild writes entries in a loop, single and batched, until killed.
func crashChild(path string) int {
	s, err := Open(context.Background(), path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	start := time.Now().UnixNano() % 1e9
	for i := 0; ; i++ {
		id := fmt.Sprintf("%d-%d", start, i)
		k := Key{From: "fr", To: "en", Source: "Dépêche " + id + " : " + sentence(i)}
		if i%5 == 4 {
			ts := []Translation{{Key: k, Target: id}, {Key: Key{From: "fr", To: "en", Source: k.Source + " (suite)"}, Target: id}}
			err = s.PutMachineBatch(context.Background(), "apertium", ts)
		} else {
			err = s.PutMachine(context.Background(), k, "apertium", id)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Println(k.Source)
	}
}

func TestCrashKeepsCommittedEntries(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip("cannot find the test binary:", err)
	}
	path := filepath.Join(t.TempDir(), "memory.db")
	var committed []string
	for round := range 5 {
		committed = append(committed, runAndKill(t, exe, path, time.Duration(50+round*37)*time.Millisecond)...)
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("round %d: reopen after kill -9: %v", round, err)
		}
		checkIntegrity(t, s)
		for _, src := range committed {
			if _, ok, err := s.Lookup(ctx, Key{From: "fr", To: "en", Source: src}, "apertium"); err != nil || !ok {
				t.Fatalf("round %d: committed entry %q lost (%v)", round, src, err)
			}
		}
		s.Close()
	}
	if len(committed) < 20 {
		t.Fatalf("the children committed only %d entries; the test proved little", len(committed))
	}
	t.Logf("%d committed entries survived 5 kills", len(committed))
}

// runAndKill runs the child until it has reported a few commits (however
// slow the machine), lets it run about d more, kills it with SIGKILL and
// returns the sources it reported committed.
func runAndKill(t *testing.T, exe, path string, d time.Duration) []string {
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	var errOut strings.Builder
	cmd.Stderr = &errOut
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var (
		mu    sync.Mutex
		lines []string
		done  = make(chan struct{})
	)
	go func() {
		defer close(done)
		r := bufio.NewReader(stdout)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return // a last line without its newline may be cut short
			}
			mu.Lock()
			lines = append(lines, strings.TrimSuffix(line, "\n"))
			mu.Unlock()
		}
	}()
	count := func() int { mu.Lock(); defer mu.Unlock(); return len(lines) }
	for deadline := time.Now().Add(2 * time.Minute); count() < 3 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(d)
	cmd.Process.Kill()
	<-done
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != -1 {
		t.Fatalf("child ended by itself (%v): %s", err, errOut.String())
	}
	mu.Lock()
	defer mu.Unlock()
	return lines
}

func checkIntegrity(t *testing.T, s *Store) {
	t.Helper()
	var res string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check = %q, %v", res, err)
	}
}
