package translate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitSentences splits French text into sentences. It is
// [SplitSentenceSpans] returning the text of each span.
func SplitSentences(text string) []string {
	spans := SplitSentenceSpans(text)
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = text[sp[0]:sp[1]]
	}
	return out
}

// SplitSentenceSpans splits French text into sentences and returns the byte
// offsets [start, end) of each. Spans are in order and never overlap; they
// neither start nor end with white space, and everything outside them is
// white space ([unicode.IsSpace]), so that joining the sentences with the
// white space between them gives back the text. White-space-only text has no
// sentences.
//
// # Rules
//
// A sentence ends after a run of ".", "!", "?", "…" (so "...", "?!" and
// "!!" end one sentence) and any closing quotes or brackets after it ("»"
// may follow a space), when white space and then a capital letter, a digit
// or an opening quote or dash before one follow. It does not end:
//
//   - before a lower-case word, so that « Assez ! » a-t-il lancé stays whole;
//   - before a comma, as in « C'est fini. », a déclaré M. Kim.;
//   - inside a pair of « », “ ” or "" quotes: a quotation is one segment,
//     and a full sentence inside quotes is split after the closing quote;
//   - after an ellipsis followed by a number ("revendu... 1,6 million");
//   - after a title or abbreviation (M., MM., Mme, Mlle, Dr, Pr, St, Mgr,
//     p. ex., cf., env., av. J.-C., …), an initial (J.-P. Sartre,
//     G. W. Bush) or an acronym with dots ending in a single letter (U.S.A.);
//   - after a list number or Roman numeral alone at the start ("1. ", "IV. ");
//   - after an elision mark in brackets: "(…)" or "[...]".
//
// "etc." is not an abbreviation here: mid-sentence it is followed by a
// lower-case word or a comma and does not split, but "etc." followed by a
// capitalised word ends the sentence, which is how agency copy uses it.
// Likewise "J.-C." ends a sentence when a capital follows. Decimals (3,5 or
// 3.5), URLs and e-mail addresses never split because no white space
// follows their dots.
func SplitSentenceSpans(text string) [][2]int {
	s := splitter{text: text, quotes: quoteRanges(text)}
	return s.spans()
}

// splitter holds the state of one SplitSentenceSpans call.
type splitter struct {
	text   string
	quotes [][2]int // outermost matched quote pairs, in order
	qi     int      // first quote pair that may still contain a boundary
}

func (s *splitter) spans() [][2]int {
	var out [][2]int
	text := s.text
	start := skipSpace(text, 0)
	for i := start; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !isTerminator(r) {
			i += w
			continue
		}
		end := s.sentenceEnd(i)
		next := skipSpace(text, end)
		if next == end || next == len(text) {
			i = max(end, i+w)
			continue
		}
		if s.isBoundary(start, i, end, next) {
			out = append(out, [2]int{start, end})
			start = next
		}
		i = next
	}
	if end := trimSpaceEnd(text); end > start {
		out = append(out, [2]int{start, end})
	}
	return out
}

// sentenceEnd returns where a sentence whose final punctuation starts at i
// would end: past the run of terminators and the closing quotes and
// brackets that follow it.
func (s *splitter) sentenceEnd(i int) int {
	text := s.text
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case isTerminator(r), isCloser(r):
			i += w
		case isHSpace(r):
			j := skipHSpace(text, i)
			if r2, w2 := utf8.DecodeRuneInString(text[j:]); r2 == '»' {
				i = j + w2
				continue
			}
			return i
		default:
			return i
		}
	}
	return i
}

// isBoundary decides whether the sentence begun at start and ended by the
// punctuation at term (running to end) is over, given that the next one
// would begin at next.
func (s *splitter) isBoundary(start, term, end, next int) bool {
	if s.insideQuote(end) || !startsSentence(s.text, next) {
		return false
	}
	if term > 0 && (s.text[term-1] == '(' || s.text[term-1] == '[') {
		return false // "(…)" marks words left out
	}
	if s.text[term] != '.' || (term+1 < len(s.text) && s.text[term+1] == '.') {
		return !isEllipsis(s.text[term:end]) || !startsWithDigit(s.text[next:])
	}
	return !noBreakAfter(s.text[start:term])
}

// insideQuote reports whether offset off lies strictly inside a matched
// quote pair. Offsets must be asked in increasing order.
func (s *splitter) insideQuote(off int) bool {
	for s.qi < len(s.quotes) && s.quotes[s.qi][1] <= off {
		s.qi++
	}
	return s.qi < len(s.quotes) && s.quotes[s.qi][0] < off
}

// startsSentence reports whether a sentence may begin at text[i:]: with a
// capital letter or a digit, or with an opening quote, bracket or dash
// (and spaces) before one.
func startsSentence(text string, i int) bool {
	r, w := utf8.DecodeRuneInString(text[i:])
	if unicode.IsUpper(r) || unicode.IsDigit(r) {
		return true
	}
	if !isOpener(r) {
		return false
	}
	j := skipHSpace(text, i+w)
	r, _ = utf8.DecodeRuneInString(text[j:])
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// isEllipsis reports whether the punctuation run starts with "..." or "…".
func isEllipsis(run string) bool {
	return strings.HasPrefix(run, "...") || strings.HasPrefix(run, "…")
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func isCloser(r rune) bool {
	return r == '»' || r == '"' || r == '”' || r == ')' || r == ']' || r == '’' || r == '\''
}

func isOpener(r rune) bool {
	return r == '«' || r == '"' || r == '“' || r == '(' || r == '[' || r == '—' || r == '–' || r == '-' || r == '¿' || r == '¡'
}

// isHSpace reports spaces that may sit inside a line between punctuation
// and a closing guillemet, no-break spaces included.
func isHSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u00A0' || r == '\u202F' || r == '\u2009'
}

func skipHSpace(text string, i int) int {
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !isHSpace(r) {
			break
		}
		i += w
	}
	return i
}

// skipSpace returns the offset of the first non-space rune at or after i.
func skipSpace(text string, i int) int {
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += w
	}
	return i
}

// trimSpaceEnd returns the end of text without its trailing white space.
func trimSpaceEnd(text string) int {
	end := len(text)
	for end > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= w
	}
	return end
}
