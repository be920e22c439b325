package spm

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// Piece types, as in sentencepiece_model.proto.
const (
	typeNormal      = 1
	typeUnknown     = 2
	typeControl     = 3
	typeUserDefined = 4
	typeUnused      = 5
	typeByte        = 6
)

// Model types of the trainer spec.
const modelUnigram = 1

// piece is one entry of the vocabulary.
type piece struct {
	text  string
	score float32
	kind  int
}

// normalizerSpec is the subset of NormalizerSpec the engine uses.
type normalizerSpec struct {
	name                   string
	charsmap               []byte
	addDummyPrefix         bool
	removeExtraWhitespaces bool
	escapeWhitespaces      bool
}

// modelProto is the subset of sentencepiece's ModelProto the engine uses.
type modelProto struct {
	pieces          []piece
	modelType       int
	treatWSAsSuffix bool
	byteFallback    bool
	unkSurface      string
	normalizer      normalizerSpec
	denormalizer    normalizerSpec
	hasDenormalizer bool
}

var errTruncated = errors.New("truncated protobuf")

// wireReader walks the fields of one protobuf message.
type wireReader struct {
	buf []byte
}

// next returns the next field's number, wire type and, for
// length-delimited fields, its bytes; for varints and fixed fields, the
// value in v.
func (r *wireReader) next() (num int, typ int, v uint64, b []byte, err error) {
	key, err := r.varint()
	if err != nil {
		return 0, 0, 0, nil, err
	}
	num, typ = int(key>>3), int(key&7)
	if num <= 0 {
		return 0, 0, 0, nil, fmt.Errorf("invalid field number %d", num)
	}
	switch typ {
	case 0:
		v, err = r.varint()
	case 1:
		v, err = r.fixed(8)
	case 5:
		v, err = r.fixed(4)
	case 2:
		var n uint64
		if n, err = r.varint(); err == nil {
			if n > uint64(len(r.buf)) {
				return 0, 0, 0, nil, errTruncated
			}
			b, r.buf = r.buf[:n], r.buf[n:]
		}
	default:
		err = fmt.Errorf("unsupported wire type %d", typ)
	}
	return num, typ, v, b, err
}

func (r *wireReader) varint() (uint64, error) {
	v, n := binary.Uvarint(r.buf)
	if n <= 0 {
		return 0, errTruncated
	}
	r.buf = r.buf[n:]
	return v, nil
}

func (r *wireReader) fixed(n int) (uint64, error) {
	if len(r.buf) < n {
		return 0, errTruncated
	}
	var v uint64
	if n == 4 {
		v = uint64(binary.LittleEndian.Uint32(r.buf))
	} else {
		v = binary.LittleEndian.Uint64(r.buf)
	}
	r.buf = r.buf[n:]
	return v, nil
}

// parseModelProto decodes a serialized ModelProto (a .spm/.model file).
func parseModelProto(data []byte) (*modelProto, error) {
	m := &modelProto{
		unkSurface: " \u2047 ",
		normalizer: defaultNormalizerSpec(),
		modelType:  modelUnigram,
	}
	r := wireReader{buf: data}
	for len(r.buf) > 0 {
		num, typ, _, b, err := r.next()
		if err != nil {
			return nil, err
		}
		if typ != 2 {
			continue
		}
		switch num {
		case 1:
			p, err := parsePiece(b)
			if err != nil {
				return nil, fmt.Errorf("piece %d: %w", len(m.pieces), err)
			}
			m.pieces = append(m.pieces, p)
		case 2:
			err = m.parseTrainerSpec(b)
		case 3:
			m.normalizer, err = parseNormalizerSpec(b)
		case 5:
			m.denormalizer, err = parseNormalizerSpec(b)
			m.hasDenormalizer = true
		}
		if err != nil {
			return nil, err
		}
	}
	return m, nil
}

func defaultNormalizerSpec() normalizerSpec {
	return normalizerSpec{addDummyPrefix: true, removeExtraWhitespaces: true, escapeWhitespaces: true}
}

func parsePiece(data []byte) (piece, error) {
	p := piece{kind: typeNormal}
	r := wireReader{buf: data}
	for len(r.buf) > 0 {
		num, typ, v, b, err := r.next()
		if err != nil {
			return p, err
		}
		switch {
		case num == 1 && typ == 2:
			p.text = string(b)
		case num == 2 && typ == 5:
			p.score = math.Float32frombits(uint32(v))
		case num == 3 && typ == 0:
			p.kind = int(v)
		}
	}
	return p, nil
}

func (m *modelProto) parseTrainerSpec(data []byte) error {
	r := wireReader{buf: data}
	for len(r.buf) > 0 {
		num, typ, v, b, err := r.next()
		if err != nil {
			return fmt.Errorf("trainer spec: %w", err)
		}
		switch {
		case num == 3 && typ == 0:
			m.modelType = int(v)
		case num == 24 && typ == 0:
			m.treatWSAsSuffix = v != 0
		case num == 35 && typ == 0:
			m.byteFallback = v != 0
		case num == 44 && typ == 2:
			m.unkSurface = string(b)
		}
	}
	return nil
}

func parseNormalizerSpec(data []byte) (normalizerSpec, error) {
	s := defaultNormalizerSpec()
	r := wireReader{buf: data}
	for len(r.buf) > 0 {
		num, typ, v, b, err := r.next()
		if err != nil {
			return s, fmt.Errorf("normalizer spec: %w", err)
		}
		switch {
		case num == 1 && typ == 2:
			s.name = string(b)
		case num == 2 && typ == 2:
			s.charsmap = b
		case num == 3 && typ == 0:
			s.addDummyPrefix = v != 0
		case num == 4 && typ == 0:
			s.removeExtraWhitespaces = v != 0
		case num == 5 && typ == 0:
			s.escapeWhitespaces = v != 0
		}
	}
	return s, nil
}
