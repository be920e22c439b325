package glossary

import (
	"fmt"
	"strings"
	"testing"
)

// benchTerms returns n glossary entries: the Asia desk's terms, then
// invented French-looking words and phrases, half of them lower-case (so
// inflected: about five patterns each).
func benchTerms(n int) []Entry {
	es := []Entry{
		{Source: "Kim Jong-un", Target: "Kim Jong-un"}, {Source: "KCNA", Target: "KCNA", CaseSensitive: true},
		{Source: "Corée du Nord", Target: "North Korea"}, {Source: "nord-coréen", Target: "North Korean"},
		{Source: "Séoul", Target: "Seoul"}, {Source: "Pyongyang", Target: "Pyongyang"},
		{Source: "essai nucléaire", Target: "nuclear test", POS: Noun}, {Source: "ONU", Target: "UN", CaseSensitive: true},
	}
	syl := []string{"ba", "cor", "del", "fi", "gan", "lu", "mer", "no", "pra", "ri", "sé", "tan", "vo", "zé", "quin", "cha"}
	for i := 0; len(es) < n; i++ {
		w := syl[i%16] + syl[i/16%16] + syl[i/256%16] + fmt.Sprint("ille"[:1+i/4096%3])
		e := Entry{Source: w + "al", Target: fmt.Sprintf("term%d", i)}
		if i%2 == 1 {
			e.Source = strings.ToUpper(w[:1]) + w[1:] + " de " + syl[(i/3)%16] + "ville"
		}
		es = append(es, e)
	}
	return es
}

// benchText returns about size bytes of agency-style French in which some
// of the terms occur.
func benchText(size int, terms []Entry) string {
	sentences := []string{
		"Le dirigeant nord-coréen Kim Jong-un a inspecté samedi une unité d’artillerie près de la frontière, a rapporté l’agence officielle KCNA.",
		"Selon l’état-major interarmées de Séoul, la Corée du Nord a procédé à 7 tirs de missiles depuis janvier.",
		"« Ces manœuvres poussent la péninsule au bord du gouffre », a déclaré M. Kim lors d’une réunion à Pyongyang, le 12 mars 2026.",
		"Les sanctions de l’ONU visent les essais nucléaires et les transferts d’armes, selon des sources diplomatiques.",
		"Environ 18 000 soldats et 2 500 militaires américains participent aux exercices jusqu’au 21 août.",
	}
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(sentences[i%len(sentences)])
		fmt.Fprintf(&b, " Le %s a été évoqué. ", terms[(i*7)%min(len(terms), 100)].Source)
	}
	return b.String()[:size]
}

func benchmarkFind(b *testing.B, n int) {
	g, err := New(benchTerms(n))
	if err != nil {
		b.Fatal(err)
	}
	text := benchText(1<<20, benchTerms(n))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	matches := 0
	for b.Loop() {
		matches = len(g.Find(text, false))
	}
	b.ReportMetric(float64(matches), "matches")
	b.ReportMetric(float64(len(g.pats)), "patterns")
}

func BenchmarkFind100Terms(b *testing.B)   { benchmarkFind(b, 100) }
func BenchmarkFind10000Terms(b *testing.B) { benchmarkFind(b, 10000) }

func benchmarkProtect(b *testing.B, n int) {
	g, err := New(benchTerms(n))
	if err != nil {
		b.Fatal(err)
	}
	text := benchText(1<<20, benchTerms(n))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		p := g.Protect(text, false)
		g.Restore(p, p.Text, false)
	}
}

func BenchmarkProtectRestore100Terms(b *testing.B)   { benchmarkProtect(b, 100) }
func BenchmarkProtectRestore10000Terms(b *testing.B) { benchmarkProtect(b, 10000) }

func BenchmarkNew10000Terms(b *testing.B) {
	es := benchTerms(10000)
	for b.Loop() {
		if _, err := New(es); err != nil {
			b.Fatal(err)
		}
	}
}
