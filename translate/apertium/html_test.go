package apertium

import (
	"bytes"
	"testing"
)

func TestWriteHTML(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"tags", `Le <em>président</em> parle`, `Le [\<em\>]président[\<\/em\>] parle`},
		{"attribute with >", `<a href="x?a>b" title='c'>lien</a>`, `[\<a href="x?a\>b" title='c'\>]lien[\<\/a\>]`},
		{"notrans span whole", `à <span translate="no">Kim Jong-un</span> hier`,
			`à [\<span translate="no"\>Kim Jong-un\<\/span\>] hier`},
		{"nested notrans", `<span translate="no">a <span>b</span> c</span> d`,
			`[\<span translate="no"\>a \<span\>b\<\/span\> c\<\/span\>] d`},
		{"apertium-notrans", `<apertium-notrans>AFP</apertium-notrans> dit`, `[\<apertium-notrans\>AFP\<\/apertium-notrans\>] dit`},
		{"code", `tapez <code>ls -l</code> ici`, `tapez [\<code\>ls -l\<\/code\>] ici`},
		{"unclosed notrans", `x <span translate="no">reste`, `x [\<span translate="no"\>reste]`},
		{"translate yes", `<span translate="yes">oui</span>`, `[\<span translate="yes"\>]oui[\<\/span\>]`},
		{"self-closing", `a<br translate="no"/>b`, `a[\<br translate="no"\/\>]b`},
		{"comment", `a <!-- x > y --> b`, `a [\<!-- x \> y --\>] b`},
		{"entities kept", `AT&amp;T &lt;3&nbsp;fois`, `AT[&amp;]T [&lt;]3[&nbsp;]fois`},
		{"entities decoded", `l&#39;AFP &eacute;t&eacute; &quot;x&quot;`, `l'AFP été "x"`},
		{"bare amp and lt", `A & B < C`, `A [&] B [\<] C`},
		{"unknown entity", `&zzzz; fin`, `[&]zzzz; fin`},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		writeHTML(&b, tt.in, nil)
		if got := b.String(); got != tt.want {
			t.Errorf("%s: writeHTML(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}
