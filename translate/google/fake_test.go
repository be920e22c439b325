package google

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/bitext/bitext/translate/internal/gcp/gcptest"
)

// fakeKey is the API key the fake accepts. It is echoed in the fake's error
// bodies, so tests can check that it never reaches an error message.
const fakeKey = "AIzaFAKE-test-key-0123456789abcdef"

// fakeLanguages are the languages the fake translates between.
var fakeLanguages = map[string]bool{"fr": true, "en": true, "es": true, "de": true}

// wireRequest is the v2 request body as the generated client sends it.
type wireRequest struct {
	Data struct {
		Q      []string `json:"q"`
		Source string   `json:"source"`
		Target string   `json:"target"`
		Format string   `json:"format"`
		Model  string   `json:"model"`
	} `json:"data"`
}

// fakeServer implements Cloud Translation v2's translate method over HTTP.
// Set fault to answer some requests with an injected response instead.
type fakeServer struct {
	t   testing.TB
	srv *httptest.Server

	mu       sync.Mutex
	requests []wireRequest
	fault    func(n int, w http.ResponseWriter, r *http.Request) bool
	// copying makes the fake answer every text as it came (a copying
	// engine: what bitext keeps must survive one that changes nothing).
	copying bool
}

func newFakeServer(t testing.TB) *fakeServer {
	t.Helper()
	f := &fakeServer{t: t}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// setFault installs fn; it answers request n (1-based) itself when it
// returns true.
func (f *fakeServer) setFault(fn func(n int, w http.ResponseWriter, r *http.Request) bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fault = fn
}

// calls returns the well-formed requests received so far.
func (f *fakeServer) calls() []wireRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]wireRequest(nil), f.requests...)
}

func (f *fakeServer) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	n := len(f.requests) + 1
	fault := f.fault
	f.mu.Unlock()
	if !f.checkRequest(w, r) {
		return
	}
	body, err := io.ReadAll(r.Body)
	var req wireRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err != nil || dec.Decode(&req) != nil {
		writeError(w, http.StatusBadRequest, "Invalid JSON payload received.", "parseError")
		return
	}
	f.mu.Lock()
	f.requests = append(f.requests, req)
	f.mu.Unlock()
	if fault != nil && fault(n, w, r) {
		return
	}
	f.answer(w, req)
}

// checkRequest checks the method, path, parameters and key the client must
// send, answering the error Google would when they are wrong.
func (f *fakeServer) checkRequest(w http.ResponseWriter, r *http.Request) bool {
	switch {
	case r.Method != http.MethodPost || r.URL.Path != "/language/translate/v2":
		writeError(w, http.StatusNotFound, fmt.Sprintf("no method %s %s", r.Method, r.URL.Path), "notFound")
	case r.URL.Query().Get("alt") != "json":
		writeError(w, http.StatusBadRequest, "alt=json missing", "badRequest")
	case !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json"):
		writeError(w, http.StatusBadRequest, "bad content type", "badRequest")
	case r.URL.Query().Get("key") == "":
		writeError(w, http.StatusForbidden, "The request is missing a valid API key.", "forbidden")
	case r.URL.Query().Get("key") != fakeKey:
		writeError(w, http.StatusBadRequest, "API key not valid: "+r.URL.Query().Get("key"), "keyInvalid")
	default:
		return true
	}
	return false
}

func (f *fakeServer) answer(w http.ResponseWriter, req wireRequest) {
	d := req.Data
	switch {
	case d.Target == "" || !fakeLanguages[d.Target] || d.Source != "" && !fakeLanguages[d.Source]:
		writeError(w, http.StatusBadRequest, fmt.Sprintf("Bad language pair: %s|%s", d.Source, d.Target), "badRequest")
		return
	case d.Format != "text" && d.Format != "html":
		writeError(w, http.StatusBadRequest, "Invalid Value: format", "invalid")
		return
	case len(d.Q) == 0 || len(d.Q) > 128:
		writeError(w, http.StatusBadRequest, "Too many text segments", "badRequest")
		return
	}
	type tr struct {
		TranslatedText string `json:"translatedText"`
	}
	var out struct {
		Data struct {
			Translations []tr `json:"translations"`
		} `json:"data"`
	}
	f.mu.Lock()
	copying := f.copying
	f.mu.Unlock()
	for _, q := range d.Q {
		if copying {
			out.Data.Translations = append(out.Data.Translations, tr{q})
			continue
		}
		out.Data.Translations = append(out.Data.Translations, tr{fakeTranslate(q, d.Format == "html")})
	}
	writeJSON(w, http.StatusOK, out)
}

// writeError answers in Google's documented error shape, echoing nothing
// secret unless the message does.
func writeError(w http.ResponseWriter, code int, msg, reason string) {
	body := map[string]any{"error": map[string]any{
		"code":    code,
		"message": msg,
		"errors":  []map[string]string{{"message": msg, "domain": "global", "reason": reason}},
	}}
	writeJSON(w, code, body)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// fakeDict is the fake's whole French–English vocabulary.
var fakeDict = gcptest.Dict{
	"le": "the", "la": "the", "les": "the", "président": "president", "a": "has",
	"déclaré": "said", "ministre": "minister", "mardi": "Tuesday", "lundi": "Monday",
	"et": "and", "de": "of", "du": "of the", "dans": "in", "un": "a", "une": "a",
	"accord": "agreement", "journalistes": "journalists", "selon": "according to",
	"millions": "million", "euros": "euros", "gouvernement": "government",
}

// fakeTranslate translates word by word with fakeDict. In HTML mode it
// leaves tags and translate="no" elements alone and escapes its output as
// Google does (an apostrophe becomes &#39;).
func fakeTranslate(s string, isHTML bool) string {
	if !isHTML {
		return fakeDict.Words(s)
	}
	return gcptest.HTML(s, fakeDict.Words)
}
