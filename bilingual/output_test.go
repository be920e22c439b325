package bilingual

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"html": FormatHTML, " Markdown ": FormatMarkdown, "md": FormatMarkdown, "TEXT": FormatText, "json": FormatJSON} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil || !strings.Contains(err.Error(), "pdf") {
		t.Errorf("ParseFormat(pdf) error = %v", err)
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	for _, f := range Formats() {
		path := filepath.Join(dir, "out", "article."+string(f))
		if err := WriteFile(path, f, articleDoc(), Options{Width: 72}); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := Render(&want, f, articleDoc(), Options{Width: 72}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s: file differs from Render output", f)
		}
	}
}

func TestWriteFileKeepsOldOnError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "article.html")
	if err := os.WriteFile(path, []byte("ancien"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, FormatHTML, nil, Options{}); err == nil {
		t.Fatal("no error for a nil document")
	}
	if err := WriteFile(path, Format("pdf"), articleDoc(), Options{}); err == nil {
		t.Fatal("no error for an unknown format")
	}
	if got, _ := os.ReadFile(path); string(got) != "ancien" {
		t.Errorf("file changed to %q", got)
	}
}

// failWriter fails every write.
type failWriter struct{}

var errDiskFull = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestRenderReportsWriteErrors(t *testing.T) {
	for _, f := range Formats() {
		err := Render(failWriter{}, f, articleDoc(), Options{})
		if !errors.Is(err, errDiskFull) {
			t.Errorf("%s: error %v does not wrap the write error", f, err)
		}
	}
}
