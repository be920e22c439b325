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
}

// headerNames maps the column names a header may use to fields.
var headerNames = map[string]string{
	"source": "source", "src": "source", "fr": "source", "fr-fr": "source", "french": "source",
	"français": "source", "francais": "source", "term": "source", "source term": "source", "source_term": "source",
	"target": "target", "tgt": "target", "en": "target", "en-gb": "target", "en-us": "target",
	"english": "target", "anglais": "target", "translation": "target", "target term": "target", "target_term": "target",
	"note": "note", "notes": "note", "comment": "note", "comments": "note", "description": "note", "definition": "note",
	"pos": "pos", "part of speech": "pos", "part_of_speech": "pos",
	"case": "cs", "case_sensitive": "cs", "case-sensitive": "cs", "case sensitive": "cs",
	"inflect": "inflect", "variants": "variants",
}

// headerColumns reads a header row; ok is false when the row is an entry.
func headerColumns(rec []string) (columns, bool) {
	c := columns{source: -1, target: -1, note: -1, pos: -1, cs: -1, inflect: -1, variants: -1, header: true}
	if len(rec) < 2 || !isHeaderPair(headerNames[norm(rec[0])], headerNames[norm(rec[1])]) {
		return columns{}, false
	}
	fields := map[string]*int{"source": &c.source, "target": &c.target, "note": &c.note, "pos": &c.pos,
		"cs": &c.cs, "inflect": &c.inflect, "variants": &c.variants}
	for i, name := range rec {
		if ptr := fields[headerNames[norm(name)]]; ptr != nil && *ptr < 0 {
			*ptr = i
		}
	}
	return c, true
}

// isHeaderPair reports whether the first two cells of a row name the
// source and target columns, in either order.
func isHeaderPair(a, b string) bool {
	return a == "source" && b == "target" || a == "target" && b == "source"
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

// parseDelimited reads a CSV (comma ',') or TSV ('\t') glossary.
func parseDelimited(name string, data []byte, comma rune) ([]Entry, []Problem) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = comma, -1, comma == '\t'
	var (
		entries []Entry
		probs   []Problem
		cols    *columns
	)
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
		c := *cols
		if !c.header {
			c = plainColumns(rec)
		}
		e, err := c.entry(rec)
		if err != nil {
			probs = append(probs, Problem{Path: name, Line: line, Msg: err.Error()})
		}
		e.File, e.Line = name, line
		entries = append(entries, e)
	}
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
