package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/inline"
	"github.com/bitext/bitext/translate"
)

func TestWriteArticles(t *testing.T) {
	lines := []string{
		"Séoul accueille un sommet sur l'énergie",
		"Les dirigeants de 12 pays se réunissent mardi à Séoul, a annoncé l'agence Yonhap.",
		"« C'est une étape décisive », a déclaré M. Kim.",
		"La Corée du Nord boycotte la réunion",
		"Pyongyang a dénoncé lundi une « provocation », selon KCNA.",
		"Les discussions dureront 3 jours.",
		"Une ligne de trop.",
	}
	dir := t.TempDir()
	n, err := writeArticles(dir, lines, 3, 5, "txt")
	if err != nil || n != 2 {
		t.Fatalf("wrote %d articles, %v; want 2 (the last line does not make an article)", n, err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "article-002.fr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := "La Corée du Nord boycotte la réunion\n\nPyongyang a dénoncé lundi une « provocation », selon KCNA.\n\nLes discussions dureront 3 jours.\n"
	if string(got) != want {
		t.Errorf("article 2:\n%s\nwant:\n%s", got, want)
	}
}

// TestWriteArticleFormats: the HTML and Word articles hold the same text
// as the plain one, read by bitext's readers.
func TestWriteArticleFormats(t *testing.T) {
	lines := []string{"Séoul accueille un sommet", "Les dirigeants de 12 pays se réunissent mardi à Séoul.", "« C'est une étape décisive » & M. Kim."}
	dir := t.TempDir()
	var texts []string
	for _, f := range []string{"txt", "html", "docx"} {
		if n, err := writeArticles(dir, lines, 3, 1, f); err != nil || n != 1 {
			t.Fatalf("%s: wrote %d, %v", f, n, err)
		}
		name := filepath.Join(dir, "article-001.fr."+f)
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := translate.Read(name, data)
		if err != nil {
			t.Fatal(err)
		}
		var segs []string
		for _, b := range doc.Blocks {
			segs = append(segs, inline.Parse(b.SourceText()).Plain())
		}
		texts = append(texts, strings.Join(segs, "|"))
	}
	want := strings.Join(lines, "|")
	if texts[0] != want || texts[1] != want || texts[2] != want+"|Agence de presse — dépêche" {
		t.Errorf("the formats differ:\n%s", strings.Join(texts, "\n"))
	}
}

func TestDispatchesDifferAndHaveThreeSentences(t *testing.T) {
	seen := map[string]int{}
	sentences := map[string]bool{}
	for i := range 10000 {
		d := dispatch(i)
		if strings.Contains(d, "%!") {
			t.Fatalf("dispatch %d has a formatting error: %s", i, d)
		}
		if n := strings.Count(d, ". ") - strings.Count(d, "M. ") + strings.Count(d, ".\n"); n != 3 {
			t.Errorf("dispatch %d has %d sentence ends, want 3: %s", i, n, d)
		}
		if j, ok := seen[d]; ok {
			t.Fatalf("dispatches %d and %d are the same: %s", j, i, d)
		}
		seen[d] = i
		for _, s := range strings.SplitAfter(strings.TrimSpace(d), ". ") {
			if strings.HasSuffix(s, "M. ") {
				continue // not the end of a sentence
			}
			if sentences[s] {
				t.Fatalf("dispatch %d repeats the sentence %q", i, s)
			}
			sentences[s] = true
		}
	}
	if d := dispatch(1998); !strings.Contains(d, "4 996 nouvelles") || !strings.Contains(d, "2 098 ") {
		t.Errorf("dispatch 1998 lacks the number written the French way: %s", d)
	}
}
