package xliff

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/review"
	"github.com/bitext/bitext/translate"
)

// usineEnglish are the machine drafts of testdata/usine.fr.md, segment by
// segment, with the mistakes an editor fixes (Jong-one, "of here").
var usineEnglish = []string{
	"Kim Jong-one inspects a factory",
	`According to the agency <em>KCNA</em>, <strong>Mr. Kim</strong> has visited Tuesday a factory of <a href="https://kcna.kp/fr">Pyongyang</a>.`,
	"It has hailed the endeavours “of” the workers.",
	`<img src="usine.jpg" alt="A photo of the factory">`,
	"The production has to achieve 3,500 tonnes of here 1 June 2027, according to <em>Rodong Sinmun</em>.",
	"The cost of the R&D remains secret (< 5%).",
}

// testFolder is an article translated into a temporary folder, with a
// translation memory held in memory.
type testFolder struct {
	doc   *translate.Document
	work  string
	store *review.MemStore
}

// newTestFolder translates testdata/usine.fr.md with usineEnglish.
func newTestFolder(t testing.TB) *testFolder {
	t.Helper()
	data, err := os.ReadFile("testdata/usine.fr.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := translate.Read("usine.fr.md", data)
	if err != nil {
		t.Fatal(err)
	}
	doc.Name = "usine"
	for i := range doc.Meta {
		if doc.Meta[i].Translate {
			doc.Meta[i].Target = "Kim Jong-one inspects a factory in Pyongyang"
		}
	}
	k := 0
	for b := range doc.Blocks {
		for s := range doc.Blocks[b].Segments {
			doc.Blocks[b].Segments[s].Target = usineEnglish[k]
			doc.Blocks[b].Segments[s].Backend = "fake"
			k++
		}
	}
	f := &testFolder{doc: doc, work: filepath.Join(t.TempDir(), "usine.en.md"), store: review.NewMemStore()}
	var work bytes.Buffer
	if err := translate.Write(&work, doc, translate.TargetSide); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f.work, work.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// open opens the article for review, as the command line does.
func (f *testFolder) open(t testing.TB) []Article {
	t.Helper()
	a, err := review.Open(context.Background(), f.work, f.doc, review.Options{Store: f.store, Doc: "usine", By: "translator"})
	if err != nil {
		t.Fatal(err)
	}
	return []Article{{Name: "usine", Review: a}}
}

// readWork returns the working copy.
func (f *testFolder) readWork(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(f.work)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// export writes the folder's XLIFF in version v.
func (f *testFolder) export(t testing.TB, v Version) []byte {
	t.Helper()
	doc, err := Export(f.open(t), "fr", "en", v)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// importFile imports data into the folder.
func (f *testFolder) importFile(t testing.TB, data []byte, opts Options) *Report {
	t.Helper()
	doc, err := Read(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	opts.From, opts.To = "fr", "en"
	rep, err := Import(context.Background(), doc, f.open(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// approved returns the approved English of the unit id, "" when none.
func (f *testFolder) approved(t testing.TB, id string) string {
	t.Helper()
	arts := f.open(t)
	for i, uid := range UnitIDs(arts[0].Review) {
		if uid == id {
			rec := arts[0].Review.Units[i].Record
			if rec.Approved {
				return rec.Text
			}
			return ""
		}
	}
	t.Fatalf("no unit %s", id)
	return ""
}
