package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// fakeModelHub serves a tiny repository the way the hub does.
func fakeModelHub(t *testing.T) *httptest.Server {
	files := map[string]string{
		"config.json": `{"model_type": "marian"}`, "source.spm": "spm source", "target.spm": "spm target",
		"vocab.json": `{"</s>": 0}`, "model.safetensors": strings.Repeat("poids ", 500),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/models/Helsinki-NLP/opus-mt-fr-en/tree/main", func(w http.ResponseWriter, r *http.Request) {
		var entries []map[string]any
		for name, data := range files {
			sum := sha256.Sum256([]byte(data))
			entries = append(entries, map[string]any{"type": "file", "path": name, "size": len(data),
				"lfs": map[string]any{"oid": hex.EncodeToString(sum[:]), "size": len(data)}})
		}
		json.NewEncoder(w).Encode(entries)
	})
	mux.HandleFunc("/Helsinki-NLP/opus-mt-fr-en/resolve/main/", func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/Helsinki-NLP/opus-mt-fr-en/resolve/main/")
		data, ok := files[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, name, time.Time{}, strings.NewReader(data))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestModelsPullListRemove(t *testing.T) {
	srv := fakeModelHub(t)
	cache := t.TempDir()
	var out, errOut bytes.Buffer
	env := &Env{Out: &out, Err: &errOut, Getenv: func(k string) string {
		return map[string]string{"XDG_CACHE_HOME": cache}[k]
	}}
	if err := runModelsPull(context.Background(), env, modelsOptions{Mirror: srv.URL, HTTP: srv.Client()}, "fr-en"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "installed fr-en (Helsinki-NLP/opus-mt-fr-en)") {
		t.Errorf("pull output %q", out.String())
	}
	if !strings.Contains(errOut.String(), "downloaded model.safetensors (3000 bytes)") {
		t.Errorf("pull progress %q", errOut.String())
	}
	out.Reset()
	if err := runModelsList(env); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "fr-en") || !strings.Contains(out.String(), "fr→en") || !strings.Contains(out.String(), "CC-BY-4.0") {
		t.Errorf("list output %q", out.String())
	}
	out.Reset()
	if err := runModelsRemove(env, "fr-en"); err != nil {
		t.Fatal(err)
	}
	errOut.Reset()
	if err := runModelsList(env); err != nil || !strings.Contains(errOut.String(), "no models installed") {
		t.Errorf("list after rm: %v, %q", err, errOut.String())
	}
}
