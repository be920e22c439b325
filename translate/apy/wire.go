package apy

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bitext/bitext/translate"
)

// translateResponse is APY's answer to /translate.
type translateResponse struct {
	ResponseData struct {
		TranslatedText string `json:"translatedText"`
	} `json:"responseData"`
	ResponseDetails any `json:"responseDetails"`
	ResponseStatus  int `json:"responseStatus"`
}

// listPairsResponse is APY's answer to /listPairs.
type listPairsResponse struct {
	ResponseData []struct {
		SourceLanguage string `json:"sourceLanguage"`
		TargetLanguage string `json:"targetLanguage"`
	} `json:"responseData"`
	ResponseStatus int `json:"responseStatus"`
}

// errorResponse is the body APY sends with an error status.
type errorResponse struct {
	Status      string `json:"status"`
	Code        int    `json:"code"`
	Message     string `json:"message"`
	Explanation string `json:"explanation"`
}

// hop is one request's language pair in APY's notation ("fra|spa").
type hop struct {
	langpair    string
	markUnknown bool
}

// translateText sends one text to /translate for one hop. Plain text goes
// with format=txt; HTML with APY's default HTML deformatter and the
// reformatter that keeps non-ASCII characters as they are.
func (b *Backend) translateText(ctx context.Context, h hop, text string, html bool) (string, error) {
	form := url.Values{"langpair": {h.langpair}, "q": {text}, "markUnknown": {"no"}}
	if h.markUnknown {
		form.Set("markUnknown", "yes")
	}
	if html {
		form.Set("deformat", "html")
		form.Set("reformat", "html-noent")
	} else {
		form.Set("format", "txt")
	}
	var resp translateResponse
	if err := b.post(ctx, "/translate", form, &resp); err != nil {
		return "", err
	}
	if resp.ResponseStatus != http.StatusOK {
		return "", &translate.StatusError{Backend: "apy", Code: resp.ResponseStatus, Message: fmt.Sprint(resp.ResponseDetails)}
	}
	return resp.ResponseData.TranslatedText, nil
}

// listPairs asks the server which directions it has.
func (b *Backend) listPairs(ctx context.Context) ([][2]string, error) {
	var resp listPairsResponse
	if err := b.post(ctx, "/listPairs", url.Values{}, &resp); err != nil {
		return nil, err
	}
	pairs := make([][2]string, 0, len(resp.ResponseData))
	for _, p := range resp.ResponseData {
		pairs = append(pairs, [2]string{p.SourceLanguage, p.TargetLanguage})
	}
	return pairs, nil
}

// post sends a form to path and decodes the JSON answer into out. Error
// statuses become *translate.StatusError.
func (b *Backend) post(ctx context.Context, path string, form url.Values, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, b.endpoint+path, strings.NewReader(form.Encode()))
	if err != nil {
		return fmt.Errorf("apy: failed to build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := b.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("apy: cannot reach apertium-apy at %s (start it with: apertium-apy %s; Debian package apertium-apy): %w",
			b.endpoint, "/usr/share/apertium/modes", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return fmt.Errorf("apy: failed to read answer to %s: %w", path, err)
	}
	if resp.StatusCode != http.StatusOK {
		return statusError(resp, body)
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("apy: failed to decode answer to %s: %w", path, err)
	}
	return nil
}

// statusError turns an error answer into a *translate.StatusError.
func statusError(resp *http.Response, body []byte) error {
	se := &translate.StatusError{Backend: "apy", Code: resp.StatusCode}
	var e errorResponse
	if json.Unmarshal(body, &e) == nil && (e.Explanation != "" || e.Message != "") {
		se.Message = e.Explanation
		if se.Message == "" {
			se.Message = e.Message
		}
	} else {
		se.Message = strings.TrimSpace(string(body[:min(len(body), 200)]))
	}
	if secs, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && secs > 0 {
		se.RetryAfter = time.Duration(secs) * time.Second
	}
	if strings.Contains(se.Message, "pair is not installed") {
		se.Hint = "list the server's pairs with /listPairs; install pairs with apt-get install apertium-fr-es apertium-eng-spa"
	}
	return se
}
