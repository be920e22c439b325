package openai

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

// fakeChat implements POST /v1/chat/completions the way an
// OpenAI-compatible server does, "translating" with the translatetest
// fake, and misbehaves on demand like a real model: merged items,
// lost spans, prose instead of JSON.
type fakeChat struct {
	key      string
	faults   translatetest.Faults
	requests atomic.Int64
	mu       sync.Mutex
	system   string
}

func (f *fakeChat) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.requests.Add(1)
	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
		chatError(w, http.StatusNotFound, "Unknown request URL")
		return
	}
	if f.key != "" && r.Header.Get("Authorization") != "Bearer "+f.key {
		chatError(w, http.StatusUnauthorized, "Incorrect API key provided: "+strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
		return
	}
	fault := f.faults.Next()
	if translatetest.ServeFault(w, r, fault, `{"error":{"message":"Rate limit reached","type":"requests"}}`) {
		return
	}
	var req chatRequest
	dec := json.NewDecoder(io.LimitReader(r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil || req.Model != "test-model" || req.Temperature != 0 ||
		req.ResponseFormat == nil || req.ResponseFormat.Type != "json_object" || len(req.Messages) != 2 {
		chatError(w, http.StatusBadRequest, "invalid request")
		return
	}
	f.mu.Lock()
	f.system = req.Messages[0].Content
	f.mu.Unlock()
	var items []item
	if err := json.Unmarshal([]byte(req.Messages[1].Content), &items); err != nil {
		chatError(w, http.StatusBadRequest, "user message is not the JSON array")
		return
	}
	f.reply(w, req, items, fault)
}

func (f *fakeChat) reply(w http.ResponseWriter, req chatRequest, items []item, fault translatetest.Fault) {
	html := strings.Contains(req.Messages[0].Content, `translate="no"`)
	segs := make([]string, len(items))
	for i, it := range items {
		segs[i] = it.Text
	}
	out, _ := translatetest.NewFake().Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: segs, HTML: html})
	content, _ := json.Marshal(reply{Translations: out})
	switch {
	case fault == "merge" && len(out) > 1:
		content, _ = json.Marshal(reply{Translations: append([]string{out[0] + " " + out[1]}, out[2:]...)})
	case fault == "drop-span":
		for i := range out {
			out[i] = strings.ReplaceAll(strings.ReplaceAll(out[i], `<span translate="no">`, ""), "</span>", "")
		}
		content, _ = json.Marshal(reply{Translations: out})
	case fault == "prose":
		content = []byte("Sure! Here are the translations: " + strings.Join(out, " "))
	case fault == "fence":
		content = []byte("```json\n" + string(content) + "\n```")
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"id": "chatcmpl-1", "object": "chat.completion", "model": req.Model,
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
			"message": map[string]string{"role": "assistant", "content": string(content)}}},
	})
}

func chatError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"message": msg, "type": "invalid_request_error"}})
}

func (f *fakeChat) lastSystem() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.system
}

func newTest(t *testing.T, key, serverKey string) (*fakeChat, *Backend) {
	f := &fakeChat{key: serverKey}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	b, err := New(Config{BaseURL: srv.URL + "/v1", APIKey: key, Model: "test-model"})
	if err != nil {
		t.Fatal(err)
	}
	return f, b
}

func TestConformance(t *testing.T) {
	translatetest.Run(t, func(t *testing.T) translate.Backend {
		_, b := newTest(t, "sk-test", "sk-test")
		return b
	}, translatetest.SuiteOptions{})
}

func TestWrappedConformance(t *testing.T) {
	translatetest.Run(t, func(t *testing.T) translate.Backend {
		_, b := newTest(t, "", "")
		return remote.Wrap(b, remote.Options{Sleep: (&translatetest.Sleeps{}).Sleep})
	}, translatetest.SuiteOptions{Many: 50})
}

func TestBadRepliesFallBackToSingleSegments(t *testing.T) {
	src := []string{
		`Le président a reçu <span translate="no">M. Kim</span> jeudi.`,
		`Selon <span translate="no">l'AFP</span>, 12 personnes ont été interpellées.`,
		`La réunion a été reportée au 3 mars.`,
	}
	for _, fault := range []translatetest.Fault{"merge", "drop-span", "prose"} {
		t.Run(string(fault), func(t *testing.T) {
			f, b := newTest(t, "", "")
			f.faults.Add(fault)
			req := translate.Request{From: "fr", To: "en", Segments: src, HTML: true}
			out, err := b.Translate(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			translatetest.MatchFake(t, req, out)
			if n := f.requests.Load(); n != 1+int64(len(src)) {
				t.Errorf("%d requests, want 1 + %d singles", n, len(src))
			}
		})
	}
}

func TestFencedJSONAccepted(t *testing.T) {
	f, b := newTest(t, "", "")
	f.faults.Add("fence")
	out, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: []string{"Le ministre", "Le président"}})
	if err != nil || out[1] != "The president" || f.requests.Load() != 1 {
		t.Fatalf("got %q, %v after %d requests", out, err, f.requests.Load())
	}
}

func TestFaultsAreRetriedWithoutLoss(t *testing.T) {
	for _, fault := range []translatetest.Fault{"429", "500", "slow", "malformed", "reset"} {
		t.Run(string(fault), func(t *testing.T) {
			f, b := newTest(t, "", "")
			w := remote.Wrap(b, remote.Options{Sleep: (&translatetest.Sleeps{}).Sleep, Timeout: 2 * time.Second, Concurrency: 1})
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
		})
	}
}

func TestGlossaryInPrompt(t *testing.T) {
	f, b := newTest(t, "", "")
	terms := []translate.TermPair{{Source: "Quai d'Orsay", Target: "French Foreign Ministry"}}
	if err := b.UseGlossary(context.Background(), "fr", "en", terms); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: []string{"Le Quai d'Orsay"}}); err != nil {
		t.Fatal(err)
	}
	if sys := f.lastSystem(); !strings.Contains(sys, "Quai d'Orsay → French Foreign Ministry") || !strings.Contains(sys, "French into English") {
		t.Errorf("system prompt lacks the glossary:\n%s", sys)
	}
}

func TestBadKeyNotRetriedNorShown(t *testing.T) {
	const sentinel = "sk-SENTINEL-77aa"
	f, b := newTest(t, sentinel, "sk-right")
	w := remote.Wrap(b, remote.Options{Sleep: (&translatetest.Sleeps{}).Sleep})
	_, err := w.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: []string{"Bonjour"}})
	var se *translate.StatusError
	if !errors.As(err, &se) || se.Code != 401 || !strings.Contains(se.Hint, EnvAPIKey) {
		t.Fatalf("err = %v, want 401 with a hint naming %s", err, EnvAPIKey)
	}
	if strings.Contains(err.Error(), sentinel) || !strings.Contains(err.Error(), "Incorrect API key provided: [redacted]") {
		t.Errorf("key shown: %v", err)
	}
	if n := f.requests.Load(); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

func TestNewConfig(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	_, err := NewConfig(translate.Config{Getenv: env(nil)})
	if !errors.Is(err, translate.ErrNotConfigured) || !strings.Contains(err.Error(), EnvAPIKey) {
		t.Errorf("no key for OpenAI: %v", err)
	}
	cfg, err := NewConfig(translate.Config{Getenv: env(map[string]string{EnvAPIKey: "sk-x"})})
	if err != nil || cfg.Model != DefaultModel || cfg.MaxSegments != DefaultMaxSegments || strings.Contains(cfg.String(), "sk-x") {
		t.Errorf("%+v, %v", cfg, err)
	}
	_, err = NewConfig(translate.Config{Getenv: env(map[string]string{EnvBaseURL: "http://localhost:11434/v1"})})
	if !errors.Is(err, translate.ErrNotConfigured) || !strings.Contains(err.Error(), EnvModel) {
		t.Errorf("local server without model: %v", err)
	}
	cfg, err = NewConfig(translate.Config{Endpoint: "http://localhost:11434/v1/", Getenv: env(map[string]string{EnvModel: "mistral-nemo"}),
		Options: map[string]string{OptionMaxSegments: "8"}})
	if err != nil || cfg.BaseURL != "http://localhost:11434/v1" || cfg.Model != "mistral-nemo" || cfg.MaxSegments != 8 {
		t.Errorf("%+v, %v", cfg, err)
	}
}
