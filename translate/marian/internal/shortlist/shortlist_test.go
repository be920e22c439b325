package shortlist

import (
	"slices"
	"strings"
	"testing"
)

func vocab(pieces ...string) Vocab {
	return func(p string) (int, bool) {
		i := slices.Index(pieces, p)
		return i, i >= 0
	}
}

func TestFor(t *testing.T) {
	v := vocab("</s>", "<unk>", "▁the", "▁le", "▁la", "▁house", "▁maison", "▁a", "NULL", "▁home")
	lex := "▁the ▁le 0.7\n▁the ▁la 0.6\n▁a ▁la 0.1\n▁house ▁maison 0.8\n▁home ▁maison 0.15\n" +
		"▁home ▁inconnu 0.9\nNULL ▁maison 0.05\n\n"
	s, err := Read(strings.NewReader(lex), v, Options{First: 2, Best: 1, Threshold: 0.12}, 7)
	if err != nil {
		t.Fatal(err)
	}
	// "la maison": first 2 (</s>, <unk>), always 7 (▁a), best 1 of ▁la
	// (▁the), best 1 of ▁maison (▁house).
	if got, want := s.For([][]int{{4, 6}}), []int{0, 1, 2, 5, 7}; !slices.Equal(got, want) {
		t.Errorf("For(la maison) = %v, want %v", got, want)
	}
	s, _ = Read(strings.NewReader(lex), v, Options{First: 0, Best: 5}, 0)
	if got, want := s.For([][]int{{6}}), []int{0, 5, 9}; !slices.Equal(got, want) {
		t.Errorf("For(maison), best 5 = %v, want %v", got, want)
	}
}

func TestReadErrors(t *testing.T) {
	v := vocab("a", "b")
	for _, bad := range []string{"a b\n", "a b x\n", "a b 1.5\n", "a b 0.5 extra\n"} {
		if _, err := Read(strings.NewReader("a b 0.5\n"+bad), v, DefaultOptions); err == nil || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("%q: err = %v, want an error naming line 2", bad, err)
		}
	}
}
