package score

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Tokenize13a tokenizes line exactly as sacreBLEU's default "13a" tokenizer
// (the mteval-v13a normalisation of WMT) does, and returns the tokens joined
// by single spaces. BLEU first strips trailing whitespace from each line, as
// sacreBLEU does, then tokenizes it; Tokenize13a does both.
//
// The steps, in sacreBLEU's order:
//
//  1. drop "<skipped>", join "-\n" line breaks, turn "\n" into a space and
//     unescape &quot; &amp; &lt; &gt; (in that order);
//  2. put spaces around the ASCII punctuation and symbols
//     { | } ~ [ \ ] ^ _ ` ! " # $ % & ( ) * + : ; < = > ? @ /
//     (not the apostrophe, hyphen, period or comma);
//  3. split a period or comma from a preceding non-digit;
//  4. split a period or comma from a following non-digit;
//  5. split a hyphen from a preceding digit;
//  6. split on whitespace as Python's str.split does (Unicode whitespace,
//     including no-break spaces).
func Tokenize13a(line string) string {
	var t tokenizer
	return string(bytes.Join(t.tokens(line), []byte{' '}))
}

// tokenizer holds the buffers that tokenizing reuses from line to line. The
// tokens it returns point into its buffers and stay valid only until
// the next call.
type tokenizer struct {
	a, b []byte
	toks [][]byte
}

// tokens returns the 13a tokens of line after removing its trailing
// whitespace, as sacreBLEU's BLEU preprocessing does.
func (t *tokenizer) tokens(line string) [][]byte {
	line = unescape13a(pyRStrip(line))
	t.a = append(append(append(t.a[:0], ' '), line...), ' ')
	t.b = splitSymbols(t.b[:0], t.a)
	t.a = splitBefore(t.a[:0], t.b)
	t.b = splitAfter(t.b[:0], t.a)
	t.a = splitDigitDash(t.a[:0], t.b)
	t.toks = pyFieldsInto(t.toks[:0], t.a)
	return t.toks
}

// unescape13a is the language-independent part of the 13a tokenizer.
func unescape13a(s string) string {
	if strings.Contains(s, "<") {
		s = strings.ReplaceAll(s, "<skipped>", "")
	}
	if strings.Contains(s, "\n") {
		s = strings.ReplaceAll(s, "-\n", "")
		s = strings.ReplaceAll(s, "\n", " ")
	}
	if strings.Contains(s, "&") {
		s = strings.ReplaceAll(s, "&quot;", `"`)
		s = strings.ReplaceAll(s, "&amp;", "&")
		s = strings.ReplaceAll(s, "&lt;", "<")
		s = strings.ReplaceAll(s, "&gt;", ">")
	}
	return s
}

// isSymbol13a reports whether c is in the class [\{-\~\[-\` -\&\(-\+\:-\@\/]
// of sacreBLEU's first tokenizing rule.
func isSymbol13a(c byte) bool {
	switch {
	case c >= '{' && c <= '~', c >= '[' && c <= '`', c >= ' ' && c <= '&',
		c >= '(' && c <= '+', c >= ':' && c <= '@', c == '/':
		return true
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isPeriodComma(c byte) bool { return c == '.' || c == ',' }

// The rules below work on bytes: every character they look at is ASCII and
// UTF-8 never uses ASCII bytes inside a multi-byte character, so a scan
// over bytes makes the same matches as Python's re over characters. Each
// mirrors re.sub: matches are found left to right and never overlap.

// splitSymbols applies `([\{-\~\[-\` -\&\(-\+\:-\@\/])` → ` \1 `.
func splitSymbols(dst, src []byte) []byte {
	for _, c := range src {
		if isSymbol13a(c) {
			dst = append(dst, ' ', c, ' ')
		} else {
			dst = append(dst, c)
		}
	}
	return dst
}

// splitBefore applies `([^0-9])([\.,])` → `\1 \2 `.
func splitBefore(dst, src []byte) []byte {
	for i := 0; i < len(src); i++ {
		c := src[i]
		if !isDigit(c) && i+1 < len(src) && isPeriodComma(src[i+1]) {
			dst = append(dst, c, ' ', src[i+1], ' ')
			i++
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

// splitAfter applies `([\.,])([^0-9])` → ` \1 \2`.
func splitAfter(dst, src []byte) []byte {
	for i := 0; i < len(src); i++ {
		c := src[i]
		if isPeriodComma(c) && i+1 < len(src) && !isDigit(src[i+1]) {
			dst = append(dst, ' ', c, ' ', src[i+1])
			i++
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

// splitDigitDash applies `([0-9])(-)` → `\1 \2 `.
func splitDigitDash(dst, src []byte) []byte {
	for i := 0; i < len(src); i++ {
		c := src[i]
		if isDigit(c) && i+1 < len(src) && src[i+1] == '-' {
			dst = append(dst, c, ' ', '-', ' ')
			i++
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

// isPySpace reports whether r is whitespace for Python's str.isspace and
// str.split, which differ from Go's unicode.IsSpace by also counting the
// information separators U+001C–U+001F.
func isPySpace(r rune) bool {
	switch {
	case r >= '\t' && r <= '\r', r >= 0x1c && r <= ' ':
		return true
	case r < 0x85:
		return false
	case r == 0x85, r == 0xa0, r == 0x1680, r >= 0x2000 && r <= 0x200a,
		r == 0x2028, r == 0x2029, r == 0x202f, r == 0x205f, r == 0x3000:
		return true
	}
	return false
}

// pyFieldsInto appends to dst the fields of s split as Python's str.split()
// without arguments splits. The fields share s's memory.
func pyFieldsInto(dst [][]byte, s []byte) [][]byte {
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(s[i:])
		}
		if isPySpace(r) {
			if start >= 0 {
				dst = append(dst, s[start:i:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		dst = append(dst, s[start:len(s):len(s)])
	}
	return dst
}

// pyRStrip removes trailing whitespace as Python's str.rstrip() does.
func pyRStrip(s string) string {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if !isPySpace(r) {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

// pyRemoveSpace returns the runes of s without any whitespace, as
// "".join(s.split()) gives them in Python, appended to dst.
func pyRemoveSpace(dst []rune, s string) []rune {
	for _, r := range s {
		if !isPySpace(r) {
			dst = append(dst, r)
		}
	}
	return dst
}
