package apy

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
)

// fakeAPY is an httptest server speaking APY's protocol with pairs fra→spa
// and spa→eng, which "translate" by replacing words. It records requests.
type fakeAPY struct {
	t        *testing.T
	mu       sync.Mutex
	requests []http.Request
	forms    []map[string]string
}

var fakeWords = map[string]*strings.Replacer{
	"fra|spa": strings.NewReplacer("Le chat", "El gato", "dort", "duerme"),
	"spa|eng": strings.NewReplacer("El gato", "The cat", "duerme", "sleeps"),
}

func (f *fakeAPY) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		f.t.Error(err)
	}
	form := map[string]string{}
	for k := range r.PostForm {
		form[k] = r.PostForm.Get(k)
	}
	f.mu.Lock()
	f.requests = append(f.requests, *r)
	f.forms = append(f.forms, form)
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	switch r.URL.Path {
	case "/listPairs":
		w.Write([]byte(`{"responseData": [{"sourceLanguage": "fra", "targetLanguage": "spa"},
			{"sourceLanguage": "spa", "targetLanguage": "eng"}], "responseDetails": null, "responseStatus": 200}`))
	case "/translate":
		f.translate(w, r, form)
	default:
		http.NotFound(w, r)
	}
}

func (f *fakeAPY) translate(w http.ResponseWriter, r *http.Request, form map[string]string) {
	q := form["q"]
	switch {
	case strings.Contains(q, "PANNE"):
		w.Header().Set("Retry-After", "7")
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte(`{"status": "error", "code": 503, "message": "Service Unavailable", "explanation": "internal error"}`))
		return
	case strings.Contains(q, "LENT"):
		<-r.Context().Done()
		return
	}
	rep, ok := fakeWords[form["langpair"]]
	if !ok {
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte(`{"status": "error", "code": 400, "message": "Bad Request", "explanation": "That pair is not installed"}`))
		return
	}
	json.NewEncoder(w).Encode(map[string]any{
		"responseData":    map[string]string{"translatedText": rep.Replace(q)},
		"responseDetails": nil, "responseStatus": 200,
	})
}

func newFake(t *testing.T) (*fakeAPY, *Backend) {
	f := &fakeAPY{t: t}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	cfg, err := NewConfig(translate.Config{Endpoint: srv.URL, HTTPClient: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	return f, New(cfg)
}

func TestWireFormatAndPivot(t *testing.T) {
	f, be := newFake(t)
	got, err := be.Translate(t.Context(), translate.Request{From: "fr", To: "en", Segments: []string{" Le chat dort. ", "", "Le chat"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{" The cat sleeps. ", "", "The cat"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("segment %d: got %q, want %q", i, got[i], want[i])
		}
	}
	if f.requests[0].URL.Path != "/listPairs" {
		t.Errorf("first request %s, want /listPairs", f.requests[0].URL.Path)
	}
	var langpairs []string
	for i, r := range f.requests {
		if r.Method != http.MethodPost || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
			t.Errorf("request %d: %s with %q", i, r.Method, r.Header.Get("Content-Type"))
		}
		if r.URL.Path != "/translate" {
			continue
		}
		form := f.forms[i]
		langpairs = append(langpairs, form["langpair"])
		if form["markUnknown"] != "no" || form["format"] != "txt" || strings.TrimSpace(form["q"]) != form["q"] {
			t.Errorf("request %d form %v", i, form)
		}
	}
	all := strings.Join(langpairs, " ")
	if len(langpairs) != 4 || strings.Count(all, "fra|spa") != 2 || strings.Count(all, "spa|eng") != 2 {
		t.Errorf("langpairs %v", langpairs)
	}
}

func TestHTMLNotrans(t *testing.T) {
	f, be := newFake(t)
	span := `<span translate="no" class="term">Le chat <b>dort</b></span>`
	got, err := be.Translate(t.Context(), translate.Request{From: "fr", To: "en", HTML: true,
		Segments: []string{"<em>Le chat</em> dort, " + span + "."}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "<em>The cat</em> sleeps, " + span + "."; got[0] != want {
		t.Errorf("got %q, want %q", got[0], want)
	}
	form := f.forms[len(f.forms)-1]
	if form["deformat"] != "html" || form["reformat"] != "html-noent" || !strings.Contains(form["q"], "<apertium-notrans>bitext0</apertium-notrans>") {
		t.Errorf("HTML request form %v", form)
	}
}

func TestProtectRestore(t *testing.T) {
	in := `a <span translate="no">x <span>y</span> z</span> b <i translate='no'>c</i> <br translate="no"/> <span translate="no">open`
	out, kept := protect(in)
	if len(kept) != 4 || strings.Contains(out, "translate") {
		t.Fatalf("protect: %q %q", out, kept)
	}
	if back := restore(out, kept); back != in {
		t.Fatalf("restore: %q", back)
	}
}

func TestErrors(t *testing.T) {
	_, be := newFake(t)
	_, err := be.Translate(t.Context(), translate.Request{From: "fr", To: "de", Segments: []string{"x"}})
	if !errors.Is(err, translate.ErrUnsupportedPair) {
		t.Errorf("unsupported pair: %v", err)
	}
	_, err = be.Translate(t.Context(), translate.Request{From: "fr", To: "es", Segments: []string{"la PANNE"}})
	var se *translate.StatusError
	if !errors.As(err, &se) || se.Code != 503 || se.Message != "internal error" || se.RetryAfter != 7*time.Second || !se.Temporary() {
		t.Errorf("status error: %#v", err)
	}
	if out, err := be.Translate(t.Context(), translate.Request{From: "fr", To: "es"}); err != nil || len(out) != 0 {
		t.Errorf("empty batch: %q %v", out, err)
	}
}

func TestServerPairMissing(t *testing.T) {
	_, be := newFake(t)
	be.pairs = nil
	_, err := be.translateText(t.Context(), hop{langpair: "fra|deu"}, "x", false)
	var se *translate.StatusError
	if !errors.As(err, &se) || se.Code != 400 || se.Message != "That pair is not installed" || se.Temporary() {
		t.Errorf("400: %#v", err)
	}
}

func TestCancel(t *testing.T) {
	_, be := newFake(t)
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := be.Translate(ctx, translate.Request{From: "fr", To: "en", Segments: []string{"LENT", "Le chat"}})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("cancelled: %v", err)
	}
	if d := time.Since(start); d > 30*time.Second { // the server never answers: only a cancel ends the call
		t.Errorf("cancel took %v", d)
	}
}

func TestUnreachable(t *testing.T) {
	be := New(Config{Endpoint: "http://127.0.0.1:1"})
	_, err := be.Translate(t.Context(), translate.Request{From: "fr", To: "en", Segments: []string{"x"}})
	if err == nil || !strings.Contains(err.Error(), "apertium-apy") {
		t.Errorf("unreachable: %v", err)
	}
}

func TestConfig(t *testing.T) {
	cfg, err := NewConfig(translate.Config{Options: map[string]string{"workers": "2", "mark-unknown": "peut-être"}})
	if err == nil {
		t.Errorf("mark-unknown=peut-être accepted: %+v", cfg)
	}
	cfg, err = NewConfig(translate.Config{Options: map[string]string{"workers": "2", "mark-unknown": "true"}})
	if err != nil || cfg.Endpoint != DefaultEndpoint || cfg.Workers != 2 || !cfg.MarkUnknown {
		t.Errorf("config %+v %v", cfg, err)
	}
	if _, err := NewConfig(translate.Config{Endpoint: "localhost:2737"}); !errors.Is(err, translate.ErrNotConfigured) {
		t.Errorf("bad endpoint: %v", err)
	}
	if info := Info(); info.Name != "apy" || info.New == nil {
		t.Errorf("info %+v", info)
	}
}
