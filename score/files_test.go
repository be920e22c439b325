package score

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadLines(t *testing.T) {
	tests := []struct {
		name, content string
		want          []string
	}{
		{"final newline", "Séoul, lundi.\nM. Kim\n", []string{"Séoul, lundi.", "M. Kim"}},
		{"no final newline", "Séoul\nM. Kim", []string{"Séoul", "M. Kim"}},
		{"CRLF and trailing spaces", "Séoul \r\nM. Kim\u00a0\t\r\n", []string{"Séoul", "M. Kim"}},
		{"blank lines count", "a\n\n\nb\n", []string{"a", "", "", "b"}},
		{"only a newline", "\n", []string{""}},
		{"lone CR does not end a line", "a\rb\n", []string{"a\rb"}},
		{"BOM is kept", "\ufeffSéoul\n", []string{"\ufeffSéoul"}},
		{"leading spaces are kept", "  (AFP)\n", []string{"  (AFP)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadLines(writeFile(t, "f.txt", tt.content))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReadLinesErrors(t *testing.T) {
	empty := writeFile(t, "vide.en", "")
	_, err := ReadLines(empty)
	if !errors.Is(err, ErrEmptyFile) || !strings.Contains(err.Error(), empty) {
		t.Errorf("empty file: %v", err)
	}

	bad := writeFile(t, "bad.en", "Séoul\nM. Kim a d\xe9clar\xe9\n")
	_, err = ReadLines(bad)
	var le *LineError
	if !errors.As(err, &le) || le.Line != 2 || le.Path != bad || !errors.Is(err, ErrInvalidUTF8) {
		t.Fatalf("invalid UTF-8: %v", err)
	}
	if want := bad + ":2: invalid UTF-8 at byte 11"; err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}

	_, err = ReadLines(filepath.Join(t.TempDir(), "absent.en"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

func TestReadPairErrors(t *testing.T) {
	hyp := writeFile(t, "sys.en", "a\nb\nc\n")
	ref := writeFile(t, "ref.en", "a\nb\n")
	_, _, err := ReadPair(hyp, ref)
	var lc *LineCountError
	if !errors.As(err, &lc) || lc.HypLines != 3 || lc.RefLines != 2 {
		t.Fatalf("mismatch: %v", err)
	}
	for _, part := range []string{hyp, ref, " 3 ", " 2"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("message %q lacks %q", err, part)
		}
	}

	ref = writeFile(t, "ref.en", "a\n \t\nc\n")
	_, _, err = ReadPair(hyp, ref)
	if !errors.Is(err, ErrEmptyReference) || err.Error() != ref+":2: empty reference line" {
		t.Errorf("empty reference: %v", err)
	}

	// An empty hypothesis line is allowed; an empty hypothesis file is not.
	if _, _, err := ReadPair(writeFile(t, "h.en", "a\n\nc\n"), writeFile(t, "r.en", "a\nb\nc\n")); err != nil {
		t.Errorf("empty hypothesis line: %v", err)
	}
	if _, _, err := ReadPair(writeFile(t, "h.en", ""), ref); !errors.Is(err, ErrEmptyFile) {
		t.Errorf("empty hypothesis file: %v", err)
	}
}

func TestScoreFiles(t *testing.T) {
	// The pairs of TestCorpusBLEUSumsStatistics, with CRLF and trailing
	// blanks that reading must strip.
	hyp := writeFile(t, "sys.en", hypKim+"\r\n"+hypChat+"  \n")
	ref := writeFile(t, "ref.en", refKim+"\n"+refChien)
	got, err := ScoreFiles(hyp, ref)
	if err != nil {
		t.Fatal(err)
	}
	want := Evaluate([]string{hypKim, hypChat}, []string{refKim, refChien})
	want.Hyp, want.Ref = hyp, ref
	if got != want {
		t.Errorf("ScoreFiles = %+v\nwant %+v", got, want)
	}
	if got.Lines != 2 || got.BLEU.Counts != [4]int{11, 6, 3, 1} {
		t.Errorf("lines %d counts %v", got.Lines, got.BLEU.Counts)
	}
}

func TestReadLinesFrom(t *testing.T) {
	got, err := ReadLinesFrom(strings.NewReader("Séoul (AFP) \nM. Kim\n"), "<stdin>")
	if err != nil || !reflect.DeepEqual(got, []string{"Séoul (AFP)", "M. Kim"}) {
		t.Errorf("got %q, %v", got, err)
	}
	_, err = ReadLinesFrom(strings.NewReader(""), "<stdin>")
	if !errors.Is(err, ErrEmptyFile) || err.Error() != "<stdin>: file is empty" {
		t.Errorf("empty input: %v", err)
	}
}
