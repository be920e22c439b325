package memory

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"time"
)

// TMX mapping, both ways:
//
//   - The header says creationtool "bitext", o-tmf "bitext", segtype
//     "sentence", adminlang "en", srclang the source language (or "*all*"
//     when the memory holds several) and datatype "html" when every entry
//     is an HTML fragment, else "plaintext"; a <tu> whose kind differs
//     from the header's carries its own datatype.
//   - Each entry is one <tu> with a <tuv xml:lang> for the source, then one
//     for the target. Props of type x-bitext-status (machine, approved),
//     x-bitext-backend and x-bitext-terms carry the rest; creationdate,
//     changedate and, for approved entries, changeid (who) the dates.
//   - On import, a <tu> without x-bitext-status is approved: memories from
//     OmegaT, Trados or memoQ hold human translations. Language tags are
//     reduced to their primary subtag in lower case ("FR-FR" → "fr"). The
//     source <tuv> is the one in the tu's or header's srclang (else the
//     first); every other language gives one entry.

// tmxTime is the TMX date format (ISO 8601 basic, UTC).
const tmxTime = "20060102T150405Z"

// Props bitext writes and reads.
const (
	propStatus  = "x-bitext-status"
	propBackend = "x-bitext-backend"
	propTerms   = "x-bitext-terms"
)

// ExportTMX writes every entry of the memory to w as TMX 1.4b, in the
// order they were stored ([WriteTMX]).
func (s *Store) ExportTMX(ctx context.Context, w io.Writer) error {
	return WriteTMX(ctx, s, w)
}

// WriteTMX writes every entry of a memory to w as TMX 1.4b, in the order
// they were stored. It reads the entries twice: once for the header, once
// to write them.
func WriteTMX(ctx context.Context, m Dumper, w io.Writer) error {
	h, err := readExportHeader(ctx, m)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(h.xml())
	var b strings.Builder
	err = m.Entries(ctx, func(e Entry) error {
		b.Reset()
		writeTU(&b, e, h)
		if _, err := bw.WriteString(b.String()); err != nil {
			return fmt.Errorf("failed to write TMX: %w", err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("failed to export translation memory: %w", err)
	}
	bw.WriteString("  </body>\n</tmx>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("failed to write TMX: %w", err)
	}
	return nil
}

// exportHeader is what a TMX file's header says about all its entries.
type exportHeader struct {
	srclang string // "*all*" when the memory has several
	html    bool   // every entry is an HTML fragment
}

func readExportHeader(ctx context.Context, m Dumper) (exportHeader, error) {
	h := exportHeader{html: true}
	n := 0
	err := m.Entries(ctx, func(e Entry) error {
		switch {
		case n == 0:
			h.srclang = e.Key.From
		case e.Key.From != h.srclang:
			h.srclang = "*all*"
		}
		h.html = h.html && e.Key.Markup
		n++
		return nil
	})
	if err != nil {
		return h, fmt.Errorf("failed to export translation memory: %w", err)
	}
	h.html = h.html && n > 0
	return h, nil
}

func (h exportHeader) xml() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<!DOCTYPE tmx SYSTEM "tmx14.dtd">` + "\n")
	b.WriteString(`<tmx version="1.4">` + "\n")
	fmt.Fprintf(&b, `  <header creationtool="bitext" creationtoolversion="%d" datatype="%s" segtype="sentence" adminlang="en" srclang="`,
		SchemaVersion, datatype(h.html))
	escapeXML(&b, h.srclang)
	b.WriteString(`" o-tmf="bitext"/>` + "\n  <body>\n")
	return b.String()
}

func datatype(html bool) string {
	if html {
		return "html"
	}
	return "plaintext"
}

// writeTU writes one entry as a <tu>.
func writeTU(b *strings.Builder, e Entry, h exportHeader) {
	b.WriteString("    <tu")
	attr(b, "creationdate", e.Created.UTC().Format(tmxTime))
	attr(b, "changedate", e.Updated.UTC().Format(tmxTime))
	if e.Status == Approved && e.By != "" {
		attr(b, "changeid", e.By)
	}
	if e.Key.Markup != h.html {
		attr(b, "datatype", datatype(e.Key.Markup))
	}
	if h.srclang == "*all*" {
		attr(b, "srclang", e.Key.From)
	}
	b.WriteString(">\n")
	prop(b, propStatus, string(e.Status))
	if e.Backend != "" {
		prop(b, propBackend, e.Backend)
	}
	if e.Key.Terms != "" {
		prop(b, propTerms, e.Key.Terms)
	}
	writeTUV(b, e.Key.From, e.Key.Source, e.Key.Markup)
	writeTUV(b, e.Key.To, e.Target, e.Key.Markup)
	b.WriteString("    </tu>\n")
}

func attr(b *strings.Builder, name, value string) {
	b.WriteString(" " + name + `="`)
	escapeXML(b, value)
	b.WriteString(`"`)
}

func prop(b *strings.Builder, typ, value string) {
	b.WriteString(`      <prop type="` + typ + `">`)
	escapeXML(b, value)
	b.WriteString("</prop>\n")
}

func writeTUV(b *strings.Builder, lang, text string, markup bool) {
	b.WriteString(`      <tuv xml:lang="`)
	escapeXML(b, lang)
	b.WriteString(`"><seg>`)
	if markup {
		markupToSeg(b, text)
	} else {
		escapeXML(b, text)
	}
	b.WriteString("</seg></tuv>\n")
}

// parseTMXTime reads a TMX date, or returns the zero time.
func parseTMXTime(s string) time.Time {
	t, err := time.Parse(tmxTime, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}
	}
	return t
}
