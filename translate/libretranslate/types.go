package libretranslate

// Wire types of LibreTranslate's POST /translate, in its array form.

// translateRequest is the body of POST /translate.
type translateRequest struct {
	Q      []string `json:"q"`
	Source string   `json:"source"`
	Target string   `json:"target"`
	// Format is "text" or "html".
	Format string `json:"format"`
	APIKey string `json:"api_key,omitempty"`
}

// translateResponse is the answer: one translation per q, in order.
// Errors come as {"error": "…"} with a 4xx or 5xx status.
type translateResponse struct {
	TranslatedText []string `json:"translatedText"`
}
