package gcp

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

var limits = Limits{Backend: "google", MaxSegments: 3, MaxChars: 40}

// upper is a Send that records its texts and upper-cases them.
func upper(sent *[][]string) Send {
	return func(ctx context.Context, req translate.Request, texts []string) ([]string, error) {
		*sent = append(*sent, append([]string(nil), texts...))
		out := make([]string, len(texts))
		for i, t := range texts {
			out[i] = strings.ToUpper(t)
		}
		return out, nil
	}
}

func TestTranslateSendsOnlyNonBlank(t *testing.T) {
	var sent [][]string
	segs := []string{"M. Kim à Séoul.", "  ", "Selon l'AFP."}
	req := translate.Request{From: "fr", To: "en", Segments: segs}
	got, err := limits.Translate(context.Background(), req, upper(&sent))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"M. KIM À SÉOUL.", "  ", "SELON L'AFP."}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if want := [][]string{{"M. Kim à Séoul.", "Selon l'AFP."}}; !reflect.DeepEqual(sent, want) {
		t.Errorf("sent %q, want %q", sent, want)
	}
	if segs[0] != "M. Kim à Séoul." {
		t.Errorf("input changed: %q", segs)
	}
}

func TestTranslateWithoutCalling(t *testing.T) {
	for _, segs := range [][]string{nil, {}, {"", " \n\t"}} {
		var sent [][]string
		got, err := limits.Translate(context.Background(), translate.Request{Segments: segs}, upper(&sent))
		if err != nil || len(sent) != 0 {
			t.Errorf("%q: err %v, %d calls", segs, err, len(sent))
		}
		if got == nil || len(got) != len(segs) || (len(segs) > 0 && got[1] != segs[1]) {
			t.Errorf("%q: got %q", segs, got)
		}
	}
}

func TestTranslateOverLimits(t *testing.T) {
	cases := map[string][]string{
		"4 segments (at most 3)":     {"a", "b", "c", "d"},
		"41 characters (at most 40)": {"Le président a déclaré mardi « non » à M."},
	}
	for want, segs := range cases {
		var sent [][]string
		_, err := limits.Translate(context.Background(), translate.Request{Segments: segs}, upper(&sent))
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "google: ") {
			t.Errorf("err = %v, want ErrTooLarge with %q", err, want)
		}
		if len(sent) != 0 {
			t.Errorf("%q: sent %q over the limits", segs, sent)
		}
	}
	// Runes, not bytes: 40 accented letters fit.
	if err := limits.Check([]string{strings.Repeat("é", 40)}); err != nil {
		t.Errorf("40 runes: %v", err)
	}
}

func TestTranslateReturnsSendError(t *testing.T) {
	boom := errors.New("unavailable")
	send := func(context.Context, translate.Request, []string) ([]string, error) { return nil, boom }
	got, err := limits.Translate(context.Background(), translate.Request{Segments: []string{"Lundi."}}, send)
	if !errors.Is(err, boom) || got != nil {
		t.Errorf("got %q, %v; want nil, %v", got, err, boom)
	}
}
