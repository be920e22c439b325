package translate

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// The namespaces of WordprocessingML, transitional and strict.
var wordNamespaces = []string{
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	"http://purl.oclc.org/ooxml/wordprocessingml/main",
}

// xmlScanner reads one XML part token by token with encoding/xml,
// keeping each token's byte range, so that what is not replaced is
// copied byte for byte. It refuses DTDs (entity expansion) and nesting
// deeper than MaxDepth.
type xmlScanner struct {
	name, part string
	data       []byte
	d          *xml.Decoder
	depth      int
	// w is the prefix the part gives WordprocessingML ("w").
	w string
	// tok is the last token and start, end its byte range.
	tok        xml.Token
	start, end int
}

func newXMLScanner(name, part string, data []byte) *xmlScanner {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	return &xmlScanner{name: name, part: part, data: data, d: d, w: "w"}
}

// errPartEnd ends a scan at the end of the part.
var errPartEnd = errors.New("end of part")

// next reads the next token.
func (s *xmlScanner) next() error {
	s.start = int(s.d.InputOffset())
	tok, err := s.d.RawToken()
	if err == io.EOF {
		return errPartEnd
	}
	if err != nil {
		return s.errorf("unreadable XML: %v", err)
	}
	s.tok, s.end = tok, int(s.d.InputOffset())
	switch t := tok.(type) {
	case xml.Directive:
		return s.errorf("a DTD or entity declaration (%.20s…): Word documents have none, and bitext does not expand entities", string(t))
	case xml.StartElement:
		if s.depth++; s.depth > MaxDepth {
			return s.errorf("elements nested over %d deep; this is not a Word document bitext reads", MaxDepth)
		}
		if s.depth == 1 {
			s.findPrefix(t)
		}
	case xml.EndElement:
		s.depth--
	}
	return nil
}

func (s *xmlScanner) errorf(format string, args ...any) error {
	return inputErrorf(s.name, 0, "%s: "+format, append([]any{s.part}, args...)...)
}

// findPrefix finds the prefix the root element binds to WordprocessingML.
func (s *xmlScanner) findPrefix(t xml.StartElement) {
	for _, a := range t.Attr {
		for _, ns := range wordNamespaces {
			if a.Name.Space == "xmlns" && a.Value == ns {
				s.w = a.Name.Local
			}
		}
	}
}

// isW reports whether the last token is a start (or end) tag of the
// WordprocessingML element local.
func (s *xmlScanner) isW(local string, end bool) bool {
	var n xml.Name
	switch t := s.tok.(type) {
	case xml.StartElement:
		if end {
			return false
		}
		n = t.Name
	case xml.EndElement:
		if !end {
			return false
		}
		n = t.Name
	default:
		return false
	}
	return n.Space == s.w && n.Local == local
}

// local returns the local name of the last start tag ("" for others).
func (s *xmlScanner) local() string {
	if t, ok := s.tok.(xml.StartElement); ok && t.Name.Space == s.w {
		return t.Name.Local
	}
	if t, ok := s.tok.(xml.StartElement); ok {
		return t.Name.Space + ":" + t.Name.Local
	}
	return ""
}

// skipElement reads to the end of the element whose start tag was the
// last token and returns its raw XML.
func (s *xmlScanner) skipElement() (string, error) {
	from, depth := s.start, s.depth
	for s.depth >= depth {
		if err := s.next(); err != nil {
			return "", s.truncated(err)
		}
	}
	return string(s.data[from:s.end]), nil
}

// truncated turns the end of the part inside an element into an error.
func (s *xmlScanner) truncated(err error) error {
	if errors.Is(err, errPartEnd) {
		return s.errorf("the XML ends inside an element")
	}
	return err
}

// textContent reads the text of the element whose start tag was the
// last token (a <w:t>), to its end.
func (s *xmlScanner) textContent() (string, error) {
	var b strings.Builder
	depth := s.depth
	for s.depth >= depth {
		if err := s.next(); err != nil {
			return "", s.truncated(err)
		}
		if c, ok := s.tok.(xml.CharData); ok {
			b.Write(c)
		}
	}
	return b.String(), nil
}
