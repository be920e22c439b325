package translate

import (
	"context"
	"errors"
)

// Request is one batch of segments for a backend to translate.
//
// Segments are plain text unless HTML is set. With HTML set, every segment
// is in the neutral form of package inline (inline.Content.Neutral): text
// with &amp; &lt; &gt; escaped, paired markup as <em id="1">…</em> (the
// element's own name, or <g>), standalone markup as <x id="2"/>, and
// protected text as <span translate="no" id="3">…</span>, whose content
// is already what the translation must hold. A backend converts that form
// to its engine's own (Apertium's stand-ins and superblanks, DeepL's
// ignored tags, …) and back: tags must come back with their ids, and the
// content of translate="no" elements untouched. What an engine loses
// anyway, the pipeline puts back and reports in the segment's fidelity
// record; a backend need not fail for it.
type Request struct {
	// From and To are ISO 639-1 language codes, such as "fr" and "en".
	From, To string
	// Segments are the texts to translate, each on its own: a backend must
	// never let one segment's translation depend on or merge with another's.
	Segments []string
	// HTML says that the segments are HTML fragments (see above).
	HTML bool
}

// Backend is a machine-translation engine.
//
// Translate returns exactly one translation per segment of req, in order, or
// an error: never a partial or misaligned result. An empty batch returns an
// empty result without calling the engine. A language pair the engine cannot
// translate is an error that wraps [ErrUnsupportedPair]. Translate must stop
// and return ctx.Err() promptly when ctx is cancelled, and be safe to call
// from several goroutines at once.
type Backend interface {
	// Name is the name the backend is selected by, such as "apertium".
	Name() string
	// Capabilities tells callers how to batch and mark up requests.
	Capabilities() Capabilities
	// Translate translates one batch.
	Translate(ctx context.Context, req Request) ([]string, error)
}

// Capabilities describes what a backend can do and what it accepts.
type Capabilities struct {
	// MaxSegments is the most segments one request may carry (0: no limit).
	MaxSegments int
	// MaxChars is the most characters, counted in runes over all segments,
	// one request may carry (0: no limit).
	MaxChars int
	// HTML is true when the backend honours Request.HTML: it passes tags
	// through and leaves translate="no" spans untouched.
	HTML bool
	// InFlight is how many requests a local backend works on at once to
	// advantage (0 or 1: one at a time). A pipeline that takes the next
	// request while it still translates the last one (Apertium's) says 2
	// or more, so that it never waits for work between requests.
	InFlight int
}

// TermPair is one glossary entry as a backend's native glossary takes it.
type TermPair struct {
	Source, Target string
}

// GlossaryUser is implemented by backends that have native glossaries (Google
// v3, DeepL). UseGlossary makes every later Translate call from→to use the
// given terms, creating the engine-side glossary or reusing an identical one.
type GlossaryUser interface {
	UseGlossary(ctx context.Context, from, to string, terms []TermPair) error
}

// ErrUnsupportedPair is wrapped by errors for language pairs a backend
// cannot translate.
var ErrUnsupportedPair = errors.New("unsupported language pair")

// ErrNotConfigured is wrapped by errors for backends that lack a setting
// they need (an API key, a project, a model); the error names the setting.
var ErrNotConfigured = errors.New("backend not configured")
