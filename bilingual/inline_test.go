package bilingual

import (
	"testing"
)

func TestInlineSanitizes(t *testing.T) {
	cases := []struct{ in, html, md string }{
		{`M. Kim a <em>salué</em> une <strong>victoire</strong>.`,
			`M. Kim a <em>salué</em> une <strong>victoire</strong>.`,
			`M. Kim a *salué* une **victoire**.`},
		{`<i>Le Monde</i> et <b>AFP</b>`, `<em>Le Monde</em> et <strong>AFP</strong>`, `*Le Monde* et **AFP**`},
		{`le fichier <code>a*b_[c]</code>`, `le fichier <code>a*b_[c]</code>`, "le fichier `a*b_[c]`"},
		{"<code>x`y</code>", "<code>x`y</code>", "``x`y``"},
		{`<a href="https://example.org/a b(1)">site</a>`,
			`<a href="https://example.org/a b(1)" rel="noopener noreferrer">site</a>`,
			`[site](<https://example.org/a b(1)>)`},
		{`<a href="mailto:redaction@example.org">écrire</a>`,
			`<a href="mailto:redaction@example.org" rel="noopener noreferrer">écrire</a>`,
			`[écrire](mailto:redaction@example.org)`},
		{`<a href="javascript:alert(1)">lien</a>`, `lien`, `lien`},
		{`<a href="/relatif">lien</a>`, `lien`, `lien`},
		{`<a href="http:relative">lien</a>`, `lien`, `lien`},
		{`<em onclick="x()">mot</em>`, `<em>mot</em>`, `*mot*`},
		{`<em> espacé </em>fin`, `<em> espacé </em>fin`, ` *espacé* fin`},
		{`<script>alert(1)</script>`, `&lt;script&gt;alert(1)&lt;/script&gt;`, `\<script\>alert(1)\</script\>`},
		{`a <img src=x onerror=y> b`, `a &lt;img src=x onerror=y&gt; b`, `a \<img src=x onerror=y\> b`},
		{`<img src="https://x.org/a.png" alt="Carte [1]" onerror=y>`, `<img src="https://x.org/a.png" alt="Carte [1]">`, `![Carte \[1\]](https://x.org/a.png)`},
		{`<img src="data:image/svg+xml,&lt;svg&gt;" alt="x">`, `&lt;img src=&#34;data:image/svg+xml,&amp;lt;svg&amp;gt;&#34; alt=&#34;x&#34;&gt;`, `\<img src="data:image/svg+xml,\&lt;svg\&gt;" alt="x"\>`},
		{`<em>non fermé`, `&lt;em&gt;non fermé`, `\<em\>non fermé`},
		{`fin</strong> seule`, `fin&lt;/strong&gt; seule`, `fin\</strong\> seule`},
		{`<em><strong>les deux</em> après`, `<em>&lt;strong&gt;les deux</em> après`, `*\<strong\>les deux* après`},
		{`a<br>b <del>c</del> <input type="checkbox" checked disabled> d`, `a<br>b <del>c</del> <input type="checkbox" checked disabled> d`, "a\\\nb ~~c~~ [x] d"},
		{`note<sup translate="no" data-footnote="n1">[^n1]</sup>`, `note<sup class="fnref">n1</sup>`, `note[^n1]`},
		{`<span translate="no">Kim &amp; co</span>`, `Kim &amp; co`, `Kim \& co`},
		{`Tom &amp; Jerry &lt;3`, `Tom &amp; Jerry &lt;3`, `Tom \& Jerry \<3`},
		{`<!-- note --> texte`, `&lt;!-- note --&gt; texte`, `\<!-- note --\> texte`},
	}
	for _, c := range cases {
		content := sanitize(c.in, true)
		if got := inlineHTML(content); got != c.html {
			t.Errorf("HTML of %q = %q, want %q", c.in, got, c.html)
		}
		if got := inlineMarkdown(content); got != c.md {
			t.Errorf("Markdown of %q = %q, want %q", c.in, got, c.md)
		}
	}
}

func TestPlainSegmentsAreNotParsed(t *testing.T) {
	in := `Le titre <em>n’est</em> pas du HTML & reste tel quel`
	if got := inlineHTML(sanitize(in, false)); got != `Le titre &lt;em&gt;n’est&lt;/em&gt; pas du HTML &amp; reste tel quel` {
		t.Errorf("plain segment rendered as %q", got)
	}
	if got := plainText(in, false); got != in {
		t.Errorf("plainText changed a plain segment: %q", got)
	}
	if got := plainText(`<em>Séoul</em> &amp; <a href="https://example.org">Tokyo</a>`, true); got != "Séoul & Tokyo" {
		t.Errorf("plainText = %q", got)
	}
}
