package spm

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/internal/sharedtest"
	"github.com/bitext/bitext/translate/marian/internal/fixture"
)

func loadSource(t testing.TB) *Model {
	t.Helper()
	m, err := Load(filepath.Join(fixture.Dir(t), "source.spm"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestNormalize(t *testing.T) {
	m := loadSource(t)
	if m.proto.normalizer.name != "nmt_nfkc" || len(m.proto.normalizer.charsmap) == 0 {
		t.Fatalf("fixture normalizer = %q with %d-byte charsmap, want nmt_nfkc",
			m.proto.normalizer.name, len(m.proto.normalizer.charsmap))
	}
	cases := map[string]string{
		"":                        "",
		"   ":                     "",
		"M. Kim":                  "▁M.▁Kim",
		"  Séoul   a  répondu ":   "▁Séoul▁a▁répondu",
		"3\u00a0000 soldats":      "▁3▁000▁soldats",
		"la ﬁn de l'ＯＮＵ":          "▁la▁fin▁de▁l'ONU",
		"Pyongyang\u2002(AFP)":    "▁Pyongyang▁(AFP)",
		"e\u0301lection":          "▁élection",
		"bad \xff byte":           "▁bad▁\uFFFD▁byte",
		"tab\tet\nretour":         "▁tab▁et▁retour",
		"\u200bzéro-largeur":      "▁zéro-largeur",
		"M.\u202fKim, le 3 mars.": "▁M.▁Kim,▁le▁3▁mars.",
	}
	for in, want := range cases {
		if got := m.Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEncodeCoversText(t *testing.T) {
	m := loadSource(t)
	text := "Le ministre a démenti jeudi « toute ingérence » de Séoul, selon l'agence Yonhap."
	toks := m.Encode(text)
	joined := ""
	for _, tok := range toks {
		if tok.ID < 0 || tok.ID >= m.Len() {
			t.Fatalf("token %q has id %d out of range", tok.Piece, tok.ID)
		}
		joined += tok.Piece
	}
	if want := m.Normalize(text); joined != want {
		t.Errorf("pieces join to %q, want the normalised text %q", joined, want)
	}
	unk := 0
	for _, tok := range toks {
		if tok.ID == m.unkID {
			unk++
			if tok.Piece != "«" && tok.Piece != "»" {
				t.Errorf("unexpected unknown piece %q", tok.Piece)
			}
		}
	}
	if unk != 2 {
		t.Errorf("got %d unknown pieces, want 2 (the guillemets)", unk)
	}
}

func TestDecode(t *testing.T) {
	m := loadSource(t)
	text := "Le président a été reçu mardi à Pyongyang."
	var pieces []string
	for _, tok := range m.Encode(text) {
		pieces = append(pieces, tok.Piece)
	}
	if got := m.Decode(pieces); got != text {
		t.Errorf("Decode(Encode(%q)) = %q", text, got)
	}
	// The fixture has no </s> piece: like any piece the model does not
	// know, it is copied as is, U+2581 included.
	got := m.Decode([]string{"<unk>", "▁de", "</s>", "s", "▁xyzzy"})
	if want := " ⁇  de</s>s▁xyzzy"; got != want {
		t.Errorf("Decode with unknown pieces = %q, want %q", got, want)
	}
}

func TestParseRejectsBrokenModels(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(fixture.Dir(t), "source.spm"))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 7, len(data) / 3, len(data) - 1} {
		if _, err := Parse(data[:n]); err == nil {
			t.Errorf("Parse of the first %d bytes succeeded, want an error", n)
		}
	}
	if _, err := Parse(nil); err == nil {
		t.Error("Parse(nil) succeeded, want an error (no unknown piece)")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte{0x0a, 0x09, 0x0a, 0x05, '<', 'u', 'n', 'k', '>', 0x18, 0x02})
	f.Add([]byte{0x1a, 0x08, 0x12, 0x06, 0x04, 0, 0, 0, 1, 2})
	if shared, err := sharedtest.Find(); err == nil {
		// The fixture seeds the corpus when present; the fuzz never skips.
		if data, err := os.ReadFile(filepath.Join(shared, "nmt", "opus-mt-tiny", "source.spm")); err == nil {
			f.Add(data[:4096])
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse(data)
		if err != nil {
			return
		}
		toks := m.Encode("Selon l'AFP, M. Kim a « démenti » 3 000 fois.")
		pieces := make([]string, len(toks))
		for i, tok := range toks {
			pieces[i] = tok.Piece
		}
		_ = m.Decode(pieces)
	})
}
