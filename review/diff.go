package review

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op says what a [Chunk] of a diff does.
type Op int8

// The kinds of chunk.
const (
	Equal Op = iota
	Delete
	Insert
)

// Chunk is one run of a word-level diff.
type Chunk struct {
	Op   Op
	Text string
}

// WordDiff compares two texts word by word: it never splits a word, so
// "Jong-one" → "Jong-un" is one deletion and one insertion. Changes
// separated only by white space or a lone punctuation mark are merged, and
// in every change the deletion comes before the insertion. Joining the
// Equal and Delete chunks gives old; Equal and Insert give new.
func WordDiff(old, new string) []Chunk {
	ta, tb := tokenize(old), tokenize(new)
	ra, rb, vocab := tokensToRunes(ta, tb)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)
	var chunks []Chunk
	for _, d := range diffs {
		var b strings.Builder
		for _, r := range d.Text {
			b.WriteString(vocab[runeIndex(r)])
		}
		chunks = append(chunks, Chunk{Op: opOf(d.Type), Text: b.String()})
	}
	return normalize(absorbSmallEqualities(chunks))
}

func opOf(t diffmatchpatch.Operation) Op {
	switch t {
	case diffmatchpatch.DiffDelete:
		return Delete
	case diffmatchpatch.DiffInsert:
		return Insert
	}
	return Equal
}

// tokenize splits s into words (letters and digits, with inner hyphens
// and apostrophes), runs of white space, and single other characters.
// Joining the tokens gives s back.
func tokenize(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		j := tokenEnd(s, i)
		out = append(out, s[i:j])
		i = j
	}
	return out
}

func tokenEnd(s string, i int) int {
	r, w := utf8.DecodeRuneInString(s[i:])
	switch {
	case unicode.IsSpace(r):
		j := i + w
		for j < len(s) {
			r, w := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsSpace(r) {
				break
			}
			j += w
		}
		return j
	case isWordRune(r):
		return wordEnd(s, i+w)
	}
	return i + w
}

// wordEnd returns where the word running through i ends: letters, digits,
// marks, and hyphens or apostrophes between two of those.
func wordEnd(s string, i int) int {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			i += w
			continue
		}
		if r == '-' || r == '\'' || r == '’' || r == '.' && isDigitAt(s, i-1) {
			next, _ := utf8.DecodeRuneInString(s[i+w:])
			if i+w < len(s) && isWordRune(next) {
				i += w
				continue
			}
		}
		break
	}
	return i
}

func isDigitAt(s string, i int) bool { return i >= 0 && s[i] >= '0' && s[i] <= '9' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokensToRunes gives every distinct token a rune so that the character
// diff of go-diff works on whole tokens.
func tokensToRunes(a, b []string) ([]rune, []rune, []string) {
	ids := map[string]int{}
	var vocab []string
	conv := func(toks []string) []rune {
		out := make([]rune, len(toks))
		for i, t := range toks {
			id, ok := ids[t]
			if !ok {
				id = len(vocab)
				ids[t] = id
				vocab = append(vocab, t)
			}
			out[i] = indexRune(id)
		}
		return out
	}
	// Both conversions must run before vocab is read: in one return
	// statement that order is unspecified, and with it WordDiff("0 0", "")
	// read a stale vocab (a nil data pointer with length 2) and crashed.
	ra, rb := conv(a), conv(b)
	return ra, rb, vocab
}

// indexRune and runeIndex map token numbers to valid runes (skipping the
// surrogate range, which strings cannot hold).
func indexRune(i int) rune {
	r := rune(i + 1)
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

func runeIndex(r rune) int {
	if r >= 0xE000 {
		r -= 0x800
	}
	return int(r) - 1
}

// absorbSmallEqualities turns an equality that is only white space or one
// punctuation mark, between two changes that together delete and insert,
// into part of both sides, so that "[-a-] [-b-]{+c+}" reads "[-a b-]{+c+}".
func absorbSmallEqualities(in []Chunk) []Chunk {
	out := make([]Chunk, 0, len(in))
	for i, c := range in {
		if c.Op == Equal && i > 0 && i < len(in)-1 && isSmall(c.Text) && replaces(in, i) {
			out = append(out, Chunk{Delete, c.Text}, Chunk{Insert, c.Text})
			continue
		}
		out = append(out, c)
	}
	return out
}

// replaces reports whether the changes on both sides of in[i] (an
// equality) are changes and, together, both delete and insert.
func replaces(in []Chunk, i int) bool {
	if in[i-1].Op == Equal || in[i+1].Op == Equal {
		return false
	}
	var del, ins bool
	for j := i - 1; j >= 0 && in[j].Op != Equal; j-- {
		del, ins = del || in[j].Op == Delete, ins || in[j].Op == Insert
	}
	for j := i + 1; j < len(in) && in[j].Op != Equal; j++ {
		del, ins = del || in[j].Op == Delete, ins || in[j].Op == Insert
	}
	return del && ins
}

func isSmall(s string) bool {
	if strings.TrimSpace(s) == "" {
		return true
	}
	t := strings.TrimSpace(s)
	r, w := utf8.DecodeRuneInString(t)
	return w == len(t) && !isWordRune(r)
}

// normalize merges neighbouring chunks of one kind, puts each change's
// deletion before its insertion and drops empty chunks.
func normalize(in []Chunk) []Chunk {
	var out []Chunk
	for i := 0; i < len(in); {
		if in[i].Op == Equal {
			if in[i].Text != "" {
				out = append(out, in[i])
			}
			i++
			continue
		}
		var del, ins strings.Builder
		for ; i < len(in) && in[i].Op != Equal; i++ {
			if in[i].Op == Delete {
				del.WriteString(in[i].Text)
			} else {
				ins.WriteString(in[i].Text)
			}
		}
		if del.Len() > 0 {
			out = append(out, Chunk{Delete, del.String()})
		}
		if ins.Len() > 0 {
			out = append(out, Chunk{Insert, ins.String()})
		}
	}
	return mergeEqual(out)
}

func mergeEqual(in []Chunk) []Chunk {
	var out []Chunk
	for _, c := range in {
		if n := len(out); n > 0 && out[n-1].Op == c.Op {
			out[n-1].Text += c.Text
			continue
		}
		out = append(out, c)
	}
	return out
}

// HasChanges reports whether the diff holds any change.
func HasChanges(chunks []Chunk) bool {
	for _, c := range chunks {
		if c.Op != Equal {
			return true
		}
	}
	return false
}

// WordEdits counts the word edits of a diff as HTER does without shifts:
// each change costs the larger of the words it deletes and inserts
// (punctuation marks count as words).
func WordEdits(chunks []Chunk) int {
	n, del, ins := 0, 0, 0
	flush := func() {
		n += max(del, ins)
		del, ins = 0, 0
	}
	for _, c := range chunks {
		switch c.Op {
		case Delete:
			del += countWords(c.Text)
		case Insert:
			ins += countWords(c.Text)
		default:
			flush()
		}
	}
	flush()
	return n
}

// countWords counts the tokens of s that are not white space.
func countWords(s string) int {
	n := 0
	for _, t := range tokenize(s) {
		if strings.TrimSpace(t) != "" {
			n++
		}
	}
	return n
}
