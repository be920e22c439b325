package inline

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Links finds the addresses in text: URLs (IRIs with accents and
// parentheses included), e-mail addresses, @handles and #hashtags. It is
// the [Finder] that runs first, so that nothing else (glossary terms,
// numbers, typography) ever touches an address.
//
//   - A URL starts with http://, https://, ftp:// or www. and runs to white
//     space or a character that cannot be in one (< > " « » “ ” `);
//     closing punctuation at its end (. , ; : ! ? ' ’ and a ) or ] it does
//     not open) is left out, so "(voir https://fr.wikipedia.org/wiki/Paris_(ville))."
//     gives the address with its own parentheses only.
//   - An e-mail address is local@domain.tld, the domain ending in letters.
//   - A handle is @ and letters, digits or _ (and @instance.tld for
//     Mastodon), a hashtag # and letters, digits or _ with a letter, each
//     after white space or punctuation (never inside a word: C#, AT&T#1
//     and the @ of an address are not).
func Links(text string) []Span {
	if !strings.ContainsAny(text, ":.@#") {
		return nil
	}
	var all []Span
	for _, f := range linkFinders {
		if !f.may(text) {
			continue
		}
		for _, m := range f.re.FindAllStringIndex(text, -1) {
			if s, e, ok := f.trim(text, m[0], m[1]); ok {
				all = append(all, Span{Start: s, End: e, Kind: f.kind})
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	return validSpans(text, all)
}

// LinkFinder is [Links] as a [Finder].
var LinkFinder Finder = FinderFunc(Links)

type linkFinder struct {
	kind Kind
	// may is a quick test that text can hold a match: most sentences
	// hold none, and the expressions are slow to say so.
	may  func(text string) bool
	re   *regexp.Regexp
	trim func(text string, s, e int) (int, int, bool)
}

// mayBeURL says whether text holds "://" or "www." in any case, which
// every URL the expression finds starts with.
func mayBeURL(text string) bool {
	return strings.Contains(text, "://") || strings.Contains(strings.ToLower(text), "www.")
}

func hasAt(text string) bool   { return strings.IndexByte(text, '@') >= 0 }
func hasHash(text string) bool { return strings.IndexByte(text, '#') >= 0 }

// linkFinders are tried in priority order: where matches overlap, the
// earlier kind wins (validSpans keeps the first of overlapping spans at a
// position; a URL holding an @ is one URL).
var linkFinders = []linkFinder{
	{URL, mayBeURL, regexp.MustCompile("(?i)(?:\\b(?:https?|ftp)://|\\bwww\\.)[^\\s\\x{00A0}\\x{202F}\\x{2009}\\x{3000}<>\"«»“”`]+"), trimURL},
	{Email, hasAt, regexp.MustCompile(`[\pL\pN._%+-]+@[\pL\pN-]+(?:\.[\pL\pN-]+)+`), trimEmail},
	{Handle, hasAt, regexp.MustCompile(`@[\pL\pN_]+(?:@[\pL\pN-]+(?:\.[\pL\pN-]+)+)?`), trimTag},
	{Hashtag, hasHash, regexp.MustCompile(`#[\pL\pN_]*\pL[\pL\pN_]*`), trimTag},
}

// trimURL leaves out the closing punctuation a URL ends with in prose.
func trimURL(text string, s, e int) (int, int, bool) {
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		switch {
		case strings.ContainsRune(".,;:!?'’*", r):
		case r == ')' && strings.Count(text[s:e], "(") < strings.Count(text[s:e], ")"):
		case r == ']' && strings.Count(text[s:e], "[") < strings.Count(text[s:e], "]"):
		default:
			return s, e, !strings.HasSuffix(text[s:e], "//") && e-s > 4
		}
		e -= n
	}
	return s, e, false
}

// trimEmail checks the boundaries of an e-mail address.
func trimEmail(text string, s, e int) (int, int, bool) {
	e = s + len(strings.TrimRight(text[s:e], ".-"))
	local := text[s : strings.IndexByte(text[s:], '@')+s]
	if local == "" || strings.HasPrefix(local, ".") || !afterBoundary(text, s) {
		return s, e, false
	}
	tld := text[strings.LastIndexByte(text[s:e], '.')+s+1 : e]
	return s, e, len(tld) >= 2 && strings.IndexFunc(tld, unicode.IsLetter) >= 0
}

// trimTag checks that a handle or hashtag starts after white space or
// punctuation.
func trimTag(text string, s, e int) (int, int, bool) {
	e = s + len(strings.TrimRight(text[s:e], "."))
	return s, e, e-s > 1 && afterBoundary(text, s)
}

// afterBoundary reports whether text[s] starts a word: at the start, or
// after a character that is neither a letter, a digit nor one of _ . @ # &.
func afterBoundary(text string, s int) bool {
	if s == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:s])
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("_.@#&/+-", r))
}

// LinkRanges returns the byte ranges, in s, of the addresses [Links] finds
// in s: plain text, or an HTML fragment when markup is set (addresses are
// then looked for in its decoded text, and never run across a tag).
func LinkRanges(s string, markup bool) [][2]int {
	if !markup || !strings.ContainsAny(s, "<&") {
		// Without tags or references, markup is its own text.
		var out [][2]int
		for _, sp := range Links(s) {
			out = append(out, [2]int{sp.Start, sp.End})
		}
		return out
	}
	var text strings.Builder
	var start, end []int // fragment range of each decoded byte
	for _, t := range Tokens(s) {
		dec, to := t.Raw, t.Start+len(t.Raw)
		switch t.Kind {
		case TagToken, CommentToken:
			dec = " "
		case EntityToken:
			dec = Decode(t.Raw)
		}
		for k := 0; k < len(dec); k++ {
			if t.Kind == TextToken {
				start, end = append(start, t.Start+k), append(end, t.Start+k+1)
			} else {
				start, end = append(start, t.Start), append(end, to)
			}
		}
		text.WriteString(dec)
	}
	var out [][2]int
	for _, sp := range Links(text.String()) {
		out = append(out, [2]int{start[sp.Start], end[sp.End-1]})
	}
	return out
}
