package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/outdir"
	"github.com/bitext/bitext/translate"
	"github.com/mattn/go-runewidth"
)

// tmuxSession drives one program in a detached tmux session on a private
// server, as a person at an 80×24 terminal would.
type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

// startTmux runs command in a new 80×24 session; the server is killed at
// the end of the test.
func startTmux(t *testing.T, command string) *tmuxSession {
	t.Helper()
	s := &tmuxSession{t: t, socket: fmt.Sprintf("bitext-test-%d-%d", os.Getpid(), time.Now().UnixNano()), name: "review"}
	s.run("new-session", "-d", "-s", s.name, "-x", "80", "-y", "24", command)
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// keys sends keys as tmux names them ("a", "Enter", "C-u").
func (s *tmuxSession) keys(keys ...string) {
	s.run(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

// text types literal text.
func (s *tmuxSession) text(text string) { s.run("send-keys", "-t", s.name, "-l", text) }

func (s *tmuxSession) screen() string { return s.run("capture-pane", "-p", "-t", s.name) }

// waitFor waits until the screen shows want and returns the screen. The
// limit is generous: it only bounds a hung test on a loaded machine.
func (s *tmuxSession) waitFor(want string) string {
	s.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		scr := s.screen()
		if strings.Contains(scr, want) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen never showed %q; it shows:\n%s", want, scr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// checkWidth fails when a line of the screen is wider than w cells.
func checkWidth(t *testing.T, scr string, w int) {
	t.Helper()
	for _, l := range strings.Split(scr, "\n") {
		if runewidth.StringWidth(l) > w {
			t.Errorf("line wider than %d cells: %q", w, l)
		}
	}
}

// tmuxFixture builds bitext and writes an output folder as translate
// would, with machine drafts an editor has to fix.
func tmuxFixture(t *testing.T) (bin, dir string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds bitext and drives it in tmux; skipped with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	dir = t.TempDir()
	bin = filepath.Join(dir, "bitext")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	doc := &translate.Document{Path: "sommet.fr.txt", Format: translate.FormatText}
	for i, p := range [][2]string{
		{"Séoul accueille un sommet sur l'énergie", "Seoul welcomes a summit on energy"},
		{"Kim Jong-un a visité mardi une centrale à Pyongyang.", "Kim Jong-one visited a power plant in Pyongyang on Tuesday."},
		{"Selon l'agence KCNA, la visite a duré deux heures.", "According to the KCNA agency, the visit lasted two hours."},
	} {
		kind := translate.Paragraph
		if i == 0 {
			kind = translate.Headline
		}
		doc.Blocks = append(doc.Blocks, translate.Block{Kind: kind, Line: 2*i + 1, Segments: []translate.Segment{
			{Source: p[0], Target: p[1], Line: 2*i + 1, Backend: "apertium"},
		}})
	}
	var en bytes.Buffer
	if err := translate.Write(&en, doc, translate.TargetSide); err != nil {
		t.Fatal(err)
	}
	art := outdir.Article{Out: filepath.Join(dir, "out"), Name: "sommet", To: "en", Ext: "txt"}
	if err := outdir.WriteState(art.StatePath(), &outdir.State{Doc: doc, Work: outdir.Hash(en.Bytes())}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(art.Work(), en.Bytes(), 0o644)
	return bin, dir
}

// approvedText returns the approved English of a French sentence in the
// output folder's memory.
func approvedText(t *testing.T, dir, source string) (string, bool) {
	t.Helper()
	m, err := memory.Open(context.Background(), filepath.Join(dir, "out", ".bitext", "memory.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	es, err := m.Get(context.Background(), memory.Key{From: "fr", To: "en", Source: source})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Status == memory.Approved {
			return e.Target, true
		}
	}
	return "", false
}

func TestReviewTmux(t *testing.T) {
	bin, dir := tmuxFixture(t)
	s := startTmux(t, fmt.Sprintf("cd %s && TERM=xterm-256color %s review out/sommet.en.txt; echo EXIT=$?; sleep 60", dir, bin))
	scr := s.waitFor("1/3")
	for _, want := range []string{"French", "Séoul accueille un sommet sur l'énergie", "Machine (apertium)", "English", "a approve"} {
		if !strings.Contains(scr, want) {
			t.Errorf("first screen lacks %q:\n%s", want, scr)
		}
	}
	checkWidth(t, scr, 80)

	// Approve the headline: the next segment comes up and the memory has it.
	s.keys("a")
	s.waitFor("2/3")
	if got, ok := approvedText(t, dir, "Séoul accueille un sommet sur l'énergie"); !ok || got != "Seoul welcomes a summit on energy" {
		t.Errorf("headline approval in memory = %q, %v", got, ok)
	}

	// Edit the name inline: clear the line, type the fix, enter.
	s.keys("e", "C-u")
	s.text("Kim Jong-un visited a power plant in Pyongyang on Tuesday.")
	s.keys("Enter")
	s.waitFor("edited and approved")
	s.keys("p")
	scr = s.waitFor("{+Jong-un+}")
	if !strings.Contains(scr, "[-Jong-one-]") {
		t.Errorf("diff lacks the deletion:\n%s", scr)
	}
	if !strings.Contains(readFile(t, filepath.Join(dir, "out", "sommet.en.txt")), "Kim Jong-un visited") {
		t.Error("working copy lacks the edit")
	}

	// Undo takes the edit and its approval back.
	s.keys("u")
	s.waitFor("undone")
	if _, ok := approvedText(t, dir, "Kim Jong-un a visité mardi une centrale à Pyongyang."); ok {
		t.Error("approval survived undo")
	}

	// Help, search, and a resize to 60×20.
	s.keys("?")
	s.waitFor("show or hide this help")
	s.keys("?", "/")
	s.text("KCNA")
	s.keys("Enter")
	s.waitFor(`found "KCNA"`)
	s.run("resize-window", "-t", s.name, "-x", "60", "-y", "20")
	s.waitFor("3/3")
	time.Sleep(300 * time.Millisecond)
	scr = s.screen()
	checkWidth(t, scr, 60)
	if !strings.Contains(scr, "According to the KCNA agency") {
		t.Errorf("resized screen lacks the English:\n%s", scr)
	}

	// t opens the list of configured backends; esc closes it.
	s.keys("t")
	s.waitFor("Re-translate with")
	s.keys("Escape")
	s.waitFor("cancelled")

	s.keys("q")
	s.waitFor("EXIT=0")
	// One approval stands: the edit and its approval were undone.
	if scr := s.screen(); !strings.Contains(scr, "bitext: 1 decision saved; 2 segments pending") {
		t.Errorf("no summary, or a wrong count, after quitting:\n%s", scr)
	}
}

// TestReviewTmuxKilled kills review right after an approval: the approval
// must be in the memory.
func TestReviewTmuxKilled(t *testing.T) {
	bin, dir := tmuxFixture(t)
	s := startTmux(t, fmt.Sprintf("cd %s && TERM=xterm-256color exec %s review out/sommet.en.txt", dir, bin))
	s.run("set-option", "-t", s.name, "remain-on-exit", "on")
	s.waitFor("1/3")
	s.keys("a")
	s.waitFor("approved (saved)")
	pid := strings.TrimSpace(s.run("display-message", "-p", "-t", s.name, "#{pane_pid}"))
	if err := exec.Command("kill", "-9", pid).Run(); err != nil {
		t.Fatalf("kill %s: %v", pid, err)
	}
	waitGone(t, pid)
	if got, ok := approvedText(t, dir, "Séoul accueille un sommet sur l'énergie"); !ok || got != "Seoul welcomes a summit on energy" {
		t.Errorf("approval after kill -9 = %q, %v", got, ok)
	}
}

// waitGone waits until process pid has exited: gone, or a zombie that
// tmux has not reaped yet.
func waitGone(t *testing.T, pid string) {
	t.Helper()
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		stat, err := os.ReadFile("/proc/" + pid + "/stat")
		if err != nil || processState(string(stat)) == "Z" {
			return
		}
	}
	t.Fatalf("process %s still running after kill -9", pid)
}

// processState returns the state field of /proc/PID/stat ("R", "S", "Z"…),
// which follows the parenthesised command name.
func processState(stat string) string {
	i := strings.LastIndexByte(stat, ')')
	if i < 0 || i+3 > len(stat) {
		return ""
	}
	return stat[i+2 : i+3]
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
