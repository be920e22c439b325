package sharedtest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// layout builds root/repo/go.mod, root/repo/pkg/sub and, when withShared,
// root/shared/eval/dépêches.fr, and returns root.
func layout(t *testing.T, withShared bool) string {
	t.Helper()
	root := t.TempDir()
	mustWrite(t, filepath.Join(root, "repo", "go.mod"), "module example.com/repo\n")
	if err := os.MkdirAll(filepath.Join(root, "repo", "pkg", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if withShared {
		mustWrite(t, filepath.Join(root, "shared", "eval", "dépêches.fr"),
			"M. Kim a rencontré le président lundi à Séoul, a indiqué l'agence Yonhap.\n")
	}
	return root
}

func mustWrite(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// skips runs f in a subtest and reports whether it skipped.
func skips(t *testing.T, f func(tb testing.TB)) bool {
	t.Helper()
	var skipped bool
	t.Run("sub", func(t *testing.T) {
		defer func() { skipped = t.Skipped() }()
		f(t)
	})
	return skipped
}

func sameFile(t *testing.T, got, want string) {
	t.Helper()
	gi, err := os.Stat(got)
	if err != nil {
		t.Fatalf("stat %s: %v", got, err)
	}
	wi, err := os.Stat(want)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(gi, wi) {
		t.Fatalf("got %s, want %s", got, want)
	}
}

func TestFindWalksUpToGoMod(t *testing.T) {
	root := layout(t, true)
	t.Chdir(filepath.Join(root, "repo", "pkg", "sub"))
	got, err := Find()
	if err != nil {
		t.Fatal(err)
	}
	sameFile(t, got, filepath.Join(root, "shared"))
	sameFile(t, Dir(t), filepath.Join(root, "shared"))
	p := Path(t, "eval", "dépêches.fr")
	sameFile(t, p, filepath.Join(root, "shared", "eval", "dépêches.fr"))
	if filepath.Base(p) != "dépêches.fr" {
		t.Errorf("Path returned %s, not the file asked for", p)
	}
}

func TestAbsentSharedSkips(t *testing.T) {
	root := layout(t, false)
	t.Chdir(filepath.Join(root, "repo", "pkg"))
	if _, err := Find(); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Find without ../shared: err = %v, want a not-exist error", err)
	}
	if !skips(t, func(tb testing.TB) { Dir(tb) }) {
		t.Error("Dir did not skip without ../shared")
	}
	if !skips(t, func(tb testing.TB) { Path(tb, "eval") }) {
		t.Error("Path did not skip without ../shared")
	}
}

func TestPathSkipsOnAbsentFile(t *testing.T) {
	root := layout(t, true)
	t.Chdir(filepath.Join(root, "repo"))
	if !skips(t, func(tb testing.TB) { Path(tb, "eval", "absent.fr") }) {
		t.Error("Path did not skip for a file that is not there")
	}
	if skips(t, func(tb testing.TB) { Path(tb, "eval") }) {
		t.Error("Path skipped for a folder that is there")
	}
}

func TestNoModule(t *testing.T) {
	dir := t.TempDir()
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			t.Skipf("a go.mod above the temporary folder (%s)", d)
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	t.Chdir(dir)
	if _, err := Find(); !errors.Is(err, ErrNoModule) {
		t.Errorf("Find with no go.mod above: err = %v, want ErrNoModule", err)
	}
	if !skips(t, func(tb testing.TB) { Dir(tb) }) {
		t.Error("Dir did not skip with no go.mod above")
	}
}

func TestLines(t *testing.T) {
	root := layout(t, true)
	mustWrite(t, filepath.Join(root, "shared", "eval", "afp.fr"),
		"Le sommet s'ouvre lundi à Bruxelles, selon l'AFP.\r\n"+
			"« Nous ne céderons pas », a déclaré M. Kim.\n"+
			"\n"+
			"Le bilan s'élève à 1 500 morts au 12 mars 2024.")
	t.Chdir(filepath.Join(root, "repo", "pkg"))
	want := []string{
		"Le sommet s'ouvre lundi à Bruxelles, selon l'AFP.",
		"« Nous ne céderons pas », a déclaré M. Kim.",
		"",
		"Le bilan s'élève à 1 500 morts au 12 mars 2024.",
	}
	for _, n := range []int{-1, 0, 2, 4, 10} {
		got := Lines(t, n, "eval", "afp.fr")
		w := want
		if n >= 0 && n < len(want) {
			w = want[:n]
		}
		if strings.Join(got, "|") != strings.Join(w, "|") || len(got) != len(w) {
			t.Errorf("Lines(%d) = %q, want %q", n, got, w)
		}
	}
	if !skips(t, func(tb testing.TB) { Lines(tb, -1, "eval", "absent.fr") }) {
		t.Error("Lines did not skip for an absent file")
	}
}
