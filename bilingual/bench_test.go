package bilingual

import (
	"bytes"
	"io"
	"testing"

	"golang.org/x/net/html"

	"github.com/bitext/bitext/internal/sharedtest"
	"github.com/bitext/bitext/translate"
)

// newstestDoc builds a long article from the newstest2013 reference pair
// (3,000 sentences): a headline, then paragraphs of four sentences.
func newstestDoc(tb testing.TB) (*translate.Document, int64) {
	fr := sharedtest.Lines(tb, -1, "eval", "newstest2013.fr")
	en := sharedtest.Lines(tb, -1, "eval", "newstest2013.en")
	if len(fr) != len(en) || len(fr) < 2 {
		tb.Skipf("newstest2013 sides differ: %d and %d lines", len(fr), len(en))
	}
	doc := &translate.Document{Path: "newstest2013.fr", Format: translate.FormatText}
	doc.Blocks = append(doc.Blocks, translate.Block{Kind: translate.Headline, Line: 1,
		Segments: []translate.Segment{seg(1, fr[0], en[0])}})
	var size int64
	for i := 1; i < len(fr); i++ {
		if (i-1)%4 == 0 {
			doc.Blocks = append(doc.Blocks, translate.Block{Kind: translate.Paragraph, Line: i + 1})
		}
		b := &doc.Blocks[len(doc.Blocks)-1]
		b.Segments = append(b.Segments, seg(i+1, fr[i], en[i]))
		size += int64(len(fr[i]) + len(en[i]))
	}
	return doc, size
}

func benchmarkRender(b *testing.B, f Format) {
	doc, size := newstestDoc(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(io.Discard, f, doc, Options{Width: 100}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHTML(b *testing.B)     { benchmarkRender(b, FormatHTML) }
func BenchmarkMarkdown(b *testing.B) { benchmarkRender(b, FormatMarkdown) }
func BenchmarkText(b *testing.B)     { benchmarkRender(b, FormatText) }
func BenchmarkJSON(b *testing.B)     { benchmarkRender(b, FormatJSON) }

func BenchmarkReadJSON(b *testing.B) {
	doc, size := newstestDoc(b)
	var buf bytes.Buffer
	if err := JSON(&buf, doc); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadJSON(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNewstestRenders renders the long article in every format and
// checks the outputs hold every sentence block.
func TestNewstestRenders(t *testing.T) {
	if testing.Short() {
		t.Skip("long document: skipped in -short mode")
	}
	doc, _ := newstestDoc(t)
	var buf bytes.Buffer
	if err := HTML(&buf, doc, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	root := parsePage(t, buf.Bytes())
	if rows := find(root, func(n *html.Node) bool { return hasClass(n, "row") }); len(rows) != len(doc.Blocks) {
		t.Errorf("%d rows for %d blocks", len(rows), len(doc.Blocks))
	}
}
