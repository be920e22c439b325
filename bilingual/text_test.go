package bilingual

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

// wideDoc mixes accents (composed and decomposed), CJK, emoji, a long URL
// and no-break spaces.
func wideDoc() *translate.Document {
	return &translate.Document{Blocks: []translate.Block{
		{Kind: translate.Headline, Segments: []translate.Segment{seg(1,
			"Pyongyang célèbre l’« amitié éternelle » avec Moscou",
			"北朝鮮、モスクワとの「永遠の友情」を祝う")}},
		{Kind: translate.Paragraph, Segments: []translate.Segment{seg(3,
			"Le ministre de\u0301le\u0301gue\u0301 a e\u0301te\u0301 rec\u0327u a\u0300 Se\u0301oul, ou\u0300 3\u202f000 manifestants l’attendaient.",
			"金正恩総書記は木曜日、平壌で行われた式典に出席し、ロシア大使と会談した。🇰🇷🇫🇷 👩‍👩‍👧 réunion")}},
		{Kind: translate.Quote, Level: 2, Segments: []translate.Segment{seg(5,
			"Source : https://example.org/depeches/2025/03/14/un-tres-long-chemin-sans-espace-qui-depasse-la-colonne",
			"Source: https://example.org/depeches/2025/03/14/un-tres-long-chemin-sans-espace-qui-depasse-la-colonne")}},
		{Kind: translate.ListItem, Level: 3, Marker: "12.", Segments: []translate.Segment{seg(7,
			"Une liste imbriquée sur trois niveaux, avec un marqueur numéroté.",
			"A list nested three levels deep, with a numbered marker.")}},
		{Kind: translate.Verbatim, Segments: []translate.Segment{{Source: "```\nligne\tavec tabulation et 東京 très longue pour la colonne étroite\n```"}}},
	}}
}

func TestTextFitsWidth(t *testing.T) {
	m := newMeasure()
	for _, width := range []int{1, 19, 20, 33, 40, 59, 80, 81, 132} {
		for _, doc := range []*translate.Document{wideDoc(), articleDoc(), hostileDoc()} {
			var buf bytes.Buffer
			if err := Text(&buf, doc, width); err != nil {
				t.Fatal(err)
			}
			limit := max(width, minWidth)
			for i, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
				if w := m.width(line); w > limit {
					t.Errorf("width %d, line %d is %d cells: %q", width, i+1, w, line)
				}
			}
		}
	}
}

func TestTextKeepsEveryWord(t *testing.T) {
	doc := wideDoc()
	var buf bytes.Buffer
	if err := Text(&buf, doc, 40); err != nil {
		t.Fatal(err)
	}
	var left, right strings.Builder
	for _, line := range strings.Split(buf.String(), "\n") {
		l, r, _ := strings.Cut(line, Gutter)
		left.WriteString(l)
		right.WriteString(r)
	}
	// Drop spaces and the quote marks of continuation lines.
	squeeze := func(s string) string {
		return strings.ReplaceAll(strings.Join(strings.FieldsFunc(s, breakingSpace), ""), ">", "")
	}
	for _, b := range doc.Blocks[:3] {
		if fr := squeeze(plainBlock(b, false)); !strings.Contains(squeeze(left.String()), fr) {
			t.Errorf("French column lost text of %q", fr)
		}
		if en := squeeze(plainBlock(b, true)); !strings.Contains(squeeze(right.String()), en) {
			t.Errorf("English column lost text of %q", en)
		}
	}
}

func TestTextColumnsAlign(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, articleDoc(), 0); err != nil {
		t.Fatal(err)
	}
	m := newMeasure()
	lines := strings.Split(buf.String(), "\n")
	gutterAt := -1
	for _, line := range lines {
		l, _, ok := strings.Cut(line, Gutter)
		if !ok {
			continue
		}
		if gutterAt < 0 {
			gutterAt = m.width(l)
		}
		if m.width(l) != gutterAt {
			t.Errorf("gutter at cell %d, want %d: %q", m.width(l), gutterAt, line)
		}
	}
	if gutterAt != (DefaultWidth-3)/2 {
		t.Errorf("left column %d cells, want %d", gutterAt, (DefaultWidth-3)/2)
	}
	if !strings.Contains(buf.String(), "\n\n> « Ce tir") {
		t.Errorf("blocks must be separated by a blank line and quotes marked:\n%s", buf.String())
	}
}

func TestTextNoControlCharacters(t *testing.T) {
	doc := &translate.Document{Blocks: []translate.Block{{Kind: translate.Paragraph, Segments: []translate.Segment{
		seg(1, "Titre \x1b[2J\x1b]0;pwned\x07 effacé \u202eà l’envers", "Title \x1b[31mred\x9b1m"),
	}}}}
	var buf bytes.Buffer
	if err := Text(&buf, doc, 60); err != nil {
		t.Fatal(err)
	}
	for _, r := range buf.String() {
		if (r < ' ' && r != '\n') || (r >= 0x7f && r < 0xa0) || r == '\u202e' {
			t.Errorf("output holds control character %U", r)
		}
	}
}

func TestWrapNoBreakSpaces(t *testing.T) {
	m := newMeasure()
	lines := m.wrap("Environ 3\u202f000 soldats\u00a0» ont été tués", 12, "", "")
	for _, l := range lines {
		if strings.HasSuffix(l, "3") || strings.HasPrefix(l, "000") || strings.HasPrefix(l, "»") {
			t.Errorf("broke at a no-break space: %q", lines)
		}
	}
	if got := m.wrap("東京都庁", 5, "", ""); len(got) != 2 || got[0] != "東京" {
		t.Errorf("CJK should break between ideographs within the width: %q", got)
	}
}
