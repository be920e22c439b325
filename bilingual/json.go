package bilingual

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/bitext/bitext/translate"
)

// JSONVersion is the version of the JSON schema [JSON] writes. It changes
// only when a field changes meaning or goes away; new optional fields may
// appear without a new version.
const JSONVersion = 1

// jsonDocument is the top level of the JSON output (see the package
// documentation for the schema).
type jsonDocument struct {
	Version    int           `json:"version"`
	SourcePath string        `json:"source_path"`
	Format     string        `json:"format"`
	Compact    bool          `json:"compact,omitempty"`
	Meta       []jsonMeta    `json:"meta"`
	Segments   []jsonSegment `json:"segments"`
}

type jsonMeta struct {
	Key       string `json:"key"`
	Value     string `json:"value"`
	Translate bool   `json:"translate,omitempty"`
	Target    string `json:"target,omitempty"`
}

// jsonSegment is one sentence with the block it belongs to.
type jsonSegment struct {
	Block     int    `json:"block"`
	Kind      string `json:"kind"`
	Level     int    `json:"level,omitempty"`
	Marker    string `json:"marker,omitempty"`
	BlockLine int    `json:"block_line"`
	Index     int    `json:"index"`
	Line      int    `json:"line"`
	Markup    bool   `json:"markup,omitempty"`
	Source    string `json:"source"`
	Target    string `json:"target"`
	Backend   string `json:"backend"`
	// Table is the layout of a Table block, on its first segment.
	Table *translate.TableLayout `json:"table,omitempty"`
	// Fidelity is the segment's fidelity record, under its own key: it
	// holds no translation of its own.
	Fidelity *translate.Fidelity `json:"fidelity,omitempty"`
}

// JSON writes doc's segments, with their block and position, as one JSON
// object (schema in the package documentation), indented for diffing.
// [ReadJSON] reads it back.
func JSON(w io.Writer, doc *translate.Document) error {
	if doc == nil {
		return errors.New("failed to write JSON: no document")
	}
	out := jsonDocument{
		Version: JSONVersion, SourcePath: doc.Path, Format: string(doc.Format), Compact: doc.Compact,
		Meta: make([]jsonMeta, 0, len(doc.Meta)), Segments: []jsonSegment{},
	}
	for _, m := range doc.Meta {
		out.Meta = append(out.Meta, jsonMeta{Key: m.Key, Value: m.Value, Translate: m.Translate, Target: m.Target})
	}
	for i, b := range doc.Blocks {
		for j, s := range b.Segments {
			out.Segments = append(out.Segments, jsonSegment{
				Block: i, Kind: string(b.Kind), Level: b.Level, Marker: b.Marker, BlockLine: b.Line,
				Index: j, Line: s.Line, Markup: s.Markup,
				Source: s.Source, Target: s.Target, Backend: s.Backend, Fidelity: s.Fidelity, Table: tableOf(b, j),
			})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("failed to write JSON: %w", err)
	}
	return nil
}

// ReadJSON reads a document written by [JSON]. Blocks without segments
// are not part of the format: they come back as empty paragraphs, so that
// block numbers (and the "block.segment" references of the HTML page)
// stay valid. The document's warnings are not kept. It rejects newer schema versions, unknown block kinds and
// segments out of order.
func ReadJSON(r io.Reader) (*translate.Document, error) {
	var in jsonDocument
	if err := json.NewDecoder(r).Decode(&in); err != nil {
		return nil, fmt.Errorf("failed to read bilingual JSON: %w", err)
	}
	if in.Version < 1 || in.Version > JSONVersion {
		return nil, fmt.Errorf("failed to read bilingual JSON: unsupported version %d", in.Version)
	}
	doc := &translate.Document{Path: in.SourcePath, Format: translate.Format(in.Format), Compact: in.Compact}
	for _, m := range in.Meta {
		doc.Meta = append(doc.Meta, translate.MetaField{Key: m.Key, Value: m.Value, Translate: m.Translate, Target: m.Target})
	}
	for n, s := range in.Segments {
		if err := addSegment(doc, s); err != nil {
			return nil, fmt.Errorf("failed to read bilingual JSON: segment %d: %w", n, err)
		}
	}
	return doc, nil
}

// addSegment appends s to doc, opening its block when it is the first
// segment of a new one.
func addSegment(doc *translate.Document, s jsonSegment) error {
	if !knownKind(translate.BlockKind(s.Kind)) {
		return fmt.Errorf("unknown block kind %q", s.Kind)
	}
	for s.Block > len(doc.Blocks) && s.Index == 0 && s.Block < len(doc.Blocks)+maxGap {
		// A block without segments was here: keep the numbering.
		doc.Blocks = append(doc.Blocks, translate.Block{Kind: translate.Paragraph})
	}
	if s.Index == 0 && translate.BlockKind(s.Kind) == translate.Table && (s.Table == nil || s.Table.Columns < 1 || s.Table.Columns > 1000) {
		return fmt.Errorf("table block %d without a valid layout", s.Block)
	}
	switch {
	case s.Block == len(doc.Blocks) && s.Index == 0:
		doc.Blocks = append(doc.Blocks, translate.Block{
			Kind: translate.BlockKind(s.Kind), Level: s.Level, Marker: s.Marker, Line: s.BlockLine, Table: s.Table,
		})
	case s.Block != len(doc.Blocks)-1 || s.Index != len(doc.Blocks[s.Block].Segments):
		return fmt.Errorf("block %d segment %d out of order", s.Block, s.Index)
	case doc.Blocks[s.Block].Kind != translate.BlockKind(s.Kind):
		return fmt.Errorf("block %d changes kind from %s to %s", s.Block, doc.Blocks[s.Block].Kind, s.Kind)
	}
	b := &doc.Blocks[s.Block]
	b.Segments = append(b.Segments, translate.Segment{
		Source: s.Source, Target: s.Target, Markup: s.Markup, Line: s.Line, Backend: s.Backend, Fidelity: s.Fidelity,
	})
	return nil
}

// maxGap bounds the empty blocks ReadJSON inserts for one jump in block
// numbers, so that a corrupt file cannot make it allocate without limit.
const maxGap = 1000

func knownKind(k translate.BlockKind) bool {
	switch k {
	case translate.Headline, translate.Heading, translate.Paragraph,
		translate.Quote, translate.ListItem, translate.Verbatim, translate.Table, translate.Footnote:
		return true
	}
	return false
}

// tableOf returns a table's layout for its first segment, nil otherwise.
func tableOf(b translate.Block, j int) *translate.TableLayout {
	if j == 0 {
		return b.Table
	}
	return nil
}
