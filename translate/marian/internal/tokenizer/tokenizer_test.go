package tokenizer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/bitext/bitext/translate/marian/internal/fixture"
)

type expectedTokens struct {
	Source []struct {
		Text   string   `json:"text"`
		Pieces []string `json:"pieces"`
		IDs    []int    `json:"ids"`
	} `json:"source"`
	Target []struct {
		Text    string `json:"text"`
		IDs     []int  `json:"ids"`
		Decoded string `json:"decoded"`
	} `json:"target"`
}

func loadFixture(t *testing.T) (*Tokenizer, expectedTokens) {
	t.Helper()
	dir := fixture.Dir(t)
	tok, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "tokenizer_expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp expectedTokens
	if err := json.Unmarshal(data, &exp); err != nil {
		t.Fatal(err)
	}
	return tok, exp
}

func TestSourceConformance(t *testing.T) {
	tok, exp := loadFixture(t)
	if len(exp.Source) == 0 {
		t.Fatal("no source cases in fixture")
	}
	bad := 0
	for i, c := range exp.Source {
		ids := tok.Encode(c.Text)
		pieces := tok.Pieces(ids)
		if !slices.Equal(ids, c.IDs) || !slices.Equal(pieces, c.Pieces) {
			bad++
			if bad <= 5 {
				t.Errorf("line %d %q:\n got %q %v\nwant %q %v", i, c.Text, pieces, ids, c.Pieces, c.IDs)
			}
		}
	}
	t.Logf("%d of %d lines identical", len(exp.Source)-bad, len(exp.Source))
	if bad > 0 {
		t.Errorf("%d of %d lines differ", bad, len(exp.Source))
	}
}

func TestTargetConformance(t *testing.T) {
	tok, exp := loadFixture(t)
	if len(exp.Target) == 0 {
		t.Fatal("no target cases in fixture")
	}
	for _, c := range exp.Target {
		if ids := tok.EncodeTarget(c.Text); !slices.Equal(ids, c.IDs) {
			t.Errorf("EncodeTarget(%q) = %v, want %v", c.Text, ids, c.IDs)
		}
		if got := tok.Decode(c.IDs); got != c.Decoded {
			t.Errorf("Decode(%v) = %q, want %q", c.IDs, got, c.Decoded)
		}
	}
}
