package glossary

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	ahocorasick "github.com/petar-dambovaliev/aho-corasick"

	"github.com/bitext/bitext/translate"
)

// Glossary is a set of terms compiled for matching. It is immutable and
// safe for use by several goroutines at once.
type Glossary struct {
	entries []Entry
	// kinds holds each entry's part of speech (Entry.Kind).
	kinds []string
	// pats holds, for each automaton pattern, the entries it may stand for.
	pats    []pattern
	ac      ahocorasick.AhoCorasick
	version string
}

// pattern is one folded form and the entries it belongs to, case-sensitive
// ones first.
type pattern struct {
	cands []cand
}

type cand struct {
	entry  int
	plural bool
	// generated is set for inflected forms (see form).
	generated bool
	// form is the French form as the glossary spells it.
	form string
	// exact is the form folded without lower-casing, for case-sensitive
	// entries; "" for the others.
	exact string
}

// New compiles entries into a glossary. Entries are trimmed. An entry
// whose source is defined again (same spelling once folded, so "Nord-Coréen"
// and "nord-coréen" too) with the same target, whatever its capitals, is
// merged into the first: the lower-case spelling is kept, so that every
// inflection still matches, and variants add up. With another target, the
// later entry replaces the earlier, so that a glossary loaded after
// another overrides it. It returns an error naming the entry's file and
// line when a source or target is empty.
func New(entries []Entry) (*Glossary, error) {
	g := &Glossary{}
	index := map[string]int{}
	for _, e := range entries {
		e.clean()
		if msgs := e.validate(); len(msgs) > 0 {
			return nil, fmt.Errorf("%s: %s", e.Where(), msgs[0])
		}
		k := entryKey(e)
		if i, ok := index[k]; ok {
			g.entries[i] = merge(g.entries[i], e)
			continue
		}
		index[k] = len(g.entries)
		g.entries = append(g.entries, e)
	}
	g.compile()
	g.version = version(g.entries)
	return g, nil
}

// merge returns the entry that later replaces old: old with later's
// variants, target and columns when both targets are the same but for
// capitals, with old's spelling when it is the lower-case one.
func merge(old, later Entry) Entry {
	if !strings.EqualFold(old.Target, later.Target) {
		return later
	}
	m := later
	m.File, m.Line = old.File, old.Line
	if startsUpper(later.Source) && !startsUpper(old.Source) {
		m.Source = old.Source
	}
	if m.POS == "" {
		m.POS = old.POS
	}
	if m.Note == "" {
		m.Note = old.Note
	}
	m.Variants = nil
	for _, v := range append(append([]string(nil), old.Variants...), later.Variants...) {
		if !slices.Contains(m.Variants, v) {
			m.Variants = append(m.Variants, v)
		}
	}
	return m
}

// entryKey identifies an entry's source for overriding and duplicates.
func entryKey(e Entry) string {
	return strconv.FormatBool(e.CaseSensitive) + "\x00" + foldString(e.Source, !e.CaseSensitive)
}

// compile builds the automaton over the folded forms of every entry.
func (g *Glossary) compile() {
	byFold := map[string]int{}
	var folds []string
	g.kinds = make([]string, len(g.entries))
	for i, e := range g.entries {
		g.kinds[i] = e.Kind()
		for _, f := range e.forms() {
			c := cand{entry: i, plural: f.plural, generated: f.generated, form: f.text}
			if e.CaseSensitive {
				c.exact = foldString(f.text, false)
			}
			k := foldString(f.text, true)
			p, ok := byFold[k]
			if !ok {
				p = len(g.pats)
				byFold[k] = p
				folds = append(folds, k)
				g.pats = append(g.pats, pattern{})
			}
			g.pats[p].add(c)
		}
	}
	b := ahocorasick.NewAhoCorasickBuilder(ahocorasick.Opts{MatchKind: ahocorasick.StandardMatch, DFA: len(folds) <= dfaLimit})
	g.ac = b.Build(folds)
}

// dfaLimit is the number of patterns up to which the automaton is built as
// a DFA (faster, but its memory grows with every pattern).
const dfaLimit = 1000

// add records a candidate entry for a pattern. Case-sensitive candidates
// come first, and each of their spellings stays (Nord-Coréen and
// nord-coréen are both kept). Among candidates of the same case rule and
// spelling, a source or variant beats a generated inflection whatever the
// order, and otherwise the later entry replaces the earlier.
func (p *pattern) add(c cand) {
	for i, old := range p.cands {
		if (old.exact == "") != (c.exact == "") || old.exact != c.exact {
			continue
		}
		if c.generated && !old.generated {
			return
		}
		p.cands[i] = c
		return
	}
	p.cands = append(p.cands, c)
	sort.SliceStable(p.cands, func(i, j int) bool { return p.cands[i].exact != "" && p.cands[j].exact == "" })
}

// Entries returns a copy of the glossary's entries, in file order.
func (g *Glossary) Entries() []Entry {
	out := make([]Entry, len(g.entries))
	copy(out, g.entries)
	return out
}

// Len returns the number of entries.
func (g *Glossary) Len() int { return len(g.entries) }

// Version returns a short hash of everything that changes how the glossary
// translates (sources, targets, variants, case and inflection rules, parts
// of speech; not notes, files or the order of entries). The translation
// memory stores it with each segment to know which glossary produced it.
func (g *Glossary) Version() string { return g.version }

func version(entries []Entry) string {
	lines := make([]string, len(entries))
	for i, e := range entries {
		lines[i] = strings.Join([]string{e.Source, e.Target, e.POS,
			strconv.FormatBool(e.CaseSensitive), strconv.FormatBool(e.NoInflect),
			strings.Join(e.Variants, "\x1f")}, "\x1e")
	}
	sort.Strings(lines)
	sum := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	return hex.EncodeToString(sum[:8])
}

// Pairs returns the glossary as native glossaries take it: one pair per
// French form (source, variants and generated inflections), with the
// target each form restores to, sorted and without duplicate sources.
func (g *Glossary) Pairs() []translate.TermPair {
	seen := map[string]bool{}
	var out []translate.TermPair
	for _, e := range g.entries {
		for _, f := range e.forms() {
			if seen[f.text] {
				continue
			}
			seen[f.text] = true
			out = append(out, translate.TermPair{Source: f.text, Target: targetFor(e, f.plural)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Source < out[j].Source })
	return out
}
