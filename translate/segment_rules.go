package translate

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleAbbrevs are titles and name parts that a capitalised name follows,
// matched with their case: "M. Kim", "Mme. Dupont", "St. Louis".
var titleAbbrevs = map[string]bool{
	"M": true, "MM": true, "Mme": true, "Mmes": true, "Mlle": true, "Mlles": true,
	"Me": true, "Mgr": true, "Dr": true, "Pr": true, "St": true, "Ste": true,
	"Sts": true, "Jr": true, "Sr": true, "Cie": true, "Gal": true, "Cdt": true,
}

// abbrevs are abbreviations (lower case) after which a sentence does not end
// even before a capital: "cf. Le Monde", "p. ex. Paris", "av. J.-C.". Words
// that can also end a sentence ("sept.", "vol.", "col.", "min.") are left
// out, and so is "etc." (see [SplitSentenceSpans]).
var abbrevs = map[string]bool{
	"av": true, "apr": true, "env": true, "cf": true, "ex": true, "pp": true,
	"art": true, "chap": true, "fig": true, "éd": true, "coll": true, "tél": true,
	"vs": true, "janv": true, "févr": true, "avr": true, "juil": true, "oct": true,
	"nov": true, "déc": true, "gén": true, "hab": true, "no": true, "op": true,
	"cit": true, "ibid": true, "resp": true, "dép": true, "bd": true, "boul": true,
	"réf": true, "suiv": true, "trad": true, "dir": true, "approx": true, "sq": true,
}

// noBreakAfter reports whether a "." ending prefix (the sentence so far)
// belongs to an abbreviation, an initial, an acronym or a list number rather
// than ending the sentence.
func noBreakAfter(prefix string) bool {
	token := lastToken(prefix)
	if token == "" || strings.HasSuffix(token, "J.-C") {
		return false
	}
	last := token[strings.LastIndexAny(token, ".-'’")+1:]
	if last == "" {
		return false
	}
	if titleAbbrevs[last] || abbrevs[strings.ToLower(last)] || isSingleLetter(last) {
		return true
	}
	alone := strings.TrimSpace(prefix) == token
	return alone && (isDigits(token) || isRoman(token))
}

// lastToken returns the last run of non-space characters of s, without the
// quotes and brackets that open it.
func lastToken(s string) string {
	i := len(s)
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsSpace(r) {
			break
		}
		i -= w
	}
	return strings.TrimLeft(s[i:], "«“\"([")
}

func isSingleLetter(s string) bool {
	r, w := utf8.DecodeRuneInString(s)
	return w == len(s) && unicode.IsLetter(r)
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func isRoman(s string) bool {
	return s != "" && len(s) <= 6 && strings.Trim(s, "IVXLCDM") == ""
}

// quoteRanges returns the outermost matched pairs of « », of “ ” and of
// straight double quotes (taken in pairs when their number is even) in text
// as [open, past close) offsets, in order. Unmatched quotes (a quotation
// running over several paragraphs) are ignored.
func quoteRanges(text string) [][2]int {
	var pairs [][2]int
	var guil, curly, straight []int
	for i, r := range text {
		switch r {
		case '"':
			straight = append(straight, i)
		case '«':
			guil = append(guil, i)
		case '“':
			curly = append(curly, i)
		case '»':
			pairs, guil = closeQuote(pairs, guil, i+len("»"))
		case '”':
			pairs, curly = closeQuote(pairs, curly, i+len("”"))
		}
	}
	if len(straight)%2 == 0 {
		for k := 0; k < len(straight); k += 2 {
			pairs = append(pairs, [2]int{straight[k], straight[k+1] + 1})
		}
	}
	return outermost(pairs)
}

func closeQuote(pairs [][2]int, stack []int, end int) ([][2]int, []int) {
	if len(stack) == 0 {
		return pairs, stack
	}
	open := stack[len(stack)-1]
	return append(pairs, [2]int{open, end}), stack[:len(stack)-1]
}

// outermost keeps the ranges not contained in another, sorted by start.
// Overlapping ranges (« “ » ”) are merged.
func outermost(pairs [][2]int) [][2]int {
	if len(pairs) < 2 {
		return pairs
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i][0] < pairs[j][0] })
	out := pairs[:1]
	for _, p := range pairs[1:] {
		last := &out[len(out)-1]
		if p[0] < last[1] {
			last[1] = max(last[1], p[1])
			continue
		}
		out = append(out, p)
	}
	return out
}
