package translate

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/inline"
)

// EnglishTypography turns the French conventions a translation engine
// leaves in its output into English ones. It works on plain text and on
// HTML fragments alike: tags, character references and addresses (URLs,
// e-mail addresses, handles, hashtags, found by package inline) are left
// exactly as they are. Applied to English text it changes nothing.
//
//   - « » become “ ” and ‹ › become ‘ ’, without the spaces inside them;
//     a quotation inside a quotation gets single quotes (« il a dit
//     « jamais » » → “il a dit ‘jamais’”); straight double quotes are the
//     source's choice and stay;
//   - the spaces French puts before ; : ! ? and % go, as does any space
//     before closing punctuation or after an opening quote or bracket;
//   - honorifics: M. Kim → Mr. Kim, MM. → Messrs., Mme → Ms., Mlle → Miss,
//     and the Spanish a pivot through Spanish leaves: Sr./Sr → Mr.,
//     Sra./Sra → Ms., Srta → Miss, each only before a capitalised name;
//   - runs of spaces become one, and leading and trailing white space
//     goes; U+202F becomes a plain space.
//
// Figures are not guessed from the English: the pipeline reads them on the
// French side and writes them in house style (package figures).
func EnglishTypography(s string) string {
	if s == "" {
		return s
	}
	m := maskProtected(s)
	if m.full {
		return s
	}
	t := m.text
	for _, step := range typographySteps {
		t = step(t)
	}
	return m.unmask(t)
}

// typographySteps are applied in order to the masked text.
var typographySteps = []func(string) string{
	englishHonorifics,
	frenchSpacing,
	englishQuotes,
	tightPunctuation,
	singleSpaces,
}

// space matches the spaces French typography uses: plain, no-break
// (U+00A0), narrow no-break (U+202F) and thin (U+2009).
const space = `[ \x{00A0}\x{202F}\x{2009}]`

var (
	honorificM   = regexp.MustCompile(`(^|[^\pL\pN.])(M|MM|Mme|Mlle|Sr|Sra|Srta)(\.?)(` + space + `+)(\p{Lu})`)
	insideGuill  = regexp.MustCompile(`([«‹])` + space + `+|` + space + `+([»›])`)
	beforePunct  = regexp.MustCompile(space + `+([;:!?%])`)
	openingSpace = regexp.MustCompile(`([“‘(\[])` + space + `+`)
	closingSpace = regexp.MustCompile(space + `+([,.;:!?)\]”’%]+)([\s\pP\x{E000}-\x{F8FF}]|$)`)
	spaceRun     = regexp.MustCompile(`[ \x{00A0}]{2,}`)
)

// englishHonorifics turns French and Spanish titles before a capitalised
// name into English ones. M. is left alone after a capitalised word, where
// it is more likely an initial (John M. Smith).
func englishHonorifics(s string) string {
	if !mayHaveTitle(s) {
		return s
	}
	return replaceAllSubmatchFunc(honorificM, s, func(g []string, start int) string {
		title, dot := g[2], g[3]
		out := title + dot
		switch {
		case title == "M" && dot == "." && !afterCapitalisedWord(s[:start+len(g[1])]):
			out = "Mr."
		case title == "MM" && dot == ".":
			out = "Messrs."
		case title == "Mme" || title == "Sra":
			out = "Ms."
		case title == "Sr":
			out = "Mr."
		case title == "Mlle" || title == "Srta":
			out = "Miss"
		}
		return g[1] + out + g[4] + g[5]
	})
}

// mayHaveTitle reports whether s may hold a title honorificM matches:
// "Sr", or "M" followed by a full stop, a space (ASCII, or the first byte
// of a no-break or thin one) or the rest of MM, Mme or Mlle.
func mayHaveTitle(s string) bool {
	if strings.Contains(s, "Sr") {
		return true
	}
	for i := strings.IndexByte(s, 'M'); i >= 0 && i+1 < len(s); {
		switch s[i+1] {
		case '.', ' ', 'M', 'm', 'l', 0xC2, 0xE2:
			return true
		}
		j := strings.IndexByte(s[i+1:], 'M')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// afterCapitalisedWord reports whether before ends with a capitalised word
// and a space.
func afterCapitalisedWord(before string) bool {
	before = strings.TrimRight(before, " \u00a0\u202f")
	i := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })
	word := before[i+1:]
	if i >= 0 {
		_, size := utf8.DecodeRuneInString(before[i:])
		word = before[i+size:]
	}
	r, _ := utf8.DecodeRuneInString(word)
	return word != "" && unicode.IsUpper(r)
}

// frenchSpacing removes the spaces inside guillemets and before ; : ! ?
// and %.
func frenchSpacing(s string) string {
	if strings.ContainsAny(s, "«‹»›") {
		s = insideGuill.ReplaceAllString(s, "$1$2")
	}
	if spaceBefore(s, ";:!?%") {
		s = beforePunct.ReplaceAllString(s, "$1")
	}
	return s
}

// spaceBefore reports whether a space that [space] matches comes right
// before one of the characters of set in s: a cheap test that spares the
// regular expressions that need one.
func spaceBefore(s, set string) bool {
	prevSpace := false
	for _, r := range s {
		if prevSpace && strings.ContainsRune(set, r) {
			return true
		}
		prevSpace = r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009'
	}
	return false
}

// englishQuotes turns guillemets, the French convention, into curly
// quotes, a quotation nested in another into single ones. Straight quotes
// are the source's own choice and stay as they are: turning them curly
// would only make the output disagree with a source (and references) that
// uses them.
func englishQuotes(s string) string {
	if !strings.ContainsAny(s, "«»‹›“”") {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '«', '“', '‹':
			depth++
			r = quoteAt(depth, r == '‹', '“', '‘')
		case '»', '”', '›':
			r = quoteAt(max(depth, 1), r == '›', '”', '’')
			depth = max(depth-1, 0)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// quoteAt picks the double or single quote for a quotation at depth.
func quoteAt(depth int, single bool, double, inner rune) rune {
	if single || depth%2 == 0 {
		return inner
	}
	return double
}

// singleSpaces collapses runs of spaces, turns narrow no-break spaces
// into plain ones and trims the text.
func singleSpaces(s string) string {
	s = strings.ReplaceAll(s, "\u202f", " ")
	if strings.Contains(s, "  ") || strings.ContainsRune(s, '\u00a0') {
		s = spaceRun.ReplaceAllString(s, " ")
	}
	return strings.TrimSpace(s)
}

// tightPunctuation removes spaces before closing punctuation and after
// opening quotes and brackets.
func tightPunctuation(s string) string {
	if strings.ContainsAny(s, "“‘([") {
		s = openingSpace.ReplaceAllString(s, "$1")
	}
	if !spaceBefore(s, ",.;:!?)]”’%") {
		return s
	}
	return repeat(s, func(s string) string { return closingSpace.ReplaceAllString(s, "$1$2") })
}

// repeat applies f until the text stops changing (at most a few times):
// for patterns whose matches share the character between them.
func repeat(s string, f func(string) string) string {
	for i := 0; i < 4; i++ {
		next := f(s)
		if next == s {
			break
		}
		s = next
	}
	return s
}

// replaceAllSubmatchFunc replaces every match of re in s by what repl
// returns for its groups and its start offset.
func replaceAllSubmatchFunc(re *regexp.Regexp, s string, repl func(groups []string, start int) string) string {
	matches := re.FindAllStringSubmatchIndex(s, -1)
	if matches == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range matches {
		groups := make([]string, len(m)/2)
		for g := range groups {
			if m[2*g] >= 0 {
				groups[g] = s[m[2*g]:m[2*g+1]]
			}
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(repl(groups, m[0]))
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// Protected text (tags, comments, character references, addresses) is
// replaced by private-use characters while the rules run, and put back
// afterwards; private-use characters of the text itself are hidden the
// same way, so that each one put back is the one taken out.
const placeholderBase, placeholderMax = 0xE000, 0xF8FF

// nbspRef are the references of the spaces the rules treat as spaces.
var nbspRef = map[string]string{"&nbsp;": "\u00a0", "&#160;": "\u00a0", "&#xa0;": "\u00a0", "&#xA0;": "\u00a0",
	"&#8239;": "\u202f", "&#x202f;": "\u202f", "&#x202F;": "\u202f"}

type masked struct {
	text  string
	saved []string
	// full is set when the text needs more placeholders than there are.
	full bool
}

func isPlaceholder(r rune) bool { return r >= placeholderBase && r <= placeholderMax }

// maskProtected hides what the rules must not touch: the tokens that are
// not text (package inline's scanner) and the addresses.
func maskProtected(s string) masked {
	var m masked
	links := inline.LinkRanges(s, true)
	marks := map[int]inline.Token{}
	if strings.ContainsAny(s, "<&") {
		for _, t := range inline.Tokens(s) {
			if t.Kind != inline.TextToken {
				marks[t.Start] = t
			}
		}
	} else if len(links) == 0 && !strings.ContainsFunc(s, isPlaceholder) && utf8.ValidString(s) {
		m.text = s // nothing to hide
		return m
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if len(links) > 0 && links[0][0] == i {
			b.WriteRune(m.hide(s[i:links[0][1]]))
			i, links = links[0][1], links[1:]
			continue
		}
		if t, ok := marks[i]; ok {
			if sp := nbspRef[t.Raw]; sp != "" {
				b.WriteString(sp)
			} else {
				b.WriteRune(m.hide(t.Raw))
			}
			i += len(t.Raw)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isPlaceholder(r) {
			r = m.hide(s[i : i+n])
		}
		b.WriteRune(r)
		i += n
	}
	m.text = b.String()
	return m
}

// hide saves text and returns the placeholder standing for it. Past the
// last placeholder it marks the mask full: the text is then left alone.
func (m *masked) hide(text string) rune {
	if len(m.saved) > placeholderMax-placeholderBase {
		m.full = true
		return placeholderBase
	}
	m.saved = append(m.saved, text)
	return rune(placeholderBase + len(m.saved) - 1)
}

// unmask puts the protected text back.
func (m masked) unmask(s string) string {
	if len(m.saved) == 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isPlaceholder(r) && int(r-placeholderBase) < len(m.saved) {
			b.WriteString(m.saved[r-placeholderBase])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
