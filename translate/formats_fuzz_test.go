package translate

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/wordfixture"
)

// FuzzReadHTML checks that reading any page never panics, that errors
// are *InputErrors naming the file, and that a page read writes back: the
// French side is the page itself, and the English (the French put in the
// targets) reads again into as many blocks.
func FuzzReadHTML(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("..", "samples", "tir-missile.fr.html"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`<p title=x>Un <b>paragraphe <i>croisé</b> fin.</i><p>Deux<!-- c --> <img alt='photo' src=a.jpg>`))
	f.Add([]byte("<html lang=fr><title>T &amp; t</title><meta name=description content=Résumé><li>Un<li>Deux"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkSkeletonRoundTrip(t, "fuzz.fr.html", data)
	})
}

// FuzzReadDocx does the same for Word documents: the fuzzer varies the
// main part's XML inside a well-formed package.
func FuzzReadDocx(f *testing.F) {
	f.Add(`<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Le </w:t></w:r><w:r><w:t xml:space="preserve">ministre est parti.</w:t></w:r></w:p>`)
	f.Add(`<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:hyperlink r:id="x"><w:r><w:t>Lien</w:t></w:r></w:hyperlink><w:r><w:tab/></w:r></w:p>`)
	f.Add(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cellule &amp; texte</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>`)
	f.Fuzz(func(t *testing.T, body string) {
		data := wordfixture.Package(wordfixture.Minimal(body))
		checkSkeletonRoundTrip(t, "fuzz.fr.docx", data)
		if doc, err := Read("fuzz.fr.docx", []byte(body)); err == nil {
			t.Fatalf("XML outside a zip read as a Word document: %+v", doc)
		}
	})
}

// checkSkeletonRoundTrip reads data as path and, when it is read, writes
// both sides back and reads the English again.
func checkSkeletonRoundTrip(t *testing.T, path string, data []byte) {
	doc, err := Read(path, data)
	if err != nil {
		checkInputError(t, path, err)
		return
	}
	for _, b := range doc.Blocks {
		// A page's inline markup may be unbalanced (an <a> never closed):
		// it is kept as it is, so only lines and trimming are checked.
		for _, s := range b.Segments {
			if b.Line < 1 || b.Slot < 1 || s.Source == "" || strings.TrimSpace(s.Source) != s.Source {
				t.Fatalf("block %+v: segment %q is empty or not trimmed, or has no line or slot", b, s.Source)
			}
		}
	}
	var src bytes.Buffer
	if err := Write(&src, doc, SourceSide); err != nil || !bytes.Equal(src.Bytes(), doc.Skeleton) {
		t.Fatalf("the French side is not the file read (%v)", err)
	}
	for b := range doc.Blocks {
		for s := range doc.Blocks[b].Segments {
			seg := &doc.Blocks[b].Segments[s]
			seg.Target = seg.Source
			if strings.TrimSpace(seg.Target) == "" {
				seg.Target = "x"
			}
		}
	}
	var en bytes.Buffer
	if err := Write(&en, doc, TargetSide); err != nil {
		t.Fatalf("writing the English: %v", err)
	}
	again, err := Read(path, en.Bytes())
	if err != nil {
		t.Fatalf("the English does not read back: %v\n%s", err, en.Bytes())
	}
	if len(again.Blocks) != len(doc.Blocks) {
		t.Fatalf("%d blocks in the French, %d in the English", len(doc.Blocks), len(again.Blocks))
	}
}
