package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// columns says which column of a CSV or TSV file holds which field; -1
// for none.
type columns struct {
	source, target, note, pos, cs, inflect, variants int
	header                                           bool
	// width is the number of cells of the header.
	width int
}

// headerNames maps the column names a header may use to fields: ours,
// Google's equivalent-term-set headers (language codes, "pos",
// "description") and the usual spellings of spreadsheet users. Language
// codes other than these (en-GB, fr-CA, es…) are read by langColumn.
var headerNames = map[string]string{
	"source": "source", "src": "source", "french": "source",
	"français": "source", "francais": "source", "term": "source", "source term": "source", "source_term": "source",
	"target": "target", "tgt": "target",
	"english": "target", "anglais": "target", "translation": "target", "target term": "target", "target_term": "target",
	"terme": "source", "terme source": "source", "cible": "target", "terme cible": "target", "traduction": "target",
	"note": "note", "notes": "note", "comment": "note", "comments": "note", "description": "note", "definition": "note",
	"commentaire": "note", "commentaires": "note", "remarque": "note", "remarques": "note", "définition": "note",
	"pos": "pos", "part of speech": "pos", "part_of_speech": "pos",
	"case": "cs", "case_sensitive": "cs", "case-sensitive": "cs", "case sensitive": "cs",
	"inflect": "inflect", "variants": "variants",
	"source_lang": "ignore", "target_lang": "ignore",
}

// headerField returns the field a header cell names, "ignore" for a
// column of another language, and "" when the cell is no column name.
func headerField(cell string) string {
	c := norm(cell)
	if f, ok := headerNames[c]; ok {
		return f
	}
	switch lang := langColumn(c); {
	case lang == SourceLang:
		return "source"
	case lang == TargetLang:
		return "target"
	case lang != "":
		return "ignore"
	}
	return ""
}

// langColumn returns the language of a header cell that is a language
// code (fr, en, en-GB, fr_CA, ES), or "".
func langColumn(c string) string {
	lang, region, _ := strings.Cut(strings.ReplaceAll(c, "_", "-"), "-")
	if len(lang) < 2 || len(lang) > 3 || len(region) > 4 || strings.ContainsFunc(lang+region, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		return ""
	}
	return lang
}

// headerColumns reads a header row; ok is false when the row is an entry.
// A header names a source and a target column (in any order, as Google's
// headers of language codes may) and nothing but column names.
func headerColumns(rec []string) (columns, bool) {
	c := columns{source: -1, target: -1, note: -1, pos: -1, cs: -1, inflect: -1, variants: -1, header: true, width: len(rec)}
	fields := map[string]*int{"source": &c.source, "target": &c.target, "note": &c.note, "pos": &c.pos,
		"cs": &c.cs, "inflect": &c.inflect, "variants": &c.variants}
	for i, cell := range rec {
		f := headerField(cell)
		if f == "" && strings.TrimSpace(cell) != "" {
			return columns{}, false
		}
		if ptr := fields[f]; ptr != nil && *ptr < 0 {
			*ptr = i
		}
	}
	if c.source < 0 || c.target < 0 {
		return columns{}, false
	}
	return c, true
}

func norm(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// plainColumns are the columns of a file without a header: source, target,
// note. A DeepL file's language columns (source,target,fr,en) are not
// taken for a note.
func plainColumns(rec []string) columns {
	c := columns{source: 0, target: 1, note: 2, pos: -1, cs: -1, inflect: -1, variants: -1}
	if len(rec) == 4 && isLangCode(rec[2]) && isLangCode(rec[3]) {
		c.note = -1
	}
	return c
}

func isLangCode(s string) bool {
	s = norm(s)
	return len(s) >= 2 && len(s) <= 5 && (strings.HasPrefix(s, SourceLang) || strings.HasPrefix(s, TargetLang))
}

// entry reads the fields of a record.
func (c columns) entry(rec []string) (Entry, error) {
	get := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	e := Entry{Source: get(c.source), Target: get(c.target), Note: get(c.note), POS: get(c.pos)}
	if v := get(c.variants); v != "" {
		e.Variants = strings.Split(v, "|")
	}
	cs, err := parseFlag(get(c.cs), autoCaseSensitive(e.Source))
	if err != nil {
		return e, fmt.Errorf("case column: %w", err)
	}
	inflect, err := parseFlag(get(c.inflect), true)
	if err != nil {
		return e, fmt.Errorf("inflect column: %w", err)
	}
	e.CaseSensitive, e.NoInflect = cs, !inflect
	return e, nil
}

// parseFlag reads a yes/no column; empty means def.
func parseFlag(s string, def bool) (bool, error) {
	switch norm(s) {
	case "":
		return def, nil
	case "yes", "y", "true", "1", "x", "oui", "o":
		return true, nil
	case "no", "n", "false", "0", "non":
		return false, nil
	}
	return false, fmt.Errorf("%q is neither yes nor no", s)
}

// parseDelimited reads a CSV or TSV glossary. The separator is detected
// (see sniffSeparator); prefer is the format's own, taken on a tie.
func parseDelimited(name string, data []byte, prefer rune) ([]Entry, []Problem) {
	comma := sniffSeparator(data, prefer)
	var (
		entries []Entry
		probs   []Problem
		cols    *columns
	)
	r := newDelimitedReader(data, comma)
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return entries, probs
		}
		if err != nil {
			return entries, append(probs, csvProblem(name, err))
		}
		line, _ := r.FieldPos(0)
		if blank(rec) {
			continue
		}
		if cols == nil {
			c, ok := headerColumns(rec)
			if cols = &c; ok {
				continue
			}
		}
		if err := cols.fits(rec, comma); err != nil {
			probs = append(probs, Problem{Path: name, Line: line, Msg: err.Error()})
			continue
		}
		e, err := cols.read(rec).entry(rec)
		if err != nil {
			probs = append(probs, Problem{Path: name, Line: line, Msg: err.Error()})
		}
		e.File, e.Line = name, line
		entries = append(entries, e)
	}
}

func newDelimitedReader(data []byte, comma rune) *csv.Reader {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = comma, -1, comma == '\t'
	return r
}

// read returns the columns of one record: the header's, or source,
// target and note when there is no header.
func (c columns) read(rec []string) columns {
	if c.header {
		return c
	}
	return plainColumns(rec)
}

// fits checks that a record fits the file's columns: two at least, and no
// more than the header names (or, without a header, than source, target
// and note, or DeepL's source, target and two language codes).
func (c columns) fits(rec []string, comma rune) error {
	n := len(rec)
	for n > 0 && strings.TrimSpace(rec[n-1]) == "" {
		n--
	}
	switch {
	case len(rec) == 1:
		return fmt.Errorf("one column only: the French term and its English must be separated by %s", sepName(comma))
	case c.header && n > c.width:
		return fmt.Errorf("%d columns but the header names %d: quote a term that holds %s", n, c.width, sepName(comma))
	case !c.header && n > 3 && plainColumns(rec).note >= 0:
		return fmt.Errorf("%d columns where source, target and a note were expected: quote a term that holds %s", n, sepName(comma))
	}
	return nil
}

// sepName names a separator for messages.
func sepName(comma rune) string {
	switch comma {
	case ',':
		return "a comma"
	case ';':
		return "a semicolon"
	case '\t':
		return "a tab"
	}
	return fmt.Sprintf("%q", comma)
}

// sniffSeparator returns the separator of a delimited file: a comma
// (Google, DeepL, English spreadsheets), a semicolon (spreadsheets in
// French, Excel and LibreOffice) or a tab. The winner splits the most of
// the first records into two columns or more, the first one included;
// then the most records into as many cells as the first; then prefer.
func sniffSeparator(data []byte, prefer rune) rune {
	best, bestScore := prefer, [3]int{-1}
	for _, comma := range []rune{prefer, ',', ';', '\t'} {
		if s := separatorScore(data, comma); greater(s, bestScore) {
			best, bestScore = comma, s
		}
	}
	return best
}

// sniffRecords is how many records sniffSeparator reads.
const sniffRecords = 50

// separatorScore reads the first records with one separator: whether the
// first has two cells or more, how many have, and how many have as many
// cells as the first.
func separatorScore(data []byte, comma rune) [3]int {
	r := newDelimitedReader(data, comma)
	var score [3]int
	first := 0
	for n := 0; n < sniffRecords; {
		rec, err := r.Read()
		if err != nil {
			break
		}
		if blank(rec) {
			continue
		}
		if n == 0 {
			first = len(rec)
			if first >= 2 {
				score[0] = 1
			}
		}
		if len(rec) >= 2 {
			score[1]++
		}
		if len(rec) == first {
			score[2]++
		}
		n++
	}
	return score
}

func greater(a, b [3]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] > b[i]
		}
	}
	return false
}

func csvProblem(name string, err error) Problem {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return Problem{Path: name, Line: pe.Line, Msg: pe.Err.Error()}
	}
	return Problem{Path: name, Msg: err.Error()}
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// writeDelimited writes entries with a header row. The columns beyond
// source, target and note appear only when some entry needs them.
func writeDelimited(w io.Writer, entries []Entry, comma rune) error {
	cw := csv.NewWriter(w)
	cw.Comma = comma
	rich := needsRich(entries)
	header := []string{"source", "target", "note"}
	if rich {
		header = append(header, "pos", "case_sensitive", "inflect", "variants")
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, e := range entries {
		rec := []string{e.Source, e.Target, e.Note}
		if rich {
			for _, v := range e.Variants {
				if strings.Contains(v, "|") {
					return fmt.Errorf("%s: variant %q holds a |, which CSV and TSV use between variants", e.Where(), v)
				}
			}
			rec = append(rec, e.POS, yesNo(e.CaseSensitive), yesNo(!e.NoInflect), strings.Join(e.Variants, "|"))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// needsRich reports whether some entry has more than source, target and
// note, or a case rule other than the default.
func needsRich(entries []Entry) bool {
	for _, e := range entries {
		if e.POS != "" || e.NoInflect || len(e.Variants) > 0 || e.CaseSensitive != autoCaseSensitive(e.Source) {
			return true
		}
	}
	return false
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
