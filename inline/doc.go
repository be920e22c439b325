// Package inline is bitext's one model of a segment's content: text and
// inline codes, as XLIFF 2 (<pc>, <ph>) and Okapi's coded text have them.
// Readers produce it, each backend gets it in its own form, restoring maps
// the engine's answer back onto it, and writers render it.
//
// # Model
//
// A [Content] is a sequence of pieces: decoded text, or a [Code]. A code is
// [Open] and [Close] (a paired element whose content is translated, such as
// <em>…</em> or a link) or [Standalone] (a line break, an image, a footnote
// reference, an unpaired tag, a protected span). Each code knows what it
// stands for ([Kind]): an HTML or Markdown [Element], [InlineCode], text the
// author marked [NoTranslate], or a protected span found in the text:
// [URL], [Email], [Handle], [Hashtag], [Number], [Term]. Element codes keep
// their markup as written (Data); protected spans keep their text (Text)
// and what the translation must hold (Target: the English form of a
// figure or a glossary term).
//
// # Serialisation
//
// The HTML fragment is the form bitext stores, in documents, in the JSON
// output and as the translation memory's key: [Parse] reads it, and
// [Content.HTML] writes the fragments bitext writes back byte for byte.
// [Content.Plain] and [Content.Markdown] render the other forms. [Tokens]
// and [Scanner] are the one scanner of tags and character references: no
// other package reads inline markup within a segment.
//
// # Protection and restoring
//
// [Protect] turns the spans [Finder]s find in the text into codes: first
// [Links] (addresses), then the caller's (glossary terms, figures), so that
// nothing is ever found inside an address. [Content.Neutral] renders the
// result in the neutral HTML form backends convert to their engine's own
// (Google's translate="no", DeepL's ignored tags, Apertium's stand-ins and
// superblanks); every code carries an id. [Restore] reads the engine's
// answer back by those ids, repairing what the engine broke (a dropped
// code put back at the end of the sentence, a repeated one removed, a
// broken pair dropped) and reporting each repair as an [Issue];
// [RestorePlain] does the same for engines that take plain text only.
package inline
