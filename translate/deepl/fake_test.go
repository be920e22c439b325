package deepl

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/translatetest"
)

// fakeDeepL implements the parts of the DeepL API v2 bitext uses, checking
// requests the way the real server does, and can inject faults.
type fakeDeepL struct {
	t   *testing.T
	key string
	mu  sync.Mutex
	// faults are applied to the next /v2/translate requests, in order.
	faults     []string
	translates int
	creates    int
	lastBody   translateRequest
	glossaries map[string]*fakeGlossary
}

type fakeGlossary struct {
	glossary
	terms map[string]string
}

func newFakeDeepL(t *testing.T, key string) (*fakeDeepL, *httptest.Server) {
	f := &fakeDeepL{t: t, key: key, glossaries: map[string]*fakeGlossary{}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, srv
}

func (f *fakeDeepL) fail(kinds ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.faults = append(f.faults, kinds...)
}

func (f *fakeDeepL) counts() (translates, creates int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.translates, f.creates
}

func answer(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

func (f *fakeDeepL) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if auth := r.Header.Get("Authorization"); auth != "DeepL-Auth-Key "+f.key {
		// The real server does not echo keys; this fake does, to prove
		// that bitext never shows them.
		answer(w, http.StatusForbidden, map[string]string{"message": "Forbidden: bad key " + strings.TrimPrefix(auth, "DeepL-Auth-Key ")})
		return
	}
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/v2/translate":
		f.translate(w, r)
	case r.Method == http.MethodPost && r.URL.Path == "/v2/glossaries":
		f.createGlossary(w, r)
	case r.Method == http.MethodGet && r.URL.Path == "/v2/glossaries":
		f.listGlossaries(w)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/v2/glossaries/"):
		f.getGlossary(w, strings.TrimPrefix(r.URL.Path, "/v2/glossaries/"))
	default:
		answer(w, http.StatusNotFound, map[string]string{"message": "Not found"})
	}
}

// decode reads a JSON body strictly, answering 400 on failure.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	if r.Header.Get("Content-Type") != "application/json" {
		answer(w, http.StatusUnsupportedMediaType, map[string]string{"message": "Unsupported content type"})
		return false
	}
	data, _ := io.ReadAll(r.Body)
	if len(data) > MaxBody {
		answer(w, http.StatusRequestEntityTooLarge, map[string]string{"message": "Request Entity Too Large"})
		return false
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		answer(w, http.StatusBadRequest, map[string]string{"message": "Invalid request: " + err.Error()})
		return false
	}
	return true
}

func (f *fakeDeepL) translate(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.translates++
	var fault string
	if len(f.faults) > 0 {
		fault, f.faults = f.faults[0], f.faults[1:]
	}
	f.mu.Unlock()
	if injectFault(w, r, fault) {
		return
	}
	var req translateRequest
	if !decode(w, r, &req) || !f.validate(w, req) {
		return
	}
	f.mu.Lock()
	f.lastBody = req
	terms := map[string]string{}
	if g := f.glossaries[req.GlossaryID]; g != nil {
		terms = g.terms
	}
	f.mu.Unlock()
	var res translateResponse
	res.Translations = make([]struct {
		DetectedSourceLanguage string `json:"detected_source_language"`
		Text                   string `json:"text"`
	}, len(req.Text))
	for i, text := range req.Text {
		res.Translations[i].DetectedSourceLanguage = "FR"
		res.Translations[i].Text = fakeTranslate(text, req.TagHandling == "xml", terms)
	}
	if fault == "short" {
		res.Translations = res.Translations[1:]
	}
	answer(w, http.StatusOK, res)
}

// validate checks a translate request as DeepL does.
func (f *fakeDeepL) validate(w http.ResponseWriter, req translateRequest) bool {
	bad := func(msg string) bool {
		answer(w, http.StatusBadRequest, map[string]string{"message": msg})
		return false
	}
	switch {
	case len(req.Text) == 0:
		return bad("Parameter 'text' not specified.")
	case len(req.Text) > MaxTexts:
		return bad("Too many texts.")
	case req.TargetLang != "EN-US" && req.TargetLang != "EN-GB":
		return bad("Value for 'target_lang' not supported.")
	case req.SourceLang != "FR":
		return bad("Value for 'source_lang' not supported.")
	case req.TagHandling != "" && (req.TagHandling != "xml" || len(req.IgnoreTags) != 1 || req.IgnoreTags[0] != "x"):
		return bad("Unexpected tag handling")
	case req.GlossaryID != "" && f.glossaries[req.GlossaryID] == nil:
		return bad("Glossary not found.")
	}
	for _, text := range req.Text {
		if req.TagHandling == "xml" && xml.Unmarshal([]byte("<r>"+text+"</r>"), new(struct{})) != nil {
			return bad("Tag handling parsing failed, please check input.")
		}
	}
	return true
}

// injectFault answers a faulty response for kind and reports whether it
// did ("short" is applied after translating).
func injectFault(w http.ResponseWriter, r *http.Request, kind string) bool {
	switch kind {
	case "429":
		w.Header().Set("Retry-After", "2")
		answer(w, http.StatusTooManyRequests, map[string]string{"message": "Too many requests"})
	case "500":
		answer(w, http.StatusInternalServerError, map[string]string{"message": "Internal error"})
	case "456":
		answer(w, 456, map[string]string{"message": "Quota exceeded"})
	case "400":
		answer(w, http.StatusBadRequest, map[string]string{"message": "Bad request"})
	case "slow":
		io.Copy(io.Discard, r.Body) // lets the server notice the client leave
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	case "malformed":
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"translations": [{"text": "Le`))
	case "reset":
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	default:
		return false
	}
	return true
}

// fakeTranslate translates text word for word with the translatetest
// fake, keeping tags and <x> elements in XML mode and glossary terms.
func fakeTranslate(text string, xmlMode bool, terms map[string]string) string {
	for src, dst := range terms {
		text = strings.ReplaceAll(text, src, "<x>"+dst+"</x>")
	}
	fake := translatetest.NewFake()
	tr := func(s string) string {
		out, _ := fake.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: []string{s}})
		return out[0]
	}
	var b strings.Builder
	for text != "" {
		i := strings.IndexAny(text, "<&")
		if i < 0 || (!xmlMode && len(terms) == 0) {
			b.WriteString(tr(text))
			break
		}
		b.WriteString(tr(text[:i]))
		text = text[i:]
		end := strings.IndexAny(text, ">;") + 1
		if strings.HasPrefix(text, "<x>") {
			end = strings.Index(text, "</x>") + len("</x>")
		}
		if !xmlMode && strings.HasPrefix(text, "<x>") {
			b.WriteString(text[3 : end-4])
		} else {
			b.WriteString(text[:end])
		}
		text = text[end:]
	}
	return b.String()
}

func (f *fakeDeepL) createGlossary(w http.ResponseWriter, r *http.Request) {
	var req glossaryRequest
	if !decode(w, r, &req) {
		return
	}
	if req.Name == "" || req.EntriesFormat != "tsv" || req.SourceLang != "fr" || req.TargetLang != "en" {
		answer(w, http.StatusBadRequest, map[string]string{"message": "Invalid glossary parameters"})
		return
	}
	terms := map[string]string{}
	for _, line := range strings.Split(req.Entries, "\n") {
		src, dst, ok := strings.Cut(line, "\t")
		if !ok || strings.Contains(dst, "\t") || terms[src] != "" {
			answer(w, http.StatusBadRequest, map[string]string{"message": "Invalid glossary entries"})
			return
		}
		terms[src] = dst
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.creates++
	g := &fakeGlossary{glossary: glossary{
		GlossaryID: fmt.Sprintf("g-%d", f.creates), Name: req.Name, SourceLang: "fr", TargetLang: "en",
		EntryCount: len(terms),
	}, terms: terms}
	f.glossaries[g.GlossaryID] = g
	answer(w, http.StatusCreated, g.glossary)
	g.Ready = true // ready from the next look on
}

func (f *fakeDeepL) listGlossaries(w http.ResponseWriter) {
	f.mu.Lock()
	defer f.mu.Unlock()
	list := glossaryList{Glossaries: []glossary{}}
	for _, g := range f.glossaries {
		list.Glossaries = append(list.Glossaries, g.glossary)
	}
	answer(w, http.StatusOK, list)
}

func (f *fakeDeepL) getGlossary(w http.ResponseWriter, id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	g := f.glossaries[id]
	if g == nil {
		answer(w, http.StatusNotFound, map[string]string{"message": "Glossary not found"})
		return
	}
	answer(w, http.StatusOK, g.glossary)
}
