package inline_test

import (
	"fmt"

	"github.com/bitext/bitext/inline"
)

func Example() {
	src := inline.Parse(`Voir <em>le site</em> https://fr.wikipedia.org/wiki/Séoul.`)
	sent := inline.Protect(src, inline.LinkFinder)
	fmt.Println(sent.Neutral())
	// An engine translated the text, moved the tags and re-cased the URL.
	got, issues := inline.Restore(sent, `See <span translate="no" id="2">HTTPS://FR.WIKIPEDIA.ORG/WIKI/SEOUL</span> on <em id="1">the website</em>.`)
	fmt.Println(got.HTML(), len(issues))
	fmt.Println(got.Markdown(inline.MarkdownOptions{}))
	// Output:
	// Voir <em id="1">le site</em> <span translate="no" id="2">https://fr.wikipedia.org/wiki/Séoul</span>.
	// See https://fr.wikipedia.org/wiki/Séoul on <em>the website</em>. 0
	// See https://fr.wikipedia.org/wiki/Séoul on *the website*.
}
