package review

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/bitext/bitext/translate"
)

// TestFieldUnitShowsItsFidelity: an untouched front-matter field shows the
// fidelity warnings translate recorded on it (not a sentence's), as a
// sentence does while its text is the machine draft.
func TestFieldUnitShowsItsFidelity(t *testing.T) {
	doc := newTestDoc(testArticle, translate.FormatMarkdown)
	doc.Meta = []translate.MetaField{{Key: "title", Value: "Le sommet du 3 juin", Translate: true,
		Target: "The summit", Fidelity: &translate.Fidelity{Warnings: []string{`figure "3 juin" (3 June) is not in the translation`}}}}
	var work bytes.Buffer
	if err := translate.Write(&work, doc, translate.TargetSide); err != nil {
		t.Fatal(err)
	}
	wp := filepath.Join(t.TempDir(), "seoul.en.md")
	mustWrite(t, wp, work.String())
	a, err := Open(context.Background(), wp, doc, Options{Store: NewMemStore(), Check: func(string, string, bool) []string { return nil }})
	if err != nil {
		t.Fatal(err)
	}
	u := a.Units[0]
	if u.Field != "title" || !slices.Contains(u.Problems, `fidelity: figure "3 juin" (3 June) is not in the translation`) {
		t.Errorf("title unit %s: problems %q", u.Where(), u.Problems)
	}
}
