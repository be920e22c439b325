package review

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

// FuzzWordDiff checks the contract of WordDiff on any pair of texts: the
// Equal and Delete chunks join to old, the Equal and Insert chunks join to
// new, and no chunk is empty.
func FuzzWordDiff(f *testing.F) {
	f.Add("Kim Jong-one did not react.", "Kim Jong-un did not react.")
	f.Add("The two men signed an agreement worth 3 billion euros.", "The two men signed a €3 billion deal.")
	f.Add("« C'est fini », a dit M. Kim.", "")
	f.Fuzz(func(t *testing.T, old, new string) {
		var a, b strings.Builder
		for _, c := range WordDiff(old, new) {
			if c.Text == "" {
				t.Fatalf("empty %v chunk in diff of %q and %q", c.Op, old, new)
			}
			if c.Op != Insert {
				a.WriteString(c.Text)
			}
			if c.Op != Delete {
				b.WriteString(c.Text)
			}
		}
		if a.String() != old || b.String() != new {
			t.Fatalf("diff of %q and %q gives back %q and %q", old, new, a.String(), b.String())
		}
	})
}

// FuzzMap aligns an arbitrary working copy (as an editor may leave it)
// with the test article. Whatever the edit, every translatable segment
// must be covered by exactly one span, in document order, and every word
// of the working copy must land in a span, in order: nothing the editor
// wrote is lost and nothing is invented.
func FuzzMap(f *testing.F) {
	for _, format := range []translate.Format{translate.FormatText, translate.FormatMarkdown} {
		var work bytes.Buffer
		doc := newTestDoc(testArticle, format)
		if err := translate.Write(&work, doc, translate.TargetSide); err != nil {
			f.Fatal(err)
		}
		f.Add(work.String(), format == translate.FormatMarkdown)
		edited := strings.Replace(work.String(), "on Tuesday. The two men", "on Tuesday, and the two men", 1)
		f.Add(strings.Replace(edited, "Jong-one", "Jong-un", 1), format == translate.FormatMarkdown)
	}
	f.Add("Seoul hosts a summit\n\nA new paragraph.\n\nThe meeting is due to resume on Thursday.\n", false)
	f.Fuzz(func(t *testing.T, text string, md bool) {
		format := translate.FormatText
		if md {
			format = translate.FormatMarkdown
		}
		work, err := translate.ReadFormat("seoul.en."+string(format), []byte(text), format)
		if err != nil {
			return
		}
		doc := newTestDoc(testArticle, format)
		spans := Map(doc, draftRefs(doc), work)
		checkCoverage(t, doc, spans)
		checkWordsKept(t, work, spans)
	})
}

// draftRefs is the machine draft of every segment of doc.
func draftRefs(doc *translate.Document) [][]string {
	refs := make([][]string, len(doc.Blocks))
	for b, blk := range doc.Blocks {
		for _, s := range blk.Segments {
			refs[b] = append(refs[b], s.Target)
		}
	}
	return refs
}

// checkCoverage checks that the non-orphan spans cover the segments of doc
// once each, in order.
func checkCoverage(t *testing.T, doc *translate.Document, spans []Span) {
	t.Helper()
	type pos struct{ b, s int }
	var want, got []pos
	for b, blk := range doc.Blocks {
		for s := range blk.Segments {
			want = append(want, pos{b, s})
		}
	}
	for _, sp := range spans {
		if sp.Orphan() {
			continue
		}
		if sp.Last < sp.First || sp.Block < 0 || sp.Block >= len(doc.Blocks) || sp.Last >= len(doc.Blocks[sp.Block].Segments) {
			t.Fatalf("span %+v is out of the document", sp)
		}
		for s := sp.First; s <= sp.Last; s++ {
			got = append(got, pos{sp.Block, s})
		}
	}
	if len(got) != len(want) {
		t.Fatalf("spans cover %d segments, the document has %d: %+v", len(got), len(want), spans)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("segment %d: span covers %v, want %v (%+v)", i, got[i], want[i], spans)
		}
	}
}

// checkWordsKept checks that the words of the working copy's translatable
// blocks are the words of the spans, in the same order.
func checkWordsKept(t *testing.T, work *translate.Document, spans []Span) {
	t.Helper()
	var in, out []string
	for _, b := range work.Blocks {
		if b.Kind == translate.Verbatim {
			continue
		}
		for _, s := range b.Segments {
			in = append(in, strings.Fields(plainOf(s.Source, s.Markup))...)
		}
	}
	for _, sp := range spans {
		out = append(out, strings.Fields(plainOf(sp.Text, sp.Markup))...)
	}
	if strings.Join(in, " ") != strings.Join(out, " ") {
		t.Fatalf("words changed by the alignment:\n in  %q\n out %q", in, out)
	}
}
