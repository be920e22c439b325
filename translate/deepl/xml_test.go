package deepl

import "testing"

func TestXMLRoundTrip(t *testing.T) {
	cases := []struct{ html, xml string }{
		{`A &amp; B &nbsp;C & D`, `A &amp; B &#160;C &amp; D`},
		{`Ligne<br>suivante<img src="a.png">`, `Ligne<br/>suivante<img src="a.png"/>`},
		{`Le <span translate="no" class="t">Conseil d&eacute;tat</span>, <em>hier</em>`, `Le <x>Conseil d&#233;tat</x>, <em>hier</em>`},
		{`&bogus; reste`, `&amp;bogus; reste`},
	}
	for _, c := range cases {
		if got := toXML(c.html); got != c.xml {
			t.Errorf("toXML(%q) = %q, want %q", c.html, got, c.xml)
		}
		// A server that changed nothing must give the source back.
		back, err := fromXML(c.html, c.xml)
		if err != nil {
			t.Errorf("fromXML(%q): %v", c.xml, err)
			continue
		}
		if c.html != `A &amp; B &nbsp;C & D` && c.html != `&bogus; reste` && back != c.html {
			t.Errorf("fromXML(%q) = %q, want %q", c.xml, back, c.html)
		}
	}
	if _, err := fromXML(`<span translate="no">AFP</span>`, `AFP`); err == nil {
		t.Error("lost span not reported")
	}
}
