package score

import "testing"

// The expected tokens below were worked out by hand from sacreBLEU's rules
// (see Tokenize13a's comment), not copied from any output.
func TestTokenize13a(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"quotes and abbreviation",
			// « » are not ASCII: untouched. "»," and "M." and "P." split by
			// rule 3 (non-digit before), then rule 4 splits the mark from
			// the space after it. The apostrophe stays inside "l'AFP".
			"« Nous ne céderons pas », a déclaré M. Kim à l'AFP.",
			"« Nous ne céderons pas » , a déclaré M . Kim à l'AFP ."},
		{"numbers",
			// "1.500" and "3,5" keep their separators (digit on both
			// sides); "%" is a symbol; "2023-2024" splits at the hyphen
			// after a digit; the final period follows a digit but precedes
			// the padding space, so rule 4 splits it.
			"Le bilan atteint 1.500 morts, soit 3,5% de plus qu'en 2023-2024.",
			"Le bilan atteint 1.500 morts , soit 3,5 % de plus qu'en 2023 - 2024 ."},
		{"hyphen after letters stays",
			"Le porte-parole de Kim Jong-un",
			"Le porte-parole de Kim Jong-un"},
		{"entities and skipped",
			// &amp; and &quot; are unescaped first, then '&' and '"' are
			// symbols; <skipped> disappears.
			"Paris &amp; Londres &quot;ensemble&quot; <skipped>",
			`Paris & Londres " ensemble "`},
		{"escaped entity is unescaped once",
			// &amp;quot; → (no &quot; yet) → &quot; after the &amp; step,
			// which runs after the &quot; step; then ';' is a symbol.
			"A &amp;quot; B",
			"A & quot ; B"},
		{"line breaks",
			// "-\n" joins the halves of a word; a bare "\n" is a space.
			"porte-\nparole du\ngouvernement",
			"porteparole du gouvernement"},
		{"trailing hyphen before newline at the end is stripped first",
			// BLEU right-strips the line before tokenizing, so the "\n"
			// is gone and the "-" stays, glued to the word.
			"fin-\n",
			"fin-"},
		{"no-break spaces split words as in Python",
			"3\u00a0000 euros\u202f!",
			"3 000 euros !"},
		{"information separator is whitespace in Python",
			"AFP\x1cReuters",
			"AFP Reuters"},
		{"zero-width space is not whitespace",
			"a\u200bb",
			"a\u200bb"},
		{"symbols",
			"(Séoul) [AFP] {x} a/b c+d e=f g@h #1 $2 ~3 ^4 _5 `6 |7 \\8 ?!;:",
			"( Séoul ) [ AFP ] { x } a / b c + d e = f g @ h # 1 $ 2 ~ 3 ^ 4 _ 5 ` 6 | 7 \\ 8 ? ! ; :"},
		{"ellipsis",
			// Rule 3 splits "s." then ".." (a period is a non-digit);
			// rule 4 then splits the last period from the space.
			"Mais... non",
			"Mais . . . non"},
		{"decimal comma before a letter",
			// "5,a": rule 3 does not apply (digit before), rule 4 does
			// (letter after).
			"5,a",
			"5 , a"},
		{"empty", "", ""},
		{"only spaces", " \t ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokenize13a(tt.in); got != tt.want {
				t.Errorf("Tokenize13a(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenizerReuse(t *testing.T) {
	var tok tokenizer
	first := string(joinTokens(tok.tokens("M. Kim, lundi.")))
	tok.tokens("Une phrase bien plus longue que la première, avec 12 mots et 3,5 %.")
	if again := string(joinTokens(tok.tokens("M. Kim, lundi."))); again != first {
		t.Errorf("reused tokenizer gave %q, first call %q", again, first)
	}
	if first != "M . Kim , lundi ." {
		t.Errorf("tokens = %q", first)
	}
}

func joinTokens(toks [][]byte) []byte {
	var out []byte
	for i, t := range toks {
		if i > 0 {
			out = append(out, ' ')
		}
		out = append(out, t...)
	}
	return out
}

func TestPyRStrip(t *testing.T) {
	tests := map[string]string{
		"abc \r":          "abc",
		"abc\u00a0\u3000": "abc",
		"  abc":           "  abc",
		"abc\u200b":       "abc\u200b",
		"\x1f":            "",
		"abc\xff":         "abc\xff",
	}
	for in, want := range tests {
		if got := pyRStrip(in); got != want {
			t.Errorf("pyRStrip(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsPySpace(t *testing.T) {
	// Python 3's str.isspace() is true for exactly these code points.
	spaces := []rune{0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0,
		0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
		0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000}
	want := make(map[rune]bool)
	for _, r := range spaces {
		want[r] = true
	}
	for r := rune(0); r <= 0x10000; r++ {
		if got := isPySpace(r); got != want[r] {
			t.Errorf("isPySpace(%U) = %v, want %v", r, got, want[r])
		}
	}
}
