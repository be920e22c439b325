package review

import (
	"fmt"
	"io"
	"strings"
)

// Part is one labelled text of a unit as reviews show it (the plain
// review, diff and the terminal screen alike).
type Part struct {
	// Key is the short label the plain review prints ("fr", "was", "mt",
	// "en") and Title the long one the screen shows.
	Key, Title string
	// Text is the part rendered in the style asked for.
	Text string
}

// Parts returns what a review shows of u, in st: the French (as a diff
// when it changed since a similar sentence was approved, followed by the
// English approved for that sentence), the machine draft when draft is
// set, and the English as a diff against what it is compared with.
// Inline markup shows as its looks, never as tags.
func (u *Unit) Parts(st Style, draft bool) []Part {
	var out []Part
	switch {
	case u.OldSource != "":
		out = append(out,
			Part{"fr", "French (changed)", RenderDiff(u.OldSource, u.Source(), u.Markup, st)},
			Part{"was", "Approved for the earlier French", RenderText(u.OldText, u.Markup, Equal, st)})
	case !u.Orphan():
		out = append(out, Part{"fr", "French", RenderText(u.Source(), u.Markup, Equal, st)})
	}
	if draft && !u.Orphan() {
		out = append(out, Part{"mt", "Machine (" + u.Backend + ")", RenderText(u.Draft, u.Markup, Equal, st)})
	}
	title := "English"
	if u.State() == Changed {
		title = "English (changes since the approval)"
	}
	return append(out, Part{"en", title, describeText(u, st)})
}

// WriteUnit prints one unit for the diff command and plain review: a
// header naming the file, the place and the reasons, then its [Unit.Parts]
// and its problems. With draft set the machine draft is printed too.
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
	for _, p := range u.Parts(st, draft) {
		fmt.Fprintf(&b, "  %s: %s\n", p.Key, p.Text)
	}
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
		return RenderText(u.Text, u.Markup, Insert, st)
	case u.Text == "" && u.Draft != "":
		return RenderText(u.Draft, u.Markup, Delete, st) + " (deleted)"
	case u.State() == Changed:
		return RenderDiff(u.Record.Text, u.Text, u.Markup, st)
	}
	return RenderDiff(u.Draft, u.Text, u.Markup, st)
}

// Differs reports whether the unit's English differs from its machine
// draft (or it has no French): what the diff command lists.
func (u *Unit) Differs() bool { return u.Orphan() || u.Text != u.Draft }
