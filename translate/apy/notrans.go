package apy

import (
	"regexp"
	"strconv"
	"strings"
)

// Do-not-translate elements (any element with translate="no", such as the
// neutral <span translate="no">…</span>) are sent to APY as
// <apertium-notrans>bitextN</apertium-notrans>, which Apertium's HTML
// deformatter turns into one superblank and gives back untouched; restore
// then puts the original element back byte for byte.

var (
	startTag    = regexp.MustCompile(`<([A-Za-z][A-Za-z0-9-]*)\b[^<>]*>`)
	translateNo = regexp.MustCompile(`(?i)\stranslate\s*=\s*(?:"no"|'no'|no[\s/>])`)
	notransRef  = regexp.MustCompile(`<apertium-notrans>bitext([0-9]+)</apertium-notrans>`)
)

// protect replaces the do-not-translate elements of an HTML fragment by
// numbered references and returns the elements.
func protect(s string) (string, []string) {
	var kept []string
	var b strings.Builder
	for {
		loc := findNotrans(s)
		if loc == nil {
			b.WriteString(s)
			return b.String(), kept
		}
		b.WriteString(s[:loc[0]])
		b.WriteString("<apertium-notrans>bitext" + strconv.Itoa(len(kept)) + "</apertium-notrans>")
		kept = append(kept, s[loc[0]:loc[1]])
		s = s[loc[1]:]
	}
}

// restore puts the elements protect took out back in place.
func restore(s string, kept []string) string {
	if len(kept) == 0 {
		return s
	}
	return notransRef.ReplaceAllStringFunc(s, func(ref string) string {
		n, err := strconv.Atoi(notransRef.FindStringSubmatch(ref)[1])
		if err != nil || n >= len(kept) {
			return ref
		}
		return kept[n]
	})
}

// findNotrans returns the start and end of the first element with
// translate="no" in s, nil when there is none. An element never closed
// runs to the end of s.
func findNotrans(s string) []int {
	for off := 0; ; {
		m := startTag.FindStringSubmatchIndex(s[off:])
		if m == nil {
			return nil
		}
		start, end := off+m[0], off+m[1]
		tag := s[start:end]
		if !translateNo.MatchString(tag) {
			off = end
			continue
		}
		if strings.HasSuffix(tag, "/>") {
			return []int{start, end}
		}
		return []int{start, closeOf(s, end, strings.ToLower(s[off+m[2]:off+m[3]]))}
	}
}

// closeOf returns the index after the end tag closing element name, whose
// start tag ends at from, counting nested elements of the same name.
func closeOf(s string, from int, name string) int {
	depth := 1
	tags := regexp.MustCompile(`(?i)<(/?)` + regexp.QuoteMeta(name) + `\b[^<>]*>`)
	for _, m := range tags.FindAllStringSubmatchIndex(s[from:], -1) {
		tag := s[from+m[0] : from+m[1]]
		switch {
		case m[3] > m[2]:
			depth--
		case !strings.HasSuffix(tag, "/>"):
			depth++
		}
		if depth == 0 {
			return from + m[1]
		}
	}
	return len(s)
}
