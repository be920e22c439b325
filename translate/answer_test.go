package translate

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckAnswers(t *testing.T) {
	req := Request{Segments: []string{"Le ministre est parti.", "  ", "Il pleut.\nBeaucoup."}}
	ok := []string{"The minister left.", "  ", "It rains.\nA lot."}
	if err := CheckAnswers("x", req, ok); err != nil {
		t.Fatalf("good answer refused: %v", err)
	}
	for _, c := range []struct {
		name string
		out  []string
		want string
	}{
		{"fewer", ok[:2], "got 2 for 3 segments"},
		{"more", append(ok, "extra"), "got 4 for 3 segments"},
		{"empty", []string{"", "", "x"}, "segment 1 (\"Le ministre est parti.\") refused: empty translation"},
		{"blank", []string{" \t ", "", "x"}, "blank translation"},
		{"control", []string{"The\x1b[31m minister", "", "x"}, "control character U+001B"},
		{"newline not in source", []string{"The\nminister", "", "x"}, "control character U+000A"},
		{"NUL", []string{"a", "", "b\x00"}, "segment 3"},
		{"runaway", []string{strings.Repeat("a", MaxAnswerLen(22)+1), "", "x"}, "characters for a segment of 22"},
	} {
		err := CheckAnswers("deepl", req, c.out)
		if !errors.Is(err, ErrBadAnswer) || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "deepl: ") {
			t.Errorf("%s: err = %v, want ErrBadAnswer naming the backend and %q", c.name, err, c.want)
		}
	}
	if err := CheckAnswers("x", req, ok[:1]); !errors.Is(err, ErrWrongCount) {
		t.Errorf("count error %v does not wrap ErrWrongCount", err)
	}
	// HTML: a fragment whose text is gone is blank.
	h := Request{HTML: true, Segments: []string{"<em>Séoul</em> a parlé."}}
	if err := CheckAnswers("x", h, []string{"<em></em>"}); !errors.Is(err, ErrBadAnswer) {
		t.Errorf("tags without text accepted: %v", err)
	}
}

func TestStopsRun(t *testing.T) {
	for code, want := range map[int]bool{401: true, 403: true, 456: true, 402: true, 429: false, 500: false, 400: false} {
		se := &StatusError{Backend: "deepl", Code: code}
		if got := StopsRun(se); got != want {
			t.Errorf("%d: StopsRun = %v, want %v", code, got, want)
		}
	}
	if !StopsRun(&StatusError{Code: 429, Quota: true}) {
		t.Error("a quota error does not stop the run")
	}
	if msg := (&StatusError{Backend: "deepl", Code: 456}).Error(); !strings.Contains(msg, "456 Quota Exceeded") {
		t.Errorf("456 is shown as %q", msg)
	}
}
