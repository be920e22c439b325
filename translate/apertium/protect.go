package apertium

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/inline"
)

// Protection is how the backend hides translate="no" elements of HTML
// segments from Apertium (see [Config.Protect]).
type Protection string

const (
	// ProtectPlaceholder sends a stand-in word of the same part of speech
	// in place of each element and puts the element back where the
	// stand-in's translation comes out. A segment whose stand-ins do not
	// come out exactly once each is translated again with ProtectBlank.
	ProtectPlaceholder Protection = "placeholder"
	// ProtectBlank sends each element as one superblank, as
	// apertium-deshtml does with <apertium-notrans>: the engine translates
	// the sentence without it.
	ProtectBlank Protection = "blank"
)

// parseProtection reads the value of the option "protect".
func parseProtection(v string) (Protection, error) {
	switch p := Protection(strings.ToLower(strings.TrimSpace(v))); p {
	case ProtectPlaceholder, ProtectBlank:
		return p, nil
	}
	return "", fmt.Errorf("apertium: option protect must be placeholder or blank, not %q", v)
}

// slot is one protected element hidden behind a stand-in.
type slot struct {
	in   *standIn
	elem string
}

// hider replaces the protected elements of one HTML segment by stand-ins
// while it is written in stream format.
type hider struct {
	choose *chooser
	slots  []slot
	// exhausted is set when an element found no stand-in: the segment must
	// then be sent with blanks.
	exhausted bool
	// after is where the last hidden element ended: the word before an
	// element is looked for after it, so that a term is never taken for
	// the noun of the next one.
	after int
}

// hide writes a stand-in for elem, the translate="no" element at s[i:], and
// reports whether it did; elements without letters or digits stay blanks.
func (h *hider) hide(b *bytes.Buffer, s string, i int, elem string) bool {
	text := elementText(elem)
	if !strings.ContainsFunc(text, isWordRune) {
		return false
	}
	word, in := h.choose.pick(roleOf(prevWord(s[h.after:i]), text))
	if in == nil {
		h.exhausted = true
		return false
	}
	writeText(b, word)
	h.slots = append(h.slots, slot{in: in, elem: elem})
	h.after = i + len(elem)
	return true
}

// elementText returns the text of an HTML element: tags removed, character
// references decoded, white space trimmed.
func elementText(elem string) string {
	var b strings.Builder
	for _, t := range inline.Tokens(elem) {
		switch t.Kind {
		case inline.TextToken:
			b.WriteString(t.Raw)
		case inline.EntityToken:
			b.WriteString(inline.Decode(t.Raw))
		}
	}
	return strings.TrimSpace(b.String())
}

// prevWord returns the word before the end of s, lower-cased, skipping
// white space and tags: an elided word keeps its apostrophe ("l'").
func prevWord(s string) string {
	for {
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		if !strings.HasSuffix(s, ">") {
			break
		}
		j := strings.LastIndexByte(s, '<')
		if j < 0 || tagEnd(s, j) != len(s) {
			break
		}
		s = s[:j]
	}
	end, suffix := len(s), ""
	for _, apos := range []string{"'", "’", "&#39;", "&apos;"} {
		if strings.HasSuffix(s, apos) {
			end, suffix = len(s)-len(apos), "'"
			break
		}
	}
	start := end
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !isWordRune(r) && r != '-' {
			break
		}
		start -= n
	}
	return strings.ToLower(s[start:end]) + suffix
}

// reveal puts each slot's element back in place of its stand-in in out, a
// pipeline's output in stream format. It reports false, leaving out
// unchanged, unless every stand-in occurs exactly once in the text (not in
// superblanks), as a whole word in one of its English forms, in any case.
func reveal(out []byte, slots []slot) ([]byte, bool) {
	if len(slots) == 0 {
		return out, true
	}
	found := make([][2]int, len(slots))
	count := make([]int, len(slots))
	for _, w := range textWords(out) {
		word := strings.ToLower(string(out[w[0]:w[1]]))
		for k, sl := range slots {
			if slices.Contains(sl.in.en, word) {
				found[k] = w
				count[k]++
			}
		}
	}
	for _, c := range count {
		if c != 1 {
			return out, false
		}
	}
	return substitute(out, slots, found), true
}

// substitute replaces found[k] in out by slot k's element as a superblank.
func substitute(out []byte, slots []slot, found [][2]int) []byte {
	var b bytes.Buffer
	b.Grow(len(out) + 64*len(slots))
	last := 0
	order := make([]int, len(found))
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(a, b int) int { return found[a][0] - found[b][0] })
	for _, k := range order {
		b.Write(out[last:found[k][0]])
		writeBlank(&b, slots[k].elem)
		last = found[k][1]
	}
	b.Write(out[last:])
	return b.Bytes()
}

// textWords returns the byte ranges of the words (runs of letters and
// digits) of stream-format text outside superblanks; escaped characters
// separate words.
func textWords(out []byte) [][2]int {
	var words [][2]int
	start := -1
	flush := func(i int) {
		if start >= 0 {
			words = append(words, [2]int{start, i})
			start = -1
		}
	}
	for i := 0; i < len(out); {
		switch c := out[i]; {
		case c == '\\':
			flush(i)
			i += 2
			continue
		case c == '[':
			flush(i)
			i = blankEnd(out, i+1) + 1
			continue
		}
		r, n := utf8.DecodeRune(out[i:])
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else {
			flush(i)
		}
		i += n
	}
	flush(len(out))
	return words
}

// blankEnd returns the index of the ']' closing the superblank whose
// content starts at out[i], or len(out).
func blankEnd(out []byte, i int) int {
	for ; i < len(out); i++ {
		switch out[i] {
		case '\\':
			i++
		case ']':
			return i
		}
	}
	return len(out)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
