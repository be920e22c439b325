package translate

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// splitCases are French agency-style texts and the sentences they must be
// split into.
var splitCases = []struct {
	name string
	text string
	want []string
}{
	{"two sentences", "Le sommet s'est ouvert lundi à Genève. Les négociations doivent durer trois jours.",
		[]string{"Le sommet s'est ouvert lundi à Genève.", "Les négociations doivent durer trois jours."}},
	{"M. title", "M. Kim a reçu l'ambassadeur jeudi. La rencontre a duré une heure.",
		[]string{"M. Kim a reçu l'ambassadeur jeudi.", "La rencontre a duré une heure."}},
	{"M. mid-sentence", "Selon l'AFP, M. Dupont a démissionné mardi.",
		[]string{"Selon l'AFP, M. Dupont a démissionné mardi."}},
	{"MM.", "MM. Macron et Scholz se sont entretenus par téléphone. Ils ont évoqué l'Ukraine.",
		[]string{"MM. Macron et Scholz se sont entretenus par téléphone.", "Ils ont évoqué l'Ukraine."}},
	{"Mme", "Mme Lagarde a pris la parole à Francfort. Elle a défendu la politique de la BCE.",
		[]string{"Mme Lagarde a pris la parole à Francfort.", "Elle a défendu la politique de la BCE."}},
	{"Mme.", "La ministre, Mme. Borne, était présente.", []string{"La ministre, Mme. Borne, était présente."}},
	{"Mlle", "Mlle Martin, 24 ans, a remporté l'épreuve.", []string{"Mlle Martin, 24 ans, a remporté l'épreuve."}},
	{"Dr.", "Le Dr. Lefebvre a opéré le patient. Son état est stable.",
		[]string{"Le Dr. Lefebvre a opéré le patient.", "Son état est stable."}},
	{"Pr.", "Selon le Pr. Raoult, l'étude reste à publier.", []string{"Selon le Pr. Raoult, l'étude reste à publier."}},
	{"St.", "La foule s'est massée devant St. Paul. Personne n'a été blessé.",
		[]string{"La foule s'est massée devant St. Paul.", "Personne n'a été blessé."}},
	{"p. ex.", "Certains pays, p. ex. Malte, ont voté contre.", []string{"Certains pays, p. ex. Malte, ont voté contre."}},
	{"p. ex. before capital", "Des villes moyennes, p. ex. Besançon ou Poitiers, sont concernées.",
		[]string{"Des villes moyennes, p. ex. Besançon ou Poitiers, sont concernées."}},
	{"etc. mid-sentence", "Blé, maïs, colza, etc. ont vu leurs cours grimper.",
		[]string{"Blé, maïs, colza, etc. ont vu leurs cours grimper."}},
	{"etc. then comma", "Les syndicats, les partis, etc., ont réagi.", []string{"Les syndicats, les partis, etc., ont réagi."}},
	{"etc. ends sentence", "Ils ont saisi des fusils, des munitions, etc. La police poursuit son enquête.",
		[]string{"Ils ont saisi des fusils, des munitions, etc.", "La police poursuit son enquête."}},
	{"av. J.-C. mid", "La cité fut fondée en 600 av. J.-C. par des marins grecs.",
		[]string{"La cité fut fondée en 600 av. J.-C. par des marins grecs."}},
	{"av. J.-C. end", "La cité fut fondée en 600 av. J.-C. Elle compte aujourd'hui 870 000 habitants.",
		[]string{"La cité fut fondée en 600 av. J.-C.", "Elle compte aujourd'hui 870 000 habitants."}},
	{"initials J.-P.", "Un inédit de J.-P. Sartre a été retrouvé à Paris.", []string{"Un inédit de J.-P. Sartre a été retrouvé à Paris."}},
	{"initials G. W.", "G. W. Bush a été reçu à l'Élysée. Il est reparti le soir même.",
		[]string{"G. W. Bush a été reçu à l'Élysée.", "Il est reparti le soir même."}},
	{"middle initial", "Le président John F. Kennedy fut assassiné en 1963.", []string{"Le président John F. Kennedy fut assassiné en 1963."}},
	{"decimal comma", "La croissance a atteint 3,5 % au troisième trimestre. C'est un record.",
		[]string{"La croissance a atteint 3,5 % au troisième trimestre.", "C'est un record."}},
	{"decimal point", "Le séisme, d'une magnitude de 6.2, a frappé l'île. Aucune victime n'est à déplorer.",
		[]string{"Le séisme, d'une magnitude de 6.2, a frappé l'île.", "Aucune victime n'est à déplorer."}},
	{"thousands with space", "Quelque 3 000 manifestants ont défilé. 1 200 policiers étaient mobilisés.",
		[]string{"Quelque 3 000 manifestants ont défilé.", "1 200 policiers étaient mobilisés."}},
	{"thousands with nbsp", "Le bilan s'élève à 12\u00a0500 morts. Les secours poursuivent les fouilles.",
		[]string{"Le bilan s'élève à 12\u00a0500 morts.", "Les secours poursuivent les fouilles."}},
	{"thousands with narrow nbsp", "Il a coûté 2\u202f300\u202f000 euros. Le chantier a pris du retard.",
		[]string{"Il a coûté 2\u202f300\u202f000 euros.", "Le chantier a pris du retard."}},
	{"ordinal list number", "1. Le gouvernement présentera son budget mardi.", []string{"1. Le gouvernement présentera son budget mardi."}},
	{"roman numeral", "IV. Les réformes de la Ve République.", []string{"IV. Les réformes de la Ve République."}},
	{"ordinal in sentence", "Il a terminé 2e. Le vainqueur est Belge.", []string{"Il a terminé 2e.", "Le vainqueur est Belge."}},
	{"year then digit", "Le traité date de 1992. 27 pays l'ont ratifié.", []string{"Le traité date de 1992.", "27 pays l'ont ratifié."}},
	{"url", "Le communiqué est en ligne sur https://www.afp.com/fr/actus?id=42. Il a été publié mardi.",
		[]string{"Le communiqué est en ligne sur https://www.afp.com/fr/actus?id=42.", "Il a été publié mardi."}},
	{"www url", "Voir www.elysee.fr pour le texte intégral.", []string{"Voir www.elysee.fr pour le texte intégral."}},
	{"email", "Écrire à redaction@agence.fr. La rédaction répondra.",
		[]string{"Écrire à redaction@agence.fr.", "La rédaction répondra."}},
	{"acronym", "Le représentant des U.S.A. a quitté la salle.", []string{"Le représentant des U.S.A. a quitté la salle."}},
	{"acronym lower after", "L'O.N.U. a condamné l'attaque.", []string{"L'O.N.U. a condamné l'attaque."}},
	{"attribution after quote", "« Nous ne céderons pas », a déclaré M. Kim. Le ministre a quitté Séoul.",
		[]string{"« Nous ne céderons pas », a déclaré M. Kim.", "Le ministre a quitté Séoul."}},
	{"quote ending with stop then attribution", "« La guerre est finie. », a affirmé M. Kim.",
		[]string{"« La guerre est finie. », a affirmé M. Kim."}},
	{"exclamation in quote then lower", "« Assez ! » a-t-il lancé aux journalistes.",
		[]string{"« Assez ! » a-t-il lancé aux journalistes."}},
	{"full quote then new sentence", "Il a conclu : « Nous reviendrons. » La salle a applaudi.",
		[]string{"Il a conclu : « Nous reviendrons. »", "La salle a applaudi."}},
	{"two sentences inside quotes stay", "« Nous avons gagné. Nous continuerons », a dit M. Kim.",
		[]string{"« Nous avons gagné. Nous continuerons », a dit M. Kim."}},
	{"quote with nbsp", "Il a lancé\u00a0: «\u00a0C'est une victoire.\u00a0» Puis il est parti.",
		[]string{"Il a lancé\u00a0: «\u00a0C'est une victoire.\u00a0»", "Puis il est parti."}},
	{"curly quotes", "Il a parlé d'une “victoire totale.” Le Kremlin n'a pas réagi.",
		[]string{"Il a parlé d'une “victoire totale.”", "Le Kremlin n'a pas réagi."}},
	{"unclosed quote", "« Le combat continue. Nous ne lâcherons rien.",
		[]string{"« Le combat continue.", "Nous ne lâcherons rien."}},
	{"quote starts next sentence", "La séance a été levée. « Nous sommes déçus », a réagi l'opposition.",
		[]string{"La séance a été levée.", "« Nous sommes déçus », a réagi l'opposition."}},
	{"ellipsis char", "Il hésite… Puis il signe le décret.", []string{"Il hésite…", "Puis il signe le décret."}},
	{"ellipsis char lower", "Il hésite… puis signe le décret.", []string{"Il hésite… puis signe le décret."}},
	{"ellipsis then number", "Le terrain, acheté 5 millions, a été revendu... 1,6 million à des promoteurs.",
		[]string{"Le terrain, acheté 5 millions, a été revendu... 1,6 million à des promoteurs."}},
	{"straight quotes", `Il a écrit "Achète TT. Moscou" dans sa demande. La police enquête.`,
		[]string{`Il a écrit "Achète TT. Moscou" dans sa demande.`, "La police enquête."}},
	{"straight quote closing a sentence", `Il a répondu "Non." Puis il est parti.`,
		[]string{`Il a répondu "Non."`, "Puis il est parti."}},
	{"straight quotes unbalanced", `Il a dit "Non. Jamais. La police enquête.`,
		[]string{`Il a dit "Non.`, "Jamais.", "La police enquête."}},
	{"three dots", "Tout reste possible... Les marchés attendent.", []string{"Tout reste possible...", "Les marchés attendent."}},
	{"elision in brackets", "Il a affirmé que (...) Washington soutiendrait Kiev.", []string{"Il a affirmé que (...) Washington soutiendrait Kiev."}},
	{"question exclamation", "Une trêve ?! Personne n'y croit à Kiev.", []string{"Une trêve ?!", "Personne n'y croit à Kiev."}},
	{"double exclamation", "Quelle journée !! Les secours sont épuisés.", []string{"Quelle journée !!", "Les secours sont épuisés."}},
	{"question with space", "Faut-il négocier ? Le débat divise la majorité.", []string{"Faut-il négocier ?", "Le débat divise la majorité."}},
	{"question lower", "Pourquoi ? s'interroge le quotidien Le Monde.", []string{"Pourquoi ? s'interroge le quotidien Le Monde."}},
	{"parenthesis close", "Le texte a été adopté (à une voix près). Le Sénat doit l'examiner.",
		[]string{"Le texte a été adopté (à une voix près).", "Le Sénat doit l'examiner."}},
	{"dash dialogue", "Il a été interrogé. — Je n'ai rien à dire, a-t-il répondu.",
		[]string{"Il a été interrogé.", "— Je n'ai rien à dire, a-t-il répondu."}},
	{"abbrev art.", "Selon l'art. 49 de la Constitution, le texte est adopté.", []string{"Selon l'art. 49 de la Constitution, le texte est adopté."}},
	{"cf.", "Les chiffres diffèrent (cf. Le Figaro du 3 mars).", []string{"Les chiffres diffèrent (cf. Le Figaro du 3 mars)."}},
	{"date", "Le 14 juillet 2024, le défilé a eu lieu. La pluie n'a pas cessé.",
		[]string{"Le 14 juillet 2024, le défilé a eu lieu.", "La pluie n'a pas cessé."}},
	{"no final stop", "Pyongyang et Moscou sont alliés depuis 2024", []string{"Pyongyang et Moscou sont alliés depuis 2024"}},
	{"leading and trailing space", "  Le vote a eu lieu. Le texte est adopté.  ",
		[]string{"Le vote a eu lieu.", "Le texte est adopté."}},
	{"newline between", "Le vote a eu lieu.\nLe texte est adopté.", []string{"Le vote a eu lieu.", "Le texte est adopté."}},
	{"only space", " \t\n", nil},
	{"empty", "", nil},
	{"accented capital", "La réunion est reportée. À Paris, on s'inquiète.", []string{"La réunion est reportée.", "À Paris, on s'inquiète."}},
	{"Mgr", "Mgr Aupetit a célébré la messe. Des centaines de fidèles étaient là.",
		[]string{"Mgr Aupetit a célébré la messe.", "Des centaines de fidèles étaient là."}},
}

func TestSplitSentences(t *testing.T) {
	for _, tc := range splitCases {
		t.Run(tc.name, func(t *testing.T) {
			got := SplitSentences(tc.text)
			if !equalStrings(got, tc.want) {
				t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
			checkSpans(t, tc.text, SplitSentenceSpans(tc.text))
		})
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// checkSpans checks the no-loss invariant: spans are ordered, non-empty,
// trimmed, and only white space lies outside them.
func checkSpans(t *testing.T, text string, spans [][2]int) {
	t.Helper()
	prev := 0
	for _, sp := range spans {
		if sp[0] < prev || sp[1] <= sp[0] || sp[1] > len(text) {
			t.Fatalf("bad span %v after %d in %q (all: %v)", sp, prev, text, spans)
		}
		if !isAllSpace(text[prev:sp[0]]) {
			t.Fatalf("text lost between sentences: %q in %q", text[prev:sp[0]], text)
		}
		first, _ := utf8.DecodeRuneInString(text[sp[0]:])
		last, _ := utf8.DecodeLastRuneInString(text[:sp[1]])
		if unicode.IsSpace(first) || unicode.IsSpace(last) {
			t.Fatalf("span %q is not trimmed", text[sp[0]:sp[1]])
		}
		prev = sp[1]
	}
	if !isAllSpace(text[prev:]) {
		t.Fatalf("text lost at the end: %q in %q", text[prev:], text)
	}
}

func FuzzSplitSentences(f *testing.F) {
	for _, tc := range splitCases {
		f.Add(tc.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans := SplitSentenceSpans(text)
		checkSpans(t, text, spans)
		var b strings.Builder
		prev := 0
		for _, sp := range spans {
			b.WriteString(text[prev:sp[0]])
			b.WriteString(text[sp[0]:sp[1]])
			prev = sp[1]
		}
		b.WriteString(text[prev:])
		if b.String() != text {
			t.Fatalf("joining the sentences does not give back the text")
		}
	})
}

func BenchmarkSplitSentences(b *testing.B) {
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for _, tc := range splitCases {
			sb.WriteString(tc.text)
			sb.WriteByte(' ')
		}
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		SplitSentences(text)
	}
}
