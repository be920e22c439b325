package translate

// Format is the file format of an article.
type Format string

// The article formats bitext reads and writes.
const (
	FormatText     Format = "txt"
	FormatMarkdown Format = "md"
)

// BlockKind says what part of an article a block is.
type BlockKind string

// The kinds of block. A plain-text article has one Headline followed by
// Paragraphs; Markdown articles use the others too.
const (
	Headline  BlockKind = "headline"
	Heading   BlockKind = "heading"
	Paragraph BlockKind = "paragraph"
	Quote     BlockKind = "quote"
	ListItem  BlockKind = "list-item"
	// Table blocks are GFM tables: one segment per cell, row by row (see
	// Block.Table).
	Table BlockKind = "table"
	// Footnote blocks are footnote definitions ([^1]: …): Marker is the
	// label, empty for a later paragraph of the same footnote.
	Footnote BlockKind = "footnote"
	// Verbatim blocks (code, HTML, thematic breaks) are copied, never
	// translated.
	Verbatim BlockKind = "verbatim"
)

// Document is an article split into blocks and sentences, the unit every
// step of bitext works on.
type Document struct {
	// Path is the file the document was read from ("-" for stdin).
	Path string
	// Name names the article in the translation memory: its path relative
	// to the folder it was found in, without language and extension
	// ("asie/seoul"); "" when it has none. Set by the batch runner.
	Name string
	// Format is the format it was read in and is written back in.
	Format Format
	// Meta holds Markdown front matter (title, author, date, source, …) in
	// the order it appeared.
	Meta []MetaField
	// Blocks are the headline, headings, paragraphs, quotes and list items
	// in order.
	Blocks []Block
	// Compact is set for plain-text articles written one paragraph per
	// line with no blank lines between them; they are written back alike.
	Compact bool
	// Warnings are things the reader fixed on the way in (an encoding
	// converted, say), for the command line to show.
	Warnings []string
}

// MetaField is one front-matter key and its value. Translatable fields
// (title) carry a target too.
type MetaField struct {
	Key, Value string
	// Translate marks fields whose value is article text (the title).
	Translate bool
	// Target is the translated value when Translate is set.
	Target string
	// Fidelity is what the pipeline checked on Target (see Segment).
	Fidelity *Fidelity
}

// Block is one structural unit of an article.
type Block struct {
	Kind BlockKind
	// Level is a heading's level (1–6) or a list item's or quote's nesting
	// depth (1 for the outermost).
	Level int
	// Marker is the list marker ("-", "*", "1.") or, for Verbatim blocks,
	// unused.
	Marker string
	// Line is the 1-based line of the source file where the block starts.
	Line int
	// Segments are the block's sentences in order. Verbatim blocks have
	// one segment whose Source is the raw text and is copied as is; Table
	// blocks one per cell, row by row (an empty cell has an empty Source).
	Segments []Segment
	// Table is the layout of a Table block, nil for the others.
	Table *TableLayout
}

// TableLayout is the structure of a table: its cells are the block's
// segments, Columns per row, the first row the header.
type TableLayout struct {
	Columns int `json:"columns"`
	// Align is each column's alignment: "", "left", "center" or "right".
	Align []string `json:"align"`
	// Delimiter is the delimiter row as the source wrote it (|:--|--:|),
	// written back as it is.
	Delimiter string `json:"delimiter"`
	// Pipes says the source's rows start and end with a pipe.
	Pipes bool `json:"pipes"`
	// Padded says the source lined its columns up with spaces; the
	// translation's are lined up too.
	Padded bool `json:"padded,omitempty"`
}

// Rows returns the number of rows of a Table block.
func (b Block) Rows() int {
	if b.Table == nil || b.Table.Columns == 0 {
		return 0
	}
	return (len(b.Segments) + b.Table.Columns - 1) / b.Table.Columns
}

// Segment is one sentence: the unit sent to a backend, stored in the
// translation memory and reviewed.
type Segment struct {
	// Source is the French sentence. For Markdown it is an inline HTML
	// fragment when Markup is set (<em>, <strong>, <code>, <a href>), so
	// that emphasis and links survive translation in the right place.
	Source string
	// Target is the translation, in the same form as Source.
	Target string
	// Markup says that Source and Target are HTML fragments.
	Markup bool
	// Line is the 1-based line of the source file the sentence starts on.
	Line int
	// Backend names the engine that produced Target ("approved" for a
	// reviewed translation, "" before translation).
	Backend string
	// Fidelity is what the pipeline checked on Target (what it protected
	// and how it came back, and any warning); nil when there was nothing
	// to check.
	Fidelity *Fidelity
}

// SourceText returns the block's source sentences joined by spaces.
func (b Block) SourceText() string { return joinSegments(b.Segments, false) }

// TargetText returns the block's translated sentences joined by spaces.
func (b Block) TargetText() string { return joinSegments(b.Segments, true) }

func joinSegments(segs []Segment, target bool) string {
	n := 0
	for _, s := range segs {
		n += len(s.Source) + 1
	}
	buf := make([]byte, 0, n)
	for i, s := range segs {
		if i > 0 {
			buf = append(buf, ' ')
		}
		if target {
			buf = append(buf, s.Target...)
		} else {
			buf = append(buf, s.Source...)
		}
	}
	return string(buf)
}

// Translatable reports whether the block's segments go to a backend.
func (b Block) Translatable() bool { return b.Kind != Verbatim }

// MetaRanks returns, for every front-matter field of doc (indexed like
// doc.Meta), which occurrence of its value it is, counted after the
// document's segments (see [Ranks]); 0 for fields not translated. A
// translated field is a segment like any other: in the memory, reviewed,
// approved.
func MetaRanks(doc *Document) []int {
	seen := sourceCounts(doc)
	out := make([]int, len(doc.Meta))
	for i, f := range doc.Meta {
		if f.Translate && f.Value != "" {
			seen[f.Value]++
			out[i] = seen[f.Value]
		}
	}
	return out
}

// sourceCounts counts the sources of doc's translated segments.
func sourceCounts(doc *Document) map[string]int {
	seen := map[string]int{}
	for _, blk := range doc.Blocks {
		if blk.Translatable() {
			for _, seg := range blk.Segments {
				seen[seg.Source]++
			}
		}
	}
	return seen
}

// Ranks returns, for every segment of doc (indexed like
// doc.Blocks[b].Segments[s]), which occurrence of its source in the
// document it is: 1 for the first, 2 for the second… With [Document.Name]
// it makes the segment's [Occurrence]. Verbatim blocks have none (0).
func Ranks(doc *Document) [][]int {
	seen := map[string]int{}
	out := make([][]int, len(doc.Blocks))
	for b, blk := range doc.Blocks {
		out[b] = make([]int, len(blk.Segments))
		if !blk.Translatable() {
			continue
		}
		for s, seg := range blk.Segments {
			seen[seg.Source]++
			out[b][s] = seen[seg.Source]
		}
	}
	return out
}
