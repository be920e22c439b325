package translate_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode"

	"github.com/bitext/bitext/translate"
)

// shouter is an engine that writes the text of its input in capitals and
// leaves the tags alone, so that a test sees which text went through it.
type shouter struct{ html bool }

func (s shouter) Name() string { return "shouter" }
func (s shouter) Capabilities() translate.Capabilities {
	return translate.Capabilities{HTML: s.html}
}
func (s shouter) Translate(_ context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Segments))
	for i, seg := range req.Segments {
		out[i] = shout(seg, req.HTML)
	}
	return out, nil
}

// shout capitalises text outside tags and character references.
func shout(s string, html bool) string {
	var b strings.Builder
	inTag, inRef := false, false
	for _, r := range s {
		switch {
		case html && r == '<':
			inTag = true
		case html && r == '>':
			inTag = false
		case html && r == '&':
			inRef = true
		case inRef && r == ';':
			inRef = false
		case !inTag && !inRef:
			r = unicode.ToUpper(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// translateFile reads data as the file name, translates it with b and
// returns the document and what Write gives for the English.
func translateFile(t *testing.T, b translate.Backend, name string, data []byte) (*translate.Document, []byte) {
	t.Helper()
	doc, err := translate.Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	p := &translate.Pipeline{Backend: b, From: "fr", To: "en", Finish: translate.EnglishTypography}
	if _, err := p.Translate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := translate.Write(&buf, doc, translate.TargetSide); err != nil {
		t.Fatal(err)
	}
	return doc, buf.Bytes()
}
