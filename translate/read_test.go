package translate

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"

	"github.com/bitext/bitext/internal/sharedtest"
)

func TestFormatOf(t *testing.T) {
	cases := map[string]Format{
		"article.fr.md": FormatMarkdown, "ARTICLE.MARKDOWN": FormatMarkdown,
		"article.fr.txt": FormatText, "depeche": FormatText, "-": FormatText,
	}
	for path, want := range cases {
		if got := FormatOf(path); got != want {
			t.Errorf("FormatOf(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestInputErrorMessage(t *testing.T) {
	cases := []struct {
		err  InputError
		want string
	}{
		{InputError{Path: "a.fr.txt", Line: 12, Msg: "bad"}, "a.fr.txt:12: bad"},
		{InputError{Path: "a.fr.txt", Msg: "bad"}, "a.fr.txt: bad"},
		{InputError{Path: "-", Line: 3, Msg: "bad"}, "stdin:3: bad"},
	}
	for _, tc := range cases {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}

func utf16LE(s string, bom bool) []byte {
	var out []byte
	if bom {
		out = append(out, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func cp1252(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadEncodings(t *testing.T) {
	const article = "Le président réunit son cabinet\n\nM. Kim a salué « l’accord » signé à Séoul.\n"
	cases := []struct {
		name string
		data []byte
		warn bool
	}{
		{"utf-8", []byte(article), false},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, article...), false},
		{"CRLF", []byte(strings.ReplaceAll(article, "\n", "\r\n")), false},
		{"CR", []byte(strings.ReplaceAll(article, "\n", "\r")), false},
		{"windows-1252", cp1252(t, article), true},
		{"windows-1252 CRLF", cp1252(t, strings.ReplaceAll(article, "\n", "\r\n")), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read("depeche.fr.txt", tc.data)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{doc.Blocks[0].SourceText(), doc.Blocks[1].SourceText()}
			want := []string{"Le président réunit son cabinet", "M. Kim a salué « l’accord » signé à Séoul."}
			if !equalStrings(got, want) {
				t.Errorf("blocks = %q, want %q", got, want)
			}
			if tc.warn != (len(doc.Warnings) == 1) {
				t.Fatalf("warnings = %q, want a warning: %v", doc.Warnings, tc.warn)
			}
			if tc.warn && (!strings.Contains(doc.Warnings[0], "depeche.fr.txt") || !strings.Contains(doc.Warnings[0], "Windows-1252")) {
				t.Errorf("warning %q does not name the file and the encoding", doc.Warnings[0])
			}
		})
	}
}

func TestReadBadInput(t *testing.T) {
	mixed := append([]byte("Ligne en UTF-8 : été\nDeuxième ligne\nTroisième "), 0xE9, '\n')
	cases := []struct {
		name string
		data []byte
		line int
		msg  string
	}{
		{"empty", nil, 0, "empty"},
		{"whitespace only", []byte(" \n\t\r\n  \n"), 0, "empty"},
		{"no-break spaces only", []byte("\u00a0\u202f\n"), 0, "empty"},
		{"BOM only", []byte{0xEF, 0xBB, 0xBF, '\n'}, 0, "empty"},
		{"utf-16 LE BOM", utf16LE("Le président est arrivé.\n", true), 0, "UTF-16"},
		{"utf-16 BE BOM", []byte{0xFE, 0xFF, 0, 'L', 0, 'e'}, 0, "UTF-16"},
		{"utf-16 without BOM", utf16LE("Le président est arrivé à Séoul.\n", false), 0, "UTF-16"},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 2, "binary file"},
		{"NUL on line 2", []byte("Titre\nTexte\x00\n"), 2, "NUL"},
		{"control character", []byte("Titre\n\nLe texte\x07 continue.\n"), 3, "U+0007"},
		{"mixed encodings", mixed, 3, "mixes encodings"},
		{"undefined windows-1252 byte", []byte("Titre\nIl a dit \x81 non\n"), 2, "neither UTF-8 nor Windows-1252"},
		{"invalid after BOM", []byte("\xEF\xBB\xBFTitre\nEt l\xE0\n"), 2, "mixes encodings"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, path := range []string{"depeche.fr.txt", "depeche.fr.md"} {
				doc, err := Read(path, tc.data)
				var ie *InputError
				if !errors.As(err, &ie) {
					t.Fatalf("Read(%s) = %v, %v; want an *InputError", path, doc, err)
				}
				if ie.Path != path || ie.Line != tc.line || !strings.Contains(ie.Msg, tc.msg) {
					t.Errorf("error %+v: want path %s, line %d, message with %q", ie, path, tc.line, tc.msg)
				}
				if !strings.HasPrefix(err.Error(), path+":") {
					t.Errorf("message %q does not start with the file name", err)
				}
			}
		})
	}
}

// blockSummary describes a block for comparisons: kind, level, marker,
// line and sentences.
type blockSummary struct {
	Kind   BlockKind
	Level  int
	Marker string
	Line   int
	Segs   []string
}

func summarize(doc *Document) []blockSummary {
	var out []blockSummary
	for _, b := range doc.Blocks {
		s := blockSummary{Kind: b.Kind, Level: b.Level, Marker: b.Marker, Line: b.Line}
		for _, seg := range b.Segments {
			s.Segs = append(s.Segs, seg.Source)
		}
		out = append(out, s)
	}
	return out
}

func checkBlocks(t *testing.T, got, want []blockSummary) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d blocks, want %d:\n%+v", len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Kind != w.Kind || g.Level != w.Level || g.Marker != w.Marker || g.Line != w.Line || !equalStrings(g.Segs, w.Segs) {
			t.Errorf("block %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

func TestReadText(t *testing.T) {
	doc, err := readFile(filepath.Join("testdata", "article.fr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Compact || doc.Format != FormatText || doc.Path != "testdata/article.fr.txt" {
		t.Errorf("Compact = %v, Format = %q, Path = %q", doc.Compact, doc.Format, doc.Path)
	}
	checkBlocks(t, summarize(doc), []blockSummary{
		{Headline, 0, "", 1, []string{"Séoul convoque son conseil de sécurité après un tir de missile"}},
		{Paragraph, 0, "", 3, []string{"Le président sud-coréen a réuni jeudi son conseil de sécurité après le tir d'un missile balistique par Pyongyang.", "M. Lee a dénoncé « une provocation grave »."}},
		{Paragraph, 0, "", 7, []string{"Selon l'état-major, l'engin a parcouru 1 000 km avant de tomber en mer.", "Le Japon a protesté par la voie diplomatique."}},
		{Paragraph, 0, "", 10, []string{"« Nous ne céderons pas », a déclaré M. Kim, cité par l'agence KCNA."}},
	})
	lines := []int{3, 4, 7, 8, 10}
	k := 0
	for _, b := range doc.Blocks[1:] {
		for _, s := range b.Segments {
			if s.Line != lines[k] {
				t.Errorf("sentence %q on line %d, want %d", s.Source, s.Line, lines[k])
			}
			k++
		}
	}
}

func TestReadTextCompact(t *testing.T) {
	doc, err := readFile(filepath.Join("testdata", "compact.fr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !doc.Compact {
		t.Error("Compact = false for a file without blank lines")
	}
	checkBlocks(t, summarize(doc), []blockSummary{
		{Headline, 0, "", 1, []string{"Le Japon proteste après un tir de missile nord-coréen"}},
		{Paragraph, 0, "", 2, []string{"Tokyo a protesté jeudi après le tir d'un missile balistique par la Corée du Nord.", "L'engin est tombé en mer du Japon."}},
		{Paragraph, 0, "", 3, []string{"Selon le ministère japonais de la Défense, le missile a volé pendant 40 minutes.", "Aucun dégât n'a été signalé."}},
		{Paragraph, 0, "", 4, []string{"M. Ishiba a qualifié le tir d'« inacceptable »."}},
	})
}

func TestReadFormatUnknown(t *testing.T) {
	_, err := ReadFormat("a.fr.txt", []byte("Titre\n"), Format("docx"))
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("ReadFormat with an unknown format: %v", err)
	}
}

// sharedDir returns ../shared next to the repository, skipping the test
// when it is absent (read_fuzz_test.go uses it too).
func sharedDir(tb testing.TB) string {
	tb.Helper()
	return sharedtest.Dir(tb)
}

func TestReadSeedArticle(t *testing.T) {
	path := filepath.Join(sharedDir(t), "seed", "coree-du-nord-memorial.fr.txt")
	doc, err := readFile(path)
	if err != nil {
		t.Skipf("seed article unreadable: %v", err)
	}
	if !doc.Compact || doc.Blocks[0].Kind != Headline || len(doc.Blocks) < 3 {
		t.Fatalf("seed read as Compact=%v with %d blocks", doc.Compact, len(doc.Blocks))
	}
	for _, b := range doc.Blocks {
		for _, s := range b.Segments {
			if strings.HasSuffix(s.Source, " M.") || strings.HasPrefix(s.Source, "Kim ") {
				t.Errorf("sentence split after M.: %q", s.Source)
			}
			if strings.Count(s.Source, "«") != strings.Count(s.Source, "»") {
				t.Errorf("sentence splits a quotation: %q", s.Source)
			}
		}
	}
}

func TestReadRefusesHugeLines(t *testing.T) {
	ok := "Titre\n\n" + strings.Repeat("Le ministre est parti. ", MaxLine/24) + "\n"
	if _, err := Read("long.fr.txt", []byte(ok)); err != nil {
		t.Fatalf("a line just under the limit: %v", err)
	}
	huge := "Titre\n\nUne phrase.\n" + strings.Repeat("x", MaxLine+1) + "\n"
	_, err := Read("huge.fr.txt", []byte(huge))
	var ie *InputError
	if !errors.As(err, &ie) || ie.Line != 4 || !strings.Contains(err.Error(), "huge.fr.txt:4: line is 1.0 MB long") {
		t.Fatalf("err = %v, want an input error at line 4", err)
	}
}
