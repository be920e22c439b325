package translate

import (
	"fmt"
	"strings"

	"github.com/bitext/bitext/figures"
	"github.com/bitext/bitext/inline"
)

// Fidelity is what bitext checked on one segment's translation: what it
// protected in the French, how each item came back, and the problems an
// editor must look at. It never holds the translation itself (the
// segment's Target does).
type Fidelity struct {
	// Protected lists the protected items of the French, in order.
	Protected []ProtectedItem `json:"protected,omitempty"`
	// Warnings describe what did not come back exactly: a figure missing
	// or changed, an address put back by bitext, a link or emphasis lost.
	// A segment with warnings needs an editor's eye (and fails --strict).
	Warnings []string `json:"warnings,omitempty"`
}

// ProtectedItem is one protected item of a segment.
type ProtectedItem struct {
	// Kind is what it is: url, email, handle, hashtag, code, notranslate,
	// number, term.
	Kind string `json:"kind"`
	// Source is the item as the French has it.
	Source string `json:"source"`
	// English is what the translation must hold when it differs from
	// Source (a number in house style, a glossary term's target).
	English string `json:"english,omitempty"`
	// Status is how it came back: "kept"; "restored" (the engine dropped
	// it and bitext put it back at the end of the sentence, or it came
	// back twice and bitext kept one); "missing" (it is not in the
	// translation).
	Status string `json:"status"`
}

// Status values of a ProtectedItem.
const (
	StatusKept     = "kept"
	StatusRestored = "restored"
	StatusMissing  = "missing"
)

// HasWarnings reports whether the record holds any warning.
func (f *Fidelity) HasWarnings() bool { return f != nil && len(f.Warnings) > 0 }

// checkFidelity builds the record of a translation: prot is the protected
// French, target the final translation (a fragment when markup), issues
// what restoring repaired (none for a translation from the memory).
func checkFidelity(prot inline.Content, target string, markup bool, issues []inline.Issue) *Fidelity {
	f := &Fidelity{}
	got := inline.ParseSegment(target, markup)
	plain := got.Plain()
	fixed := map[int]inline.Problem{}
	for _, is := range issues {
		if is.Code != nil {
			fixed[is.Code.ID] = is.Problem
		}
	}
	var french []figures.Figure
	for _, c := range prot.Codes() {
		if c.Kind == inline.Element {
			f.elementWarning(c, fixed[c.ID])
			continue
		}
		f.item(c, plain, fixed[c.ID])
		if c.Kind == inline.Number {
			french = append(french, figures.Figure{Text: c.Text, English: c.Target})
		}
	}
	for _, fig := range figures.Missing(french, withoutLinks(got)) {
		f.Warnings = append(f.Warnings, fmt.Sprintf("figure %q (%s) is not in the translation", fig.Text, fig.English))
	}
	if len(f.Protected) == 0 && len(f.Warnings) == 0 {
		return nil
	}
	return f
}

// item records one protected span and warns when it is not back as it
// must be.
func (f *Fidelity) item(c *inline.Code, plain string, fixed inline.Problem) {
	it := ProtectedItem{Kind: c.Kind.String(), Source: c.Text, Status: StatusKept}
	want := c.Text
	if c.Target != "" {
		want = c.Target
	}
	if want != c.Text {
		it.English = want
	}
	if c.Kind == inline.InlineCode {
		it.Kind = "code"
	}
	present := strings.Contains(plain, want) || c.Kind == inline.Term && strings.Contains(strings.ToLower(plain), strings.ToLower(want))
	switch {
	case !present:
		it.Status = StatusMissing
		f.Warnings = append(f.Warnings, fmt.Sprintf("%s %q is not in the translation", it.Kind, want))
	case fixed == inline.Missing:
		it.Status = StatusRestored
		f.Warnings = append(f.Warnings, fmt.Sprintf("%s %q was dropped by the engine; bitext put it back at the end of the sentence", it.Kind, want))
	case fixed == inline.Duplicated:
		it.Status = StatusRestored
		f.Warnings = append(f.Warnings, fmt.Sprintf("%s %q came back twice; bitext kept the first", it.Kind, want))
	}
	f.Protected = append(f.Protected, it)
}

// elementWarning warns about markup the translation lost.
func (f *Fidelity) elementWarning(c *inline.Code, fixed inline.Problem) {
	if fixed != inline.Missing && fixed != inline.Unpaired {
		return
	}
	what := "<" + c.Name + ">"
	if href, ok := c.Tag().Attr("href"); ok && c.Name == "a" {
		what = "the link to " + href
	}
	if c.Type == inline.Standalone {
		f.Warnings = append(f.Warnings, fmt.Sprintf("%s was dropped by the engine; bitext put it back at the end of the sentence", what))
		return
	}
	f.Warnings = append(f.Warnings, fmt.Sprintf("%s was lost in translation: put it back by hand", what))
}

// withoutLinks returns the plain text of content with its addresses left
// out, so that their digits are not taken for figures.
func withoutLinks(c inline.Content) string {
	var b strings.Builder
	for _, p := range inline.Protect(c, inline.LinkFinder) {
		switch {
		case p.Code == nil:
			b.WriteString(p.Text)
		case p.Code.Kind == inline.Element && p.Code.Name == "br":
			b.WriteByte(' ')
		case p.Code.Kind < inline.URL || p.Code.Kind > inline.Hashtag:
			b.WriteString(p.Code.Text)
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// CheckFidelity checks a translation against its source without a
// pipeline (a hand-edited one, say): the addresses, inline code and
// do-not-translate elements of the source must be in it as they are, and
// its figures must have the values of the source's. source and target are
// HTML fragments when markup is set. It returns nil when the source has
// nothing to check.
func CheckFidelity(source, target string, markup bool) *Fidelity {
	p := Pipeline{}
	cv := figures.DetectConvention(inline.ParseSegment(source, markup).Plain())
	return checkFidelity(p.protect(source, markup, cv), target, markup, nil)
}
