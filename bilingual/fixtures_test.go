package bilingual

import (
	"github.com/bitext/bitext/translate"
)

// seg builds a plain segment translated by the fake backend.
func seg(line int, fr, en string) translate.Segment {
	return translate.Segment{Source: fr, Target: en, Line: line, Backend: "fake"}
}

// markupSeg builds a segment whose texts are inline HTML.
func markupSeg(line int, fr, en string) translate.Segment {
	s := seg(line, fr, en)
	s.Markup = true
	return s
}

// articleDoc is a small agency-style dispatch with every kind of block.
func articleDoc() *translate.Document {
	return &translate.Document{
		Path:   "tir-missile.fr.md",
		Format: translate.FormatMarkdown,
		Meta: []translate.MetaField{
			{Key: "title", Value: "Séoul dénonce un nouveau tir de missile", Translate: true, Target: "Seoul condemns a new missile launch"},
			{Key: "author", Value: "Claire Dubois, à Séoul"},
			{Key: "date", Value: "2025-03-14"},
			{Key: "source", Value: "https://example.org/depeches/12345"},
		},
		Blocks: []translate.Block{
			{Kind: translate.Headline, Level: 1, Line: 8, Segments: []translate.Segment{
				seg(8, "Séoul dénonce un nouveau tir de missile nord-coréen", "Seoul condemns a new North Korean missile launch"),
			}},
			{Kind: translate.Paragraph, Line: 10, Segments: []translate.Segment{
				seg(10, "La Corée du Sud a condamné vendredi 14 mars le tir d’un missile balistique par Pyongyang, le troisième depuis janvier, selon l’état-major interarmées.",
					"South Korea on Friday 14 March condemned the launch of a ballistic missile by Pyongyang, the third since January, according to the Joint Chiefs of Staff."),
				seg(11, "Le projectile a parcouru environ 1 000 kilomètres avant de tomber en mer du Japon.",
					"The projectile flew about 1,000 kilometres before falling into the Sea of Japan."),
			}},
			{Kind: translate.Quote, Level: 1, Line: 13, Segments: []translate.Segment{
				seg(13, "« Ce tir constitue une provocation inacceptable », a déclaré M. Kim, porte-parole du ministère de la Défense.",
					"\"This launch is an unacceptable provocation,\" said Mr Kim, a spokesman for the Defence Ministry."),
			}},
			{Kind: translate.Heading, Level: 2, Line: 15, Segments: []translate.Segment{
				seg(15, "Réunion d’urgence à Tokyo", "Emergency meeting in Tokyo"),
			}},
			{Kind: translate.Paragraph, Line: 17, Segments: []translate.Segment{
				markupSeg(17, `Le Premier ministre japonais a convoqué une <strong>réunion d’urgence</strong> et publié un <a href="https://example.org/communique">communiqué</a> évoquant une <em>menace grave</em>.`,
					`The Japanese Prime Minister called an <strong>emergency meeting</strong> and issued a <a href="https://example.org/communique">statement</a> describing a <em>serious threat</em>.`),
			}},
			{Kind: translate.ListItem, Level: 1, Marker: "-", Line: 19, Segments: []translate.Segment{
				seg(19, "Tokyo demande une réunion du Conseil de sécurité de l’ONU.", "Tokyo is calling for a meeting of the UN Security Council."),
			}},
			{Kind: translate.ListItem, Level: 1, Marker: "-", Line: 20, Segments: []translate.Segment{
				seg(20, "Washington appelle Pyongyang à la retenue.", "Washington urges Pyongyang to show restraint."),
			}},
			{Kind: translate.Verbatim, Line: 22, Segments: []translate.Segment{
				{Source: "```\nimpact: 40.1N 134.3E, 07:42 KST\n```", Line: 22},
			}},
			{Kind: translate.Paragraph, Line: 26, Segments: []translate.Segment{
				seg(26, "Selon l’agence Yonhap, 3,5 millions de personnes vivent près de la zone démilitarisée.",
					"According to the Yonhap agency, 3.5 million people live near the demilitarised zone."),
			}},
		},
	}
}

// hostile is text that would run script or break out of an attribute if
// it were not escaped.
const hostile = `<script>document.title='pwned'</script>"><img src=x onerror=alert(1)>' onmouseover='alert(2)`

// hostileDoc puts attacking text in every field a renderer shows.
func hostileDoc() *translate.Document {
	return &translate.Document{
		Path:   "piege.md",
		Format: translate.FormatMarkdown,
		Meta: []translate.MetaField{
			{Key: "title", Value: "Titre " + hostile, Translate: true, Target: "Title " + hostile},
			{Key: "author" + hostile, Value: "M. Kim " + hostile},
			{Key: "source", Value: "javascript:alert(3)"},
		},
		Blocks: []translate.Block{
			{Kind: translate.Headline, Segments: []translate.Segment{seg(1, "Titre "+hostile, "Headline "+hostile)}},
			{Kind: translate.Paragraph, Segments: []translate.Segment{
				seg(3, "Texte "+hostile, "Text "+hostile),
				markupSeg(3, `Voir <a href="javascript:alert(4)">ce lien</a> et <em onclick="alert(5)">ceci</em> <img src=x onerror=alert(6)>.`,
					`See <a href="javascript:alert(4)">this link</a> and <em onclick="alert(5)">this</em> <img src=x onerror=alert(6)>.`),
				markupSeg(3, `<a href="https://example.org/" onclick="alert(7)">agence</a> <script>document.title='pwned'</script> <iframe src="https://evil.example/"></iframe>`,
					`<a href="https://example.org/" onclick="alert(7)">agency</a> <script>document.title='pwned'</script> <iframe src="https://evil.example/"></iframe>`),
				markupSeg(3, `<a href=" JavaScript:alert(8)">x</a><a href="data:text/html,<script>alert(9)</script>">y</a><style>body{display:none}</style>`,
					`<a href=" JavaScript:alert(8)">x</a><a href="data:text/html,<script>alert(9)</script>">y</a><style>body{display:none}</style>`),
			}},
			{Kind: translate.Quote, Segments: []translate.Segment{seg(5, "« "+hostile+" »", "\""+hostile+"\"")}},
			{Kind: translate.Heading, Level: 2, Segments: []translate.Segment{seg(7, "Partie "+hostile, "Part "+hostile)}},
			{Kind: translate.ListItem, Marker: `1."><script>`, Segments: []translate.Segment{seg(9, hostile, hostile)}},
			{Kind: translate.Verbatim, Segments: []translate.Segment{{Source: "<script>document.title='pwned'</script>\n</pre><img src=x onerror=alert(10)>"}}},
		},
	}
}
