// Package bilingual writes a translated [translate.Document] as bilingual
// outputs: French and English side by side, block by block.
//
// Four formats share one reading of the document: [HTML], [Markdown],
// [Text] and [JSON] (read back with [ReadJSON]). [Render] and [WriteFile]
// pick one by [Format]; WriteFile replaces its file atomically. The
// renderers never translate, print or log: they only lay out what the
// document holds and return errors.
//
// # Article text is data
//
// Every string from the document (segments, front matter, markers) and
// from [HTMLOptions] is treated as untrusted text. A plain segment is
// escaped as a whole. A segment with Markup set is an inline HTML fragment:
// only <em>, <strong>, <code> and <a href> survive (<i> and <b> are read as
// <em> and <strong>), and a link only with an absolute http or https URL or
// a mailto address; other tags, attributes, comments and unbalanced end
// tags are shown as literal text. Verbatim blocks are shown, never
// interpreted.
//
// # HTML
//
// [HTML] writes one self-contained page (inline CSS, no script, no external
// resource, a Content-Security-Policy that forbids both) with lang="en" on
// the page and lang="fr"/"en" on the columns. After a header with the front
// matter, each block is one CSS grid row of two columns, French then
// English, so that a paragraph and its translation start on the same line
// whatever their lengths; the headline is the first row. Headings become
// <h2> or <h3>, quotes <blockquote>, list items a one-item <ul> or <ol>,
// verbatim blocks <pre> (a thematic break becomes <hr>). Each sentence is
// a <span class="seg" id="fr-B.S" data-seg="B.S"> (id "en-B.S" on the
// English side; B and S are the block and segment index, from 0) so that
// review tools can select it or link to it; the linked sentence is
// highlighted, an untranslated one marked "missing". Screens narrower than 720 pixels stack the columns, French
// first; printing keeps two columns, drops backgrounds and avoids page
// breaks inside a row. The footer names the backend and any attribution.
//
// # Markdown
//
// A two-column table breaks down with long paragraphs, so [Markdown] writes
// the blocks one after the other, each French block in its own Markdown form
// followed by its English translation in a blockquote:
//
//	# Séoul dénonce un nouveau tir de missile
//
//	> # Seoul condemns a new missile launch
//
//	La Corée du Sud a condamné vendredi le tir…
//
//	> South Korea on Friday condemned the launch…
//
// A quote's translation is a quote one level deeper ("> > …"); a list
// item's translation is a blockquote inside the item, so that lists keep
// their numbering and nesting; verbatim blocks appear once. The front matter
// comes first as a list ("- **author:** …", a translated field as "title
// (fr)" and "title (en)"). Article text is backslash-escaped wherever it
// could read as Markdown or HTML; the inline markup of Markup segments
// becomes *emphasis*, **strong**, `code` and [links](https://…).
//
// # Text
//
// [Text] fits two columns to a terminal width, separated by [Gutter],
// measuring characters as a terminal shows them (one cell for é, two for
// 東). Lines break at spaces, never at the no-break spaces of French
// typography, and between CJK characters; each block's columns start on the
// same line and blocks are separated by a blank line. Headlines and
// headings are underlined, quotes prefixed with "> ", list items hang from
// their marker.
//
// # JSON
//
// [JSON] writes one object, indented, with this schema (version 1):
//
//	{
//	  "version": 1,               // JSONVersion; readers reject newer ones
//	  "source_path": "a.fr.md",   // Document.Path
//	  "format": "md",             // Document.Format: "txt" or "md"
//	  "compact": true,            // Document.Compact (omitted when false)
//	  "meta": [                   // front matter, in order
//	    {"key": "title", "value": "…", "translate": true, "target": "…"}
//	  ],
//	  "segments": [               // every sentence, in document order
//	    {
//	      "block": 0,             // block index, from 0
//	      "kind": "headline",     // headline, heading, paragraph, quote, list-item, verbatim
//	      "level": 1,             // heading level or nesting depth (omitted when 0)
//	      "marker": "-",          // list marker (omitted when empty)
//	      "block_line": 1,        // line where the block starts
//	      "index": 0,             // segment index within the block, from 0
//	      "line": 1,              // line where the sentence starts
//	      "markup": true,         // source and target are inline HTML (omitted when false)
//	      "source": "…",          // French
//	      "target": "…",          // English ("" when untranslated)
//	      "backend": "apertium",  // engine of the target ("memory", "" when none)
//	      "fidelity": {           // what bitext checked (omitted when nothing to check)
//	        "protected": [        // protected items of the French, in order
//	          {"kind": "number", "source": "3 500", "english": "3,500", "status": "kept"},
//	          {"kind": "url", "source": "https://…", "status": "restored"}
//	        ],                    // kind: url, email, handle, hashtag, code, notranslate, number, term
//	                              // status: kept, restored (put back by bitext), missing
//	        "warnings": ["…"]     // what an editor must check (omitted when none)
//	      }
//	    }
//	  ]
//	}
//
// "translate" and "target" in meta are omitted when false or empty. Each
// segment's "source" and "target" stay plain strings; "fidelity" holds no
// key named "target". Fields may be added within a version; none changes
// meaning or goes away.
package bilingual
