package translate

import "testing"

func TestSplitMarkup(t *testing.T) {
	cases := []struct {
		name string
		frag string
		want []string
	}{
		{"no tags", "Le vote a eu lieu. Le texte est adopté.", []string{"Le vote a eu lieu.", "Le texte est adopté."}},
		{"element inside a sentence", "M. Kim a dit <em>non</em>. La séance est levée.",
			[]string{"M. Kim a dit <em>non</em>.", "La séance est levée."}},
		{"element spans the boundary", "<strong>Le vote a eu lieu. Le texte</strong> est adopté. Fin.",
			[]string{"<strong>Le vote a eu lieu. Le texte</strong> est adopté.", "Fin."}},
		{"closing tag after the stop", "Il a voté <em>contre.</em> Le texte passe.",
			[]string{"Il a voté <em>contre.</em>", "Le texte passe."}},
		{"opening tag before the next word", "Il a voté. <a href=\"https://afp.com\">Le texte</a> passe.",
			[]string{"Il a voté.", "<a href=\"https://afp.com\">Le texte</a> passe."}},
		{"space inside the element at the boundary", "<em>Il a voté. </em>Le texte passe.",
			[]string{"<em>Il a voté. </em>Le texte passe."}},
		{"nested elements", "<strong><em>Vote.</em></strong> <em><code>Adopté</code></em>.",
			[]string{"<strong><em>Vote.</em></strong>", "<em><code>Adopté</code></em>."}},
		{"code span hides stops", "Tapez <code>a. B</code> puis validez. Merci.",
			[]string{"Tapez <code>a. B</code> puis validez.", "Merci."}},
		{"void element", "Première ligne.<br> Deuxième ligne. <img src=\"a.jpg\" alt=\"A. B\"> Fin.",
			[]string{"Première ligne.<br>", "Deuxième ligne.", "<img src=\"a.jpg\" alt=\"A. B\"> Fin."}},
		{"comment", "Texte.<!-- note. Ne pas couper --> Suite du texte.",
			[]string{"Texte.<!-- note. Ne pas couper -->", "Suite du texte."}},
		{"stray closing tag", "Fin.</em> Début. Suite.", []string{"Fin.</em>", "Début.", "Suite."}},
		{"unclosed element", "<em>Début. Suite. Fin.", []string{"<em>Début. Suite. Fin."}},
		{"title abbreviation across tag", "<em>M.</em> Kim est là. Il parle.",
			[]string{"<em>M.</em> Kim est là.", "Il parle."}},
		{"entity", "H&amp;M recule. Les ventes baissent.", []string{"H&amp;M recule.", "Les ventes baissent."}},
		{"lone less-than", "a <b c. D", []string{"a <b c. D"}},
		{"only tags and space", " <em></em> ", []string{"<em></em>"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := SplitMarkup(tc.frag)
			if !equalStrings(got, tc.want) {
				t.Errorf("SplitMarkup(%q)\n got %q\nwant %q", tc.frag, got, tc.want)
			}
			checkSpans(t, tc.frag, SplitMarkupSpans(tc.frag))
		})
	}
}

func FuzzSplitMarkup(f *testing.F) {
	f.Add("<strong>Le vote a eu lieu. Le texte</strong> est adopté. Fin.")
	f.Add("Il a voté <em>contre.</em> <a href=\"x\">Le</a> texte passe.<!-- x. Y -->")
	f.Fuzz(func(t *testing.T, frag string) {
		spans := SplitMarkupSpans(frag)
		checkSpans(t, frag, spans)
		if balanced(frag) {
			for _, sp := range spans {
				if !balanced(frag[sp[0]:sp[1]]) {
					t.Fatalf("span %q of balanced %q is not balanced", frag[sp[0]:sp[1]], frag)
				}
			}
		}
	})
}
