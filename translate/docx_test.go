package translate_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/formatcheck"
	"github.com/bitext/bitext/internal/wordfixture"
	"github.com/bitext/bitext/translate"
)

// richBody is a reporter's Word article: a heading style, a sentence
// split over runs (bold, a spelling mark, a tab), a hyperlink, a footnote
// reference, a bookmark, a numbered list item and a table.
const richBody = `<w:p><w:pPr><w:pStyle w:val="Titre1"/></w:pPr><w:r><w:t>La Corée du Nord tire un missile</w:t></w:r></w:p>` +
	`<w:p w:rsidR="00A1"><w:r w:rsidR="00C1"><w:rPr><w:lang w:val="fr-FR"/></w:rPr><w:t xml:space="preserve">PYONGYANG (AFP) — Le </w:t></w:r>` +
	`<w:r><w:rPr><w:b/><w:lang w:val="fr-FR"/></w:rPr><w:t>dirigeant</w:t></w:r><w:proofErr w:type="spellStart"/>` +
	`<w:r><w:rPr><w:lang w:val="fr-FR"/></w:rPr><w:t xml:space="preserve"> a assisté au tir</w:t></w:r><w:bookmarkStart w:id="0" w:name="tir"/><w:bookmarkEnd w:id="0"/>` +
	`<w:r><w:rPr><w:lang w:val="fr-FR"/></w:rPr><w:t xml:space="preserve">, selon l'agence </w:t></w:r>` +
	`<w:hyperlink r:id="rIdL"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>KCNA</w:t></w:r></w:hyperlink>` +
	`<w:r><w:rPr><w:lang w:val="fr-FR"/></w:rPr><w:t>. M. Kim était</w:t><w:tab/><w:t>présent.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>` +
	`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Le missile a parcouru 1 000 km.</w:t></w:r></w:p>` +
	`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Engin</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Missile balistique</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
	`<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"/></w:drawing></w:r></w:p><w:p/>`

func richDocx() []byte {
	parts := wordfixture.Article("Titre", nil)
	parts["word/document.xml"] = wordfixture.Document(richBody)
	parts["word/footnotes.xml"] = `<w:footnotes xmlns:w="` + wordfixture.W + `"><w:footnote w:id="1"><w:p><w:r><w:t>Selon un communiqué de l'agence.</w:t></w:r></w:p></w:footnote></w:footnotes>`
	return wordfixture.Package(parts)
}

// TestReadDocx: one block per paragraph with words, in the body, tables,
// header and footnotes; a sentence split over runs is one segment with
// its formatting, link, tab and footnote reference as inline codes.
func TestReadDocx(t *testing.T) {
	doc, err := translate.Read("tir.fr.docx", richDocx())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range doc.Blocks {
		for _, s := range b.Segments {
			got = append(got, fmt.Sprintf("%s%d %s", b.Kind, b.Level, stripKeys(s.Source)))
		}
	}
	want := []string{
		"heading1 La Corée du Nord tire un missile",
		`paragraph0 PYONGYANG (AFP) — Le <b>dirigeant</b> a assisté au tir<w-bookmarkstart/><w-bookmarkend/>, selon l'agence <a><span>KCNA</span></a>.`,
		`paragraph0 M. Kim était<w-tab/>présent.<w-footnotereference/>`,
		"list-item1 Le missile a parcouru 1 000 km.",
		"paragraph0 Engin", "paragraph0 Missile balistique",
		"paragraph0 Selon un communiqué de l'agence.",
		"paragraph0 Agence de presse — dépêche",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// stripKeys drops the data-w keys, which are hashes.
func stripKeys(s string) string {
	for {
		i := strings.Index(s, ` data-w="`)
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i+9:], '"')
		s = s[:i] + s[i+10+j:]
	}
}

// TestDocxRoundTrip: the English document has the French one's parts,
// the parts without text byte for byte, and in the parts with text the
// same elements outside the paragraphs' runs and no element the French
// part lacks; python3-docx reads it.
func TestDocxRoundTrip(t *testing.T) {
	fr := richDocx()
	doc, en := translateFile(t, shouter{html: true}, "tir.fr.docx", fr)
	if err := formatcheck.CompareDocx(fr, en); err != nil {
		t.Fatal(err)
	}
	text := docxPlain(t, en)
	for _, want := range []string{"LA CORÉE DU NORD TIRE UN MISSILE", "LE DIRIGEANT", "KCNA", "ÉTAIT\tPRÉSENT.", "1,000 KM", "SELON UN COMMUNIQUÉ"} {
		if !strings.Contains(text, want) {
			t.Errorf("the English lacks %q:\n%s", want, text)
		}
	}
	var src bytes.Buffer
	if err := translate.Write(&src, doc, translate.SourceSide); err != nil || !bytes.Equal(src.Bytes(), fr) {
		t.Errorf("the French side is not the French document (%v)", err)
	}
	checkWithPythonDocx(t, en, []string{"LA CORÉE DU NORD TIRE UN MISSILE", "LE MISSILE A PARCOURU 1,000 KM."})
}

// TestDocxMinimal: a document with only its body part (no styles, no
// relationships of its own, no properties) is read and written.
func TestDocxMinimal(t *testing.T) {
	fr := wordfixture.Package(wordfixture.Minimal(`<w:p><w:r><w:t>Le ministre est parti.</w:t></w:r></w:p>`))
	_, en := translateFile(t, shouter{html: true}, "min.fr.docx", fr)
	if err := formatcheck.CompareDocx(fr, en); err != nil {
		t.Fatal(err)
	}
	if got := docxPlain(t, en); !strings.Contains(got, "LE MINISTRE EST PARTI.") {
		t.Errorf("got %q", got)
	}
	checkWithPythonDocx(t, en, []string{"LE MINISTRE EST PARTI."})
}

// docxPlain returns the text of a document, a paragraph a line.
func docxPlain(t *testing.T, data []byte) string {
	t.Helper()
	text, err := formatcheck.DocxText(data)
	if err != nil {
		t.Fatal(err)
	}
	return text
}

// checkWithPythonDocx opens the document with python3-docx (Debian's
// python3-docx, an independent OOXML reader) and checks that its
// paragraphs include want. It skips, saying so, when python3-docx is
// missing.
func checkWithPythonDocx(t *testing.T, data []byte, want []string) {
	t.Helper()
	py := "/usr/bin/python3"
	if exec.Command(py, "-c", "import docx").Run() != nil {
		t.Skip("python3-docx is missing (scripts/install-deps.sh --tests installs it): the written .docx was not checked by an independent reader")
	}
	path := filepath.Join(t.TempDir(), "en.docx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", "import docx,sys\nfor p in docx.Document(sys.argv[1]).paragraphs: print(p.text)", path).CombinedOutput()
	if err != nil {
		t.Fatalf("python3-docx cannot read the English: %v\n%s", err, out)
	}
	for _, w := range want {
		if !strings.Contains(string(out), w) {
			t.Errorf("python3-docx reads no paragraph %q in:\n%s", w, out)
		}
	}
}

// TestDocxHostile: zip bombs, DTDs, deep nesting and what is no Word
// document get an error naming the file and the problem.
func TestDocxHostile(t *testing.T) {
	doc := func(xmlText string) []byte {
		return wordfixture.Package(map[string]string{"word/document.xml": xmlText})
	}
	bomb := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("word/document.xml")
		w.Write([]byte(`<w:document xmlns:w="` + wordfixture.W + `"><w:body><w:p><w:r><w:t>`))
		zeros := make([]byte, 1<<20)
		for range 80 {
			w.Write(zeros)
		}
		zw.Close()
		return buf.Bytes()
	}
	entities := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document xmlns:w="` + wordfixture.W + `"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"bomb", bomb(), "zip bomb"},
		{"entities", doc(entities), "DTD or entity declaration"},
		{"deep", doc(`<w:document xmlns:w="` + wordfixture.W + `">` + strings.Repeat("<w:x>", 100000)), "nested over 512 deep"},
		{"not-zip", []byte("Le ministre est parti."), "not a Word document"},
		{"no-body", wordfixture.Package(map[string]string{"word/styles.xml": "<x/>"}), "no main document part"},
		{"truncated", doc(`<w:document xmlns:w="` + wordfixture.W + `"><w:body><w:p><w:r><w:t>Texte`), "the XML ends inside an element"},
		{"no-text", doc(wordfixture.Document(`<w:p/>`)), "no text to translate"},
	}
	for _, tt := range tests {
		_, err := translate.Read(tt.name+".docx", tt.data)
		var ie *translate.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), tt.name+".docx") {
			t.Errorf("%s: got %v, want an input error saying %q", tt.name, err, tt.want)
		}
	}
}
