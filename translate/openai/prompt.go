package openai

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/bitext/bitext/translate"
)

// languageNames names the languages in prompts.
var languageNames = map[string]string{
	"fr": "French", "en": "English", "de": "German", "es": "Spanish", "it": "Italian",
}

func languageName(code string) string {
	if n, ok := languageNames[strings.ToLower(code)]; ok {
		return n
	}
	return code
}

// chatRequest builds the request for one batch.
func (b *Backend) chatRequest(req translate.Request) chatRequest {
	b.mu.RLock()
	terms := b.terms[[2]string{req.From, req.To}]
	b.mu.RUnlock()
	items := make([]item, len(req.Segments))
	for i, s := range req.Segments {
		items[i] = item{N: i + 1, Text: s}
	}
	user, _ := json.Marshal(items) // strings and ints always encode
	return chatRequest{
		Model: b.cfg.Model,
		Messages: []message{
			{Role: "system", Content: systemPrompt(req, terms)},
			{Role: "user", Content: string(user)},
		},
		Temperature:    0,
		ResponseFormat: &responseFormat{Type: "json_object"},
	}
}

// systemPrompt tells the model how to translate: news style, one output
// per numbered item, JSON, markup and glossary rules.
func systemPrompt(req translate.Request, terms []translate.TermPair) string {
	from, to := languageName(req.From), languageName(req.To)
	var b strings.Builder
	fmt.Fprintf(&b, "You translate news agency copy from %s into %s for publication.\n", from, to)
	b.WriteString("Write accurate, idiomatic, neutral news English; keep names, figures, dates and quotations faithful; do not add or omit information.\n")
	fmt.Fprintf(&b, "The user sends a JSON array of %d numbered items {\"n\", \"text\"}. Translate each text on its own; never merge, split, drop or reorder items.\n", len(req.Segments))
	fmt.Fprintf(&b, "Answer with a JSON object {\"translations\": [...]} holding exactly %d strings, the translation of item n at position n. No other text.\n", len(req.Segments))
	if req.HTML {
		b.WriteString("The texts are HTML fragments: keep every tag, with its id attribute, and every entity, in place around the words they mark; add no tag.\n")
		b.WriteString("Copy every <span translate=\"no\" …>…</span> element exactly as it is, tags and content, untranslated; it is already in " + to + ". Copy every <x id=\"…\"/> where it belongs.\n")
	}
	if len(terms) > 0 {
		b.WriteString("Use these glossary translations wherever the source term appears:\n")
		for _, t := range terms {
			fmt.Fprintf(&b, "- %s → %s\n", t.Source, t.Target)
		}
	}
	return b.String()
}
