package figures

import (
	"strconv"
	"strings"
)

// readTime reads a clock time or a duration in hours: 20h, 20 h, 20h30,
// 20 h 30, 17 heures, 8h du soir, a duré 2h45.
func readTime(text string, i int) (Figure, bool) {
	j := digitsEnd(text, i)
	if j-i > 2 {
		return Figure{}, false
	}
	h, _ := strconv.Atoi(text[i:j])
	k := j + groupSpace(text[j:])
	rest := text[k:]
	var unit string
	for _, u := range []string{"heures", "heure", "h"} {
		if strings.HasPrefix(rest, u) {
			unit = u
			break
		}
	}
	if unit == "" {
		return Figure{}, false
	}
	end := k + len(unit)
	m, end, hasMin := minutesAfter(text, end)
	if !hasMin {
		if extra, n := fraction(text[end:]); n > 0 {
			m, end = extra, end+n
		}
	}
	if !endsWord(text, end, false) || m > 59 {
		return Figure{}, false
	}
	f := Figure{Start: i, End: end}
	if isDuration(text[:i], text[end:], h) || unit != "h" && !hasMin && !isClock(text[:i], text[end:]) {
		f.Kind, f.English = Duration, englishDuration(h, m)
		return f, true
	}
	if h > 24 {
		return Figure{}, false
	}
	if part, n := dayPart(text[end:]); n > 0 {
		h = part(h)
		f.End = end + n
	}
	f.Kind, f.English = Time, englishTime(h, m)
	return f, true
}

// clockCues are the words after which "N heures" is a time of day (à 21
// heures, vers 8 heures, de 9 heures à 18 heures); without one, and
// without minutes, "N heures" is a duration (chacune prend 3 heures).
var clockCues = []string{"à", "a", "vers", "dès", "jusqu'à", "jusqu’à", "depuis", "avant", "après", "entre",
	"il est", "était", "sera", "à partir de", "aux alentours de", "autour de", "midi", "minuit", "d'ici", "d’ici"}

// isClock reports whether "N heures" between before and after is a time.
func isClock(before, after string) bool {
	if _, n := dayPart(after); n > 0 {
		return true
	}
	b := strings.ToLower(strings.TrimRight(before, " \u00a0\u202f"))
	for _, c := range clockCues {
		if strings.HasSuffix(b, " "+c) || b == c || strings.HasSuffix(b, "'"+c) {
			return true
		}
	}
	// "de 9 heures à 18 heures", "entre 9 et 11 heures": a range of times.
	a := strings.ToLower(strings.TrimLeft(after, " \u00a0"))
	rangeStart := strings.HasSuffix(b, " de") || b == "de"
	return rangeStart && (strings.HasPrefix(a, "à ") || strings.HasPrefix(a, "jusqu")) ||
		strings.HasSuffix(b, " et") && strings.Contains(b[max(0, len(b)-24):], "entre ")
}

// fraction reads "et demie" or "et quart" after an hour: the minutes it
// adds and its length.
func fraction(after string) (int, int) {
	for _, f := range []struct {
		words string
		min   int
	}{{" et demie", 30}, {" et demi", 30}, {" et quart", 15}} {
		if strings.HasPrefix(after, f.words) && endsWord(after, len(f.words), false) {
			return f.min, len(f.words)
		}
	}
	return 0, 0
}

// minutesAfter reads the two-digit minutes after "h" (20h30, 20 h 30).
func minutesAfter(text string, i int) (int, int, bool) {
	k := i + groupSpace(text[i:])
	if e := digitsEnd(text, k); e-k == 2 {
		m, _ := strconv.Atoi(text[k:e])
		return m, e, true
	}
	return 0, i, false
}

// durationCues are the words after which a number of hours is a duration
// (a duré 2h45, pendant 3 heures, en 2h, il y a 2h, plus de 36 heures).
var durationCues = []string{"duré", "dure", "durent", "durera", "dureront", "durée", "durée de", "pendant", "durant",
	"en", "il y a", "plus de", "moins de", "près de", "quelque", "environ", "dans", "sous", "toutes les", "chaque",
	"de plus de", "d'environ", "d’environ", "au bout de", "après plus de", "pour", "au moins", "au plus", "les",
	"des", "nos", "ces", "quelques", "dernières", "premières", "prochaines"}

// isDuration decides whether hours at the end of before are a duration:
// after a duration cue, before "de" and a noun (3h de négociations), or
// over 24 hours.
func isDuration(before, after string, h int) bool {
	if h >= 24 {
		return true
	}
	b := strings.ToLower(strings.TrimRight(before, " \u00a0\u202f"))
	for _, c := range durationCues {
		if strings.HasSuffix(b, " "+c) || b == c {
			return true
		}
	}
	a := strings.ToLower(strings.TrimLeft(after, " \u00a0"))
	for _, c := range []string{"par ", "sur ", "consécutives", "supplémentaires", "plus tard", "de plus", "de moins", "d'affilée", "d’affilée"} {
		if strings.HasPrefix(a, c) {
			return true
		}
	}
	return strings.HasPrefix(a, "de ") && !strings.HasPrefix(a, "de l") && !strings.HasPrefix(a, "de la nuit") ||
		strings.HasPrefix(a, "d'") || strings.HasPrefix(a, "d’")
}

// dayParts turn a 12-hour French time into a 24-hour one.
var dayParts = []struct {
	words string
	to24  func(h int) int
}{
	{" du matin", func(h int) int { return h }},
	{" le matin", func(h int) int { return h }},
	{" ce matin", func(h int) int { return h }},
	{" du soir", func(h int) int { return pm(h) }},
	{" le soir", func(h int) int { return pm(h) }},
	{" ce soir", func(h int) int { return pm(h) }},
	{" de l'après-midi", func(h int) int { return pm(h) }},
	{" de l’après-midi", func(h int) int { return pm(h) }},
	{" de la nuit", func(h int) int {
		if h >= 9 && h < 12 {
			return h + 12
		}
		return h
	}},
}

func pm(h int) int {
	if h < 12 {
		return h + 12
	}
	return h
}

// dayPart returns the conversion for the part of the day after a time
// (du soir), and its length, or 0.
func dayPart(after string) (func(int) int, int) {
	for _, p := range dayParts {
		if strings.HasPrefix(after, p.words) && endsWord(after, len(p.words), false) {
			return p.to24, len(p.words)
		}
	}
	return nil, 0
}

// englishTime writes a time of day in house style: 8 p.m., 8:30 a.m.,
// noon, midnight.
func englishTime(h, m int) string {
	if m == 0 {
		switch h {
		case 0, 24:
			return "midnight"
		case 12:
			return "noon"
		}
	}
	suffix := " a.m."
	if h >= 12 && h < 24 {
		suffix = " p.m."
	}
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	if m == 0 {
		return strconv.Itoa(h12) + suffix
	}
	return strconv.Itoa(h12) + ":" + twoDigits(m) + suffix
}

// englishDuration writes hours and minutes: 2 hours 45 minutes, 1 hour.
func englishDuration(h, m int) string {
	var parts []string
	if h > 0 || m == 0 {
		parts = append(parts, plural(h, "hour"))
	}
	if m > 0 {
		parts = append(parts, plural(m, "minute"))
	}
	return strings.Join(parts, " ")
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// months are the English month names, from January.
var months = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// readDate reads a numeric date, day first: 21/08/2024, 21.08.2024.
func readDate(text string, i int) (Figure, bool) {
	var parts [3]int
	var sep byte
	k := i
	for p := 0; p < 3; p++ {
		e := digitsEnd(text, k)
		width := e - k
		if width == 0 || p < 2 && width > 2 || p == 2 && width != 4 && width != 2 {
			return Figure{}, false
		}
		parts[p], _ = strconv.Atoi(text[k:e])
		k = e
		if p == 2 {
			break
		}
		if k >= len(text) || text[k] != '/' && text[k] != '.' || p == 1 && text[k] != sep {
			return Figure{}, false
		}
		sep = text[k]
		k++
	}
	d, m, y := parts[0], parts[1], parts[2]
	if d < 1 || d > 31 || m < 1 || m > 12 || !endsWord(text, k, false) {
		return Figure{}, false
	}
	if k-i < 10 && y < 100 {
		y += 2000
		if y > 2069 {
			y -= 100
		}
	}
	return Figure{Start: i, End: k, Kind: Date, English: strconv.Itoa(d) + " " + months[m-1] + " " + strconv.Itoa(y)}, true
}

// ordinalEnd reads a French ordinal ending after a number (1er, 1re, 2e,
// 2ème, 2nd, 2nde) and returns where it ends.
func ordinalEnd(text string, i int) (int, string, bool) {
	for _, suf := range []string{"ère", "ème", "eme", "nde", "er", "re", "nd", "e"} {
		if strings.HasPrefix(text[i:], suf) && endsWord(text, i+len(suf), false) {
			return i + len(suf), suf, true
		}
	}
	return 0, "", false
}

// englishOrdinal returns the English ending of an ordinal number.
func englishOrdinal(digits, _ string) string {
	n, _ := strconv.Atoi(digits)
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}
