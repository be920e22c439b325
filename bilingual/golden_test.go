package bilingual

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden compares every format's rendering of the article with the
// files in testdata. Run `go test ./bilingual -update` after an intended
// change and review the diff.
func TestGolden(t *testing.T) {
	gen := time.Date(2025, 3, 14, 10, 0, 0, 0, time.UTC)
	opts := Options{
		HTML:  HTMLOptions{Backend: "apertium", Attribution: []string{"Dépêche de test écrite pour bitext."}, Generated: gen},
		Width: 80,
	}
	for _, f := range Formats() {
		t.Run(string(f), func(t *testing.T) {
			var buf bytes.Buffer
			if err := Render(&buf, f, articleDoc(), opts); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("testdata", "article."+string(f)), buf.Bytes())
		})
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; run with -update and review the diff\n--- got:\n%s", path, got)
	}
}
