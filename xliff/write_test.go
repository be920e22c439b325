package xliff

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bitext/bitext/inline"
)

// Characters XML cannot hold travel as <cp/> in 2.1 and come back; 1.2
// has no way to write them and says so.
func TestWriteControlCharacters(t *testing.T) {
	src := inline.Content{{Text: "Séoul\x0bPyongyang "}, {Code: &inline.Code{Type: inline.Standalone, ID: 1, Data: "<!--\x01-->"}}}
	doc := &Document{Version: V21, SrcLang: "fr", TrgLang: "en", Files: []File{{ID: "f1", Original: "a",
		Units: []Unit{{ID: "u1", Source: src, Target: src, HasTarget: true, State: Translated}}}}}
	var buf bytes.Buffer
	if err := Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, `Séoul<cp hex="000B"/>Pyongyang `) || !strings.Contains(out, `&lt;!--<cp hex="0001"/>--&gt;`) {
		t.Errorf("no <cp/>:\n%s", out)
	}
	back, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Files[0].Units[0].Source; SameSource(got, src) != nil {
		t.Errorf("read back %q", preview(got))
	}
	doc.Version = V12
	if err := Write(&bytes.Buffer{}, doc); err == nil || !strings.Contains(err.Error(), "character U+000B cannot be written in XLIFF 1.2") {
		t.Errorf("1.2: err = %v", err)
	}
}

// A source whose pairs do not nest cannot be written as <pc> or <g>.
func TestWriteBrokenPairs(t *testing.T) {
	src := inline.Content{{Code: &inline.Code{Type: inline.Open, ID: 1}}, {Text: "x"}}
	doc := &Document{Files: []File{{ID: "f1", Units: []Unit{{ID: "u1", Source: src}}}}}
	if err := Write(&bytes.Buffer{}, doc); err == nil || !strings.Contains(err.Error(), "unit u1: code 1 is never closed") {
		t.Errorf("err = %v", err)
	}
}
