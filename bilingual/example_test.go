package bilingual_test

import (
	"os"

	"github.com/bitext/bitext/bilingual"
	"github.com/bitext/bitext/translate"
)

func ExampleText() {
	doc := &translate.Document{Blocks: []translate.Block{
		{Kind: translate.Headline, Segments: []translate.Segment{
			{Source: "Séoul convoque l’ambassadeur", Target: "Seoul summons the ambassador"},
		}},
		{Kind: translate.Paragraph, Segments: []translate.Segment{
			{Source: "M. Kim a dénoncé « une provocation ».", Target: "Mr Kim denounced \"a provocation\"."},
		}},
	}}
	if err := bilingual.Text(os.Stdout, doc, 50); err != nil {
		panic(err)
	}
	// Output:
	// Français                │ English
	// ────────────────────────┼─────────────────────────
	//
	// Séoul convoque          │ Seoul summons the
	// l’ambassadeur           │ ambassador
	// ══════════════          │ ═════════════════
	//
	// M. Kim a dénoncé « une  │ Mr Kim denounced "a
	// provocation ».          │ provocation".
}

func ExampleMarkdown() {
	doc := &translate.Document{Blocks: []translate.Block{
		{Kind: translate.Paragraph, Segments: []translate.Segment{{
			Source: `L’agence <em>Yonhap</em> cite 3 000 soldats.`,
			Target: `The <em>Yonhap</em> agency cites 3,000 soldiers.`,
			Markup: true,
		}}},
	}}
	if err := bilingual.Markdown(os.Stdout, doc); err != nil {
		panic(err)
	}
	// Output:
	// L’agence *Yonhap* cite 3 000 soldats.
	//
	// > The *Yonhap* agency cites 3,000 soldiers.
}
