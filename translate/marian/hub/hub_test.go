package hub

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeHub serves a repository the way huggingface.co does: the tree API
// and /{repo}/resolve/{rev}/{file} with Range support and, for LFS files,
// a redirect carrying X-Linked-Size and X-Linked-Etag.
type fakeHub struct {
	repo    string
	files   map[string][]byte
	lfs     map[string]bool
	noAPI   bool
	corrupt string // file served with one byte changed
	mu      sync.Mutex
	cutOnce map[string]int // file → bytes to send before dropping the connection, once
	ranges  []string
	gets    map[string]int
}

func newFakeHub() *fakeHub {
	weights := bytes.Repeat([]byte("poids du modèle 0123456789 "), 4000)
	return &fakeHub{
		repo: "Helsinki-NLP/opus-mt-fr-en",
		files: map[string][]byte{
			"config.json":       []byte(`{"model_type": "marian", "d_model": 512}`),
			"source.spm":        []byte("source sentencepiece du modèle français"),
			"target.spm":        []byte("target sentencepiece of the English model"),
			"vocab.json":        []byte(`{"</s>": 0, "<unk>": 1, "▁Séoul": 2, "<pad>": 3}`),
			"pytorch_model.bin": weights,
			"README.md":         []byte("---\nlanguage:\n- fr\n- en\nlicense: apache-2.0\n---\n# opus-mt-fr-en\n"),
			"tf_model.h5":       []byte("not needed"),
		},
		lfs:     map[string]bool{"pytorch_model.bin": true, "tf_model.h5": true},
		cutOnce: map[string]int{},
		gets:    map[string]int{},
	}
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func (h *fakeHub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/api/models/"+h.repo+"/tree/main" && !h.noAPI {
		h.serveTree(w)
		return
	}
	name, ok := strings.CutPrefix(r.URL.Path, "/"+h.repo+"/resolve/main/")
	data, exists := h.files[name]
	if !ok || !exists {
		http.NotFound(w, r)
		return
	}
	if h.lfs[name] && r.URL.Query().Get("cdn") == "" {
		w.Header().Set("X-Linked-Size", fmt.Sprint(len(data)))
		w.Header().Set("X-Linked-Etag", `"`+sum(data)+`"`)
		http.Redirect(w, r, r.URL.Path+"?cdn=1", http.StatusFound)
		return
	}
	h.serveFile(w, r, name, data)
}

func (h *fakeHub) serveTree(w http.ResponseWriter) {
	var entries []map[string]any
	for name, data := range h.files {
		e := map[string]any{"type": "file", "path": name, "size": len(data), "oid": "0123abcd"}
		if h.lfs[name] {
			e["lfs"] = map[string]any{"oid": sum(data), "size": len(data), "pointerSize": 134}
			e["size"] = 134
		}
		entries = append(entries, e)
	}
	entries = append(entries, map[string]any{"type": "directory", "path": "onnx", "size": 0})
	json.NewEncoder(w).Encode(entries)
}

func (h *fakeHub) serveFile(w http.ResponseWriter, r *http.Request, name string, data []byte) {
	h.mu.Lock()
	h.gets[name]++
	if rg := r.Header.Get("Range"); rg != "" {
		h.ranges = append(h.ranges, name+" "+rg)
	}
	cut, cutting := h.cutOnce[name]
	delete(h.cutOnce, name)
	h.mu.Unlock()
	if name == h.corrupt {
		data = append([]byte{}, data...)
		data[len(data)/2] ^= 1
	}
	if cutting && r.Method == http.MethodGet {
		w.Header().Set("Content-Length", fmt.Sprint(len(data)))
		w.WriteHeader(http.StatusOK)
		w.Write(data[:cut])
		w.(http.Flusher).Flush()
		panic(http.ErrAbortHandler)
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

func newClient(t *testing.T, h *fakeHub) (*Client, string) {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	return &Client{Dir: dir, Base: srv.URL, HTTP: srv.Client()}, dir
}

func checkInstalled(t *testing.T, h *fakeHub, dir string) {
	t.Helper()
	for _, name := range []string{"config.json", "source.spm", "target.spm", "vocab.json", "pytorch_model.bin", "README.md"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got, h.files[name]) {
			t.Errorf("%s: installed content differs (%v)", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "tf_model.h5")); err == nil {
		t.Error("tf_model.h5 downloaded, but the engine does not need it")
	}
}

func TestPullInstallsVerifiedModel(t *testing.T) {
	h := newFakeHub()
	c, dir := newClient(t, h)
	var last Progress
	c.OnProgress = func(p Progress) { last = p }
	info, err := c.Pull(context.Background(), "fr-en")
	if err != nil {
		t.Fatal(err)
	}
	checkInstalled(t, h, filepath.Join(dir, "fr-en"))
	if info.Name != "fr-en" || info.Source != "fr" || info.Target != "en" || info.License != "apache-2.0" ||
		!strings.Contains(info.Attribution, "Helsinki-NLP") {
		t.Errorf("info = %+v", info)
	}
	if last.Done != last.Total || last.Total == 0 {
		t.Errorf("last progress %+v", last)
	}
	models, err := List(dir)
	if err != nil || len(models) != 1 || models[0].Name != "fr-en" || models[0].License != "apache-2.0" {
		t.Fatalf("List = %+v, %v", models, err)
	}
	before := h.gets["pytorch_model.bin"]
	if _, err := c.Pull(context.Background(), "Helsinki-NLP/opus-mt-fr-en"); err != nil {
		t.Fatal(err)
	}
	if h.gets["pytorch_model.bin"] != before {
		t.Error("pulling an installed model downloaded it again")
	}
	if _, err := os.Stat(filepath.Join(dir, "fr-en"+partialSuffix)); !os.IsNotExist(err) {
		t.Errorf("partial folder left behind: %v", err)
	}
}

func TestPullResumesInterruptedDownload(t *testing.T) {
	h := newFakeHub()
	h.cutOnce["pytorch_model.bin"] = 40000
	c, dir := newClient(t, h)
	if _, err := c.Pull(context.Background(), "fr-en"); err == nil {
		t.Fatal("interrupted download succeeded")
	}
	if _, err := os.Stat(filepath.Join(dir, "fr-en")); !os.IsNotExist(err) {
		t.Fatalf("model folder exists after a failed download: %v", err)
	}
	if models, _ := List(dir); len(models) != 0 {
		t.Errorf("List shows an unfinished model: %+v", models)
	}
	if _, err := c.Pull(context.Background(), "fr-en"); err != nil {
		t.Fatal(err)
	}
	checkInstalled(t, h, filepath.Join(dir, "fr-en"))
	if len(h.ranges) != 1 || h.ranges[0] != "pytorch_model.bin bytes=40000-" {
		t.Errorf("range requests %q, want one resuming at byte 40000", h.ranges)
	}
}

func TestPullRejectsCorruptFile(t *testing.T) {
	h := newFakeHub()
	h.corrupt = "pytorch_model.bin"
	c, dir := newClient(t, h)
	_, err := c.Pull(context.Background(), "fr-en")
	if !errors.Is(err, ErrChecksum) {
		t.Fatalf("corrupt download: err = %v, want ErrChecksum", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "fr-en")); !os.IsNotExist(err) {
		t.Errorf("model folder exists after a checksum failure: %v", err)
	}
}

func TestPullFromMirrorWithoutAPI(t *testing.T) {
	h := newFakeHub()
	h.noAPI = true
	c, dir := newClient(t, h)
	info, err := c.Pull(context.Background(), "fr-en")
	if err != nil {
		t.Fatal(err)
	}
	checkInstalled(t, h, filepath.Join(dir, "fr-en"))
	for _, f := range info.Files {
		if f.Name == "pytorch_model.bin" && f.SHA256 != sum(h.files[f.Name]) {
			t.Errorf("checksum from X-Linked-Etag = %q", f.SHA256)
		}
	}
	h2 := newFakeHub()
	h2.noAPI, h2.corrupt = true, "pytorch_model.bin"
	c2, _ := newClient(t, h2)
	if _, err := c2.Pull(context.Background(), "fr-en"); !errors.Is(err, ErrChecksum) {
		t.Errorf("corrupt file behind a mirror: err = %v, want ErrChecksum", err)
	}
}

func TestPullMissingRepo(t *testing.T) {
	h := newFakeHub()
	delete(h.files, "source.spm")
	c, _ := newClient(t, h)
	if _, err := c.Pull(context.Background(), "fr-en"); err == nil || !strings.Contains(err.Error(), "source.spm") {
		t.Errorf("repository without source.spm: err = %v", err)
	}
}

func TestRemoveAndNames(t *testing.T) {
	h := newFakeHub()
	c, dir := newClient(t, h)
	if _, err := c.Pull(context.Background(), "fr-en"); err != nil {
		t.Fatal(err)
	}
	if _, err := Find(dir, "fr-en"); err != nil {
		t.Error(err)
	}
	if err := Remove(dir, "fr-en"); err != nil {
		t.Fatal(err)
	}
	if _, err := Find(dir, "fr-en"); err == nil {
		t.Error("Find succeeds after Remove")
	}
	if err := Remove(dir, "fr-en"); err == nil {
		t.Error("removing a missing model succeeded")
	}
	for _, bad := range []string{"", "../etc", "a/b/c", "fr en", ".hidden"} {
		if _, _, err := ResolveName(bad); err == nil {
			t.Errorf("ResolveName(%q) accepted", bad)
		}
		if err := Remove(dir, bad); err == nil {
			t.Errorf("Remove(%q) accepted", bad)
		}
	}
	repo, name, _ := ResolveName("Helsinki-NLP/opus-mt-tc-big-fr-en")
	if repo != "Helsinki-NLP/opus-mt-tc-big-fr-en" || name != "tc-big-fr-en" {
		t.Errorf("ResolveName = %q, %q", repo, name)
	}
}

func TestCacheDir(t *testing.T) {
	env := map[string]string{"HOME": "/home/redaction"}
	get := func(k string) string { return env[k] }
	if d, _ := CacheDir(get); d != "/home/redaction/.cache/bitext/models" {
		t.Errorf("CacheDir = %q", d)
	}
	env["XDG_CACHE_HOME"] = "/var/cache/agence"
	if d, _ := CacheDir(get); d != "/var/cache/agence/bitext/models" {
		t.Errorf("CacheDir with XDG = %q", d)
	}
	if _, err := CacheDir(func(string) string { return "" }); err == nil {
		t.Error("CacheDir without HOME succeeded")
	}
}

func TestReadInfoPairFromName(t *testing.T) {
	for name, want := range map[string]string{
		"opus-mt-fr-en": "fr-en", "fr-en": "fr-en", "opus-mt-tc-big-fr-en": "fr-en", "opus-mt-en-ROMANCE": "en-ROMANCE",
		"my-model": "-", "model": "-", "fr-en-v2": "-", "opus-mt-fr": "-", "tc-big-fr-en": "-",
	} {
		info, err := ReadInfo(filepath.Join(t.TempDir(), name))
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Source + "-" + info.Target; got != want {
			t.Errorf("folder %s: pair %q, want %q", name, got, want)
		}
		if (want == "-") != (info.License == "") {
			t.Errorf("folder %s: licence %q", name, info.License)
		}
	}
}
