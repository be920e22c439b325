package xliff

import "github.com/bitext/bitext/inline"

// Version is an XLIFF version bitext writes.
type Version string

// The versions bitext writes; [Read] reads both.
const (
	V21 Version = "2.1"
	V12 Version = "1.2"
)

// Namespaces of the two versions (XLIFF 2.1 keeps 2.0's core namespace)
// and bitext's own, for the attributes it adds to a unit.
const (
	NS2       = "urn:oasis:names:tc:xliff:document:2.0"
	NS12      = "urn:oasis:names:tc:xliff:document:1.2"
	Namespace = "urn:bitext:xliff"
)

// State is where a segment stands, in XLIFF 2.1's words.
type State string

// The states of XLIFF 2.1; see the package documentation for 1.2's.
const (
	Initial    State = "initial"
	Translated State = "translated"
	Reviewed   State = "reviewed"
	Final      State = "final"
)

// states12 maps 2.1 states to 1.2's state attribute, and back.
var states12 = map[State]string{Initial: "new", Translated: "translated", Reviewed: "signed-off", Final: "final"}

// state12 reads a 1.2 state: its own values, the needs-* ones as
// initial, x- extensions and unknown ones as "".
func state12(s string) State {
	for k, v := range states12 {
		if v == s {
			return k
		}
	}
	if len(s) > 6 && s[:6] == "needs-" {
		return Initial
	}
	return ""
}

// Document is an XLIFF file's content.
type Document struct {
	// Version is the version read, or to write.
	Version Version
	// SrcLang and TrgLang are the languages (BCP 47: "fr", "en").
	SrcLang, TrgLang string
	Files            []File
}

// File is one article.
type File struct {
	// ID is the file's id; Original names the article ("asie/seoul").
	ID, Original string
	Units        []Unit
	// Line is where the file starts in the XLIFF read.
	Line int
}

// Unit is one piece to translate.
type Unit struct {
	// ID identifies the unit within its file; Name says where it is, for
	// people ("paragraph 2, sentence 1").
	ID, Name string
	// Source and Target are the French and English. Codes read carry
	// their ID and Type only.
	Source, Target inline.Content
	// HasTarget says that the unit has a target (an empty one included).
	HasTarget bool
	// State is the segment's state ("" when the file gives none), and
	// SubState bitext's finer one ("bitext:machine").
	State    State
	SubState string
	// Base is the hash of the English the unit was exported with ("" when
	// the file does not have it); see [Hash].
	Base string
	// Line is where the unit starts in the XLIFF read.
	Line int
	// Err is what made the unit unreadable (a code with no id, say); the
	// unit is then rejected on import, and the others read.
	Err error
}
