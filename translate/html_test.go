package translate_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/formatcheck"
	"github.com/bitext/bitext/translate"
)

func readSample(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "samples", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestReadHTML: block elements are blocks of the right kind, inline
// elements codes in their sentences; scripts, styles, <pre> and what is
// marked notranslate are no blocks.
func TestReadHTML(t *testing.T) {
	doc, err := translate.Read("tir-missile.fr.html", readSample(t, "tir-missile.fr.html"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range doc.Blocks {
		for _, s := range b.Segments {
			got = append(got, fmt.Sprintf("%s%d %s", b.Kind, b.Level, s.Source))
		}
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"headline0 Pyongyang tire un missile, Séoul proteste",
		"paragraph0 La Corée du Nord a tiré un missile balistique mardi, selon l'agence KCNA.",
		"heading1 La Corée du Nord tire un missile balistique",
		`paragraph0 PYONGYANG, 12 mars 2024 (AFP) — La Corée du Nord a tiré <strong>mardi</strong> un missile balistique en mer du Japon, a annoncé l'agence officielle <a href="https://kcna.kp/fr" title="Agence centrale de presse coréenne">KCNA</a>.`,
		"paragraph0 M. Kim Jong-un a assisté au tir.",
		`paragraph0 <img src="/img/tir.jpg" alt="Le tir du missile depuis la côte est">`,
		"heading2 Une réaction rapide de Séoul",
		"paragraph0 Le ministère sud-coréen de la Défense a dénoncé « une provocation grave » et réuni son conseil de sécurité à 10\u00a0h\u00a030.",
		"list-item1 Le missile a parcouru <em>environ</em> <b>1 000 km</b>.",
		"list-item1 Il est tombé hors de la zone économique exclusive du Japon.",
		`quote1 « Nous poursuivrons le <span translate="no">Juche</span> », a déclaré le dirigeant.`,
		"paragraph0 Missile balistique",
		"paragraph0 Le code <code>KN-23</code> désigne ce type d'engin.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no segment %q in\n%s", want, all)
		}
	}
	for _, never := range []string{"Ne pas traduire", "Quotidien", "curl", "font-weight"} {
		if strings.Contains(all, never) {
			t.Errorf("%q was read as text:\n%s", never, all)
		}
	}
}

// TestHTMLRoundTrip: the English page has the French page's elements and
// attributes, except the translated ones; scripts, styles, <pre>, code
// and notranslate parts are byte for byte the French; lang is en.
func TestHTMLRoundTrip(t *testing.T) {
	fr := readSample(t, "tir-missile.fr.html")
	for _, htmlEngine := range []bool{true} {
		doc, en := translateFile(t, shouter{html: htmlEngine}, "tir-missile.fr.html", fr)
		page := string(en)
		for _, kept := range []string{
			`<script>window.dataLayer = ["<p>Ne pas traduire</p>"];</script>`, `<style>p.chapo { font-weight: bold; }</style>`,
			`<pre>curl https://kcna.kp/fr/dépêche</pre>`, `<header class="notranslate"><a href="/">Le Quotidien de Séoul</a></header>`,
			`<code>KN-23</code>`, `<span translate="no">Juche</span>`, `<html lang="en">`,
			`title="AGENCE CENTRALE DE PRESSE CORÉENNE"`, `alt="LE TIR DU MISSILE DEPUIS LA CÔTE EST"`,
			`content="LA CORÉE DU NORD A TIRÉ UN MISSILE BALISTIQUE MARDI, SELON L'AGENCE KCNA."`,
			`<title>PYONGYANG TIRE UN MISSILE, SÉOUL PROTESTE</title>`, `<strong>MARDI</strong>`,
		} {
			if !strings.Contains(page, kept) {
				t.Errorf("html=%v: the English lacks %q:\n%s", htmlEngine, kept, page)
			}
		}
		if d := formatcheck.CompareHTML(fr, en); d != "" {
			t.Errorf("html=%v: structure differs: %s", htmlEngine, d)
		}
		var src bytes.Buffer
		if err := translate.Write(&src, doc, translate.SourceSide); err != nil || !bytes.Equal(src.Bytes(), fr) {
			t.Errorf("html=%v: the French side is not the French page (%v)", htmlEngine, err)
		}
	}
}

// TestHTMLHostile: pages built to exhaust a reader get an error naming
// the file and the problem.
func TestHTMLHostile(t *testing.T) {
	tests := []struct {
		name string
		page string
		want string
	}{
		{"deep", strings.Repeat("<div>", 100000) + "texte", "nested over 512 deep"},
		{"deep-inline", "<p>" + strings.Repeat("<b>", 100000) + "texte</p>", "nested over 512 deep"},
		{"huge-attribute", `<p title="` + strings.Repeat("a", translate.MaxHTMLToken+10) + `">texte</p>`, "over 8 MB long"},
		{"no-text", "<html><body><script>x()</script></body></html>", "no text to translate"},
	}
	for _, tt := range tests {
		_, err := translate.Read(tt.name+".html", []byte(tt.page))
		var ie *translate.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), tt.name+".html") {
			t.Errorf("%s: got %v, want an input error saying %q", tt.name, err, tt.want)
		}
	}
}

// TestHTMLCharset: a Windows-1252 page is read, and its English says it
// is UTF-8, which it is.
func TestHTMLCharset(t *testing.T) {
	fr := []byte("<html lang=\"fr\"><head><meta charset=\"windows-1252\"><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><p>Le pr\xe9sident est arriv\xe9.</p></body></html>")
	doc, en := translateFile(t, shouter{html: true}, "latin.fr.html", fr)
	want := `<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><p>LE PRÉSIDENT EST ARRIVÉ.</p></body></html>`
	if string(en) != want {
		t.Errorf("got %s\nwant %s", en, want)
	}
	if len(doc.Warnings) == 0 {
		t.Error("no warning that the page was converted")
	}
}
