package apertium

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/translate"
)

// glossaryDispatch holds French agency sentences, written for this test,
// full of terms of samples/glossary.csv.
var glossaryDispatch = []string{
	"Séoul accueillera en mars un sommet régional sur l'énergie nucléaire civile, selon l'agence Yonhap.",
	"La Corée du Nord a tiré jeudi un missile balistique en direction de la mer du Japon, a indiqué l'état-major interarmées.",
	"Le dirigeant nord-coréen Kim Jong-un a reçu mardi à Pyongyang une délégation russe.",
	"« Moscou n'a plus aucune raison de respecter ce régime », estime Mme Kim Soo-jin.",
	"Les États-Unis ont condamné un tir « contraire aux résolutions de l'ONU ».",
	"Pyongyang a qualifié le projet de « provocation déguisée », a rapporté l'agence officielle KCNA.",
	"Quelque 18 000 soldats sud-coréens participent aux manœuvres Bouclier de la liberté jusqu'au 21 août.",
}

// TestGlossaryTermsThroughBackend translates protected segments (the
// sentences above and the sample articles) with both protections and
// restores them as bitext does: every term must come out right, and the
// stand-ins must insert fewer stray subject pronouns ("Seoul It will")
// than blanks do.
func TestGlossaryTermsThroughBackend(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Apertium on the sample articles")
	}
	g, err := glossary.Load(filepath.Join("..", "..", "samples", "glossary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	src := append(sampleLines(t), glossaryDispatch...)
	pronouns := map[Protection]int{}
	for _, p := range []Protection{ProtectBlank, ProtectPlaceholder} {
		be := newRealBackend(t, Config{Protect: p})
		out := translateProtected(t, be, g, src)
		terms, wrong := 0, 0
		for i, s := range src {
			terms += len(g.Find(s, false))
			for _, v := range g.Check(s, out[i], false) {
				wrong++
				t.Errorf("protect=%s: %s in %q", p, v, out[i])
			}
			pronouns[p] += len(strayPronoun.FindAllString(out[i], -1))
		}
		t.Logf("protect=%s: %d of %d terms right, %d stray pronouns, %d fallbacks",
			p, terms-wrong, terms, pronouns[p], be.fallbacks.Load())
	}
	if pronouns[ProtectPlaceholder] >= pronouns[ProtectBlank] {
		t.Errorf("stand-ins left %d stray pronouns, blanks %d", pronouns[ProtectPlaceholder], pronouns[ProtectBlank])
	}
}

// strayPronoun finds the pronoun Apertium inserts when a subject vanished:
// "Seoul It will", "It has North Korea reported it".
var strayPronoun = regexp.MustCompile(`\b[A-Z][\w-]* It\b|^It has\b|\bit (?:has|will)\b`)

// translateProtected translates segments through translate.Pipeline with
// a glossary.Shield, as bitext does.
func translateProtected(t *testing.T, be *Backend, g *glossary.Glossary, src []string) []string {
	t.Helper()
	doc := &translate.Document{Format: translate.FormatText}
	for _, s := range src {
		doc.Blocks = append(doc.Blocks, translate.Block{Kind: translate.Paragraph, Segments: []translate.Segment{{Source: s}}})
	}
	p := &translate.Pipeline{Backend: be, From: "fr", To: "en", Protector: glossary.Shield{Glossary: g}}
	if _, err := p.Translate(t.Context(), doc); err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(src))
	for i, b := range doc.Blocks {
		out[i] = b.Segments[0].Target
	}
	return out
}

// sampleLines reads the paragraphs of the repository's plain-text sample
// articles.
func sampleLines(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "samples", "*.fr.txt"))
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
	}
	return lines
}

// escapeHTML escapes a plain-text segment sent in an HTML request.
func escapeHTML(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
