package translatetest_test

import (
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/translatetest"
)

// TestExamplesThroughFake runs the examples through the word-for-word fake.
func TestExamplesThroughFake(t *testing.T) {
	translatetest.RunExamples(t, func(t *testing.T) translate.Backend { return translatetest.NewFake() }, translatetest.ExampleGlossary(t), false)
}

func TestSameStructure(t *testing.T) {
	fr := "# Titre\n\nUn *mot* et [lien](https://x.org).\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n"
	if err := translatetest.SameStructure(fr, "# Title\n\nA *word* and [link](https://x.org).\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n"); err != nil {
		t.Errorf("same structure reported different: %v", err)
	}
	for _, en := range []string{
		"# Title\n\nA word and [link](https://x.org).\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n",
		"# Title\n\nA *word* and [link](https://y.org).\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n",
		"# Title\n\nA *word* and [link](https://x.org).\n\n| a | b | 1 | 2 |\n",
		"## Title\n\nA *word* and [link](https://x.org).\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n",
	} {
		if translatetest.SameStructure(fr, en) == nil {
			t.Errorf("different structure not reported:\n%s", en)
		}
	}
}
