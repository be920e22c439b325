package outdir

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/bilingual"
	"github.com/bitext/bitext/internal/atomicfile"
	"github.com/bitext/bitext/translate"
)

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSweepKeepsOtherProgramsFiles: only bitext's own temporary files,
// beside its outputs, are removed; hidden folders other than .bitext are
// never entered.
func TestSweepKeepsOtherProgramsFiles(t *testing.T) {
	out := t.TempDir()
	keep := []string{
		".git/.index.tmp-keep",
		".git/.x.en.txt.bitext-tmp-123", // inside another program's hidden folder
		"sub/.draft.tmp-2024",
		"sub/.notes.bitext-tmp-55", // not a file bitext writes
		"sub/.x.en.txt.tmp-abc",
		"x.en.txt",
	}
	gone := []string{
		".x.en.txt.bitext-tmp-123",
		"sub/.y.bilingual.html.bitext-tmp-9",
		".bitext/.memory.db.bitext-tmp-77",
		".bitext/docs/sub/.y.json.bitext-tmp-1",
	}
	for _, p := range append(keep, gone...) {
		write(t, filepath.Join(out, p), "x")
	}
	if n := Sweep(out); n != len(gone) {
		t.Errorf("Sweep removed %d files, want %d", n, len(gone))
	}
	for _, p := range keep {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("%s was removed", p)
		}
	}
	for _, p := range gone {
		if _, err := os.Stat(filepath.Join(out, p)); err == nil {
			t.Errorf("%s was left", p)
		}
	}
}

func TestArticleLayout(t *testing.T) {
	a := ArticleFor("out", "in/asie/seoul.fr.md", "asie/seoul.fr.md", "fr", "en", "md")
	if a.Name != "asie/seoul" {
		t.Errorf("Name = %q", a.Name)
	}
	for got, want := range map[string]string{
		a.Work():                       "out/asie/seoul.en.md",
		a.Output(bilingual.FormatHTML): "out/asie/seoul.bilingual.html",
		a.Output(bilingual.FormatJSON): "out/asie/seoul.json",
		a.StatePath():                  "out/.bitext/docs/asie/seoul.json",
		ArticleFor("o", "x/y.txt", "", "fr", "en", "txt").Work(): "o/y.en.txt",
	} {
		if got != filepath.FromSlash(want) {
			t.Errorf("got %s, want %s", got, want)
		}
	}
}

// TestFindUsesStateNotStaleJSON: a working copy's article is found from
// its state in .bitext, never from an OUT/NAME.json an earlier --format
// json run left beside it.
func TestFindUsesStateNotStaleJSON(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	a := Article{Out: out, Name: "asie/seoul", To: "en", Ext: "txt"}
	doc := &translate.Document{Path: "seoul.fr.txt", Format: translate.FormatText, Blocks: []translate.Block{
		{Kind: translate.Headline, Segments: []translate.Segment{{Source: "Séoul", Target: "Seoul"}}}}}
	if err := WriteState(a.StatePath(), &State{Doc: doc, Work: Hash([]byte("Seoul\n"))}); err != nil {
		t.Fatal(err)
	}
	write(t, a.Work(), "Seoul\n")
	write(t, a.Output(bilingual.FormatJSON), `{"stale": true}`)
	got, err := Find(a.Work(), "en")
	if err != nil || got != a {
		t.Fatalf("Find = %+v, %v; want %+v", got, err, a)
	}
	st, err := ReadState(got.StatePath())
	if err != nil || st.Doc.Blocks[0].Segments[0].Target != "Seoul" {
		t.Fatalf("ReadState = %+v, %v", st, err)
	}
	if !st.Unedited([]byte("Seoul\n")) || st.Unedited([]byte("Seoul!\n")) {
		t.Error("Unedited does not tell the written copy from an edited one")
	}
	list, err := Locate(out, "en")
	if err != nil || len(list) != 1 || list[0] != a {
		t.Errorf("Locate = %v, %v", list, err)
	}
	if _, err := Find(filepath.Join(t.TempDir(), "x.en.txt"), "en"); err == nil {
		t.Error("Find succeeded without an output folder")
	}
	if !atomicfile.IsTemp(".x.en.txt.bitext-tmp-1") {
		t.Error("atomicfile naming changed")
	}
}
