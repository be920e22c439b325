package spm

import (
	"encoding/binary"
	"errors"
	"strings"
	"unicode/utf8"
)

// spaceSymbol is U+2581 LOWER ONE EIGHTH BLOCK, which stands for a space
// inside pieces.
const spaceSymbol = "\u2581"

// maxTrieResults is how many prefix matches sentencepiece keeps when it
// looks for the longest normalisation rule.
const maxTrieResults = 32

// charsMap is a precompiled normalisation map: a Darts double-array trie
// over the UTF-8 bytes of each rule's source, whose values are offsets of
// NUL-terminated replacements in a string blob.
type charsMap struct {
	units []uint32
	repl  []byte
}

// parseCharsMap decodes a precompiled_charsmap blob: a little-endian uint32
// trie size, the trie's units, then the replacement strings.
func parseCharsMap(blob []byte) (*charsMap, error) {
	if len(blob) == 0 {
		return nil, nil
	}
	if len(blob) <= 4 {
		return nil, errors.New("normalization rule blob is broken")
	}
	size := binary.LittleEndian.Uint32(blob)
	blob = blob[4:]
	if uint64(size) >= uint64(len(blob)) || size%4 != 0 {
		return nil, errors.New("normalization rule blob is broken")
	}
	cm := &charsMap{units: make([]uint32, size/4), repl: blob[size:]}
	for i := range cm.units {
		cm.units[i] = binary.LittleEndian.Uint32(blob[4*i:])
	}
	return cm, nil
}

func unitHasLeaf(u uint32) bool  { return (u>>8)&1 == 1 }
func unitValue(u uint32) uint32  { return u & (1<<31 - 1) }
func unitLabel(u uint32) uint32  { return u & (1<<31 | 0xFF) }
func unitOffset(u uint32) uint32 { return (u >> 10) << ((u & (1 << 9)) >> 6) }
func (c *charsMap) unit(i uint32) (uint32, bool) {
	if uint64(i) >= uint64(len(c.units)) {
		return 0, false
	}
	return c.units[i], true
}

// longestMatch returns the length of the longest rule that is a prefix of
// s among the first maxTrieResults matches, and its replacement; 0 when no
// rule matches. It walks the trie like Darts' commonPrefixSearch.
func (c *charsMap) longestMatch(s string) (int, string) {
	u, ok := c.unit(0)
	if !ok {
		return 0, ""
	}
	pos := unitOffset(u)
	bestLen, bestVal, found := 0, uint32(0), 0
	for i := 0; i < len(s); i++ {
		pos ^= uint32(s[i])
		if u, ok = c.unit(pos); !ok || unitLabel(u) != uint32(s[i]) {
			break
		}
		pos ^= unitOffset(u)
		if !unitHasLeaf(u) {
			continue
		}
		if found < maxTrieResults {
			leaf, ok := c.unit(pos)
			if !ok {
				break
			}
			if bestLen == 0 || i+1 > bestLen {
				bestLen, bestVal = i+1, unitValue(leaf)
			}
		}
		found++
	}
	if bestLen == 0 {
		return 0, ""
	}
	return bestLen, c.replacement(bestVal)
}

// replacement returns the NUL-terminated string at off in the blob.
func (c *charsMap) replacement(off uint32) string {
	if uint64(off) >= uint64(len(c.repl)) {
		return ""
	}
	b := c.repl[off:]
	for i, ch := range b {
		if ch == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}

// normalizer turns raw text into the normalised form pieces are matched
// against, as sentencepiece's Normalizer does.
type normalizer struct {
	spec            normalizerSpec
	cm              *charsMap
	userDefined     *prefixMatcher
	treatWSAsSuffix bool
}

// normalizePrefix normalises the first character (or rule) of s and
// returns its replacement and the number of input bytes consumed.
func (n *normalizer) normalizePrefix(s string) (string, int) {
	if s == "" {
		return "", 0
	}
	if n.userDefined != nil {
		if l := n.userDefined.longest(s); l > 0 {
			return s[:l], l
		}
	}
	if n.cm != nil {
		if l, r := n.cm.longestMatch(s); l > 0 {
			return r, l
		}
	}
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && size <= 1 {
		return "\uFFFD", 1
	}
	return s[:size], size
}

// normalize returns the normalised text: rules applied, spaces collapsed
// and trimmed, spaces escaped to U+2581 and a dummy prefix added, as the
// spec says.
func (n *normalizer) normalize(in string) string {
	if in == "" {
		return ""
	}
	if n.spec.removeExtraWhitespaces {
		for in != "" {
			r, l := n.normalizePrefix(in)
			if r != " " {
				break
			}
			in = in[l:]
		}
	}
	if in == "" {
		return ""
	}
	var out strings.Builder
	out.Grow(len(in) * 3)
	ws := " "
	if n.spec.escapeWhitespaces {
		ws = spaceSymbol
	}
	if !n.treatWSAsSuffix && n.spec.addDummyPrefix {
		out.WriteString(ws)
	}
	prevSpace := n.spec.removeExtraWhitespaces
	for in != "" {
		sp, l := n.normalizePrefix(in)
		for prevSpace && strings.HasPrefix(sp, " ") {
			sp = sp[1:]
		}
		if sp != "" {
			if n.spec.escapeWhitespaces {
				out.WriteString(strings.ReplaceAll(sp, " ", spaceSymbol))
			} else {
				out.WriteString(sp)
			}
			prevSpace = strings.HasSuffix(sp, " ")
		}
		in = in[l:]
		if !n.spec.removeExtraWhitespaces {
			prevSpace = false
		}
	}
	s := out.String()
	if n.spec.removeExtraWhitespaces {
		for strings.HasSuffix(s, ws) {
			s = s[:len(s)-len(ws)]
		}
	}
	if n.treatWSAsSuffix && n.spec.addDummyPrefix {
		s += ws
	}
	return s
}

// prefixMatcher finds the longest user-defined symbol at the start of a
// text.
type prefixMatcher struct {
	symbols map[string]bool
	maxLen  int
}

func newPrefixMatcher(symbols []string) *prefixMatcher {
	if len(symbols) == 0 {
		return nil
	}
	m := &prefixMatcher{symbols: map[string]bool{}}
	for _, s := range symbols {
		m.symbols[s] = true
		m.maxLen = max(m.maxLen, len(s))
	}
	return m
}

func (m *prefixMatcher) longest(s string) int {
	for l := min(m.maxLen, len(s)); l > 0; l-- {
		if m.symbols[s[:l]] {
			return l
		}
	}
	return 0
}
