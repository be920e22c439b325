package xliff

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/bitext/bitext/inline"
	"github.com/bitext/bitext/review"
)

// Article is an article of an output folder opened for review, with its
// name in the translation memory (outdir.Article.Name, "asie/seoul"),
// which names its <file> in XLIFF.
type Article struct {
	Name   string
	Review *review.Article
}

// Export returns the XLIFF document of articles in version v: a file per
// article, a unit per unit of review (paragraphs with no French left out).
func Export(articles []Article, from, to string, v Version) (*Document, error) {
	doc := &Document{Version: v, SrcLang: from, TrgLang: to}
	for i, a := range articles {
		f := File{ID: "f" + strconv.Itoa(i+1), Original: a.Name}
		ids := UnitIDs(a.Review)
		for k, u := range a.Review.Units {
			if ids[k] == "" {
				continue
			}
			xu := exportUnit(u, ids[k])
			if err := checkPairs(xu.Source); err != nil {
				return nil, fmt.Errorf("%s: %s: %w", a.Name, u.Where(), err)
			}
			f.Units = append(f.Units, xu)
		}
		doc.Files = append(doc.Files, f)
	}
	return doc, nil
}

// exportUnit returns the XLIFF unit of a unit of review.
func exportUnit(u *review.Unit, id string) Unit {
	xu := Unit{ID: id, Name: u.Where(), Source: inline.ParseSegment(u.Source(), u.Markup), Base: Hash(u.Text)}
	xu.State, xu.SubState = stateOf(u)
	if xu.State != Initial {
		xu.HasTarget, xu.Target = true, exportTarget(u, xu.Source)
	}
	return xu
}

// exportTarget returns the English of u with the ids of src's codes.
func exportTarget(u *review.Unit, src inline.Content) inline.Content {
	return alignCodes(inline.ParseSegment(u.Text, u.Markup), src)
}

// stateOf maps a unit's review state to XLIFF's, with bitext's own as
// the sub-state.
func stateOf(u *review.Unit) (State, string) {
	switch s := u.State(); {
	case s == review.Approved:
		return Final, "bitext:approved"
	case u.Text == "" && u.Draft == "":
		return Initial, ""
	case s == review.Machine:
		return Translated, "bitext:machine"
	case s == review.Changed:
		return Reviewed, "bitext:changed"
	}
	return Reviewed, "bitext:edited"
}

// Hash is what a unit's bitext:base holds: the start of the SHA-256 of
// the English it was exported with.
func Hash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// UnitIDs returns the XLIFF id of each of a's units, in a.Units' order:
// pBsS for sentence S of paragraph B (pBsS-T for sentences S to T an
// editor merged), pBsSaN for the Nth alt text or title in them, mN for
// the Nth front-matter field; "" for a paragraph with no French. Ids
// follow the French, so that they survive edits to the English.
func UnitIDs(a *review.Article) []string {
	out := make([]string, len(a.Units))
	fields, attrs := 0, map[string]int{}
	for i, u := range a.Units {
		switch {
		case u.Orphan():
		case u.Field != "":
			fields++
			out[i] = "m" + strconv.Itoa(fields)
		default:
			id := fmt.Sprintf("p%ds%d", u.Block+1, u.First+1)
			if u.Last > u.First {
				id += "-" + strconv.Itoa(u.Last+1)
			}
			if _, seen := attrs[id]; seen {
				attrs[id]++
				id += "a" + strconv.Itoa(attrs[id])
			} else {
				attrs[id] = 0
			}
			out[i] = id
		}
	}
	return out
}
