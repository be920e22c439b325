// Package spm reads SentencePiece models and tokenises text with them
// exactly as the sentencepiece library does for unigram models.
//
// # Format
//
// A .spm (or .model) file is a serialized ModelProto: the pieces with their
// scores and types, the trainer settings and a normalizer spec whose
// precompiled charsmap (for example nmt_nfkc) is a double-array trie of
// normalisation rules. The file is treated as untrusted: every length and
// offset is checked before use.
//
// # Encoding
//
// [Model.Encode] normalises the text (rules, whitespace collapsing, U+2581
// for spaces, a dummy prefix) and picks the segmentation with the highest
// total piece score by Viterbi search, with sentencepiece's float
// arithmetic and tie-breaking; runs of characters no piece covers become
// the unknown piece. [Model.Decode] turns pieces back into text.
package spm

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// Token is one piece of an encoded text.
type Token struct {
	// Piece is the normalised text the token covers, which is the piece
	// itself except for unknown tokens.
	Piece string
	// ID is the piece's index in the model (the unknown id for unknown
	// text).
	ID int
}

// Model is a loaded SentencePiece unigram model. It is safe for concurrent
// use.
type Model struct {
	proto   *modelProto
	norm    *normalizer
	denorm  *normalizer
	uni     *unigram
	byPiece map[string]int
	unkID   int
}

// Load reads a model file.
func Load(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("failed to read sentencepiece model: %w", err)
	}
	m, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("failed to parse %s: %w", path, err)
	}
	return m, nil
}

// Parse decodes a serialized model.
func Parse(data []byte) (*Model, error) {
	p, err := parseModelProto(data)
	if err != nil {
		return nil, fmt.Errorf("invalid sentencepiece model: %w", err)
	}
	if p.modelType != modelUnigram {
		return nil, fmt.Errorf("unsupported sentencepiece model type %d (only unigram)", p.modelType)
	}
	m := &Model{proto: p, byPiece: map[string]int{}, unkID: -1}
	var userDefined []string
	for i, pc := range p.pieces {
		if _, dup := m.byPiece[pc.text]; !dup {
			m.byPiece[pc.text] = i
		}
		switch pc.kind {
		case typeUnknown:
			if m.unkID < 0 {
				m.unkID = i
			}
		case typeUserDefined:
			userDefined = append(userDefined, pc.text)
		}
	}
	if m.unkID < 0 {
		return nil, errors.New("invalid sentencepiece model: no unknown piece")
	}
	if m.norm, err = newNormalizer(p.normalizer, userDefined, p.treatWSAsSuffix); err != nil {
		return nil, err
	}
	if p.hasDenormalizer && len(p.denormalizer.charsmap) > 0 {
		if m.denorm, err = newNormalizer(p.denormalizer, nil, false); err != nil {
			return nil, err
		}
	}
	m.uni = newUnigram(p.pieces, m.unkID)
	return m, nil
}

func newNormalizer(spec normalizerSpec, userDefined []string, suffix bool) (*normalizer, error) {
	cm, err := parseCharsMap(spec.charsmap)
	if err != nil {
		return nil, fmt.Errorf("invalid sentencepiece model: %w", err)
	}
	return &normalizer{spec: spec, cm: cm, userDefined: newPrefixMatcher(userDefined), treatWSAsSuffix: suffix}, nil
}

// Len returns the number of pieces.
func (m *Model) Len() int { return len(m.proto.pieces) }

// Normalize returns text as the model normalises it before segmentation.
func (m *Model) Normalize(text string) string { return m.norm.normalize(text) }

// Encode normalises and segments text.
func (m *Model) Encode(text string) []Token {
	toks := m.uni.encode(m.norm.normalize(text))
	out := make([]Token, len(toks))
	for i, t := range toks {
		out[i] = Token{Piece: t.text, ID: t.id}
	}
	return out
}

// PieceID returns the id of a piece, or the unknown id.
func (m *Model) PieceID(piece string) int {
	if id, ok := m.byPiece[piece]; ok {
		return id
	}
	return m.unkID
}

// IDPiece returns the piece with the given id, or "" when out of range.
func (m *Model) IDPiece(id int) string {
	if id < 0 || id >= len(m.proto.pieces) {
		return ""
	}
	return m.proto.pieces[id].text
}

func (m *Model) kind(id int) int {
	if id < 0 || id >= len(m.proto.pieces) {
		return 0
	}
	return m.proto.pieces[id].kind
}

// Decode joins pieces into text as sentencepiece's DecodePieces does:
// control pieces vanish, U+2581 becomes a space, the first piece loses its
// leading U+2581, pieces the model does not know are copied as they are and
// the unknown piece itself becomes the model's unknown surface (" ⁇ ").
func (m *Model) Decode(pieces []string) string {
	var b strings.Builder
	for i, p := range pieces {
		b.WriteString(m.decodePiece(p, m.PieceID(p), i == 0))
	}
	if m.denorm != nil {
		return m.denorm.normalize(b.String())
	}
	return b.String()
}

func (m *Model) decodePiece(p string, id int, first bool) string {
	switch m.kind(id) {
	case typeControl:
		return ""
	case typeUnknown:
		if m.IDPiece(id) == p {
			return m.proto.unkSurface
		}
		return p
	}
	spec := m.proto.normalizer
	if first && (spec.addDummyPrefix || spec.removeExtraWhitespaces) {
		p = strings.TrimPrefix(p, spaceSymbol)
	}
	return strings.ReplaceAll(p, spaceSymbol, " ")
}
