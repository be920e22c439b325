package postgres_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/postgres"
)

// The concurrency test runs this binary as 8 children on one database.
const (
	childURL = "BITEXT_PG_CHILD_URL"
	childN   = "BITEXT_PG_CHILD_N"
	children = 8
	rounds   = 40
)

func key(src string) memory.Key { return memory.Key{From: "fr", To: "en", Source: src} }

func sharedSentence(i int) string {
	return fmt.Sprintf("La dépêche n° %d de l'AFP est arrivée à Séoul.", i)
}
func ownSentence(w, i int) string {
	return fmt.Sprintf("M. Kim (rédaction %d) a relu la dépêche n° %d.", w, i)
}
func contestedSentence(i int) string {
	return fmt.Sprintf("Le sommet n° %d s'est achevé sans accord.", i)
}

// childMain is a child's work when the environment says so: translate
// (store machine translations) the sentences every child translates,
// approve its own sentences, approve the shared ones at its own
// occurrences, and race for the contested occurrences, printing "won I"
// for each one it won.
func childMain() (int, bool) {
	u := os.Getenv(childURL)
	if u == "" {
		return 0, false
	}
	w, _ := strconv.Atoi(os.Getenv(childN))
	if err := child(u, w); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1, true
	}
	return 0, true
}

func child(u string, w int) error {
	s, err := postgres.Open(ctx, u)
	if err != nil {
		return err
	}
	defer s.Close()
	by := fmt.Sprintf("editor%d", w)
	own := memory.Occurrence{Doc: by, Pos: 1}
	for i := range rounds {
		k := key(sharedSentence(i))
		if _, ok, err := s.LookupAt(ctx, k, "fake", own); err != nil {
			return err
		} else if !ok {
			if err := s.PutMachine(ctx, k, "fake", fmt.Sprintf("AFP dispatch no. %d arrived in Seoul.", i)); err != nil {
				return err
			}
		}
		if _, err := s.ApproveIf(ctx, key(ownSentence(w, i)), own, memory.Seen{}, fmt.Sprintf("Mr. Kim (desk %d) read dispatch no. %d.", w, i), by); err != nil {
			return err
		}
		if _, err := s.ApproveAt(ctx, k, own, fmt.Sprintf("AFP dispatch %d reached Seoul (%s).", i, by), by); err != nil {
			return err
		}
		_, err := s.ApproveIf(ctx, key(contestedSentence(i)), memory.Occurrence{Doc: "contested", Pos: i + 1}, memory.Seen{},
			fmt.Sprintf("Summit %d ended without a deal, wrote %s.", i, by), by)
		switch {
		case err == nil:
			fmt.Printf("won %d\n", i)
		case !errors.Is(err, memory.ErrConflict):
			return err
		}
	}
	return nil
}

// TestEightProcesses: 8 processes translating and approving at once on
// one database; afterwards every approval is there exactly once, and
// each contested occurrence has one winner, whose text is kept.
func TestEightProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("8 processes: skipped in -short mode")
	}
	s := open(t)
	defer s.Close()
	exe, err := os.Executable()
	if err != nil {
		t.Skip("cannot find the test binary:", err)
	}
	outs := runChildren(t, exe, s.Name())
	winners := map[int][]int{}
	for w, out := range outs {
		for _, line := range strings.Fields(strings.ReplaceAll(out, "won", "")) {
			i, _ := strconv.Atoi(line)
			winners[i] = append(winners[i], w)
		}
	}
	checkEveryApprovalOnce(t, s, winners)
}

func runChildren(t *testing.T, exe, url string) []string {
	outs := make([]string, children)
	var wg sync.WaitGroup
	for w := range children {
		wg.Go(func() {
			cmd := exec.Command(exe, "-test.run=^$")
			cmd.Env = append(os.Environ(), childURL+"="+url, childN+"="+strconv.Itoa(w))
			var errOut strings.Builder
			cmd.Stderr = &errOut
			out, err := cmd.Output()
			if err != nil {
				t.Errorf("child %d: %v: %s", w, err, errOut.String())
			}
			outs[w] = string(out)
		})
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	return outs
}

func checkEveryApprovalOnce(t *testing.T, s *postgres.Store, winners map[int][]int) {
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Own approvals, one default per shared sentence, one per contested.
	want := children*rounds + rounds + rounds
	if st.Machine != rounds || st.Approved != want || st.Edits != want {
		t.Errorf("%d machine, %d approved, %d approvals; want %d, %d, %d", st.Machine, st.Approved, st.Edits, rounds, want, want)
	}
	for w := range children {
		for i := range rounds {
			h, err := s.History(ctx, key(ownSentence(w, i)))
			if err != nil || len(h) != 1 || h[0].By != fmt.Sprintf("editor%d", w) {
				t.Fatalf("editor%d's approval %d: %+v, %v", w, i, h, err)
			}
		}
	}
	alternatives := 0
	for w := range children {
		recs, err := s.Occurrences(ctx, fmt.Sprintf("editor%d", w))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			if r.Kind == memory.Alternative {
				alternatives++
			}
		}
	}
	if alternatives != rounds*(children-1) {
		t.Errorf("%d alternatives of the shared sentences, want %d", alternatives, rounds*(children-1))
	}
	for i := range rounds {
		e, ok, err := s.LookupAt(ctx, key(contestedSentence(i)), "", memory.Occurrence{Doc: "contested", Pos: i + 1})
		if len(winners[i]) != 1 || err != nil || !ok || e.By != fmt.Sprintf("editor%d", winners[i][0]) {
			t.Fatalf("contested occurrence %d: winners %v, kept %+v (%v)", i, winners[i], e, err)
		}
	}
}
