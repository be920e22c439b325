package hub

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bitext/bitext/internal/atomicfile"
)

// ErrChecksum is wrapped by errors for files whose content does not match
// the size or checksum the hub publishes.
var ErrChecksum = errors.New("downloaded file does not match the published checksum")

// fetch downloads one file into path, resuming a partial file, and checks
// it.
func (c *Client) fetch(ctx context.Context, repo string, f FileInfo, path string) error {
	if f.Name != filepath.Base(f.Name) || strings.HasPrefix(f.Name, ".") {
		return fmt.Errorf("refusing file name %q", f.Name)
	}
	have := fileSize(path)
	if f.Size > 0 && have == f.Size && verify(path, f) == nil {
		c.report(f, have)
		return nil
	}
	if f.Size > 0 && have >= f.Size {
		have = 0
	}
	if err := c.download(ctx, repo, f, path, have); err != nil {
		return err
	}
	if err := verify(path, f); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}

// download fetches f from byte offset from (0: the whole file) and appends
// to path, or rewrites it when the server ignores the range.
func (c *Client) download(ctx context.Context, repo string, f FileInfo, path string, from int64) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.fileURL(repo, f.Name), nil)
	if err != nil {
		return fmt.Errorf("invalid hub address: %w", err)
	}
	if from > 0 {
		req.Header.Set("Range", "bytes="+strconv.FormatInt(from, 10)+"-")
	}
	resp, err := c.http().Do(req)
	if err != nil {
		return fmt.Errorf("failed to download %s: %w", f.Name, err)
	}
	defer resp.Body.Close()
	flags := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	switch {
	case resp.StatusCode == http.StatusPartialContent && from > 0 && rangeStart(resp) == from:
		flags = os.O_CREATE | os.O_WRONLY | os.O_APPEND
	case resp.StatusCode == http.StatusOK:
		from = 0
	case resp.StatusCode == http.StatusRequestedRangeNotSatisfiable && from > 0:
		os.Remove(path)
		return c.download(ctx, repo, f, path, 0)
	default:
		return fmt.Errorf("failed to download %s: server answered %s", f.Name, resp.Status)
	}
	out, err := os.OpenFile(path, flags, 0o644)
	if err != nil {
		return fmt.Errorf("failed to write %s: %w", path, err)
	}
	err = c.copy(out, resp.Body, f, from)
	if cerr := out.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("failed to write %s: %w", path, cerr)
	}
	return err
}

// rangeStart returns the first byte of a 206 answer's Content-Range, or -1.
func rangeStart(resp *http.Response) int64 {
	cr := strings.TrimPrefix(resp.Header.Get("Content-Range"), "bytes ")
	start, _, ok := strings.Cut(cr, "-")
	if !ok {
		return -1
	}
	n, err := strconv.ParseInt(start, 10, 64)
	if err != nil {
		return -1
	}
	return n
}

// copy writes the body to out, reporting progress and refusing more bytes
// than the published size.
func (c *Client) copy(out io.Writer, body io.Reader, f FileInfo, done int64) error {
	if f.Size > 0 {
		body = io.LimitReader(body, f.Size-done+1)
	}
	buf := make([]byte, 256<<10)
	for {
		n, err := body.Read(buf)
		if n > 0 {
			if _, werr := out.Write(buf[:n]); werr != nil {
				return fmt.Errorf("failed to write %s: %w", f.Name, werr)
			}
			done += int64(n)
			c.report(f, done)
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("failed to download %s: %w", f.Name, err)
		}
	}
}

func (c *Client) report(f FileInfo, done int64) {
	if c.OnProgress != nil {
		c.OnProgress(Progress{File: f.Name, Done: done, Total: f.Size})
	}
}

// verify checks a file's size and SHA-256 against the published ones.
func verify(path string, f FileInfo) error {
	file, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("failed to check %s: %w", f.Name, err)
	}
	defer file.Close()
	h := sha256.New()
	n, err := io.Copy(h, file)
	if err != nil {
		return fmt.Errorf("failed to check %s: %w", f.Name, err)
	}
	if f.Size > 0 && n != f.Size {
		return fmt.Errorf("%s: %d bytes, want %d: %w", f.Name, n, f.Size, ErrChecksum)
	}
	if f.SHA256 != "" && hex.EncodeToString(h.Sum(nil)) != f.SHA256 {
		return fmt.Errorf("%s: %w", f.Name, ErrChecksum)
	}
	return nil
}

// install writes the info file and renames the finished download into
// place, replacing an older copy of the model.
func install(partial, final string, info ModelInfo) error {
	data, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return fmt.Errorf("failed to describe model: %w", err)
	}
	if err := atomicfile.Write(filepath.Join(partial, InfoFile), append(data, '\n'), 0o644); err != nil {
		return err
	}
	if _, err := os.Stat(final); err == nil {
		old := filepath.Join(filepath.Dir(final), "."+filepath.Base(final)+".old")
		os.RemoveAll(old)
		if err := os.Rename(final, old); err != nil {
			return fmt.Errorf("failed to replace %s: %w", final, err)
		}
		defer os.RemoveAll(old)
	}
	if err := os.Rename(partial, final); err != nil {
		return fmt.Errorf("failed to install %s: %w", final, err)
	}
	return nil
}

// applyModelCard takes the licence from a model card's front matter
// ("license: …"), when there is one.
func applyModelCard(info *ModelInfo, readme string) {
	f, err := os.Open(readme)
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(io.LimitReader(f, 1<<20))
	for i := 0; sc.Scan(); i++ {
		line := strings.TrimSpace(sc.Text())
		if i == 0 && line != "---" || i > 0 && line == "---" {
			return
		}
		if v, ok := strings.CutPrefix(line, "license:"); ok {
			info.License = strings.Trim(strings.TrimSpace(v), `"'`)
			info.Attribution = credit(info.Repo, info.License)
			return
		}
	}
}

// credit builds the attribution line of a model.
func credit(repo, license string) string {
	who := repo
	if strings.HasPrefix(repo, "Helsinki-NLP/opus-mt") {
		who = "OPUS-MT " + strings.TrimPrefix(repo, "Helsinki-NLP/") + " by Helsinki-NLP (Tiedemann & Thottingal, 2020)"
	}
	if license == "" {
		return who
	}
	return who + ", licence " + license
}
