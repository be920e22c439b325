package figures

import (
	"regexp"
	"strconv"
	"strings"
)

// A key is a figure's value, written so that equal values have equal
// keys whatever form they take: "n3.125" for 3.125, 3,125 or 3.125%,
// "t20:00" for 8 p.m. or 20:00, "d165" for 2 hours 45 minutes, "D2024-08-21"
// for 21 August 2024.
type key string

// englishKeys returns the keys of the figures of an English text. A time,
// a duration or a date also gives the keys of the numbers it is written
// with, so that "21 August 2024" holds the 21 and the 2024 of
// "21 août 2024".
func englishKeys(text string) []key {
	var keys []key
	taken := make([]bool, len(text)+1)
	digits := strings.ContainsAny(text, "0123456789")
	for _, p := range englishPatterns {
		if p.digits && !digits {
			continue
		}
		for _, m := range p.re.FindAllStringSubmatchIndex(text, -1) {
			if taken[m[0]] || !boundary(text, m[0], m[1]) {
				continue
			}
			g := groups(text, m)
			keys = append(keys, p.keys(g)...)
			for k := m[0]; k < m[1]; k++ {
				taken[k] = true
			}
		}
	}
	return keys
}

// englishPatterns are tried in order; a later one never reads a position
// an earlier one took. Those marked digits match only where there is an
// ASCII digit (\d).
var englishPatterns = []struct {
	re     *regexp.Regexp
	keys   func(g []string) []key
	digits bool
}{
	{regexp.MustCompile(`(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December),? (\d{4})`), dateKeys(1, 2, 3), true},
	{regexp.MustCompile(`(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}),? (\d{4})`), dateKeys(2, 1, 3), true},
	{regexp.MustCompile(`(\d{1,2})(?::(\d{2}))? ?([aApP])\.? ?[mM]\.?`), clockKeys, true},
	{regexp.MustCompile(`\b(noon|midday|midnight)\b`), func(g []string) []key {
		if g[1] == "midnight" {
			return []key{"t0:00"}
		}
		return []key{"t12:00"}
	}, false},
	{regexp.MustCompile(`(\d+) hours?(?:,? (?:and )?(\d+) minutes?)?`), func(g []string) []key {
		h, _ := strconv.Atoi(g[1])
		m, _ := strconv.Atoi(g[2])
		return []key{key("d" + strconv.Itoa(60*h+m)), numberKey(g[1])}
	}, true},
	{regexp.MustCompile(`(\d+) minutes?`), func(g []string) []key { return []key{key("d" + g[1]), numberKey(g[1])} }, true},
	{regexp.MustCompile(`(\d{1,2}):(\d{2})`), func(g []string) []key {
		h, _ := strconv.Atoi(g[1])
		m, _ := strconv.Atoi(g[2])
		return []key{timeKey(h, m), key("d" + strconv.Itoa(60*h+m))}
	}, true},
	{regexp.MustCompile(`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`), func(g []string) []key {
		return []key{numberKey(strings.ReplaceAll(g[1], ",", "") + "." + g[2])}
	}, true},
}

func dateKeys(day, month, year int) func(g []string) []key {
	return func(g []string) []key {
		m := 0
		for k, name := range months {
			if name == g[month] {
				m = k + 1
			}
		}
		d, _ := strconv.Atoi(g[day])
		return []key{key("D" + g[year] + "-" + twoDigits(m) + "-" + twoDigits(d)), numberKey(g[day]), numberKey(g[year])}
	}
}

func clockKeys(g []string) []key {
	h, _ := strconv.Atoi(g[1])
	m, _ := strconv.Atoi(g[2])
	if h > 12 {
		return []key{numberKey(g[1])}
	}
	if strings.EqualFold(g[3], "p") && h < 12 {
		h += 12
	} else if strings.EqualFold(g[3], "a") && h == 12 {
		h = 0
	}
	return []key{timeKey(h, m), numberKey(g[1])}
}

func timeKey(h, m int) key { return key("t" + strconv.Itoa(h%24) + ":" + twoDigits(m)) }

// numberKey is the key of a decimal number written with a point.
func numberKey(s string) key {
	v, err := strconv.ParseFloat(strings.TrimSuffix(s, "."), 64)
	if err != nil {
		return key("n" + s)
	}
	return key("n" + strconv.FormatFloat(v, 'f', -1, 64))
}

func groups(text string, m []int) []string {
	g := make([]string, len(m)/2)
	for k := range g {
		if m[2*k] >= 0 {
			g[k] = text[m[2*k]:m[2*k+1]]
		}
	}
	return g
}

// boundary reports whether text[s:e] is not part of a longer number or
// word.
func boundary(text string, s, e int) bool {
	if s > 0 && (isDigit(text[s-1]) || isLetterByte(text[s-1])) {
		return false
	}
	if s > 1 && (text[s-1] == '.' || text[s-1] == ',') && isDigit(text[s-2]) {
		return false
	}
	return e >= len(text) || !isDigit(text[e])
}

func isLetterByte(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
