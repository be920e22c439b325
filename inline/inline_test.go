package inline

import (
	"fmt"
	"strings"
	"testing"
)

// describe writes content compactly: text as is, codes as {type kind name id}.
func describe(c Content) string {
	var b strings.Builder
	for _, p := range c {
		if p.Code == nil {
			b.WriteString(p.Text)
			continue
		}
		t := [...]string{"ph", "open", "close"}[p.Code.Type]
		fmt.Fprintf(&b, "{%s %s %s%d", t, p.Code.Kind, p.Code.Name, p.Code.ID)
		if p.Code.Text != "" {
			fmt.Fprintf(&b, " %q", p.Code.Text)
		}
		b.WriteString("}")
	}
	return b.String()
}

func TestParse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"AT&amp;T &lt;b&gt; l&#39;AFP", "AT&T <b> l'AFP"},
		{"a <em>b</em> c", "a {open element em1}b{close element em1} c"},
		{`<a href="https://x.org/?a=1&amp;b=2" title="T">lien</a>`, "{open element a1}lien{close element a1}"},
		{"a<br>b<img src=\"x.png\" alt=\"y\">", "a{ph element br1}b{ph element img2}"},
		{"<code>x &lt; y</code> z", `{ph code code1 "x < y"} z`},
		{`<span translate="no">Kim <em>Jong</em>-un</span>.`, `{ph notranslate span1 "Kim Jong-un"}.`},
		{`<span class="notranslate">Séoul</span>`, `{ph notranslate span1 "Séoul"}`},
		{"<em>a <strong>b</em> c</strong>", "{open element em1}a {ph element strong2}b{close element em1} c{ph element strong3}"},
		{"</em>x<em>", "{ph element em1}x{ph element em2}"},
		{"<!-- note -->x", "{ph element !1}x"},
		{"a < b & c > d", "a < b & c > d"},
		{"<code>unclosed", "{ph element code1}unclosed"},
		{"&bogus; &#xZZ; &", "&bogus; &#xZZ; &"},
		{`<sup translate="no" data-footnote="1">[^1]</sup>`, `{ph element sup1 "[^1]"}`},
	}
	for _, tt := range tests {
		got := Parse(tt.in)
		if d := describe(got); d != tt.want {
			t.Errorf("Parse(%q)\n got %s\nwant %s", tt.in, d, tt.want)
		}
	}
}

// TestRoundTrip: the fragments bitext writes come back byte for byte.
func TestRoundTrip(t *testing.T) {
	for _, frag := range []string{
		"La <em>Corée du Nord</em> a tiré.",
		`Voir <a href="https://fr.wikipedia.org/wiki/S%C3%A9oul" title="Séoul &quot;ville&quot;">Séoul</a> &amp; <code>a &lt; b</code>.`,
		"<strong><em>x</em></strong> <del>y</del><br>z",
		`<img src="a.png" alt="Carte">`,
		"« citation » d&#39;abord",
		"</em>stray<em>",
		"a <!-- c --> b",
	} {
		// Entities other than &amp; &lt; &gt; &quot; are written decoded.
		want := strings.ReplaceAll(frag, "&#39;", "'")
		if got := Parse(frag).HTML(); got != want {
			t.Errorf("Parse(%q).HTML() = %q", frag, got)
		}
	}
}

func TestNeutral(t *testing.T) {
	c := Protect(Parse(`Voir <a href="https://x.org">le <em>site</em></a> https://y.org/a_b &amp; <code>x</code><br>`), LinkFinder)
	want := `Voir <a id="1">le <em id="2">site</em></a> <span translate="no" id="5">https://y.org/a_b</span> &amp; <span translate="no" id="3">x</span><x id="4"/>`
	if got := c.Neutral(); got != want {
		t.Errorf("Neutral\n got %s\nwant %s", got, want)
	}
}

func TestLinks(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Voir https://fr.wikipedia.org/wiki/Séoul.", []string{"url:https://fr.wikipedia.org/wiki/Séoul"}},
		{"(voir https://fr.wikipedia.org/wiki/Paris_(ville)).", []string{"url:https://fr.wikipedia.org/wiki/Paris_(ville)"}},
		{"«https://example.org/Index.HTML»", []string{"url:https://example.org/Index.HTML"}},
		{"Site : www.kcna.kp, puis.", []string{"url:www.kcna.kp"}},
		{"Écrire à moscou@example.ru ou Jean.Dupont@Example.FR.", []string{"email:moscou@example.ru", "email:Jean.Dupont@Example.FR"}},
		{"Suivez @Le_Monde, @afp et #MeToo ou #élections2024 !", []string{"handle:@Le_Monde", "handle:@afp", "hashtag:#MeToo", "hashtag:#élections2024"}},
		{"Le C# et AT&T#1, le n°#3 et l'adresse a@b.co", []string{"email:a@b.co"}},
		{"https://x.org/page#section et mailto", []string{"url:https://x.org/page#section"}},
		{"@alice@mastodon.social écrit", []string{"handle:@alice@mastodon.social"}},
		{"http:// seul", nil},
		{"https://example.org/a?b=1&c=2, fin", []string{"url:https://example.org/a?b=1&c=2"}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range Links(tt.in) {
			got = append(got, s.Kind.String()+":"+tt.in[s.Start:s.End])
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Links(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRestore(t *testing.T) {
	sent := Protect(Parse(`Le <em>président</em> a écrit à moscou@example.ru<br>, voir <a href="https://x.org">ici</a>.`), LinkFinder)
	// sent.Neutral(): Le <em id="1">président</em> a écrit à <span translate="no" id="4">moscou@example.ru</span><x id="2"/>, voir <a id="3">ici</a>.
	tests := []struct {
		name, out, want string
		problems        []Problem
	}{
		{"kept", `The <em id="1">president</em> wrote to <span translate="no" id="4">Moscow@example.ru</span><x id="2"/>, see <a id="3">here</a>.`,
			`The <em>president</em> wrote to moscou@example.ru<br>, see <a href="https://x.org">here</a>.`, nil},
		{"moved and re-encoded", `<a id="3">Here</a> the <em id="1">president</em> wrote<x id="2"></x> to <SPAN TRANSLATE=no id=4>x</SPAN>.`,
			`<a href="https://x.org">Here</a> the <em>president</em> wrote<br> to moscou@example.ru.`, nil},
		{"span dropped", `The <em id="1">president</em> wrote<x id="2"/>, see <a id="3">here</a>.`,
			`The <em>president</em> wrote<br>, see <a href="https://x.org">here</a> moscou@example.ru.`, []Problem{Missing}},
		{"duplicated", `<span translate="no" id="4">a</span> <span translate="no" id="4">a</span> <em id="1">x</em><x id="2"/><a id="3">y</a>`,
			`moscou@example.ru  <em>x</em><br><a href="https://x.org">y</a>`, []Problem{Duplicated}},
		{"crossed", `<em id="1">a <a id="3">b</em> c</a><x id="2"/> <span translate="no" id="4">m</span>`,
			`<em>a b</em> c<br> moscou@example.ru`, []Problem{Unpaired}},
		{"close lost", `<em id="1">a <a id="3">b</a><x id="2"/> <span translate="no" id="4">m</span>`,
			`a <a href="https://x.org">b</a><br> moscou@example.ru`, []Problem{Unpaired}},
		{"unexpected", `<b>The</b> <em id="1">p</em><x id="2"/><a id="3">h</a><span translate="no" id="4">m</span><span translate="no" id="99">z</span>`,
			`The <em>p</em><br><a href="https://x.org">h</a>moscou@example.ru`, []Problem{Unexpected, Unexpected, Unexpected}},
	}
	for _, tt := range tests {
		got, issues := Restore(sent, tt.out)
		var problems []Problem
		for _, is := range issues {
			problems = append(problems, is.Problem)
		}
		if h := got.HTML(); h != tt.want || fmt.Sprint(problems) != fmt.Sprint(tt.problems) {
			t.Errorf("%s: Restore\n got %s %v\nwant %s %v", tt.name, h, problems, tt.want, tt.problems)
		}
	}
}

func TestRestorePlain(t *testing.T) {
	sent := Protect(Parse(`Voir <a href="https://x.org">https://x.org</a> ou <em>écrire</em> à a@b.fr.`), LinkFinder)
	got, issues := RestorePlain(sent, "See https://x.org or write to a@b.fr.")
	if h := got.HTML(); h != `See <a href="https://x.org">https://x.org</a> or write to a@b.fr.` {
		t.Errorf("RestorePlain = %s", h)
	}
	if len(issues) != 1 || issues[0].Problem != Missing || issues[0].Code.Name != "em" {
		t.Errorf("issues = %+v, want the emphasis reported lost", issues)
	}
}
