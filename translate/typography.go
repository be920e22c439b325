package translate

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// EnglishTypography turns the French conventions a translation engine
// leaves in its output into English ones. It works on plain text and on
// HTML fragments alike: tags, character references, URLs and e-mail
// addresses are left exactly as they are. Applied to English text it
// changes nothing.
//
//   - « » become “ ” and ‹ › become ‘ ’, without the spaces inside them;
//     straight double quotes are the source's choice and stay;
//   - the spaces French puts before ; : ! ? and % go, as does any space
//     before closing punctuation or after an opening quote or bracket;
//   - 3 000 (with a space, U+00A0 or U+202F) becomes 3,000 and 1,5 becomes
//     1.5; 1,500 is taken for English thousands and left alone, as are
//     lists such as 1, 2, 3 and years;
//   - 12 h 30 and 12h30 become 12:30; a bare hour after at, from, until,
//     by, before or after becomes 8 a.m., 8 p.m., noon or midnight;
//   - honorifics: M. Kim → Mr. Kim, MM. → Messrs., Mme → Ms., Mlle → Miss,
//     and the Spanish a pivot through Spanish leaves: Sr./Sr → Mr.,
//     Sra./Sra → Ms., Srta → Miss, each only before a capitalised name;
//   - Apertium's unknown-word marks go: *word → word, and #word or @word
//     when word is all lower case (hashtags and handles with capitals or
//     digits, such as #MeToo or @AFP, are kept);
//   - runs of spaces become one; U+202F becomes a plain space.
func EnglishTypography(s string) string {
	if s == "" {
		return s
	}
	m := maskProtected(s)
	t := m.text
	for _, step := range typographySteps {
		t = step(t)
	}
	return m.unmask(t)
}

// typographySteps are applied in order to the masked text.
var typographySteps = []func(string) string{
	stripUnknownMarks,
	englishHonorifics,
	frenchSpacing,
	englishNumbers,
	englishTimes,
	englishQuotes,
	tightPunctuation,
	singleSpaces,
}

// space matches the spaces French typography uses: plain, no-break
// (U+00A0), narrow no-break (U+202F) and thin (U+2009).
const space = `[ \x{00A0}\x{202F}\x{2009}]`

var (
	unknownStar  = regexp.MustCompile(`(^|[^\pL\pN_*])\*+(\pL)`)
	unknownMark  = regexp.MustCompile(`(^|[\s(\[“‘«"])[#@]+(\p{Ll}[\p{Ll}-]*)([^\pL\pN_@#]|$)`)
	honorificM   = regexp.MustCompile(`(^|[^\pL\pN.])(M|MM|Mme|Mlle|Sr|Sra|Srta)(\.?)(` + space + `+)(\p{Lu})`)
	insideGuill  = regexp.MustCompile(`([«‹])` + space + `+|` + space + `+([»›])`)
	beforePunct  = regexp.MustCompile(space + `+([;:!?%])`)
	decimalComma = regexp.MustCompile(`(^|[^\pN.,])(\d+),(\d+)`)
	thousands    = regexp.MustCompile(`(^|[^\pN.,])(\d{1,3}(?:` + space + `\d{3})+)([^\pN]|$)`)
	clockTime    = regexp.MustCompile(`(^|[^\pN:])(\d{1,2})` + space + `?h` + space + `?(\d{2})([^\pN\pL]|$)`)
	bareHour     = regexp.MustCompile(`(?i)(^|[^\pL])(at|from|until|till|to|by|before|after|à|vers)` + space + `+(\d{1,2})` + space + `?h([^\pL\pN]|$)`)
	anySpace     = regexp.MustCompile(space)
	openingSpace = regexp.MustCompile(`([“‘(\[])` + space + `+`)
	closingSpace = regexp.MustCompile(space + `+([,.;:!?)\]”’%]+)([\s\pP\x{E000}-\x{F8FF}]|$)`)
	spaceRun     = regexp.MustCompile(`[ \x{00A0}]{2,}`)
)

// stripUnknownMarks removes Apertium's marks on words it did not know.
func stripUnknownMarks(s string) string {
	if !strings.ContainsAny(s, "*#@") {
		return s
	}
	s = unknownStar.ReplaceAllString(s, "$1$2")
	return repeat(s, func(s string) string { return unknownMark.ReplaceAllString(s, "$1$2$3") })
}

// englishHonorifics turns French and Spanish titles before a capitalised
// name into English ones. M. is left alone after a capitalised word, where
// it is more likely an initial (John M. Smith).
func englishHonorifics(s string) string {
	if !strings.Contains(s, "M") && !strings.Contains(s, "Sr") {
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
	s = insideGuill.ReplaceAllString(s, "$1$2")
	return beforePunct.ReplaceAllString(s, "$1")
}

// englishNumbers turns decimal commas into points and space-grouped
// thousands into comma-grouped ones.
func englishNumbers(s string) string {
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	s = replaceAllSubmatchFunc(decimalComma, s, func(g []string, _ int) string {
		if len(g[3]) == 3 {
			return g[0] // 1,500: English thousands
		}
		return g[1] + g[2] + "." + g[3]
	})
	return repeat(s, func(s string) string {
		return replaceAllSubmatchFunc(thousands, s, func(g []string, _ int) string {
			return g[1] + anySpace.ReplaceAllString(g[2], ",") + g[3]
		})
	})
}

// englishTimes turns 12 h 30 into 12:30 and a bare hour after a time
// preposition into 8 a.m., 8 p.m., noon or midnight.
func englishTimes(s string) string {
	if !strings.ContainsAny(s, "hH") || !strings.ContainsAny(s, "0123456789") {
		return s
	}
	s = replaceAllSubmatchFunc(clockTime, s, func(g []string, _ int) string {
		h, _ := strconv.Atoi(g[2])
		m, _ := strconv.Atoi(g[3])
		if h > 24 || m > 59 {
			return g[0]
		}
		return g[1] + g[2] + ":" + g[3] + g[4]
	})
	return repeat(s, func(s string) string {
		return replaceAllSubmatchFunc(bareHour, s, func(g []string, _ int) string {
			h, _ := strconv.Atoi(g[3])
			if h > 24 {
				return g[0]
			}
			hour, after := twelveHour(h), g[4]
			if after == "." && strings.HasSuffix(hour, ".") {
				after = "" // "at 8 p.m." ends the sentence
			}
			return g[1] + g[2] + " " + hour + after
		})
	})
}

func twelveHour(h int) string {
	switch {
	case h == 0 || h == 24:
		return "midnight"
	case h == 12:
		return "noon"
	case h < 12:
		return strconv.Itoa(h) + " a.m."
	}
	return strconv.Itoa(h-12) + " p.m."
}

// englishQuotes turns guillemets, the French convention, into curly
// quotes. Straight quotes are the source's own choice and stay as they
// are: turning them curly would only make the output disagree with a
// source (and references) that uses them.
func englishQuotes(s string) string {
	return strings.NewReplacer("«", "“", "»", "”", "‹", "‘", "›", "’").Replace(s)
}

// singleSpaces collapses runs of spaces and turns narrow no-break spaces
// into plain ones.
func singleSpaces(s string) string {
	s = strings.ReplaceAll(s, "\u202f", " ")
	return spaceRun.ReplaceAllString(s, " ")
}

// tightPunctuation removes spaces before closing punctuation and after
// opening quotes and brackets.
func tightPunctuation(s string) string {
	s = openingSpace.ReplaceAllString(s, "$1")
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

// Protected text (tags, character references, URLs, e-mail addresses) is
// replaced by private-use characters while the rules run, and put back
// afterwards.
const placeholderBase, placeholderMax = 0xE000, 0xF8FF

var (
	entityRef = regexp.MustCompile(`^&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`)
	urlOrMail = regexp.MustCompile(`(?i)(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"«»“”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)
	nbspRef   = strings.NewReplacer("&nbsp;", "\u00a0", "&#160;", "\u00a0", "&#xa0;", "\u00a0", "&#xA0;", "\u00a0",
		"&#8239;", "\u202f", "&#x202f;", "\u202f", "&#x202F;", "\u202f")
)

type masked struct {
	text  string
	saved []string
}

func isPlaceholder(r rune) bool { return r >= placeholderBase && r <= placeholderMax }

// maskProtected hides what the rules must not touch.
func maskProtected(s string) masked {
	var m masked
	s = nbspRef.Replace(s)
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		n := protectedLen(s[i:], r)
		switch {
		case isPlaceholder(r):
			b.WriteRune(m.hide(s[i : i+size]))
			i += size
		case n > 0 && len(m.saved) < placeholderMax-placeholderBase:
			b.WriteRune(m.hide(s[i : i+n]))
			i += n
		default:
			b.WriteRune(r)
			i += size
		}
	}
	m.text = urlOrMail.ReplaceAllStringFunc(b.String(), func(u string) string {
		if len(m.saved) >= placeholderMax-placeholderBase {
			return u
		}
		return string(m.hide(u))
	})
	return m
}

// protectedLen returns the length of the tag or character reference at
// the start of s, or 0.
func protectedLen(s string, r rune) int {
	switch r {
	case '&':
		return len(entityRef.FindString(s))
	case '<':
		return tagLen(s)
	}
	return 0
}

// tagLen returns the length of the tag or comment at the start of s, or 0.
func tagLen(s string) int {
	if strings.HasPrefix(s, "<!--") {
		if end := strings.Index(s, "-->"); end >= 0 {
			return end + 3
		}
		return 0
	}
	if len(s) < 2 || !(s[1] == '/' || s[1] == '!' || s[1] >= 'a' && s[1] <= 'z' || s[1] >= 'A' && s[1] <= 'Z') {
		return 0
	}
	var quote byte
	for j := 1; j < len(s); j++ {
		switch c := s[j]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1
		case c == '<':
			return 0
		}
	}
	return 0
}

func (m *masked) hide(text string) rune {
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
