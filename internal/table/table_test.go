package table

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

func TestTableFitsTheWidth(t *testing.T) {
	tb := &Table{Width: 40, Cols: []string{"NAME", "STATUS"}}
	tb.Add([]string{"apy", "not answering because the server is very far away"},
		[]Note{{Text: "apy: cannot reach apertium-apy at http://localhost:2737/a/very/long/path/that/goes/on"}})
	tb.Add([]string{"apertium", "ok"}, []Note{{Prefix: "  workers=N  ", Text: "pipelines per language pair, from 1 to 64 (default: one per two CPUs)"}})
	out := tb.String()
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if w := runewidth.StringWidth(l); w > 40 {
			t.Errorf("line of %d columns: %q", w, l)
		}
	}
	for _, want := range []string{"NAME      STATUS\n", "apy       not answering", "…\n", "    apy: cannot reach", "    workers=N  pipelines per", "\n               "} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}

func TestWrapKeepsWords(t *testing.T) {
	got := Wrap("Séoul a dénoncé les exercices militaires conjoints", 20)
	want := []string{"Séoul a dénoncé les", "exercices militaires", "conjoints"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Wrap = %q", got)
	}
}
