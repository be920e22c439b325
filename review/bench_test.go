package review

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

// longArticle repeats the test article's paragraphs n times, each copy
// numbered so that no two sentences are the same.
func longArticle(n int) [][]testPair {
	out := [][]testPair{testArticle[0]}
	for i := 0; i < n; i++ {
		for _, blk := range testArticle[1:] {
			var nb []testPair
			for _, p := range blk {
				nb = append(nb, testPair{fmt.Sprintf("%s (%d)", p.fr, i), fmt.Sprintf("%s (%d)", p.en, i)})
			}
			out = append(out, nb)
		}
	}
	return out
}

// BenchmarkMap aligns the working copy of a 61-paragraph article (a long
// dispatch) in which the editor changed one word every third paragraph.
func BenchmarkMap(b *testing.B) {
	for _, n := range []int{20, 60} {
		b.Run(fmt.Sprintf("paragraphs=%d", 3*n+1), func(b *testing.B) {
			doc := newTestDoc(longArticle(n), translate.FormatText)
			var work strings.Builder
			if err := translate.Write(&work, doc, translate.TargetSide); err != nil {
				b.Fatal(err)
			}
			edited := strings.ReplaceAll(work.String(), "Jong-one", "Jong-un")
			wdoc, err := translate.ReadFormat("x.en.txt", []byte(edited), translate.FormatText)
			if err != nil {
				b.Fatal(err)
			}
			refs := draftRefsOf(doc)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				Map(doc, refs, wdoc)
			}
		})
	}
}

func draftRefsOf(doc *translate.Document) [][]string {
	refs := make([][]string, len(doc.Blocks))
	for b, blk := range doc.Blocks {
		for _, s := range blk.Segments {
			refs[b] = append(refs[b], s.Target)
		}
	}
	return refs
}
