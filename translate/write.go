package translate

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/inline"
)

// Side selects which text of each segment [Write] writes.
type Side int

const (
	// SourceSide writes the sources: the article as it was read.
	SourceSide Side = iota
	// TargetSide writes the translations.
	TargetSide
)

// ErrUntranslated is wrapped by the error [Write] returns when writing the
// target side of a document that has a sentence (or a translatable
// front-matter field) without a translation.
var ErrUntranslated = errors.New("not translated")

// Write writes doc in its own format (doc.Format) from the chosen side.
//
// Plain text is written as the headline, then the paragraphs, separated by
// blank lines, or one per line without blank lines when doc.Compact is set.
// Markdown is written with its front matter, headings, quotes, lists and
// verbatim blocks, inline HTML turned back into Markdown emphasis, code and
// links, and Markdown's special characters escaped; reading the result
// gives back the same blocks and sentences. Verbatim blocks are written
// from their source on both sides.
//
// Nothing is written when an error is returned.
func Write(w io.Writer, doc *Document, side Side) error {
	var buf bytes.Buffer
	var err error
	if doc.Format == FormatMarkdown {
		err = writeMarkdown(&buf, doc, side)
	} else {
		err = writeText(&buf, doc, side)
	}
	if err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("failed to write %s: %w", displayName(doc.Path), err)
	}
	return nil
}

// writeText writes a plain-text article. Inline markup, if any, is
// dropped.
func writeText(buf *bytes.Buffer, doc *Document, side Side) error {
	sep := "\n\n"
	if doc.Compact {
		sep = "\n"
	}
	for i, b := range doc.Blocks {
		segs, err := sideTexts(doc, b, side)
		if err != nil {
			return err
		}
		if i > 0 {
			buf.WriteString(sep)
		}
		for j, s := range segs {
			if j > 0 {
				buf.WriteByte(' ')
			}
			if b.Segments[j].Markup {
				s = inline.Parse(s).Plain()
			}
			buf.WriteString(oneLine(s))
		}
	}
	if len(doc.Blocks) > 0 {
		buf.WriteByte('\n')
	}
	return nil
}

// sideTexts returns the texts of b's segments on the given side. Verbatim
// blocks always give their source.
func sideTexts(doc *Document, b Block, side Side) ([]string, error) {
	out := make([]string, len(b.Segments))
	for i, s := range b.Segments {
		out[i] = s.Source
		if side != TargetSide || !b.Translatable() {
			continue
		}
		if s.Target == "" && strings.TrimSpace(s.Source) != "" {
			return nil, fmt.Errorf("%s:%d: sentence %q: %w", displayName(doc.Path), s.Line, abbreviate(s.Source), ErrUntranslated)
		}
		out[i] = s.Target
	}
	return out, nil
}

// abbreviate shortens s for messages.
func abbreviate(s string) string {
	r := []rune(s)
	if len(r) <= 40 {
		return s
	}
	return string(r[:40]) + "…"
}

// oneLine replaces line ends inside a sentence with spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// writeMarkdown writes a Markdown article.
func writeMarkdown(buf *bytes.Buffer, doc *Document, side Side) error {
	if err := writeMeta(buf, doc, side); err != nil {
		return err
	}
	mw := mdWriter{buf: buf, loose: looseLists(doc.Blocks)}
	for i, b := range doc.Blocks {
		segs, err := sideTexts(doc, b, side)
		if err != nil {
			return err
		}
		if i > 0 || len(doc.Meta) > 0 {
			mw.separate(doc.Blocks, i)
		}
		mw.block(b, segs, i)
	}
	if len(doc.Blocks) > 0 {
		buf.WriteByte('\n')
	}
	return nil
}

func writeMeta(buf *bytes.Buffer, doc *Document, side Side) error {
	if len(doc.Meta) == 0 {
		return nil
	}
	for _, f := range doc.Meta {
		if side == TargetSide && f.Translate && f.Target == "" && f.Value != "" {
			return fmt.Errorf("%s: front-matter %s: %w", displayName(doc.Path), f.Key, ErrUntranslated)
		}
	}
	fm, err := encodeFrontMatter(doc.Meta, side == TargetSide)
	if err != nil {
		return fmt.Errorf("%s: %w", displayName(doc.Path), err)
	}
	buf.Write(fm)
	return nil
}
