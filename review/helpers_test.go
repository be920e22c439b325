package review

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/bilingual"
	"github.com/bitext/bitext/translate"
)

// testPair is one French sentence and its machine draft.
type testPair struct{ fr, en string }

// testArticle is an agency dispatch with a headline and three paragraphs;
// the drafts carry the kind of mistakes editors fix (a mangled name).
var testArticle = [][]testPair{
	{{"Séoul accueille un sommet sur l'énergie", "Seoul hosts an energy summit"}},
	{
		{"Le président sud-coréen a reçu mardi M. Kim à Séoul.", "The South Korean president received Mr Kim in Seoul on Tuesday."},
		{"Les deux hommes ont signé un accord de 3 milliards d'euros.", "The two men signed an agreement worth 3 billion euros."},
		{"« C'est une journée historique », a déclaré le porte-parole.", "“This is a historic day,” the spokesman said."},
	},
	{
		{"La réunion doit reprendre jeudi.", "The meeting is due to resume on Thursday."},
		{"Selon l'agence Yonhap, les discussions porteront sur le nucléaire.", "According to the Yonhap agency, the talks will focus on nuclear power."},
	},
	{
		{"Kim Jong-un n'a pas réagi.", "Kim Jong-one did not react."},
		{"Pyongyang a dénoncé vendredi un « complot ».", "Pyongyang denounced a “plot” on Friday."},
	},
}

// newTestDoc builds a translated document from pairs, as translate would.
func newTestDoc(pairs [][]testPair, format translate.Format) *translate.Document {
	doc := &translate.Document{Path: "seoul.fr." + string(format), Format: format}
	line := 1
	for i, blk := range pairs {
		kind := translate.Paragraph
		if i == 0 {
			kind = translate.Headline
			if format == translate.FormatMarkdown {
				kind = translate.Heading
			}
		}
		b := translate.Block{Kind: kind, Line: line}
		if kind == translate.Heading {
			b.Level = 1
		}
		for _, p := range blk {
			b.Segments = append(b.Segments, translate.Segment{Source: p.fr, Target: p.en, Line: line, Backend: "fake"})
		}
		doc.Blocks = append(doc.Blocks, b)
		line += 2
	}
	return doc
}

// writeOutputs writes OUT/seoul.json and the working copy the way
// translate does, and returns the working copy's path.
func writeOutputs(t *testing.T, doc *translate.Document) string {
	t.Helper()
	dir := t.TempDir()
	var js, work bytes.Buffer
	if err := bilingual.JSON(&js, doc); err != nil {
		t.Fatal(err)
	}
	if err := translate.Write(&work, doc, translate.TargetSide); err != nil {
		t.Fatal(err)
	}
	workPath := filepath.Join(dir, "seoul.en."+string(doc.Format))
	mustWrite(t, filepath.Join(dir, "seoul.json"), js.String())
	mustWrite(t, workPath, work.String())
	return workPath
}

func mustWrite(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// openTest opens the article at workPath against store.
func openTest(t *testing.T, workPath string, store Store) *Article {
	t.Helper()
	f, err := os.Open(filepath.Join(filepath.Dir(workPath), "seoul.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := bilingual.ReadJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Open(context.Background(), workPath, doc, Options{Store: store, By: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	return a
}
