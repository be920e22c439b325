package glossary

import (
	"strings"
	"testing"

	"github.com/bitext/bitext/inline"
)

// replaceTerms is what an identity backend plus Restore must give: the
// segment with every match replaced by its target.
func replaceTerms(text string, ms []Match) string {
	var b strings.Builder
	last := 0
	for _, m := range ms {
		b.WriteString(text[last:m.Start])
		b.WriteString(m.Target)
		last = m.End
	}
	return b.String() + text[last:]
}

// TestProtectIdentityRestore restores what an identity backend returns:
// the French with the targets in place, an adjective the French put after
// its noun moved before it.
func TestProtectIdentityRestore(t *testing.T) {
	g := asia(t)
	tests := []struct {
		in, want string
		markup   bool
	}{
		{"Le dirigeant nord-coréen Kim Jong-un a salué l’ONU & ses « efforts ».",
			"Le North Korean dirigeant Kim Jong-un a salué l’UN & ses « efforts ».", false},
		{"Rien à protéger ici : 3 < 4.", "Rien à protéger ici : 3 < 4.", false},
		{"<em>Kim Jong-un</em> a visité un <a href=\"/x?a=1&amp;b=2\">site nord-coréen</a> &amp; l&#8217;ONU.",
			"<em>Kim Jong-un</em> a visité un <a href=\"/x?a=1&amp;b=2\">North Korean site</a> &amp; l&#8217;UN.", true},
		{"Selon KCNA, <code>Corée du Nord</code> reste en code.", "Selon KCNA, <code>Corée du Nord</code> reste en code.", true},
	}
	for _, tt := range tests {
		p := g.Protect(tt.in, tt.markup)
		if len(p.Matches) > 0 && (!p.HTML || !strings.Contains(p.Text, spanOpen)) {
			t.Errorf("%q: protected text %q is not an HTML fragment with spans", tt.in, p.Text)
		}
		if len(p.Matches) == 0 && p.Text != tt.in {
			t.Errorf("%q: nothing matched but the text changed to %q", tt.in, p.Text)
		}
		if got := g.Restore(p, p.Text, tt.markup); got != tt.want {
			t.Errorf("identity backend:\n in   %q\n got  %q\n want %q", tt.in, got, tt.want)
		}
	}
}

func TestProtectedSpanHoldsEscapedTarget(t *testing.T) {
	g := parseString(t, "g.csv", "AT&T,AT&T <Inc>\n", CSV)
	p := g.Protect("Le groupe AT&T rachète.", false)
	want := `Le groupe <span translate="no">AT&amp;T &lt;Inc&gt;</span> rachète.`
	if p.Text != want {
		t.Errorf("Protect = %q, want %q", p.Text, want)
	}
	if got := g.Restore(p, p.Text, false); got != "Le groupe AT&T <Inc> rachète." {
		t.Errorf("Restore = %q", got)
	}
}

func TestRestoreMovedOrDroppedSpan(t *testing.T) {
	g := asia(t)
	p := g.Protect("Des soldats nord-coréens sont arrivés.", false)
	tests := map[string]string{
		// The engine moved the span before the noun, as English wants.
		`<span translate="no">North Korean</span> soldiers have arrived.`: "North Korean soldiers have arrived.",
		// It changed the attribute's quotes and case.
		`Soldiers <SPAN translate='no'>North Korean</SPAN> arrived.`: "Soldiers North Korean arrived.",
		// It dropped the tags but kept the content.
		`North Korean soldiers have arrived.`: "North Korean soldiers have arrived.",
		// It dropped the closing tag.
		`<span translate="no">North Korean soldiers have arrived.`: "North Korean soldiers have arrived.",
	}
	for out, want := range tests {
		if got := g.Restore(p, out, false); got != want {
			t.Errorf("Restore(%q) = %q, want %q", out, got, want)
		}
	}
	// A span dropped entirely cannot be restored, but Check reports it.
	got := g.Restore(p, "Soldiers have arrived.", false)
	if vs := g.Check("Des soldats nord-coréens sont arrivés.", got, false); len(vs) != 1 || vs[0].Target != "North Korean" {
		t.Errorf("Check after a dropped span: %v", vs)
	}
}

func TestRestoreKeepsOtherSpans(t *testing.T) {
	g := asia(t)
	p := g.Protect(`<span translate="no">Bouclier</span> en Ukraine`, true)
	out := `<span translate="no">Bouclier</span> in <span translate="no">Ukraine</span>`
	if got := g.Restore(p, out, true); got != `<span translate="no">Bouclier</span> in Ukraine` {
		t.Errorf("Restore = %q", got)
	}
}

func TestRestoreGrammar(t *testing.T) {
	g := parseString(t, "g.yaml", `
- {source: arme atomique, target: atomic weapon, pos: noun}
- {source: essai nucléaire, target: nuclear test, pos: noun}
- {source: Corée du Nord, target: North Korea, pos: name}
- {source: AIEA, target: IAEA}
- {source: ONU, target: UN}
- {source: porte-parole, target: spokesperson, pos: noun}
- {source: sommet européen, target: European summit, pos: noun}
`, YAML)
	tests := []struct{ src, engine, want string }{
		{"Il a vu une arme atomique.", `He saw a <span translate="no">atomic weapon</span>.`, "He saw an atomic weapon."},
		{"Une arme atomique.", `A <span translate="no">atomic weapon</span>.`, "An atomic weapon."},
		{"Un porte-parole de l'AIEA.", `An <span translate="no">spokesperson</span> of the <span translate="no">IAEA</span>.`, "A spokesperson of the IAEA."},
		{"Un rapport de l'AIEA.", `A <span translate="no">IAEA</span> report.`, "An IAEA report."},
		{"Un vote de l'ONU.", `An <span translate="no">UN</span> vote.`, "A UN vote."},
		{"Un sommet européen.", `An <span translate="no">European summit</span>.`, "A European summit."},
		{"Essai nucléaire réussi.", `<span translate="no">nuclear test</span> succeeded.`, "Nuclear test succeeded."},
		{"« Essai nucléaire », dit-il.", `« <span translate="no">nuclear test</span> », he said.`, "« Nuclear test », he said."},
		{"Fin. Essai nucléaire.", `End. <span translate="no">nuclear test</span>.`, "End. Nuclear test."},
		{"M. essai nucléaire.", `Mr. <span translate="no">nuclear test</span>.`, "Mr. nuclear test."},
		{"Un nouvel essai nucléaire.", `A new <span translate="no">nuclear test</span>.`, "A new nuclear test."},
		{"La Corée du Nord a tiré.", `The <span translate="no">North Korea</span> fired.`, "North Korea fired."},
		{"Il accuse la Corée du Nord.", `He accuses the <span translate="no">North Korea</span>.`, "He accuses North Korea."},
	}
	for _, tt := range tests {
		p := g.Protect(tt.src, false)
		if len(p.Matches) == 0 {
			t.Fatalf("%q: no term found", tt.src)
		}
		if got := g.Restore(p, tt.engine, false); got != tt.want {
			t.Errorf("%q:\n got  %q\n want %q", tt.engine, got, tt.want)
		}
	}
}

func TestRestoreMarkupGrammar(t *testing.T) {
	g := parseString(t, "g.yaml", "- {source: arme atomique, target: atomic weapon, pos: noun}\n", YAML)
	p := g.Protect("<p>Une <em>arme atomique</em>.</p>", true)
	got := g.Restore(p, `<p>A <em><span translate="no">atomic weapon</span></em>.</p>`, true)
	if got != `<p>An <em>atomic weapon</em>.</p>` {
		t.Errorf("Restore = %q", got)
	}
	p = g.Protect("<strong>Arme atomique</strong> : le point.", true)
	got = g.Restore(p, `<strong><span translate="no">atomic weapon</span></strong>: the point.`, true)
	if got != `<strong>Atomic weapon</strong>: the point.` {
		t.Errorf("Restore = %q", got)
	}
}

func TestIndefinite(t *testing.T) {
	tests := map[string]string{
		"atomic weapon": "an", "nuclear test": "a", "hour": "an", "honest broker": "an",
		"union": "a", "European": "a", "one-day visit": "a", "FBI": "an", "KCNA": "a",
		"NGO": "an", "IAEA": "an", "UN": "a", "Ukrainian": "a", "unit": "a", "umbrella": "an",
	}
	for w, want := range tests {
		if got := indefinite(w); got != want {
			t.Errorf("indefinite(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestShield(t *testing.T) {
	sh := Shield{Glossary: asia(t)}
	text := "La Corée du Nord & l’ONU."
	var got []string
	spans := sh.Find(text)
	for _, sp := range spans {
		got = append(got, text[sp.Start:sp.End]+"→"+sp.Target)
	}
	if strings.Join(got, ", ") != "Corée du Nord→North Korea, ONU→UN" {
		t.Fatalf("Find = %q", got)
	}
	// The term codes as the pipeline makes them from Find's spans: Ref
	// carries what the French said around the term (its article).
	terms := []*inline.Code{{Kind: inline.Term, Text: "Corée du Nord", Target: "North Korea", Ref: spans[0].Ref}}
	if got := sh.Fix("The North Korea & the UN.", terms, false); got != "North Korea & the UN." {
		t.Errorf("Fix = %q", got)
	}
}

// TestRestoreArticles: a "the" before a name goes only where the French
// had a definite article and English says the name without one; tags
// between the article and the name stay.
func TestRestoreArticles(t *testing.T) {
	g := desk(t)
	tests := []struct{ src, engine, want string }{
		{"La Corée du Nord a tiré.", `The <span translate="no">North Korea</span> fired.`, "North Korea fired."},
		{"un tir de la Corée du Nord", `a shot of the <span translate="no">North Korea</span>`, "a shot of North Korea"},
		{"au Japon", `to the <span translate="no">Japan</span>`, "to Japan"},
		{"le régime de Pyongyang", `the <span translate="no">Pyongyang</span> regime`, "the Pyongyang regime"},
		{"Les États-Unis ont condamné.", `The <span translate="no">United States</span> condemned.`, "The United States condemned."},
		{"selon l'Institut Asan", `according to the <span translate="no">Asan Institute</span>`, "according to the Asan Institute"},
		{"les sanctions de l'ONU", `the sanctions of the <span translate="no">UN</span>`, "the sanctions of the UN"},
		{"La RPDC a tiré.", `The <span translate="no">North Korea</span> fired.`, "North Korea fired."},
		{"Les Nord-Coréens ont voté.", `The <span translate="no">North Koreans</span> have voted.`, "The North Koreans have voted."},
	}
	for _, tt := range tests {
		p := g.Protect(tt.src, false)
		if got := g.Restore(p, tt.engine, false); got != tt.want {
			t.Errorf("%q:\n got  %q\n want %q", tt.engine, got, tt.want)
		}
	}
	markup := []struct{ src, engine, want string }{
		{"La <strong>Corée du Sud</strong> vote.", `The <strong><span translate="no">South Korea</span></strong> votes.`, "<strong>South Korea</strong> votes."},
		{`un tir de la <a href="/k">Corée du Nord</a>.`, `a shot of the <a href="/k"><span translate="no">North Korea</span></a>.`, `a shot of <a href="/k">North Korea</a>.`},
		{"avec la <em>Corée du Nord</em>", `with the <em><span translate="no">North Korea</span></em>`, "with <em>North Korea</em>"},
		{"<em>Les Nord-Coréens</em>", `<em>The <span translate="no">North Koreans</span></em>`, "<em>The North Koreans</em>"},
	}
	for _, tt := range markup {
		p := g.Protect(tt.src, true)
		if got := g.Restore(p, tt.engine, true); got != tt.want {
			t.Errorf("%q:\n got  %q\n want %q", tt.engine, got, tt.want)
		}
	}
}

// TestRestoreReordersAdjectives: an engine that keeps French word order
// (the fakes, Apertium's fallback) leaves an adjective after its noun;
// Restore puts it before.
func TestRestoreReordersAdjectives(t *testing.T) {
	g := desk(t)
	tests := []struct{ src, engine, want string }{
		{"les soldats nord-coréens", `the soldiers <span translate="no">North Korean</span>`, "the North Korean soldiers"},
		{"le dirigeant nord-coréen Kim Jong-un", `the leader <span translate="no">North Korean</span> <span translate="no">Kim Jong-un</span>`, "the North Korean leader Kim Jong-un"},
		{"des entreprises chinoises.", `some companies <span translate="no">Chinese</span>.`, "some Chinese companies."},
		{"des manœuvres américano-sud-coréennes", `some manœuvres <span translate="no">US-South Korean</span>`, "some US-South Korean manœuvres"},
		{"les soldats nord-coréens", `the <span translate="no">North Korean</span> soldiers`, "the North Korean soldiers"},
		{"il est nord-coréen", `he is <span translate="no">North Korean</span>`, "he is North Korean"},
		{"des exercices militaires nord-coréens", `of the military exercises <span translate="no">North Korean</span>`, "of the North Korean military exercises"},
		{"ils ont envoyé des ouvriers nord-coréens", `they have sent workers <span translate="no">North Korean</span>`, "they have sent North Korean workers"},
	}
	for _, tt := range tests {
		p := g.Protect(tt.src, false)
		if got := g.Restore(p, tt.engine, false); got != tt.want {
			t.Errorf("%q:\n got  %q\n want %q", tt.engine, got, tt.want)
		}
	}
	p := g.Protect("des manœuvres <em>américano-sud-coréennes</em>", true)
	got := g.Restore(p, `some manœuvres <em><span translate="no">US-South Korean</span></em>`, true)
	if got != "some <em>US-South Korean</em> manœuvres" {
		t.Errorf("wrapped adjective: %q", got)
	}
}

func TestRestoreIndefiniteAcrossQuotes(t *testing.T) {
	g := parseString(t, "g.csv", "anti-ukrainien,anti-Ukrainian\narme atomique,atomic weapon\nrusse,Russian\n", CSV)
	tests := []struct{ src, engine, want string }{
		{"une « alliance anti-ukrainienne »", `a “<span translate="no">anti-Ukrainian</span> alliance”`, "an “anti-Ukrainian alliance”"},
		{"une « arme atomique »", `a « <span translate="no">atomic weapon</span> »`, "an « atomic weapon »"},
		{"une <em>« arme atomique »</em>", `a <em>“<span translate="no">atomic weapon</span>”</em>`, "an <em>“atomic weapon”</em>"},
		{"une « alliance anti-russe »", `a “<span translate="no">anti-Russian</span> alliance”`, "an “anti-Russian alliance”"},
	}
	for _, tt := range tests {
		markup := strings.Contains(tt.src, "<")
		p := g.Protect(tt.src, markup)
		if got := g.Restore(p, tt.engine, markup); got != tt.want {
			t.Errorf("%q:\n got  %q\n want %q", tt.engine, got, tt.want)
		}
	}
}
