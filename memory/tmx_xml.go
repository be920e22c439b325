package memory

import (
	"encoding/xml"
	"time"
)

// tmxHeader is the part of a TMX <header> the importer uses.
type tmxHeader struct {
	SrcLang  string `xml:"srclang,attr"`
	Datatype string `xml:"datatype,attr"`
}

// tmxTU is a translation unit.
type tmxTU struct {
	SrcLang      string    `xml:"srclang,attr"`
	Datatype     string    `xml:"datatype,attr"`
	CreationDate string    `xml:"creationdate,attr"`
	ChangeDate   string    `xml:"changedate,attr"`
	CreationID   string    `xml:"creationid,attr"`
	ChangeID     string    `xml:"changeid,attr"`
	Props        []tmxProp `xml:"prop"`
	TUVs         []tmxTUV  `xml:"tuv"`
}

type tmxProp struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

// tmxTUV is one language's segment. Lang matches xml:lang (TMX 1.4) and
// lang (TMX 1.1, still written by some tools).
type tmxTUV struct {
	Lang         string `xml:"lang,attr"`
	CreationDate string `xml:"creationdate,attr"`
	ChangeDate   string `xml:"changedate,attr"`
	CreationID   string `xml:"creationid,attr"`
	ChangeID     string `xml:"changeid,attr"`
	Seg          tmxSeg `xml:"seg"`
}

// tmxSeg is a segment's text and inline codes in order.
type tmxSeg struct {
	Parts []segPart
}

// inlineCodes are the TMX elements whose content is native code; <hi>
// holds text.
var inlineCodes = map[string]bool{"bpt": true, "ept": true, "it": true, "ph": true, "ut": true}

// UnmarshalXML reads the text and codes of a <seg>.
func (s *tmxSeg) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	var stack []bool // whether each open element is inside a code
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			inCode := len(stack) > 0 && stack[len(stack)-1]
			stack = append(stack, inCode || inlineCodes[t.Name.Local])
		case xml.EndElement:
			if len(stack) == 0 {
				return nil
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			s.add(string(t), len(stack) > 0 && stack[len(stack)-1])
		}
	}
}

// add appends text or code, merging it with the part before of its kind.
func (s *tmxSeg) add(text string, code bool) {
	if n := len(s.Parts); n > 0 && s.Parts[n-1].code == code {
		s.Parts[n-1].text += text
		return
	}
	s.Parts = append(s.Parts, segPart{text: text, code: code})
}

// source returns the index of the source <tuv>: the one in the unit's or
// header's srclang, else the first; -1 when the unit has fewer than two.
func (tu tmxTU) source(headerLang string) int {
	if len(tu.TUVs) < 2 {
		return -1
	}
	want := langCode(firstNonEmpty(tu.SrcLang, headerLang))
	for i, tuv := range tu.TUVs {
		if want != "" && want != "*all*" && langCode(tuv.Lang) == want {
			return i
		}
	}
	return 0
}

// prop returns the value of the unit's first prop of type typ.
func (tu tmxTU) prop(typ string) string {
	for _, p := range tu.Props {
		if p.Type == typ {
			return p.Value
		}
	}
	return ""
}

// dates returns when a translation was created and last changed, from
// the target <tuv> or the unit, defaulting to now.
func (tu tmxTU) dates(tuv tmxTUV, now time.Time) (created, changed time.Time) {
	created = parseTMXTime(firstNonEmpty(tuv.CreationDate, tu.CreationDate))
	changed = parseTMXTime(firstNonEmpty(tuv.ChangeDate, tu.ChangeDate))
	switch {
	case created.IsZero() && changed.IsZero():
		return now, now
	case created.IsZero():
		return changed, changed
	case changed.IsZero():
		return created, created
	}
	return created, changed
}
