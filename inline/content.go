package inline

import "strings"

// Kind says what a code stands for.
type Kind uint8

// The kinds of code. Element is markup; the others are protected spans
// that must come out of translation exactly (Number and Term in their
// English form).
const (
	// Element is an HTML element or the Markdown construct rendered as one
	// (emphasis, a link, a line break, an image, a footnote reference, a
	// task-list box, a comment).
	Element Kind = iota
	// InlineCode is inline code: `x` in Markdown, <code>, <kbd>, <samp>.
	InlineCode
	// NoTranslate is text the author marked do-not-translate
	// (translate="no", class="notranslate").
	NoTranslate
	// URL is a web address, IRIs (accents, parentheses) included.
	URL
	// Email is an e-mail address.
	Email
	// Handle is a social-media handle (@AFP).
	Handle
	// Hashtag is a hashtag (#MeToo).
	Hashtag
	// Number is a number, amount, percentage, time, duration or date,
	// written in English by bitext itself.
	Number
	// Term is a glossary term, in its English form.
	Term
)

var kindNames = [...]string{"element", "code", "notranslate", "url", "email", "handle", "hashtag", "number", "term"}

// String names the kind ("url", "number", …), as the fidelity record does.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Type says how a code sits in the text, as XLIFF 2's <pc> and <ph> do.
type Type uint8

// The types of code.
const (
	// Standalone codes stand alone: a line break, an image, a protected
	// span, an unpaired tag.
	Standalone Type = iota
	// Open starts a paired code (<em>), whose Close ends it (</em>); the
	// text between is translated.
	Open
	// Close ends the paired code whose Open has the same ID.
	Close
)

// Code is one inline code of a segment.
type Code struct {
	Type Type
	Kind Kind
	// ID numbers the code within its content, from 1; an Open and its
	// Close share one.
	ID int
	// Name is the element name of Element and InlineCode kinds ("em", "a",
	// "br", "code"); "" for spans found in text.
	Name string
	// Data is the markup as written: the tag of an Element, the whole
	// element (tags and content) of an InlineCode or NoTranslate element; "" for
	// spans found in text.
	Data string
	// Text is the text the code covers in the source: the content of an
	// InlineCode or NoTranslate element, the span itself for URLs, numbers and
	// terms; "" for tags.
	Text string
	// Target is what the translation must hold for a protected span: the
	// English form of a number or term, Text for the others.
	Target string
	// Ref is the caller's reference for a span it found (a glossary
	// entry), carried through untouched.
	Ref any
}

// Protected reports whether the code is a protected span found in text
// (a URL, an e-mail address, a handle, a hashtag, a number, a term), as
// opposed to markup.
func (c Code) Protected() bool { return c.Kind >= URL }

// Tag returns the code's tag, read from Data (the start tag of a whole
// element); the zero Tag for spans found in text.
func (c Code) Tag() Tag {
	if !strings.HasPrefix(c.Data, "<") {
		return Tag{}
	}
	end := len(c.Data)
	if k := (&Scanner{s: c.Data}).tagEnd(0); k > 0 {
		end = k
	}
	return ParseTag(c.Data[:end])
}

// Piece is one part of a segment's content: text, or a code.
type Piece struct {
	// Text is the text of a text piece, decoded (no character references).
	Text string
	// Code is the code, nil for text.
	Code *Code
}

// Content is a segment's content: text and inline codes in order. Its
// HTML form ([Content.HTML]) is the serialisation bitext stores (the
// Source and Target of a Markup segment); [Parse] reads it back.
type Content []Piece

// FromText returns the content of a plain-text segment.
func FromText(s string) Content {
	if s == "" {
		return nil
	}
	return Content{{Text: s}}
}

// Codes returns the content's codes in order.
func (c Content) Codes() []*Code {
	var out []*Code
	for _, p := range c {
		if p.Code != nil {
			out = append(out, p.Code)
		}
	}
	return out
}

// HasCodes reports whether the content holds any code.
func (c Content) HasCodes() bool {
	for _, p := range c {
		if p.Code != nil {
			return true
		}
	}
	return false
}

// Clone returns a deep copy.
func (c Content) Clone() Content {
	out := make(Content, len(c))
	for i, p := range c {
		out[i] = p
		if p.Code != nil {
			cc := *p.Code
			out[i].Code = &cc
		}
	}
	return out
}

// textBuffer collects the text between two codes, so that building
// content from many small pieces of text stays linear.
type textBuffer struct {
	b strings.Builder
}

func (t *textBuffer) add(s string) { t.b.WriteString(s) }

// flush appends the text collected to c.
func (t *textBuffer) flush(c Content) Content {
	if t.b.Len() == 0 {
		return c
	}
	c = c.appendText(t.b.String())
	t.b.Reset()
	return c
}

// appendText adds text, merging it with a text piece before it.
func (c Content) appendText(s string) Content {
	if s == "" {
		return c
	}
	if n := len(c); n > 0 && c[n-1].Code == nil {
		c[n-1].Text += s
		return c
	}
	return append(c, Piece{Text: s})
}

// appendCode adds a code.
func (c Content) appendCode(code *Code) Content { return append(c, Piece{Code: code}) }

// maxID returns the highest code ID.
func (c Content) maxID() int {
	m := 0
	for _, p := range c {
		if p.Code != nil && p.Code.ID > m {
			m = p.Code.ID
		}
	}
	return m
}
