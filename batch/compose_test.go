package batch

import (
	"strings"
	"testing"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/translate"
)

func composeDoc() *translate.Document {
	seg := func(src, tgt string) translate.Segment {
		return translate.Segment{Source: src, Target: tgt, Line: 3, Backend: "fake"}
	}
	return &translate.Document{Path: "a.fr.txt", Name: "a", Format: translate.FormatText, Blocks: []translate.Block{
		{Kind: translate.Headline, Line: 1, Segments: []translate.Segment{seg("Titre.", "Title.")}},
		{Kind: translate.Paragraph, Line: 3, Segments: []translate.Segment{
			seg("Un.", "One."), seg("Deux.", "Two."), seg("Trois.", "Three.")}},
	}}
}

func rec(kind memory.Kind, src, target string) memory.OccurrenceRecord {
	return memory.OccurrenceRecord{Key: memory.Key{From: "fr", To: "en", Source: src}, At: memory.Occurrence{Doc: "a", Pos: 1}, Kind: kind, Target: target}
}

func workText(t *testing.T, doc *translate.Document) string {
	t.Helper()
	var b strings.Builder
	if err := translate.Write(&b, doc, translate.TargetSide); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestComposeAppliesRecords: a paragraph-level approval merges its
// sentences, a draft is applied, a deleted sentence is left out, and
// the state keeps one English per French sentence.
func TestComposeAppliesRecords(t *testing.T) {
	doc := composeDoc()
	// The pipeline marks a sentence whose deletion was approved.
	doc.Blocks[1].Segments[2].Target, doc.Blocks[1].Segments[2].Backend = "", translate.Deleted
	c, err := compose(doc, []memory.OccurrenceRecord{
		rec(memory.Draft, "Titre.", "The title, edited."),
		rec(memory.ApprovedHere, "Un. Deux.", "One and two."),
		rec(memory.Deleted, "Trois.", ""),
	}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := workText(t, c.work), "The title, edited.\n\nOne and two.\n"; got != want {
		t.Errorf("working copy %q, want %q", got, want)
	}
	segs := c.state.Blocks[1].Segments
	if segs[0].Target != "One and two." || segs[1].Target != "" || segs[2].Target != "" {
		t.Errorf("state %+v", segs)
	}
}

// TestComposeMovesDraftUnderChangedFrench: a draft whose French changed is
// kept where its sentence stood, flagged, and re-keyed; when its paragraph
// changed shape it is an error, never a silent loss.
func TestComposeMovesDraftUnderChangedFrench(t *testing.T) {
	old := composeDoc()
	doc := composeDoc()
	doc.Blocks[1].Segments[1].Source, doc.Blocks[1].Segments[1].Target = "Deux bis.", "Two bis."
	c, err := compose(doc, []memory.OccurrenceRecord{rec(memory.Draft, "Deux.", "Two, edited.")}, old, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := workText(t, c.work); !strings.Contains(got, "One. Two, edited. Three.") {
		t.Errorf("working copy %q", got)
	}
	if len(c.warnings) != 1 || !strings.Contains(c.warnings[0], "a.fr.txt:3: the French of a sentence you edited changed") {
		t.Errorf("warnings %q", c.warnings)
	}
	if len(c.moves) != 1 || c.moves[0].to.Key.Source != "Deux bis." {
		t.Errorf("moves %+v", c.moves)
	}
	doc.Blocks[1].Segments = doc.Blocks[1].Segments[:2]
	if _, err := compose(doc, []memory.OccurrenceRecord{rec(memory.Draft, "Trois.", "Three, edited.")}, old, nil); err == nil {
		t.Error("a draft that cannot be placed was dropped silently")
	}
}

// TestComposeAttributeDrafts: an image's alt text is a segment of its
// own: its draft reaches the working copy even where the sentence's own
// draft holds an older alt text, and it is never taken for a sentence's
// draft (no warning).
func TestComposeAttributeDrafts(t *testing.T) {
	doc := &translate.Document{Path: "a.fr.md", Name: "a", Format: translate.FormatMarkdown, Blocks: []translate.Block{{
		Kind: translate.Paragraph, Line: 1, Segments: []translate.Segment{{
			Source: `Voir <img src="https://example.org/k.jpg" alt="Kim à Moscou">`, Markup: true, Line: 1, Backend: "fake",
			Target: `See <img src="https://example.org/k.jpg" alt="Kim to Moscow">`}}}}}
	sentence := rec(memory.Draft, doc.Blocks[0].Segments[0].Source, `Look at <img src="https://example.org/k.jpg" alt="Kim to Moscow">`)
	sentence.Key.Markup = true
	alt := rec(memory.Draft, "Kim à Moscou", "Kim in Moscow")
	alt.At.Pos = 1 // the first occurrence of the alt text, counted after the segments
	c, err := compose(doc, []memory.OccurrenceRecord{sentence, alt}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := workText(t, c.work), "Look at ![Kim in Moscow](https://example.org/k.jpg)\n"; got != want {
		t.Errorf("working copy %q, want %q", got, want)
	}
	if len(c.warnings) != 0 {
		t.Errorf("warnings %q", c.warnings)
	}
}
