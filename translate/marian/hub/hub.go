package hub

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// DefaultBase is the Hugging Face hub.
const DefaultBase = "https://huggingface.co"

// required are the files every MarianMT model needs besides its weights.
var required = []string{"config.json", "source.spm", "target.spm", "vocab.json"}

// weightFiles are the weight files in order of preference.
var weightFiles = []string{"model.safetensors", "pytorch_model.bin"}

// optional files are fetched when the hub lists them (the model card
// carries the licence).
var optional = []string{"README.md"}

// Progress reports a download's advance: bytes of File done out of Total
// (Total is 0 when unknown).
type Progress struct {
	File        string
	Done, Total int64
}

// Client downloads models. Its zero value is not usable: set Dir.
type Client struct {
	// Dir is the folder models are installed in (see CacheDir).
	Dir string
	// Base is the hub or mirror address (default DefaultBase).
	Base string
	// Revision is the branch, tag or commit (default "main").
	Revision string
	// HTTP is the client used (default http.DefaultClient).
	HTTP *http.Client
	// OnProgress, when set, is called as files arrive.
	OnProgress func(Progress)
}

func (c *Client) base() string {
	if c.Base == "" {
		return DefaultBase
	}
	return strings.TrimRight(c.Base, "/")
}

func (c *Client) revision() string {
	if c.Revision == "" {
		return "main"
	}
	return c.Revision
}

func (c *Client) http() *http.Client {
	if c.HTTP == nil {
		return http.DefaultClient
	}
	return c.HTTP
}

// Pull installs the model arg names ("fr-en" or "owner/repo", see
// ResolveName) and returns its description. An installed model is left
// as it is; an unfinished download is resumed.
func (c *Client) Pull(ctx context.Context, arg string) (ModelInfo, error) {
	repo, name, err := ResolveName(arg)
	if err != nil {
		return ModelInfo{}, err
	}
	final := filepath.Join(c.Dir, name)
	if _, err := os.Stat(filepath.Join(final, InfoFile)); err == nil {
		return ReadInfo(final)
	}
	files, err := c.listFiles(ctx, repo)
	if err != nil {
		return ModelInfo{}, err
	}
	partial := final + partialSuffix
	if err := os.MkdirAll(partial, 0o755); err != nil {
		return ModelInfo{}, fmt.Errorf("failed to create %s: %w", partial, err)
	}
	for _, f := range files {
		if err := c.fetch(ctx, repo, f, filepath.Join(partial, f.Name)); err != nil {
			return ModelInfo{}, err
		}
	}
	info := describe(path.Base(repo))
	if info.Source == "" {
		info = describe(name)
	}
	info.Name, info.Repo, info.Revision, info.Files = name, repo, c.revision(), files
	info.License = ""
	if strings.HasPrefix(repo, "Helsinki-NLP/opus-mt-") {
		info.License = opusLicense
	}
	info.Attribution = credit(repo, info.License)
	applyModelCard(&info, filepath.Join(partial, "README.md"))
	if err := install(partial, final, info); err != nil {
		return ModelInfo{}, err
	}
	info.Dir = final
	return info, nil
}

// treeEntry is one entry of the hub's /api/models/{repo}/tree/{rev}.
type treeEntry struct {
	Type string `json:"type"`
	Path string `json:"path"`
	Size int64  `json:"size"`
	LFS  *struct {
		OID  string `json:"oid"`
		Size int64  `json:"size"`
	} `json:"lfs"`
}

// listFiles returns the files to download with their published sizes and
// checksums, from the tree API or, when a mirror lacks it, from HEAD
// requests.
func (c *Client) listFiles(ctx context.Context, repo string) ([]FileInfo, error) {
	entries, err := c.tree(ctx, repo)
	if errors.Is(err, errNoAPI) {
		return c.headFiles(ctx, repo)
	}
	if err != nil {
		return nil, err
	}
	byName := map[string]FileInfo{}
	for _, e := range entries {
		if e.Type != "file" && e.Type != "" {
			continue
		}
		fi := FileInfo{Name: e.Path, Size: e.Size}
		if e.LFS != nil {
			fi.Size, fi.SHA256 = e.LFS.Size, strings.ToLower(e.LFS.OID)
		}
		byName[e.Path] = fi
	}
	return pickFiles(repo, func(name string) (FileInfo, bool) {
		fi, ok := byName[name]
		return fi, ok
	})
}

// pickFiles chooses the required files, one weights file and the optional
// ones, through lookup.
func pickFiles(repo string, lookup func(string) (FileInfo, bool)) ([]FileInfo, error) {
	var out []FileInfo
	for _, name := range required {
		fi, ok := lookup(name)
		if !ok {
			return nil, fmt.Errorf("%s has no %s: not a MarianMT model", repo, name)
		}
		out = append(out, fi)
	}
	found := false
	for _, name := range weightFiles {
		if fi, ok := lookup(name); ok {
			out, found = append(out, fi), true
			break
		}
	}
	if !found {
		return nil, fmt.Errorf("%s has neither %s nor %s", repo, weightFiles[0], weightFiles[1])
	}
	for _, name := range optional {
		if fi, ok := lookup(name); ok {
			out = append(out, fi)
		}
	}
	return out, nil
}

var errNoAPI = errors.New("no tree API")

func (c *Client) tree(ctx context.Context, repo string) ([]treeEntry, error) {
	u := c.base() + "/api/models/" + repo + "/tree/" + url.PathEscape(c.revision())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("invalid hub address: %w", err)
	}
	resp, err := c.http().Do(req)
	if err != nil {
		return nil, fmt.Errorf("failed to list %s: %w", repo, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusMethodNotAllowed:
		return nil, errNoAPI
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("failed to list %s: server answered %s", repo, resp.Status)
	}
	var entries []treeEntry
	if err := json.NewDecoder(io.LimitReader(resp.Body, 16<<20)).Decode(&entries); err != nil {
		return nil, fmt.Errorf("failed to list %s: %w", repo, err)
	}
	return entries, nil
}

var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

// headFiles learns sizes and checksums from HEAD requests: X-Linked-Size
// and X-Linked-Etag (the SHA-256) for files stored with LFS, otherwise
// Content-Length.
func (c *Client) headFiles(ctx context.Context, repo string) ([]FileInfo, error) {
	noRedirect := *c.http()
	noRedirect.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return pickFiles(repo, func(name string) (FileInfo, bool) {
		req, err := http.NewRequestWithContext(ctx, http.MethodHead, c.fileURL(repo, name), nil)
		if err != nil {
			return FileInfo{}, false
		}
		resp, err := noRedirect.Do(req)
		if err != nil {
			return FileInfo{}, false
		}
		resp.Body.Close()
		if resp.StatusCode >= 400 {
			return FileInfo{}, false
		}
		fi := FileInfo{Name: name, Size: resp.ContentLength}
		if n, err := strconv.ParseInt(resp.Header.Get("X-Linked-Size"), 10, 64); err == nil {
			fi.Size = n
		}
		if tag := strings.ToLower(strings.Trim(resp.Header.Get("X-Linked-Etag"), `W/"`)); sha256Hex.MatchString(tag) {
			fi.SHA256 = tag
		}
		return fi, true
	})
}

func (c *Client) fileURL(repo, name string) string {
	return c.base() + "/" + repo + "/resolve/" + url.PathEscape(c.revision()) + "/" + url.PathEscape(name)
}
