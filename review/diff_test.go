package review

import (
	"strings"
	"testing"
)

func TestWordDiff(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{"Kim Jong-one did not react.", "Kim Jong-un did not react.", "Kim [-Jong-one-]{+Jong-un+} did not react."},
		{"The minister spoke Tuesday.", "The minister spoke on Tuesday.", "The minister spoke {+on +}Tuesday."},
		{"He left the city.", "He left.", "He left[- the city-]."},
		{"a b c", "a b c", "a b c"},
		{"Mrs Park met the press.", "Ms Park met reporters.", "[-Mrs-]{+Ms+} Park met [-the press-]{+reporters+}."},
		{"worth 3,5 billion", "worth 3.5 billion", "worth [-3,5-]{+3.5+} billion"},
	}
	for _, tt := range tests {
		got := Render(WordDiff(tt.old, tt.new), Markers)
		if got != tt.want {
			t.Errorf("WordDiff(%q, %q) = %q, want %q", tt.old, tt.new, got, tt.want)
		}
	}
}

func TestWordDiffRebuildsBothSides(t *testing.T) {
	pairs := [][2]string{
		{"Séoul a « salué » l'accord mardi.", "Seoul “welcomed” the deal on Tuesday."},
		{"", "New text."},
		{"Old text.", ""},
		{"Le 12 mars, 3 000 personnes.", "On 12 March, 3,000 people."},
	}
	for _, p := range pairs {
		var old, new strings.Builder
		for _, c := range WordDiff(p[0], p[1]) {
			if c.Op != Insert {
				old.WriteString(c.Text)
			}
			if c.Op != Delete {
				new.WriteString(c.Text)
			}
		}
		if old.String() != p[0] || new.String() != p[1] {
			t.Errorf("diff of %q and %q rebuilds %q and %q", p[0], p[1], old.String(), new.String())
		}
	}
}

func TestWordEdits(t *testing.T) {
	tests := []struct {
		old, new string
		want     int
	}{
		{"Kim Jong-one did not react.", "Kim Jong-un did not react.", 1},
		{"The minister spoke Tuesday.", "The minister spoke on Tuesday.", 1},
		{"He left the city.", "He left.", 2},
		{"same words", "same words", 0},
		{"Mrs Park met the press.", "Ms Park met reporters.", 3},
	}
	for _, tt := range tests {
		if got := WordEdits(WordDiff(tt.old, tt.new)); got != tt.want {
			t.Errorf("WordEdits(%q → %q) = %d, want %d", tt.old, tt.new, got, tt.want)
		}
	}
}
