// Package formatcheck compares the structure of a translated HTML page or
// Word document with its French original, as bitext's tests and the
// held-out check of issue 18 do: what a translation may change (text,
// translated attributes, how a paragraph's text is split into runs) is
// left out, everything else must be the same.
package formatcheck

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// translatedAttrs are the attributes whose values the English changes.
var translatedAttrs = map[string]bool{"lang": true, "alt": true, "title": true, "content": true}

// CompareHTML parses both pages with the HTML5 parser and says where
// their element trees (names, attributes but the translated ones) differ.
func CompareHTML(a, b []byte) string {
	ta, tb := elementTree(a), elementTree(b)
	if len(ta) != len(tb) {
		return fmt.Sprintf("%d elements in the French, %d in the English", len(ta), len(tb))
	}
	for i := range ta {
		if ta[i] != tb[i] {
			return fmt.Sprintf("element %d: %s vs %s", i, ta[i], tb[i])
		}
	}
	return ""
}

// elementTree lists a page's elements in order, each with its depth and
// kept attributes.
func elementTree(page []byte) []string {
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return []string{err.Error()}
	}
	var out []string
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if n.Type == html.ElementNode {
			s := fmt.Sprintf("%d:%s", depth, n.Data)
			for _, a := range n.Attr {
				if !translatedAttrs[a.Key] {
					s += " " + a.Key + "=" + a.Val
				}
			}
			out = append(out, s)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	return out
}

// CompareDocx checks that the Word document b keeps a's structure: the
// same parts in the same order, those without text byte for byte, and in
// the others the same elements outside runs, hyperlinks, spelling marks
// and bookmarks, and no element a's part lacks.
func CompareDocx(a, b []byte) error {
	za, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		return err
	}
	zb, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return fmt.Errorf("the English is no zip: %w", err)
	}
	if len(za.File) != len(zb.File) {
		return fmt.Errorf("%d parts in the French, %d in the English", len(za.File), len(zb.File))
	}
	for i, fa := range za.File {
		fb := zb.File[i]
		da, db := ReadZip(fa), ReadZip(fb)
		if fa.Name != fb.Name {
			return fmt.Errorf("part %d: %s vs %s", i, fa.Name, fb.Name)
		}
		if bytes.Equal(da, db) {
			continue
		}
		if err := compareXML(fa.Name, da, db); err != nil {
			return err
		}
	}
	return nil
}

// ReadZip returns the uncompressed content of an archive entry (nil when
// it cannot be read).
func ReadZip(f *zip.File) []byte {
	r, err := f.Open()
	if err != nil {
		return nil
	}
	defer r.Close()
	data, _ := io.ReadAll(r)
	return data
}

// compareXML compares two parts outside runs and says whether b has an
// element a lacks.
func compareXML(name string, a, b []byte) error {
	outA, namesA, err := xmlOutline(a)
	if err != nil {
		return fmt.Errorf("%s (French): %w", name, err)
	}
	outB, namesB, err := xmlOutline(b)
	if err != nil {
		return fmt.Errorf("%s (English): %w", name, err)
	}
	if strings.Join(outA, "\n") != strings.Join(outB, "\n") {
		return fmt.Errorf("%s: the elements outside runs differ:\n%s\nvs\n%s", name, strings.Join(outA, "\n"), strings.Join(outB, "\n"))
	}
	for n := range namesB {
		if !namesA[n] {
			return fmt.Errorf("%s: the English has a <%s> the French lacks", name, n)
		}
	}
	return nil
}

// xmlOutline lists a part's elements outside runs, hyperlinks and
// spelling marks with their depth, and names every element in it.
func xmlOutline(data []byte) ([]string, map[string]bool, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var out []string
	names := map[string]bool{}
	depth, inside := 0, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, names, nil
		}
		if err != nil {
			return nil, nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			n := t.Name.Space + ":" + t.Name.Local
			names[n] = true
			if inside == 0 && (n == "w:r" || n == "w:hyperlink" || n == "w:proofErr" || n == "w:bookmarkStart" || n == "w:bookmarkEnd") {
				inside = depth
			}
			if inside == 0 {
				out = append(out, fmt.Sprintf("%d %s", depth, n))
			}
		case xml.EndElement:
			if depth == inside {
				inside = 0
			}
			depth--
		}
	}
}

// DocxText returns the text of a Word document's parts under word/ (their
// <w:t> text, tabs as tab characters), a paragraph a line.
func DocxText(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "word/") && strings.HasSuffix(f.Name, ".xml") {
			partText(&b, ReadZip(f))
		}
	}
	return b.String(), nil
}

// partText writes the text of one XML part.
func partText(b *strings.Builder, part []byte) {
	d := xml.NewDecoder(bytes.NewReader(part))
	inText := false
	for {
		tok, err := d.RawToken()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			inText = t.Name.Local == "t"
			if t.Name.Local == "tab" {
				b.WriteByte('\t')
			}
		case xml.EndElement:
			inText = false
			if t.Name.Local == "p" {
				b.WriteByte('\n')
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
	}
}
