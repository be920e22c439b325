package translate

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRead checks that reading never panics, that every error is a
// well-formed *InputError naming the file, and that every document read is
// well formed and can be written back.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"article.fr.md", "article.fr.txt", "compact.fr.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("Titre\r\n\r\nM. Kim est arrivé.\r\n"))
	f.Add([]byte{0xFF, 0xFE, 'T', 0, 'i', 0})
	f.Add([]byte("Le pr\xe9sident est arriv\xe9.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, path := range []string{"fuzz.fr.txt", "fuzz.fr.md"} {
			doc, err := Read(path, data)
			if err != nil {
				checkInputError(t, path, err)
				continue
			}
			checkWellFormed(t, doc)
			if doc.Path != path || doc.Format != FormatOf(path) {
				t.Fatalf("document of %s has Path %q and Format %q", path, doc.Path, doc.Format)
			}
			if err := Write(&bytes.Buffer{}, doc, SourceSide); err != nil {
				t.Fatalf("writing %s back: %v", path, err)
			}
		}
	})
}

func checkInputError(t *testing.T, path string, err error) {
	t.Helper()
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v (%T) is not an *InputError", err, err)
	}
	if ie.Path != path || ie.Msg == "" || ie.Line < 0 || !strings.HasPrefix(err.Error(), path+":") {
		t.Fatalf("malformed error %+v: %q", ie, err)
	}
}

// largeArticle builds a long article of about n bytes from the test
// sentences, one paragraph per test case.
func largeArticle(n int, markdown bool) []byte {
	var b bytes.Buffer
	b.WriteString("Le sommet de Genève s'achève sans accord\n\n")
	for b.Len() < n {
		for i, tc := range splitCases {
			if strings.TrimSpace(tc.text) == "" {
				continue
			}
			if markdown && i%3 == 0 {
				b.WriteString("- Selon **M. Kim**, " + tc.text + " Voir [le texte](https://afp.com/a?i=1).\n\n")
				continue
			}
			b.WriteString(tc.text + "\n\n")
		}
	}
	return b.Bytes()
}

func BenchmarkRead(b *testing.B) {
	for _, tc := range []struct {
		name string
		path string
		md   bool
	}{{"text", "large.fr.txt", false}, {"markdown", "large.fr.md", true}} {
		data := largeArticle(1<<20, tc.md)
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Read(tc.path, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkWriteMarkdown(b *testing.B) {
	data := largeArticle(1<<20, true)
	doc, err := Read("large.fr.md", data)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := Write(&bytes.Buffer{}, doc, SourceSide); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewstest reads and splits ../shared/eval/newstest2013.fr (3,000
// sentences, one per line) when it is there.
func BenchmarkNewstest(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(sharedDir(b), "eval", "newstest2013.fr"))
	if err != nil {
		b.Skipf("newstest2013.fr absent: %v", err)
	}
	b.Run("Read", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := Read("newstest2013.fr", data); err != nil {
				b.Fatal(err)
			}
		}
	})
	text := string(data)
	b.Run("SplitSentences", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			SplitSentences(text)
		}
	})
}
