package translatetest

import "fmt"

// templates are agency-style French sentences; %d takes a number unique
// to each generated sentence.
var templates = []string{
	"Le président a annoncé jeudi %d nouvelles mesures pour les agriculteurs, selon l'AFP.",
	"« Nous ne céderons pas », a déclaré M. Kim devant %d délégués réunis à Séoul.",
	"La police a interpellé %d personnes mardi soir dans le centre de Lyon.",
	"Mme Dupont, porte-parole du gouvernement, a indiqué que %d communes étaient concernées.",
	"Le sommet de Bruxelles, prévu le 14 mars, réunira %d chefs d'État et de gouvernement.",
	"Selon l'Insee, le chômage a touché %d milliers de personnes au premier trimestre.",
	"L'enquête, ouverte en janvier, vise %d sociétés soupçonnées de fraude fiscale.",
	"Le ministre de l'Intérieur a affirmé qu'il avait reçu %d lettres de menaces.",
}

// sentenceNumber is the number carried by sentence i of Sentences.
func sentenceNumber(i int) int { return 101 + i }

// Sentences returns n distinct French news sentences; sentence i carries
// the number 101+i, which any translation must keep.
func Sentences(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf(templates[i%len(templates)], sentenceNumber(i))
	}
	return out
}

// htmlSentences are HTML fragments with inline markup, entities and
// translate="no" spans (one holding markup of its own).
func htmlSentences() []string {
	return []string{
		`Le président a reçu <span translate="no">M. Kim Jong-un</span> à <b>Pyongyang</b> le 12 mars.`,
		`Selon <span translate="no">Ouest-France &amp; l'AFP</span>, la réunion a été <em>reportée</em>.`,
		`Le journal <span translate="no"><em>Le Monde</em></span> a publié l'<a href="https://example.org/?a=1&amp;b=2">entretien</a> jeudi.`,
		`Aucune balise ici, seulement du texte.`,
	}
}
