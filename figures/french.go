package figures

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Convention is how a text writes its numbers.
type Convention struct {
	// CommaThousands is set for text that groups thousands with commas, as
	// English does (80,000; 1,234,567): numbers no French decimal comma
	// can mean. Its 1,879 is then one thousand eight hundred and
	// seventy-nine, not a decimal. Decimals with one, two or four digits
	// and more (3,2; 3,1416) stay decimals.
	CommaThousands bool
}

// DetectConvention looks at the numbers of a text (a whole article, so
// that one number settles the others): a number written 80,000 (a comma
// and three zeros) or 1,234,567 (several groups) can only be English
// thousands; otherwise the decimal comma is a decimal, as in French.
func DetectConvention(text string) Convention {
	for i := 0; i < len(text); i++ {
		if text[i] != ',' || i == 0 || !isDigit(text[i-1]) || !startsNumberAt(text, i) {
			continue
		}
		groups := 0
		for k := i; k+3 < len(text)+1 && k < len(text) && text[k] == ',' && digitsEnd(text, k+1)-k-1 == 3; k += 4 {
			groups++
			if groups == 1 && text[k+1:k+4] == "000" && !nextIsComma(text, k+4) || groups == 2 {
				return Convention{CommaThousands: true}
			}
		}
	}
	return Convention{}
}

// startsNumberAt reports whether the digits before text[i] are one to
// three, starting a number.
func startsNumberAt(text string, i int) bool {
	j := i
	for j > 0 && isDigit(text[j-1]) {
		j--
	}
	return i-j <= 3 && startsWord(text, j)
}

func nextIsComma(text string, i int) bool {
	return i+1 < len(text) && text[i] == ',' && isDigit(text[i+1])
}

// French returns the figures of a French text, in order, each with its
// English form, reading numbers the French way ([Convention] zero value).
func French(text string) []Figure { return Convention{}.French(text) }

// French returns the figures of a text written with the convention.
func (cv Convention) French(text string) []Figure {
	var out []Figure
	for i := 0; i < len(text); {
		if f, ok := cv.frenchAt(text, i); ok {
			f.Text = text[f.Start:f.End]
			out = append(out, f)
			i = f.End
			continue
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	return out
}

// frenchAt reads the figure starting at text[i], if one does.
func (cv Convention) frenchAt(text string, i int) (Figure, bool) {
	c := text[i]
	if sym, n := currencyBefore(text[i:]); n > 0 {
		if num, ok := cv.readNumber(text, i+n); ok && endsWord(text, num.end, num.grouped || num.decimal) && startsWord(text, i) {
			return Figure{Start: i, End: num.end, Kind: Amount, English: sym + num.english()}, true
		}
		return Figure{}, false
	}
	if c < '0' || c > '9' || !startsWord(text, i) {
		return Figure{}, false
	}
	for _, read := range []func(string, int) (Figure, bool){readDate, readTime, cv.readQuantity} {
		if f, ok := read(text, i); ok {
			return f, true
		}
	}
	return Figure{}, false
}

// number is a French number read from text.
type number struct {
	end              int
	intPart, decPart string // digits only
	grouped, decimal bool
}

// readNumber reads 3 500, 1,879, 3 500,25 or 42 at text[i] (and 80,000
// as thousands with CommaThousands).
func (cv Convention) readNumber(text string, i int) (number, bool) {
	j := digitsEnd(text, i)
	if j == i {
		return number{}, false
	}
	n := number{end: j, intPart: text[i:j]}
	if j-i <= 3 {
		for {
			sp := groupSpace(text[n.end:])
			if sp == 0 && cv.CommaThousands && strings.HasPrefix(text[n.end:], ",") {
				sp = 1
			}
			k := n.end + sp
			if sp == 0 || digitsEnd(text, k)-k != 3 {
				break
			}
			n.intPart += text[k : k+3]
			n.end, n.grouped = k+3, true
		}
	}
	if n.end+1 < len(text) && text[n.end] == ',' && isDigit(text[n.end+1]) {
		k := digitsEnd(text, n.end+1)
		n.decPart, n.decimal, n.end = text[n.end+1:k], true, k
	}
	return n, true
}

// english writes the number in English: a decimal point, and commas
// between thousands when the French grouped them.
func (n number) english() string {
	s := n.intPart
	if n.grouped {
		s = groupThousands(s)
	}
	if n.decimal {
		s += "." + n.decPart
	}
	return s
}

func (n number) value() float64 {
	v, _ := strconv.ParseFloat(n.intPart+"."+n.decPart+"0", 64)
	return v
}

// readQuantity reads a number with what follows it: % (a percentage), a
// currency (an amount), an ordinal ending, or nothing.
func (cv Convention) readQuantity(text string, i int) (Figure, bool) {
	n, ok := cv.readNumber(text, i)
	if !ok {
		return Figure{}, false
	}
	f := Figure{Start: i, End: n.end, Kind: Number, English: n.english()}
	rest := text[n.end:]
	sp := groupSpace(rest)
	switch {
	case strings.HasPrefix(rest[sp:], "%"):
		f.Kind, f.End, f.English = Percent, n.end+sp+1, n.english()+"%"
	case currencyAfter(rest[sp:]) != "":
		return amountAfter(f, n, sp, rest)
	case !n.grouped && !n.decimal:
		if end, suffix, ok := ordinalEnd(text, n.end); ok {
			f.Kind, f.End, f.English = Ordinal, end, n.intPart+englishOrdinal(n.intPart, suffix)
			return f, true
		}
	}
	return f, endsWord(text, f.End, n.grouped || n.decimal || f.Kind != Number)
}

// amountAfter completes an amount written with its currency after the
// number: 45 000 € → €45,000, 2,5 M€ → €2.5 million.
func amountAfter(f Figure, n number, sp int, rest string) (Figure, bool) {
	unit := currencyAfter(rest[sp:])
	f.Kind, f.End = Amount, n.end+sp+len(unit)
	sym := strings.TrimLeft(strings.TrimLeft(unit, "kMd"), "s ")
	if sym == "CHF" {
		sym += " "
	}
	switch {
	case strings.HasPrefix(unit, "k"):
		v := strconv.FormatFloat(n.value()*1000, 'f', -1, 64)
		f.English = sym + groupThousands(v)
	case strings.HasPrefix(unit, "Md"):
		f.English = sym + n.english() + " billion"
	case strings.HasPrefix(unit, "M"):
		f.English = sym + n.english() + " million"
	default:
		f.English = sym + n.english()
	}
	return f, true
}

// currencies are the symbols written after (or before) an amount.
var currencies = []string{"€", "$", "£", "¥", "CHF"}

// currencyAfter returns the currency unit rest starts with ("€", "M€",
// "Md€", "k€", "$"…), followed by no letter, or "".
func currencyAfter(rest string) string {
	for _, prefix := range []string{"Mds ", "Mds", "Md ", "Md", "M ", "M", "k ", "k", ""} {
		if !strings.HasPrefix(rest, prefix) {
			continue
		}
		for _, c := range currencies {
			if u := prefix + c; strings.HasPrefix(rest, u) && !letterAt(rest, len(u)) {
				return u
			}
		}
	}
	return ""
}

// currencyBefore returns the currency symbol and the length of it and the
// space after it when s starts with one before a digit (€45, $ 3).
func currencyBefore(s string) (string, int) {
	for _, c := range currencies[:4] {
		if strings.HasPrefix(s, c) {
			n := len(c) + groupSpace(s[len(c):])
			if n < len(s) && isDigit(s[n]) {
				return c, n
			}
		}
	}
	return "", 0
}

// groupSpace returns the length of the one space (plain, no-break, narrow
// no-break or thin) s starts with, or 0.
func groupSpace(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case ' ', '\u00a0', '\u202f', '\u2009':
		return n
	}
	return 0
}

// groupThousands puts commas between the thousands of a digit string
// (with an optional decimal part).
func groupThousands(s string) string {
	intPart, dec, hasDec := strings.Cut(s, ".")
	var b strings.Builder
	for k, c := range intPart {
		if k > 0 && (len(intPart)-k)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasDec {
		b.WriteString("." + dec)
	}
	return b.String()
}

func digitsEnd(text string, i int) int {
	for i < len(text) && isDigit(text[i]) {
		i++
	}
	return i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func letterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// startsWord reports whether a figure may start at text[i]: not glued to
// a word, a number or a decimal before it (G20, COVID-19, 1.2.3).
func startsWord(text string, i int) bool {
	r, n := utf8.DecodeLastRuneInString(text[:i])
	switch {
	case i == 0:
		return true
	case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
		return false
	case strings.ContainsRune("-.,/:", r):
		r2, _ := utf8.DecodeLastRuneInString(text[:i-n])
		return !(unicode.IsLetter(r2) || unicode.IsDigit(r2))
	}
	return true
}

// endsWord reports whether a figure may end at text[i]: no digit, decimal
// or further part follows, nor a letter unless letters is set (2,5km).
func endsWord(text string, i int, letters bool) bool {
	if i >= len(text) {
		return true
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	switch {
	case unicode.IsDigit(r) || r == '_':
		return false
	case unicode.IsLetter(r):
		return letters
	case strings.ContainsRune(".,/:", r) && i+n < len(text) && isDigit(text[i+n]):
		return false
	}
	return true
}
