package libretranslate

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
	"github.com/bitext/bitext/translate/translatetest"
)

// fakeLibre implements LibreTranslate's POST /translate (array form): it
// checks the body as the server does, answers {"error": …} on failure, and
// in html mode decodes numeric entities as BeautifulSoup does.
type fakeLibre struct {
	key      string // "": no key required
	faults   translatetest.Faults
	requests atomic.Int64
	mu       sync.Mutex
	last     translateRequest
}

func (f *fakeLibre) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.requests.Add(1)
	if r.Method != http.MethodPost || r.URL.Path != "/translate" {
		libreError(w, http.StatusNotFound, "Not Found")
		return
	}
	if fault := f.faults.Next(); fault == "short" || translatetest.ServeFault(w, r, fault, `{"error":"Slowdown: too many requests"}`) {
		if fault == "short" {
			writeAnswer(w, []string{"Une seule"})
		}
		return
	}
	var req translateRequest
	dec := json.NewDecoder(io.LimitReader(r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if r.Header.Get("Content-Type") != "application/json" || dec.Decode(&req) != nil {
		libreError(w, http.StatusBadRequest, "Invalid request")
		return
	}
	if f.key != "" && req.APIKey != f.key {
		libreError(w, http.StatusForbidden, "Invalid API key: "+req.APIKey) // echoes, unlike the real one
		return
	}
	f.answer(w, req)
}

func (f *fakeLibre) answer(w http.ResponseWriter, req translateRequest) {
	switch {
	case len(req.Q) == 0:
		libreError(w, http.StatusBadRequest, "Invalid request: missing q parameter")
		return
	case req.Source != "fr":
		libreError(w, http.StatusBadRequest, req.Source+" is not supported")
		return
	case req.Target != "en":
		libreError(w, http.StatusBadRequest, req.Target+" is not supported")
		return
	case req.Format != "text" && req.Format != "html":
		libreError(w, http.StatusBadRequest, "Invalid format")
		return
	}
	f.mu.Lock()
	f.last = req
	f.mu.Unlock()
	out, _ := translatetest.NewFake().Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: req.Q, HTML: req.Format == "html"})
	if req.Format == "html" {
		for i := range out {
			out[i] = strings.ReplaceAll(out[i], "&#39;", "'")
		}
	}
	writeAnswer(w, out)
}

func writeAnswer(w http.ResponseWriter, out []string) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(translateResponse{TranslatedText: out})
}

func libreError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

func newTest(t *testing.T, key, serverKey string) (*fakeLibre, *Backend) {
	f := &fakeLibre{key: serverKey}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	b, err := New(Config{Endpoint: srv.URL, APIKey: key})
	if err != nil {
		t.Fatal(err)
	}
	return f, b
}

func TestConformance(t *testing.T) {
	translatetest.Run(t, func(t *testing.T) translate.Backend {
		_, b := newTest(t, "k", "k")
		return b
	}, translatetest.SuiteOptions{})
}

func TestWrappedConformance(t *testing.T) {
	translatetest.Run(t, func(t *testing.T) translate.Backend {
		_, b := newTest(t, "", "")
		return remote.Wrap(b, remote.Options{Sleep: (&translatetest.Sleeps{}).Sleep})
	}, translatetest.SuiteOptions{Many: 80})
}

func TestSpansRestoredByteForByte(t *testing.T) {
	f, b := newTest(t, "", "")
	src := `Selon <span translate="no">l&#39;AFP</span>, le président a signé.`
	out, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", HTML: true, Segments: []string{src}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `According to <span translate="no">l&#39;AFP</span>, the president has signed.`; out[0] != want {
		t.Errorf("got %q, want %q", out[0], want)
	}
	if f.last.Format != "html" || f.last.APIKey != "" {
		t.Errorf("request %+v", f.last)
	}
}

func TestFaultsAreRetriedWithoutLoss(t *testing.T) {
	for _, fault := range []translatetest.Fault{"429", "500", "slow", "malformed", "short", "reset"} {
		t.Run(string(fault), func(t *testing.T) {
			f, b := newTest(t, "", "")
			sl := &translatetest.Sleeps{}
			w := remote.Wrap(b, remote.Options{Sleep: sl.Sleep, Timeout: 2 * time.Second, Concurrency: 1})
			f.faults.Add(fault)
			req := translate.Request{From: "fr", To: "en", Segments: translatetest.Sentences(30)} // two batches
			out, err := w.Translate(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			translatetest.MatchFake(t, req, out)
			if n := f.requests.Load(); n != 3 {
				t.Errorf("%d requests, want 3", n)
			}
			if waits := sl.Waits(); fault == "429" && (len(waits) == 0 || waits[0] < 2*time.Second) {
				t.Errorf("waits %v ignore Retry-After: 2", waits)
			}
		})
	}
}

func TestBadKeyNotRetriedNorShown(t *testing.T) {
	const sentinel = "SENTINEL-lt-4c3b2a"
	f, b := newTest(t, sentinel, "right-key")
	w := remote.Wrap(b, remote.Options{Sleep: (&translatetest.Sleeps{}).Sleep})
	_, err := w.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: []string{"Bonjour"}})
	var se *translate.StatusError
	if !errors.As(err, &se) || se.Code != 403 || !strings.Contains(se.Hint, EnvAPIKey) {
		t.Fatalf("err = %v, want 403 with a hint naming %s", err, EnvAPIKey)
	}
	if strings.Contains(err.Error(), sentinel) || !strings.Contains(err.Error(), "[redacted]") {
		t.Errorf("key shown: %v", err)
	}
	if n := f.requests.Load(); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

func TestUnsupportedPair(t *testing.T) {
	_, b := newTest(t, "", "")
	_, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "xx", Segments: []string{"Bonjour"}})
	if !errors.Is(err, translate.ErrUnsupportedPair) {
		t.Errorf("err = %v", err)
	}
}

func TestNewConfig(t *testing.T) {
	env := map[string]string{EnvAPIKey: " secret "}
	cfg, err := NewConfig(translate.Config{Getenv: func(k string) string { return env[k] }})
	if err != nil || cfg.Endpoint != DefaultEndpoint || cfg.APIKey != "secret" || strings.Contains(cfg.String(), "secret") {
		t.Errorf("%+v, %v", cfg, err)
	}
	cfg, err = NewConfig(translate.Config{Endpoint: "https://lt.example.org/translate"})
	if err != nil || cfg.Endpoint != "https://lt.example.org" {
		t.Errorf("%+v, %v", cfg, err)
	}
	if _, err := NewConfig(translate.Config{Endpoint: "lt.example.org"}); err == nil {
		t.Error("endpoint without scheme accepted")
	}
}
