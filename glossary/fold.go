package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A view is the folded form of a text that terms are matched in. Folding
// makes one pattern match every way a term is typed:
//
//   - letters are lower-cased (when folding for case-insensitive use);
//   - every run of spaces, non-breaking spaces and hyphens becomes one
//     space, so "Corée du Nord", "Corée du Nord" (NBSP) and
//     "Corée-du-Nord" are the same, as are "Jong-un" and "Jong un";
//   - the typographic apostrophe ’ becomes ', so "l’ONU" and "l'ONU" are
//     the same;
//   - in HTML fragments, tags become a NUL byte (a word boundary no
//     pattern crosses), character references are decoded, and the content
//     of code and translate="no" elements is skipped.
//
// orig maps every folded byte back to the offset in the text of the
// character it came from, with orig[len(fold)] == len(text), so that a
// folded match [s, e) is text[orig[s]:orig[e]].
type view struct {
	fold []byte
	orig []int32
}

// sepByte is what runs of separators fold to; tagByte is what tags fold to.
const (
	sepByte = ' '
	tagByte = 0
)

// asciiFold maps each ASCII byte to its folded byte, or to 0xFF for
// separators.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = byte(c + 'a' - 'A')
	}
	for _, c := range " \t\n\r\f\v-" {
		t[c] = 0xFF
	}
	return t
}()

// newView folds text; lower says whether letters are lower-cased.
func newView(text string, markup, lower bool) *view {
	v := &view{fold: make([]byte, 0, len(text)+1), orig: make([]int32, 0, len(text)+1)}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c < utf8.RuneSelf && !(markup && (c == '<' || c == '&')):
			v.ascii(c, i, lower)
			i++
		case c == '<':
			i = v.tag(text, i)
		case c == '&':
			i = v.entity(text, i, lower)
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			v.rune(r, i, lower)
			i += n
		}
	}
	v.orig = append(v.orig, int32(len(text)))
	return v
}

func (v *view) push(b byte, at int) {
	v.fold = append(v.fold, b)
	v.orig = append(v.orig, int32(at))
}

func (v *view) ascii(c byte, at int, lower bool) {
	f := asciiFold[c]
	switch {
	case f == 0xFF:
		v.sep(at)
	case lower:
		v.push(f, at)
	default:
		v.push(c, at)
	}
}

// sep adds a separator unless the previous byte already is one.
func (v *view) sep(at int) {
	if n := len(v.fold); n > 0 && v.fold[n-1] == sepByte {
		return
	}
	v.push(sepByte, at)
}

func (v *view) rune(r rune, at int, lower bool) {
	switch r {
	case '\u00a0', '\u202f', '\u2009', '\u2007', '\u2010', '\u2011':
		v.sep(at)
		return
	case '\u2019', '\u02bc':
		v.push('\'', at)
		return
	}
	if lower {
		r = unicode.ToLower(r)
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	for _, b := range buf[:n] {
		v.push(b, at)
	}
}

// tag folds the tag at text[i] to one NUL byte (with the content of
// skipped elements) and returns the offset after it.
func (v *view) tag(text string, i int) int {
	end := tagEnd(text, i)
	if end < 0 {
		v.push('<', i)
		return i + 1
	}
	if skipsContent(text[i:end]) {
		name, _ := tagName(text[i:end])
		end = skipElement(text, end, name)
	}
	v.push(tagByte, i)
	return end
}

// entity folds the character reference at text[i] and returns the offset
// after it.
func (v *view) entity(text string, i int, lower bool) int {
	n, dec := entityAt(text, i)
	if n == 0 {
		v.push('&', i)
		return i + 1
	}
	for _, r := range dec {
		if r < utf8.RuneSelf {
			v.ascii(byte(r), i, lower)
		} else {
			v.rune(r, i, lower)
		}
	}
	return i + n
}

// span returns the text offsets of the folded range [s, e).
func (v *view) span(s, e int) (int, int) { return int(v.orig[s]), int(v.orig[e]) }

// bounded reports whether the folded range [s, e) is a whole word or
// words: neither the character before nor the one after is a letter or
// digit.
func (v *view) bounded(s, e int) bool {
	if s > 0 {
		if r, _ := utf8.DecodeLastRune(v.fold[:s]); isWordRune(r) {
			return false
		}
	}
	if e < len(v.fold) {
		if r, _ := utf8.DecodeRune(v.fold[e:]); isWordRune(r) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// foldString folds a term the way text is folded, without the separators
// at either end.
func foldString(s string, lower bool) string {
	return strings.Trim(string(newView(s, false, lower).fold), " ")
}

// foldMarkup folds an HTML fragment without lower-casing, for comparing
// the exact spelling of a match.
func foldMarkup(s string, markup bool) string {
	return strings.Trim(string(newView(s, markup, false).fold), " ")
}
