package glossary

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
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
	// exact is the form folded without lower-casing, for case-sensitive
	// entries; "" for the others.
	exact string
}

// New compiles entries into a glossary. Entries are trimmed; an entry whose
// source is defined again (same spelling once folded) is replaced by the
// later one, so that a glossary loaded after another overrides it. It
// returns an error naming the entry's file and line when a source or target
// is empty.
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
			g.entries[i] = e
			continue
		}
		index[k] = len(g.entries)
		g.entries = append(g.entries, e)
	}
	g.compile()
	g.version = version(g.entries)
	return g, nil
}

// entryKey identifies an entry's source for overriding and duplicates.
func entryKey(e Entry) string {
	return strconv.FormatBool(e.CaseSensitive) + "\x00" + foldString(e.Source, !e.CaseSensitive)
}

// compile builds the automaton over the folded forms of every entry.
func (g *Glossary) compile() {
	byFold := map[string]int{}
	var folds []string
	for i, e := range g.entries {
		for _, f := range e.forms() {
			c := cand{entry: i, plural: f.plural}
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

// add records a candidate entry for a pattern: a later entry replaces an
// earlier one of the same case rule, and case-sensitive ones come first.
func (p *pattern) add(c cand) {
	for i, old := range p.cands {
		if (old.exact == "") == (c.exact == "") {
			p.cands[i] = c
			return
		}
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
			out = append(out, translate.TermPair{Source: f.text, Target: targetFor(e, f.plural, false)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Source < out[j].Source })
	return out
}
