package deepl

import "testing"

func TestXMLRoundTrip(t *testing.T) {
	cases := []struct{ html, xml string }{
		{`A &amp; B &nbsp;C & D`, `A &amp; B &#160;C &amp; D`},
		{`Ligne<br>suivante<img src="a.png">`, `Ligne<br/>suivante<img src="a.png"/>`},
		{`Le <span translate="no" class="t">Conseil d&eacute;tat</span>, <em>hier</em>`, `Le <x>Conseil d&#233;tat</x>, <em>hier</em>`},
		{`Le <span translate="no" id="3">3,500</span> et <x id="4"/>`, `Le <x id="3">3,500</x> et <x id="4"/>`},
		{`&bogus; reste`, `&amp;bogus; reste`},
	}
	for _, c := range cases {
		if got := toXML(c.html); got != c.xml {
			t.Errorf("toXML(%q) = %q, want %q", c.html, got, c.xml)
		}
		// A server that changed nothing must give the source back.
		back := fromXML(c.html, c.xml)
		if c.html != `A &amp; B &nbsp;C & D` && c.html != `&bogus; reste` && back != c.html {
			t.Errorf("fromXML(%q) = %q, want %q", c.xml, back, c.html)
		}
	}
	// Ignored elements come back by id wherever DeepL put them.
	src := `<span translate="no" id="1">Séoul</span> et <span translate="no" id="2">Kim</span>`
	if got := fromXML(src, `<x id="2">Kim</x> and <x id="1">Seoul</x>`); got != `<span translate="no" id="2">Kim</span> and <span translate="no" id="1">Séoul</span>` {
		t.Errorf("moved: %q", got)
	}
	if got := fromXML(`<span translate="no">AFP</span>`, `AFP`); got != "AFP" {
		t.Errorf("lost span: %q", got)
	}
}
