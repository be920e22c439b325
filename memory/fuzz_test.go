package memory

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzImportTMX imports arbitrary documents: no panic, and whatever was
// imported survives export and import into a fresh memory unchanged.
func FuzzImportTMX(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.tmx")
	for _, name := range seeds {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add(`<tmx><header srclang="fr" datatype="html"/><body><tu><tuv lang="fr"><seg>a <ph>&lt;x</ph>&amp;<hi>b</hi> "c"</seg></tuv><tuv lang="en"><seg><bpt i="1">&lt;em&gt;</bpt>d</seg></tuv></tu></body></tmx>`)
	f.Add(`<tmx><body><tu srclang="*all*"><tuv xml:lang="de"><seg>x</seg></tuv><tuv xml:lang="en"><seg>y</seg></tuv><tuv xml:lang="fr"><seg>z</seg></tuv></tu></body></tmx>`)
	f.Fuzz(func(t *testing.T, doc string) {
		s := openTest(t)
		if _, err := s.ImportTMX(ctx, strings.NewReader(doc)); err != nil {
			return
		}
		first := entries(t, s)
		fresh := openTest(t)
		if _, err := fresh.ImportTMX(ctx, strings.NewReader(exportString(t, s))); err != nil {
			t.Fatalf("re-import of an export failed: %v", err)
		}
		if second := entries(t, fresh); !reflect.DeepEqual(first, second) {
			t.Fatalf("round trip changed entries:\n%+v\n%+v", first, second)
		}
	})
}

// FuzzSegCodec checks the <seg> encoding on its own (FuzzImportTMX runs
// SQLite, which coverage instrumentation makes too slow to fuzz for long):
// every HTML fragment and every plain text comes back byte for byte.
func FuzzSegCodec(f *testing.F) {
	f.Add(`Selon <em>Le Monde</em>, l'accord &amp; le &quot;plan&quot;<br> coûte 3&nbsp;M€.`)
	f.Add(`<a href="x?a=1&amp;b=2">lien</a> "brut" & <b><i>mal</b></i> &#39;`)
	f.Add("<<>>&&;\r\n\t</ >< a>&#x41;&#65;")
	f.Fuzz(func(t *testing.T, text string) {
		if !xmlSafe(text) {
			t.Skip()
		}
		for _, markup := range []bool{false, true} {
			var b strings.Builder
			b.WriteString("<seg>")
			if markup {
				markupToSeg(&b, text)
			} else {
				escapeXML(&b, text)
			}
			b.WriteString("</seg>")
			var seg tmxSeg
			if err := xml.Unmarshal([]byte(b.String()), &seg); err != nil {
				t.Fatalf("markup=%v: %q encoded as invalid XML %q: %v", markup, text, b.String(), err)
			}
			if got := segString(seg.Parts, markup); got != text {
				t.Fatalf("markup=%v: %q came back as %q (via %s)", markup, text, got, b.String())
			}
		}
	})
}

// xmlSafe reports whether s is UTF-8 made only of characters XML allows.
func xmlSafe(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return false
		}
	}
	return true
}
