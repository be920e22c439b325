package review

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

// wantUnit is a unit expected after an edit: where it is and its English.
type wantUnit struct {
	block, first, last int
	text               string
}

func (w wantUnit) String() string {
	return fmt.Sprintf("%d:%d-%d %q", w.block, w.first, w.last, w.text)
}

// draftUnits lists one unit per segment of testArticle with its draft.
func draftUnits() []wantUnit {
	var out []wantUnit
	for b, blk := range testArticle {
		for s, p := range blk {
			out = append(out, wantUnit{b, s, s, p.en})
		}
	}
	return out
}

// replaceUnits returns units with those in repl put in place of the ones
// covering the same segments.
func replaceUnits(units []wantUnit, repl ...wantUnit) []wantUnit {
	var out []wantUnit
	for _, u := range units {
		covered := false
		for _, r := range repl {
			covered = covered || r.first >= 0 && u.block == r.block && u.first >= r.first && u.last <= r.last
		}
		if !covered {
			out = append(out, u)
		}
	}
	for _, r := range repl {
		i := 0
		for i < len(out) && (out[i].block < r.block || out[i].block == r.block && out[i].first < r.first) {
			i++
		}
		if r.first < 0 { // orphans follow their block's units
			for i < len(out) && out[i].block <= r.block {
				i++
			}
		}
		out = append(out[:i], append([]wantUnit{r}, out[i:]...)...)
	}
	return out
}

func TestMapEdits(t *testing.T) {
	p1s1 := "The South Korean president received Mr Kim in Seoul on Tuesday."
	p1s2 := "The two men signed an agreement worth 3 billion euros."
	p2s1 := "The meeting is due to resume on Thursday."
	p2s2 := "According to the Yonhap agency, the talks will focus on nuclear power."
	tests := []struct {
		name string
		edit func(string) string
		want []wantUnit
	}{
		{"unchanged", same, draftUnits()},
		{"word changed", sub("worth 3 billion", "worth €3 billion"),
			replaceUnits(draftUnits(), wantUnit{1, 1, 1, "The two men signed an agreement worth €3 billion euros."})},
		{"name fixed", sub("Jong-one", "Jong-un"),
			replaceUnits(draftUnits(), wantUnit{3, 0, 0, "Kim Jong-un did not react."})},
		{"sentences merged", sub("on Tuesday. The two men", "on Tuesday, and the two men"),
			replaceUnits(draftUnits(), wantUnit{1, 0, 1, "The South Korean president received Mr Kim in Seoul on Tuesday, and the two men signed an agreement worth 3 billion euros."})},
		{"sentence split", sub("Yonhap agency, the talks", "Yonhap agency. The talks"),
			replaceUnits(draftUnits(), wantUnit{2, 1, 1, "According to the Yonhap agency. The talks will focus on nuclear power."})},
		{"sentence deleted", sub(" “This is a historic day,” the spokesman said.", ""),
			replaceUnits(draftUnits(), wantUnit{1, 2, 2, ""})},
		{"first sentence deleted", sub(p1s1+" ", ""),
			replaceUnits(draftUnits(), wantUnit{1, 0, 0, ""})},
		{"sentence added between", sub(p2s1+" ", p2s1+" Officials from both countries will attend. "),
			replaceUnits(draftUnits(), wantUnit{2, 0, 1, p2s1 + " Officials from both countries will attend. " + p2s2})},
		{"sentence added at the end", sub("on Friday.", "on Friday. Washington has not commented."),
			replaceUnits(draftUnits(), wantUnit{3, 1, 1, "Pyongyang denounced a “plot” on Friday. Washington has not commented."})},
		{"paragraph deleted", sub(p2s1+" "+p2s2+"\n\n", ""),
			replaceUnits(draftUnits(), wantUnit{2, 0, 0, ""}, wantUnit{2, 1, 1, ""})},
		{"paragraph added", func(s string) string {
			return s + "\nThe summit ends on Saturday with a joint statement by the two leaders.\n"
		}, replaceUnits(draftUnits(), wantUnit{3, -1, -1, "The summit ends on Saturday with a joint statement by the two leaders."})},
		{"paragraph added in the middle", sub(p2s1, "Markets rose sharply in Seoul after the announcement of the deal.\n\n"+p2s1),
			replaceUnits(draftUnits(), wantUnit{1, -1, -1, "Markets rose sharply in Seoul after the announcement of the deal."})},
		{"paragraphs merged", sub("the spokesman said.\n\nThe meeting", "the spokesman said. The meeting"), draftUnits()},
		{"paragraph split", sub(p1s1+" ", p1s1+"\n\n"), draftUnits()},
		{"split and edited", sub(p1s1+" "+p1s2, strings.Replace(p1s1, "Tuesday", "Tuesday morning", 1)+"\n\n"+p1s2),
			replaceUnits(draftUnits(), wantUnit{1, 0, 0, "The South Korean president received Mr Kim in Seoul on Tuesday morning."})},
		{"sentences reordered in place", sub(p2s1+" "+p2s2, "The talks will focus on nuclear power, according to the Yonhap agency. "+p2s1),
			nil}, // checked below: never attached to a wrong sentence
		{"everything deleted", func(string) string { return "" }, deletedUnits()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mapEdited(t, translate.FormatText, tt.edit)
			if tt.want == nil {
				checkNeverMisattached(t, got)
				return
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("units:\ngot  %v\nwant %v", got, tt.want)
			}
		})
	}
}

func same(s string) string { return s }

func sub(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("test edit does not apply: " + old)
		}
		return strings.Replace(s, old, new, 1)
	}
}

func deletedUnits() []wantUnit {
	out := draftUnits()
	for i := range out {
		out[i].text = ""
	}
	return out
}

// mapEdited writes the test article, applies edit to its working copy and
// returns the units review finds.
func mapEdited(t *testing.T, f translate.Format, edit func(string) string) []wantUnit {
	t.Helper()
	wp := writeOutputs(t, newTestDoc(testArticle, f))
	mustWrite(t, wp, edit(mustRead(t, wp)))
	a := openTest(t, wp, NewMemStore())
	var got []wantUnit
	for _, u := range a.Units {
		got = append(got, wantUnit{u.Block, u.First, u.Last, u.Text})
	}
	return got
}

// checkNeverMisattached checks that when two sentences swap places, each
// is either kept with its own French sentence or the two are reviewed
// together at paragraph level.
func checkNeverMisattached(t *testing.T, got []wantUnit) {
	t.Helper()
	for _, u := range got {
		if u.block != 2 {
			continue
		}
		if u.first == u.last && u.first == 0 && strings.Contains(u.text, "nuclear") && !strings.Contains(u.text, "Thursday") {
			t.Errorf("the talks sentence is attached to the meeting sentence: %v", u)
		}
		if u.first == u.last && u.first == 1 && strings.Contains(u.text, "Thursday") && !strings.Contains(u.text, "nuclear") {
			t.Errorf("the meeting sentence is attached to the talks sentence: %v", u)
		}
	}
}
