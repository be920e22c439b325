package review

import (
	"fmt"
	"io"
	"strings"
)

// WriteUnit prints one unit for the diff command and plain review: a
// header naming the file, the place and the reasons, the French (with its
// change when the French changed), and the English as a word diff against
// the machine draft. With draft set the machine draft is printed too.
func WriteUnit(w io.Writer, a *Article, u *Unit, st Style, draft bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", a.Name(), u.Where())
	if u.Line > 0 {
		fmt.Fprintf(&b, " (French line %d)", u.Line)
	}
	if r := u.Reasons(); len(r) > 0 {
		fmt.Fprintf(&b, ": %s", strings.Join(r, ", "))
	} else {
		b.WriteString(": approved")
	}
	b.WriteByte('\n')
	if u.OldSource != "" {
		fmt.Fprintf(&b, "  fr: %s\n", Render(WordDiff(u.OldSource, u.Source()), st))
		fmt.Fprintf(&b, "  was: %s\n", u.OldText)
	} else if !u.Orphan() {
		fmt.Fprintf(&b, "  fr: %s\n", u.Source())
	}
	if draft && !u.Orphan() {
		fmt.Fprintf(&b, "  mt: %s\n", u.Draft)
	}
	fmt.Fprintf(&b, "  en: %s\n", describeText(u, st))
	for _, p := range u.Problems {
		fmt.Fprintf(&b, "  %s\n", p)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// describeText is the unit's English as a diff against what it is
// compared with: the approved text when the working copy changed since
// the approval, the machine draft otherwise.
func describeText(u *Unit, st Style) string {
	switch {
	case u.Orphan():
		return Render([]Chunk{{Insert, u.Text}}, st)
	case u.Text == "" && u.Draft != "":
		return Render([]Chunk{{Delete, u.Draft}}, st) + " (deleted)"
	case u.State() == Changed:
		return Render(WordDiff(u.Record.Text, u.Text), st)
	}
	return Render(WordDiff(u.Draft, u.Text), st)
}

// Differs reports whether the unit's English differs from its machine
// draft (or it has no French): what the diff command lists.
func (u *Unit) Differs() bool { return u.Orphan() || u.Text != u.Draft }
