package deepl

// Wire types of the DeepL API v2.

// translateRequest is the body of POST /v2/translate.
type translateRequest struct {
	Text           []string `json:"text"`
	SourceLang     string   `json:"source_lang,omitempty"`
	TargetLang     string   `json:"target_lang"`
	TagHandling    string   `json:"tag_handling,omitempty"`
	IgnoreTags     []string `json:"ignore_tags,omitempty"`
	SplitSentences string   `json:"split_sentences,omitempty"`
	GlossaryID     string   `json:"glossary_id,omitempty"`
}

// translateResponse is the answer of POST /v2/translate.
type translateResponse struct {
	Translations []struct {
		DetectedSourceLanguage string `json:"detected_source_language"`
		Text                   string `json:"text"`
	} `json:"translations"`
}

// glossaryRequest is the body of POST /v2/glossaries.
type glossaryRequest struct {
	Name          string `json:"name"`
	SourceLang    string `json:"source_lang"`
	TargetLang    string `json:"target_lang"`
	Entries       string `json:"entries"`
	EntriesFormat string `json:"entries_format"`
}

// glossary describes one glossary in answers.
type glossary struct {
	GlossaryID string `json:"glossary_id"`
	Name       string `json:"name"`
	Ready      bool   `json:"ready"`
	SourceLang string `json:"source_lang"`
	TargetLang string `json:"target_lang"`
	EntryCount int    `json:"entry_count"`
}

// glossaryList is the answer of GET /v2/glossaries.
type glossaryList struct {
	Glossaries []glossary `json:"glossaries"`
}
