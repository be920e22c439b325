package main

import (
	"slices"
	"strings"
	"testing"
)

func TestSharedNames(t *testing.T) {
	src := []string{
		"Le président Moon a reçu jeudi M. Kim à Séoul, selon Yonhap.",
		"Selon Yonhap, l'entretien avec Moon a duré deux heures.",
		"Moon a salué « un pas en avant » vers la paix, a rapporté Yonhap.",
		"Yonhap cite aussi le ministre Chung, proche de Moon.",
		"L'agence KCNA n'a pas commenté la visite de Kim.",
	}
	ref := []string{
		"President Moon received Mr Kim in Seoul on Thursday, according to Yonhap.",
		"According to Yonhap, the meeting with Moon lasted two hours.",
		"Moon hailed \"a step forward\" towards peace, Yonhap reported.",
		"Yonhap also quotes minister Chung, a close ally of Moon.",
		"The KCNA agency did not comment on Kim's visit.",
	}
	got := sharedNames(src, ref, 3)
	// Moon is sentence-initial in line 3 but found in 4 lines; Yonhap is
	// initial in line 4 but found in 3; Kim is in 2 lines only; Séoul is
	// Seoul in English; Selon and Le start sentences.
	if want := []string{"Moon", "Yonhap"}; !slices.Equal(got, want) {
		t.Errorf("sharedNames = %v, want %v", got, want)
	}
	if got := sharedNames(src, ref, 2); !slices.Contains(got, "Kim") || slices.Contains(got, "Séoul") {
		t.Errorf("with 2 lines: %v, want Kim and not Séoul", got)
	}
}

func TestWordsMarksSentenceStarts(t *testing.T) {
	ws := words("Or, d'après l'AFP, Jean-Marc est parti. Il reviendra « Demain » à Paris-")
	var got []string
	for _, w := range ws {
		if !w.initial && isName(w.text) {
			got = append(got, w.text)
		}
	}
	if want := []string{"AFP", "Jean-Marc", "Paris"}; !slices.Equal(got, want) {
		t.Errorf("names not starting a sentence: %v, want %v", got, want)
	}
}

func TestWriteNames(t *testing.T) {
	var b strings.Builder
	if err := writeNames(&b, []string{"Moon", "Yonhap"}); err != nil {
		t.Fatal(err)
	}
	want := "source,target,note,pos,case_sensitive,inflect\nMoon,Moon,,name,yes,no\nYonhap,Yonhap,,name,yes,no\n"
	if b.String() != want {
		t.Errorf("glossary:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestCountTerms(t *testing.T) {
	names := map[string]bool{"Moon": true, "Yonhap": true}
	src := []string{"Moon a reçu M. Kim, selon Yonhap.", "Selon Yonhap, Moon et Moon Jae-in ont parlé.", "L'axe Moon-Yonhap."}
	hyp := []string{"Moon received Mr Kim, according to Yonhap.", "According to Yonhap, Luna and Luna Jae-in spoke.", "The Moon-Yonhap axis."}
	ref := []string{"Moon received Mr Kim, Yonhap said.", "According to the agency, Moon and Moon Jae-in spoke.", "The Moon axis."}
	c := countTerms(names, src, hyp, ref)
	want := termCount{total: 7, right: 5, inRef: 5, rightInRef: 3}
	if c != want {
		t.Errorf("countTerms = %+v, want %+v", c, want)
	}
}
