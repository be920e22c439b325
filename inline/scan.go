package inline

import (
	"html"
	"strings"
)

// TokenKind says what a [Token] of a fragment is.
type TokenKind uint8

// The kinds of token.
const (
	// TextToken is literal text: no tag and no character reference. A
	// stray '<' or '&' that starts neither is text.
	TextToken TokenKind = iota
	// TagToken is a start tag, an end tag or a self-closing tag.
	TagToken
	// CommentToken is an HTML comment, a declaration (<!DOCTYPE …>) or a
	// processing instruction (<?…?>).
	CommentToken
	// EntityToken is a character reference (&amp;, &#233;, &#xE9;).
	EntityToken
)

// Token is one piece of an HTML fragment as written. Joining the Raw of
// every token of a fragment gives the fragment back byte for byte.
type Token struct {
	Kind TokenKind
	// Raw is the token as written.
	Raw string
	// Start is its byte offset in the fragment.
	Start int
}

// Scanner splits HTML fragments into tokens. It is lenient, as browsers
// are with inline content: a '<' that starts no well-formed tag and an
// '&' that starts no known character reference are text. It runs in time
// linear in the fragment's length, whatever the fragment holds.
//
// Rules: a tag starts with '<' followed by a letter, '/', '!' or '?' and
// ends at the first '>' outside a quoted attribute value; a '<' before
// that end means there was no tag. A comment runs from "<!--" to the next
// "-->". A character reference is '&', a name, '#' and decimal digits or
// "#x" and hex digits, then ';', and must be one HTML knows.
//
// This is the one scanner for tags and entities in bitext: every package
// that reads inline markup within a segment goes through it.
type Scanner struct {
	s string
	// noCommentEnd is 1 + the offset from which no "-->" is left, or 0.
	noCommentEnd int
}

// Tokens splits fragment into tokens. Adjacent text is one token.
func Tokens(fragment string) []Token {
	var out []Token
	sc := Scanner{s: fragment}
	textStart := 0
	flush := func(end int) {
		if end > textStart {
			out = append(out, Token{Kind: TextToken, Raw: fragment[textStart:end], Start: textStart})
		}
	}
	for i := 0; i < len(fragment); {
		k, end := sc.At(i)
		if end == 0 {
			i++
			continue
		}
		flush(i)
		out = append(out, Token{Kind: k, Raw: fragment[i:end], Start: i})
		i, textStart = end, end
	}
	flush(len(fragment))
	return out
}

// NewScanner returns a scanner over s for callers that walk s themselves
// (with [Scanner.At]).
func NewScanner(s string) *Scanner { return &Scanner{s: s} }

// At returns the kind and end of the tag, comment or character reference
// starting at s[i], or end 0 when none starts there.
func (sc *Scanner) At(i int) (TokenKind, int) {
	switch sc.s[i] {
	case '<':
		if end := sc.tagEnd(i); end > 0 {
			if sc.s[i+1] == '!' || sc.s[i+1] == '?' {
				return CommentToken, end
			}
			return TagToken, end
		}
	case '&':
		if n := EntityLen(sc.s[i:]); n > 0 {
			return EntityToken, i + n
		}
	}
	return TextToken, 0
}

// tagEnd returns the end of the tag or comment at s[i] == '<', or 0.
func (sc *Scanner) tagEnd(i int) int {
	s := sc.s
	if i+1 >= len(s) {
		return 0
	}
	c := s[i+1]
	if !(isLetter(c) || c == '/' || c == '!' || c == '?') {
		return 0
	}
	if strings.HasPrefix(s[i:], "<!--") {
		if sc.noCommentEnd > 0 && i >= sc.noCommentEnd-1 {
			return 0
		}
		if k := strings.Index(s[i+4:], "-->"); k >= 0 {
			return i + 4 + k + 3
		}
		sc.noCommentEnd = i + 1
		return 0
	}
	if c == '/' && (i+2 >= len(s) || !isLetter(s[i+2])) {
		return 0
	}
	var quote byte
	for j := i + 1; j < len(s); j++ {
		switch b := s[j]; {
		case quote != 0:
			if b == quote {
				quote = 0
			} else if b == '<' {
				return 0 // keeps every scan between two '<': linear time
			}
		case b == '"' || b == '\'':
			if s[j-1] == '=' || s[j-1] == ' ' && strings.HasSuffix(strings.TrimRight(s[i:j], " "), "=") {
				quote = b
			}
		case b == '>':
			return j + 1
		case b == '<':
			return 0
		}
	}
	return 0
}

// EntityLen returns the length of the character reference s starts with,
// or 0 when s does not start with one HTML knows.
func EntityLen(s string) int {
	if len(s) < 3 || s[0] != '&' {
		return 0
	}
	j := 1
	switch {
	case s[1] == '#' && len(s) > 2 && (s[2] == 'x' || s[2] == 'X'):
		j = 3
		for j < len(s) && j < 12 && isHex(s[j]) {
			j++
		}
		if j == 3 {
			return 0
		}
	case s[1] == '#':
		j = 2
		for j < len(s) && j < 12 && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == 2 {
			return 0
		}
	default:
		for j < len(s) && j < 34 && (isLetter(s[j]) || j > 1 && s[j] >= '0' && s[j] <= '9') {
			j++
		}
	}
	if j >= len(s) || s[j] != ';' {
		return 0
	}
	ref := s[:j+1]
	if html.UnescapeString(ref) == ref {
		return 0
	}
	return j + 1
}

// Decode returns the text a character reference stands for.
func Decode(entity string) string { return html.UnescapeString(entity) }

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isHex(c byte) bool { return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'f' }

// ElementEnd returns the index of the token that closes the element whose
// start tag is toks[i], counting nested elements of the same name, or -1
// when it is never closed.
func ElementEnd(toks []Token, i int) int {
	name := ParseTag(toks[i].Raw).Name
	depth := 1
	for j := i + 1; j < len(toks); j++ {
		if toks[j].Kind != TagToken {
			continue
		}
		switch t := ParseTag(toks[j].Raw); {
		case t.Name != name || t.SelfClosing:
		case t.Closing:
			depth--
		default:
			depth++
		}
		if depth == 0 {
			return j
		}
	}
	return -1
}
