// Package suggest finds what a user probably meant when a name they typed
// (a command, a backend, an option, a flag) is not one bitext knows: the
// "did you mean" of every usage error.
//
// # Matching
//
// Names are compared without regard to case. A candidate is close enough
// when the typed name is a prefix of it (trans → translate), or when the
// two differ by at most one edit per three letters of the typed name,
// counting an exchange of two neighbouring letters (marain → marian) as
// one edit, as typing mistakes usually are.
package suggest

import (
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate typed most probably meant, or "" when
// none is close enough (see the package documentation). Ties go to the
// earlier candidate.
func Closest(typed string, candidates []string) string {
	typed = strings.ToLower(strings.TrimSpace(typed))
	if typed == "" {
		return ""
	}
	best, bestDist := "", -1
	limit := max(1, utf8.RuneCountInString(typed)/3)
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := distance([]rune(typed), []rune(lc))
		if strings.HasPrefix(lc, typed) && len(typed) >= 3 {
			d = min(d, 1)
		}
		if d <= limit && (bestDist < 0 || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// DidYouMean returns "; did you mean X?" for the closest candidate, or "".
func DidYouMean(typed string, candidates []string) string {
	if c := Closest(typed, candidates); c != "" {
		return "; did you mean " + c + "?"
	}
	return ""
}

// distance is the optimal string alignment distance of a and b: the
// fewest insertions, deletions, substitutions and exchanges of two
// neighbouring letters that turn a into b.
func distance(a, b []rune) int {
	rows := make([][]int, len(a)+1)
	for i := range rows {
		rows[i] = make([]int, len(b)+1)
		rows[i][0] = i
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, rows[i-2][j-2]+1)
			}
			rows[i][j] = d
		}
	}
	return rows[len(a)][len(b)]
}
