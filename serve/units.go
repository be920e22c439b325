package serve

import (
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/bitext/bitext/review"
)

// The statuses of a unit in the API, from its [review.State].
const (
	statusPending  = "pending"  // the machine draft, not reviewed
	statusEdited   = "edited"   // changed in the working copy, not approved
	statusChanged  = "changed"  // changed since it was approved
	statusAdded    = "added"    // a paragraph with no French
	statusApproved = "approved" // the approved text
)

var statuses = map[review.State]string{
	review.Machine: statusPending, review.Edited: statusEdited, review.Changed: statusChanged,
	review.Orphan: statusAdded, review.Approved: statusApproved,
}

func status(u *review.Unit) string { return statuses[u.State()] }

// Counts are an article's units by status: Pending the machine drafts no
// one decided on, Edited those changed but not approved (edited, changed
// since approval, added), Approved the approved ones.
type Counts struct {
	Pending  int `json:"pending"`
	Edited   int `json:"edited"`
	Approved int `json:"approved"`
	Total    int `json:"total"`
}

// ToDo is how many units need a decision.
func (c Counts) ToDo() int { return c.Pending + c.Edited }

func countUnits(art *review.Article) Counts {
	var c Counts
	for _, u := range art.Units {
		switch status(u) {
		case statusPending:
			c.Pending++
		case statusApproved:
			c.Approved++
		default:
			c.Edited++
		}
	}
	c.Total = len(art.Units)
	return c
}

// unitIDs returns the ids of art's units, in order. An id says where the
// unit is and which French it holds, so that a decision never lands on
// another sentence after the article changed: "3.1~9f2c1a" is paragraph
// 3, sentence 1 (3.1-2 for a unit of sentences 1 to 2), "3.1.img-alt1~…"
// the alt text of the first image of that sentence ("3.1.a-title2~…" the
// title of its second link with one), "title~…" a front-matter field,
// "added-3.1" the first paragraph with no French after paragraph 3. Ids
// use only URL-safe characters.
func unitIDs(art *review.Article) []string {
	ids := make([]string, len(art.Units))
	added := map[int]int{}
	attrs := map[string]int{}
	for i, u := range art.Units {
		switch {
		case u.Field != "":
			ids[i] = safeName(u.Field) + "~" + shortHash(u.Source())
		case u.Orphan():
			added[u.Block]++
			ids[i] = fmt.Sprintf("added-%d.%d", u.Block+1, added[u.Block])
		default:
			place := fmt.Sprintf("%d.%d", u.Block+1, u.First+1)
			if u.Last > u.First {
				place += fmt.Sprintf("-%d", u.Last+1)
			}
			if el, name := u.Attribute(); name != "" {
				kind := safeName(el) + "-" + safeName(name)
				attrs[place+kind]++
				place += fmt.Sprintf(".%s%d", kind, attrs[place+kind])
			}
			ids[i] = place + "~" + shortHash(u.Source())
		}
	}
	return ids
}

// safeName keeps the URL-safe letters of a front-matter key.
func safeName(s string) string {
	out := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' {
			return r
		}
		return -1
	}, s)
	if out == "" {
		return "field"
	}
	return out
}

// shortHash is six hex digits of a text's FNV-1a hash.
func shortHash(s string) string {
	h := fnv.New32a()
	h.Write([]byte(s))
	return fmt.Sprintf("%06x", h.Sum32()&0xffffff)
}

// unitRev is a fingerprint of everything the page shows of a unit, so
// that polling can tell which units changed.
func unitRev(u *review.Unit) string {
	h := fnv.New64a()
	for _, s := range []string{status(u), u.Source(), u.Text, u.Draft, u.Backend, u.Record.Text, u.OldSource, u.OldText} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	for _, p := range u.Problems {
		h.Write([]byte(p))
	}
	return fmt.Sprintf("%016x", h.Sum64())
}

// UnitJSON is a unit as the API gives it.
type UnitJSON struct {
	// ID names the unit in URLs.
	ID string `json:"id"`
	// Source is the French, Machine the machine draft, Text the English
	// in the working copy: HTML fragments when Markup is set.
	Source  string `json:"source"`
	Machine string `json:"machine"`
	Text    string `json:"text"`
	// Status is pending, edited, changed, added or approved.
	Status string `json:"status"`
	Markup bool   `json:"markup,omitempty"`
	// Approved is the approved English when the text changed since.
	Approved string `json:"approved,omitempty"`
	// Backend made the machine draft.
	Backend string `json:"backend,omitempty"`
	// Where describes the unit's place; Line is its French line.
	Where string `json:"where"`
	Line  int    `json:"line,omitempty"`
	// Reasons say why the unit needs a decision; Problems list what is
	// wrong with its English as the terminal review words it, each
	// starting with its kind: "glossary: …" (a term missing), "fidelity:
	// …" (a figure changed, an address lost).
	Reasons  []string `json:"reasons,omitempty"`
	Problems []string `json:"problems,omitempty"`
	// Rev changes whenever anything above does.
	Rev string `json:"rev"`
}

func unitJSON(id string, u *review.Unit) UnitJSON {
	j := UnitJSON{ID: id, Source: u.Source(), Machine: u.Draft, Text: u.Text, Status: status(u), Markup: u.Markup,
		Backend: u.Backend, Where: u.Where(), Line: u.Line, Reasons: u.Reasons(), Problems: u.Problems, Rev: unitRev(u)}
	if u.State() == review.Changed {
		j.Approved = u.Record.Text
	}
	return j
}

// ArticleJSON is an article as the API gives it.
type ArticleJSON struct {
	// Path is the working copy relative to the output folder; Name the
	// article's name in the translation memory.
	Path string `json:"path"`
	Name string `json:"name"`
	Counts
	Units []UnitJSON `json:"units"`
}

func articleJSON(path, name string, art *review.Article) ArticleJSON {
	j := ArticleJSON{Path: path, Name: name, Counts: countUnits(art), Units: []UnitJSON{}}
	for i, id := range unitIDs(art) {
		j.Units = append(j.Units, unitJSON(id, art.Units[i]))
	}
	return j
}
