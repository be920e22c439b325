package review

import (
	"context"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

func TestRunsReadMarkupAsLooks(t *testing.T) {
	got := Runs(`une <em>étape <strong>historique</strong></em> selon <a href="https://kcna.kp/x">KCNA</a><br>et <code>x&lt;y</code>`, true)
	want := []Run{{"une ", 0}, {"étape ", Italic}, {"historique", Italic | Bold}, {" selon ", 0},
		{"KCNA", Link}, {" et ", 0}, {"x<y", Code}}
	if len(got) != len(want) {
		t.Fatalf("Runs = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("run %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if r := Runs("a <b> c", false); len(r) != 1 || r[0].Text != "a <b> c" {
		t.Errorf("plain text read as markup: %+v", r)
	}
}

func TestRenderDiffShowsLooksNotTags(t *testing.T) {
	old := `A <em>historic step</em>, said <a href="https://kcna.kp">KCNA</a>.`
	new := `A <em>decisive step</em>, said <a href="https://kcna.kp">KCNA</a>.`
	got := RenderDiff(old, new, true, Markers)
	if want := "A [-*historic*-]{+*decisive*+} *step*, said KCNA."; got != want {
		t.Errorf("Markers diff = %q, want %q", got, want)
	}
	ansi := RenderDiff(old, new, true, ANSI)
	if !strings.Contains(ansi, "\x1b[31m\x1b[3mhistoric\x1b[23m\x1b[39m") || !strings.Contains(ansi, "\x1b[4mKCNA\x1b[24m") {
		t.Errorf("ANSI diff lacks italic deletion or underlined link: %q", ansi)
	}
	if strings.Contains(ansi, "<") || strings.Contains(got, "<") {
		t.Errorf("tags shown raw: %q", ansi)
	}
}

func TestWriteUnitMarkdownArticle(t *testing.T) {
	ctx := context.Background()
	doc := newTestDoc([][]testPair{{{"Le titre", "The headline"}}, {{"La visite est une <em>étape historique</em>.", "The visit is a <em>historic step</em>."}}}, translate.FormatMarkdown)
	for i := range doc.Blocks[1].Segments {
		doc.Blocks[1].Segments[i].Markup = true
	}
	wp := writeOutputs(t, doc)
	a := openTest(t, wp, NewMemStore())
	u := a.Pending()[1]
	if err := a.Edit(ctx, u, "The visit is a <em>decisive step</em>."); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteUnit(&b, a, u, Markers, true); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"fr: La visite est une *étape historique*.", "mt: The visit is a *historic step*.",
		"en: The visit is a [-*historic*-]{+*decisive*+} *step*."} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, b.String())
		}
	}
	if strings.Contains(b.String(), "<em>") {
		t.Errorf("output shows tags:\n%s", b.String())
	}
}
