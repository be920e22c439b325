package serve

import (
	"html/template"
	"net/url"
	"strings"

	"github.com/bitext/bitext/review"
)

// unitView is what the page shows of a unit. Every template.HTML field
// is built from escaped text (highlight, diffHTML).
type unitView struct {
	ID, Status, Label, Where string
	Line                     int
	// Source and Text are the French and English, terms highlighted.
	Source, Text template.HTML
	// Diff is the word diff, against what DiffNote says.
	Diff     template.HTML
	DiffNote string
	// OldSource is the change of the French since OldText was approved
	// for it.
	OldSource template.HTML
	OldText   string
	// Edit is the text the editor starts from; Base the text in the
	// unit's form, which a decision sends back to detect conflicts.
	Edit, Base, Rev string
	// Problems are review's: "glossary: …", "fidelity: …".
	Problems      []problem
	Reasons       []string
	Orphan, Field bool
	Pending       bool
	// Retranslate shows the re-translate button.
	Retranslate bool
}

var labels = map[string]string{
	statusPending: "machine draft", statusEdited: "edited, not approved", statusChanged: "changed since approval",
	statusAdded: "no French", statusApproved: "approved",
}

// newUnitView prepares a unit for the page.
func (s *Server) newUnitView(id string, u *review.Unit) unitView {
	st := status(u)
	v := unitView{ID: id, Status: st, Label: labels[st], Where: u.Where(), Line: u.Line, Edit: editForm(u),
		Base: u.Text, Rev: unitRev(u), Problems: problems(u.Problems), Orphan: u.Orphan(), Field: u.Field != "", Pending: u.Pending()}
	if r := u.Reasons(); len(r) > 1 {
		v.Reasons = r[1:] // the first is the state, shown as Label
	}
	fr, en := plain(u.Source(), u.Markup), u.PlainText()
	frMarks, enMarks := terms(s.opts.Glossary, fr, en)
	v.Source, v.Text = richHTML(u.Source(), u.Markup, frMarks), richHTML(u.Text, u.Markup, enMarks)
	if chunks, note := unitDiff(u); chunks != nil {
		v.Diff, v.DiffNote = diffHTML(chunks), note
	}
	if u.OldSource != "" {
		v.OldSource = diffHTML(review.WordDiff(plain(u.OldSource, u.Markup), fr))
		v.OldText = plain(u.OldText, u.Markup)
	}
	return v
}

// problem is one of review's problems of a unit, with its kind.
type problem struct{ Kind, Text string }

func problems(list []string) []problem {
	var out []problem
	for _, p := range list {
		kind, _, ok := strings.Cut(p, ": ")
		if !ok || strings.ContainsAny(kind, " ") {
			kind = "check"
		}
		out = append(out, problem{kind, p})
	}
	return out
}

// escapePath escapes each element of a slash-separated path for a URL.
func escapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}

// articlePage is the page of one article.
type articlePage struct {
	Path, Name string
	// Page and API are the article's page and API addresses.
	Page, API    string
	Counts       Counts
	Units        []unitView
	Backends     []string
	PollMS       int64
	Prev, Next   string
	Articles     int
	Retranslates bool
}

// listPage is the page listing the articles.
type listPage struct {
	Out      string
	Articles []listRow
	PollMS   int64
	Total    Counts
}

type listRow struct {
	Summary
	Page string
	Rev  string
}
