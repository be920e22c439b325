// Package tokenizer turns text into MarianMT token ids and back, as
// transformers' MarianTokenizer does: SentencePiece pieces from the
// model's source.spm (or target.spm), ids through its joint vocab.json,
// </s> appended; decoding skips the special tokens, joins the pieces with
// target.spm and cleans up the spaces before punctuation.
package tokenizer

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/bitext/bitext/translate/marian/internal/spm"
)

// The special tokens of Marian vocabularies.
const (
	EOSToken = "</s>"
	UnkToken = "<unk>"
	PadToken = "<pad>"
)

// maxVocab bounds vocab.json's ids, so that a hostile file cannot make the
// reverse table huge.
const maxVocab = 1 << 22

var languageCode = regexp.MustCompile(`>>.+<<`)

// Tokenizer is a loaded MarianMT tokenizer. It is safe for concurrent use.
type Tokenizer struct {
	source, target *spm.Model
	ids            map[string]int
	pieces         []string
	special        map[int]bool
	// EOS, Unk and Pad are the special tokens' ids.
	EOS, Unk, Pad int
}

// Load reads source.spm, target.spm and vocab.json from a model folder.
func Load(dir string) (*Tokenizer, error) {
	src, err := spm.Load(filepath.Join(dir, "source.spm"))
	if err != nil {
		return nil, err
	}
	tgt, err := spm.Load(filepath.Join(dir, "target.spm"))
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(filepath.Join(dir, "vocab.json"))
	if err != nil {
		return nil, fmt.Errorf("failed to read vocabulary: %w", err)
	}
	return New(src, tgt, data)
}

// New builds a tokenizer from loaded SentencePiece models and the content
// of vocab.json.
func New(source, target *spm.Model, vocabJSON []byte) (*Tokenizer, error) {
	t := &Tokenizer{source: source, target: target}
	if err := json.Unmarshal(vocabJSON, &t.ids); err != nil {
		return nil, fmt.Errorf("invalid vocab.json: %w", err)
	}
	n := 0
	for p, id := range t.ids {
		if id < 0 || id >= maxVocab {
			return nil, fmt.Errorf("invalid vocab.json: id %d for %q out of range", id, p)
		}
		n = max(n, id+1)
	}
	t.pieces = make([]string, n)
	for p, id := range t.ids {
		t.pieces[id] = p
	}
	var ok [3]bool
	t.EOS, ok[0] = t.ids[EOSToken]
	t.Unk, ok[1] = t.ids[UnkToken]
	t.Pad, ok[2] = t.ids[PadToken]
	if !ok[0] || !ok[1] || !ok[2] {
		return nil, fmt.Errorf("invalid vocab.json: missing %s, %s or %s", EOSToken, UnkToken, PadToken)
	}
	t.special = map[int]bool{t.EOS: true, t.Unk: true, t.Pad: true}
	return t, nil
}

// VocabSize returns the number of ids.
func (t *Tokenizer) VocabSize() int { return len(t.pieces) }

// Piece returns the vocabulary entry for an id, or "" when out of range.
func (t *Tokenizer) Piece(id int) string {
	if id < 0 || id >= len(t.pieces) {
		return ""
	}
	return t.pieces[id]
}

// ID returns a piece's id, or the unknown id.
func (t *Tokenizer) ID(piece string) int {
	if id, ok := t.ids[piece]; ok {
		return id
	}
	return t.Unk
}

// Encode returns the ids of a source text, ending with </s>.
func (t *Tokenizer) Encode(text string) []int {
	return t.encode(t.source, text)
}

// EncodeTarget returns the ids of a target-language text, ending with </s>.
func (t *Tokenizer) EncodeTarget(text string) []int {
	return t.encode(t.target, text)
}

// Pieces returns the vocabulary pieces of ids (unknown text shows as
// <unk>).
func (t *Tokenizer) Pieces(ids []int) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = t.Piece(id)
	}
	return out
}

func (t *Tokenizer) encode(m *spm.Model, text string) []int {
	var ids []int
	for _, chunk := range t.splitSpecial(text) {
		if id, ok := t.ids[chunk]; ok && t.special[id] {
			ids = append(ids, id)
			continue
		}
		if code := languageCode.FindStringIndex(chunk); code != nil && code[0] == 0 {
			ids = append(ids, t.ID(chunk[:code[1]]))
		}
		chunk = languageCode.ReplaceAllString(chunk, "")
		for _, tok := range m.Encode(chunk) {
			ids = append(ids, t.ID(tok.Piece))
		}
	}
	return append(ids, t.EOS)
}

// splitSpecial cuts text around the special tokens written in it, and
// strips the spaces next to them, as transformers' tokenize does.
func (t *Tokenizer) splitSpecial(text string) []string {
	var out []string
	for text != "" {
		at, tok := len(text), ""
		for _, s := range []string{EOSToken, UnkToken, PadToken} {
			if i := strings.Index(text, s); i >= 0 && i < at {
				at, tok = i, s
			}
		}
		if tok == "" {
			out = append(out, text)
			break
		}
		if left := strings.TrimRightFunc(text[:at], unicode.IsSpace); left != "" {
			out = append(out, left)
		}
		out = append(out, tok)
		text = strings.TrimLeftFunc(text[at+len(tok):], unicode.IsSpace)
	}
	return out
}

// Decode returns the target text of ids, skipping special tokens.
func (t *Tokenizer) Decode(ids []int) string {
	pieces := make([]string, 0, len(ids))
	for _, id := range ids {
		if t.special[id] || id < 0 || id >= len(t.pieces) {
			continue
		}
		pieces = append(pieces, t.pieces[id])
	}
	text := strings.TrimSpace(t.target.Decode(pieces))
	return cleanUpSpaces(text)
}

// cleanUps are transformers' clean_up_tokenization replacements, applied
// one after the other as Python's chained str.replace does.
var cleanUps = [][2]string{
	{" .", "."}, {" ?", "?"}, {" !", "!"}, {" ,", ","}, {" ' ", "'"},
	{" n't", "n't"}, {" 'm", "'m"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"},
}

// cleanUpSpaces removes the spaces transformers' clean_up_tokenization
// removes.
func cleanUpSpaces(s string) string {
	for _, r := range cleanUps {
		s = strings.ReplaceAll(s, r[0], r[1])
	}
	return s
}
