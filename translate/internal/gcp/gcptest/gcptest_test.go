package gcptest

import (
	"fmt"
	"strings"
	"testing"
)

var dict = Dict{
	"le": "the", "président": "president", "a": "has", "déclaré": "said",
	"mardi": "Tuesday", "accord": "agreement", "de": "of", "et": "and",
}

func TestWords(t *testing.T) {
	cases := map[string]string{
		"Le président a déclaré mardi « non ».": "The president has said Tuesday « non ».",
		"L'accord de M. Kim, 3 000 euros":       "L'agreement of M. Kim, 3 000 euros",
		"ACCORD":                                "Agreement",
		"":                                      "",
		"déclaré":                               "said",
	}
	for in, want := range cases {
		if got := dict.Words(in); got != want {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHTMLKeepsTagsAndNoTranslate(t *testing.T) {
	in := `Le <em>président</em> et <span translate="no">le <b>président</b></span> l'ont déclaré.`
	want := `The <em>president</em> and <span translate="no">le <b>président</b></span> l&#39;ont said.`
	if got := HTML(in, dict.Words); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestHTMLCallsTextOnTextOnly(t *testing.T) {
	var seen []string
	HTML(`<p class="chapo">M. Kim &amp; l'AFP</p><span translate="no">Séoul</span>`, func(s string) string {
		seen = append(seen, s)
		return s
	})
	if got := strings.Join(seen, "|"); got != "M. Kim & l'AFP" {
		t.Errorf("text saw %q", got)
	}
}

func ExampleHTML() {
	dict := Dict{"le": "the", "président": "president"}
	fmt.Println(HTML(`Le <b>président</b> l'a dit`, dict.Words))
	// Output: The <b>president</b> l&#39;a dit
}
