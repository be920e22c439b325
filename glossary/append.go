package glossary

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"strings"

	"github.com/bitext/bitext/internal/atomicfile"
)

// AddNames adds to the glossary file (created if missing) an entry for
// each French term it does not have yet, kept as it is in English (a name
// whose spelling editors corrected again and again), and returns how many
// it added. A CSV or TSV file gets lines appended; other formats are
// written again. The file is replaced atomically.
func AddNames(file string, terms []string) (int, error) {
	f, err := FormatOf(file)
	if err != nil {
		return 0, err
	}
	var existing []Entry
	if _, err := os.Stat(file); err == nil {
		g, err := Load(file)
		if err != nil {
			return 0, err
		}
		existing = g.Entries()
	}
	add := newEntries(existing, terms)
	if len(add) == 0 {
		return 0, nil
	}
	if f == CSV || f == TSV {
		return len(add), appendDelimited(file, f, add)
	}
	g, err := New(append(existing, add...))
	if err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	if err := g.Write(&buf, f); err != nil {
		return 0, err
	}
	return len(add), atomicfile.Write(file, buf.Bytes(), 0o644)
}

// newEntries returns an entry for each term the glossary does not have.
func newEntries(existing []Entry, terms []string) []Entry {
	have := map[string]bool{}
	for _, e := range existing {
		have[strings.ToLower(e.Source)] = true
	}
	var out []Entry
	for _, t := range terms {
		if t == "" || have[strings.ToLower(t)] {
			continue
		}
		have[strings.ToLower(t)] = true
		out = append(out, Entry{Source: t, Target: t})
	}
	return out
}

// appendDelimited appends source,target lines to a CSV or TSV file.
func appendDelimited(file string, f Format, add []Entry) error {
	data, err := os.ReadFile(file)
	if err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("%s: %w", file, err)
	}
	buf := bytes.NewBuffer(data)
	if buf.Len() > 0 && !bytes.HasSuffix(data, []byte("\n")) {
		buf.WriteByte('\n')
	}
	w := csv.NewWriter(buf)
	if f == TSV {
		w.Comma = '\t'
	}
	for _, e := range add {
		w.Write([]string{e.Source, e.Target})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return atomicfile.Write(file, buf.Bytes(), 0o644)
}
