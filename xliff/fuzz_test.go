package xliff

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/inline"
)

// FuzzImport reads any file as XLIFF and plans its import into the test
// article: nothing panics, every unit of the article's file is counted
// once, and every approval planned keeps the source's codes.
func FuzzImport(f *testing.F) {
	tf := newTestFolder(f)
	for _, v := range []Version{V21, V12} {
		f.Add(tf.export(f, v))
	}
	files, _ := filepath.Glob("testdata/*.xlf")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(head21 + `<file id="f" original="usine"><unit id="p3s1"><segment><source><ph id="1"/></source><target><pc id="1">x</pc></target></segment></unit></file></xliff>`))
	arts := tf.open(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ReadLimited(bytes.NewReader(data), Limits{FileSize: 1 << 20})
		if err != nil {
			return
		}
		rep := &Report{}
		changes := plan(doc, arts, rep)
		units := 0
		for _, file := range doc.Files {
			if file.Original == "usine" {
				units += len(file.Units)
			} else {
				units++ // the file is rejected whole
			}
		}
		if got := len(changes) + rep.Unchanged + rep.Untranslated + len(rep.Rejected); got != units {
			t.Errorf("%d units counted %d times", units, got)
		}
		for _, c := range changes {
			src := inline.ParseSegment(c.unit.Source(), c.unit.Markup)
			if got, want := len(inline.ParseSegment(c.text, c.unit.Markup).Codes()), len(src.Codes()); got != want {
				t.Errorf("%s: approval %q has %d codes, the source %d", c.unit.Where(), c.text, got, want)
			}
		}
	})
}
