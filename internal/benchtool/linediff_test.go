package main

import (
	"strings"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"
)

func TestEdits(t *testing.T) {
	got := edits(diffmatchpatch.New(), "Some 1 600 people met M. Kim", "Some 1,600 people met Mr. Kim")
	var keys []string
	for _, e := range got {
		keys = append(keys, e.key())
	}
	if want := `" " → ","|"" → "r"`; strings.Join(keys, "|") != want {
		t.Errorf("edits %q, want %q", strings.Join(keys, "|"), want)
	}
	if s := got[0].String(); s != `…Some 1[" " → ","]600 people m…` {
		t.Errorf("edit in context %q", s)
	}
}

func TestScoreDiffsAndReport(t *testing.T) {
	refs := []string{
		"About 1,600 people demonstrated in Seoul on Saturday.",
		"Mr. Kim arrived in Pyongyang on Monday.",
		"The talks will resume on March 3.",
	}
	olds := []string{
		"About 1 600 people demonstrated in Seoul on Saturday.",
		"Mr. Kim arrived in Pyongyang on Monday.",
		"The talks will resume on March 3.",
	}
	news := []string{
		"About 1,600 people demonstrated in Seoul on Saturday.",
		"Mr. Kim arrived in Pyongyang on Monday.",
		"The talks will resume on 3 March.",
	}
	diffs := scoreDiffs(news, olds, refs)
	if len(diffs) != 2 || diffs[0].line != 1 || !diffs[0].better || diffs[1].line != 3 || !diffs[1].worse {
		t.Fatalf("diffs %+v, want line 1 better and line 3 worse", diffs)
	}
	var b strings.Builder
	writeLinediff(&b, diffs, len(refs), 5, 10)
	out := b.String()
	for _, want := range []string{"2 of 3 lines differ: sentence chrF2 higher on 1, lower on 1", `| " " → "," | 1 | 0 | 1 |`, "- line 3: chrF2"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestMDCellEscapes(t *testing.T) {
	if got := mdCell("a|b <script>"); got != `a\|b &lt;script&gt;` {
		t.Errorf("mdCell = %q", got)
	}
}
