package deepl

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/bitext/bitext/translate"
)

// glossaryPolls bounds how long UseGlossary waits for a new glossary to be
// ready: glossaryPolls checks, glossaryPoll apart.
const (
	glossaryPolls = 20
	glossaryPoll  = 250 * time.Millisecond
)

// UseGlossary makes later Translate calls from→to use a DeepL glossary
// holding terms. The glossary's name carries a hash of its entries, so an
// identical glossary created by an earlier run is found (GET
// /v2/glossaries) and reused; otherwise one is created (POST
// /v2/glossaries, entries as TSV). Terms with tabs or line breaks, or
// repeating a source, are left out. No terms: stop using a glossary.
func (b *Backend) UseGlossary(ctx context.Context, from, to string, terms []translate.TermPair) error {
	pair := [2]string{from, to}
	entries := tsvEntries(terms)
	if entries == "" {
		b.setGlossary(pair, "")
		return nil
	}
	from, to = glossaryLang(from), glossaryLang(to)
	name := glossaryName(from, to, entries)
	g, err := b.findGlossary(ctx, name, from, to)
	if err != nil {
		return err
	}
	if g == nil {
		if g, err = b.createGlossary(ctx, glossaryRequest{
			Name: name, SourceLang: from, TargetLang: to, Entries: entries, EntriesFormat: "tsv",
		}); err != nil {
			return err
		}
	}
	if err := b.waitReady(ctx, g); err != nil {
		return err
	}
	b.setGlossary(pair, g.GlossaryID)
	return nil
}

func (b *Backend) setGlossary(pair [2]string, id string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if id == "" {
		delete(b.glossaries, pair)
		return
	}
	b.glossaries[pair] = id
}

// glossaryLang returns the language code glossaries use ("en" for "EN-GB").
func glossaryLang(code string) string {
	code, _, _ = strings.Cut(strings.ToLower(code), "-")
	return code
}

// tsvEntries returns the terms as sorted TSV lines, one per source.
func tsvEntries(terms []translate.TermPair) string {
	seen := map[string]bool{}
	var lines []string
	for _, t := range terms {
		src, dst := strings.TrimSpace(t.Source), strings.TrimSpace(t.Target)
		if src == "" || dst == "" || seen[src] || strings.ContainsAny(src+dst, "\t\r\n") {
			continue
		}
		seen[src] = true
		lines = append(lines, src+"\t"+dst)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// glossaryName names a glossary after its languages and content.
func glossaryName(from, to, entries string) string {
	sum := sha256.Sum256([]byte(from + "\x00" + to + "\x00" + entries))
	return fmt.Sprintf("bitext %s-%s %s", from, to, hex.EncodeToString(sum[:8]))
}

// findGlossary returns the glossary called name for from→to, or nil.
func (b *Backend) findGlossary(ctx context.Context, name, from, to string) (*glossary, error) {
	var list glossaryList
	if err := b.get(ctx, "/v2/glossaries", &list); err != nil {
		return nil, fmt.Errorf("failed to list glossaries: %w", err)
	}
	for _, g := range list.Glossaries {
		if g.Name == name && strings.EqualFold(g.SourceLang, from) && strings.EqualFold(g.TargetLang, to) {
			return &g, nil
		}
	}
	return nil, nil
}

// createGlossary creates a glossary.
func (b *Backend) createGlossary(ctx context.Context, body glossaryRequest) (*glossary, error) {
	hreq, err := b.newRequest(ctx, "/v2/glossaries", body)
	if err != nil {
		return nil, err
	}
	var g glossary
	if err := b.do(ctx, hreq, &g); err != nil {
		return nil, fmt.Errorf("failed to create glossary: %w", err)
	}
	if g.GlossaryID == "" {
		return nil, fmt.Errorf("deepl: glossary created without an ID")
	}
	return &g, nil
}

// waitReady polls a glossary until DeepL says it is ready.
func (b *Backend) waitReady(ctx context.Context, g *glossary) error {
	for i := 0; !g.Ready; i++ {
		if i == glossaryPolls {
			return fmt.Errorf("deepl: glossary %s not ready after %v", g.GlossaryID, glossaryPolls*glossaryPoll)
		}
		if err := b.sleep(ctx, glossaryPoll); err != nil {
			return err
		}
		if err := b.get(ctx, "/v2/glossaries/"+url.PathEscape(g.GlossaryID), g); err != nil {
			return fmt.Errorf("failed to check glossary: %w", err)
		}
	}
	return nil
}

// get sends an authenticated GET to path and decodes the answer into out.
func (b *Backend) get(ctx context.Context, path string, out any) error {
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, b.cfg.Endpoint+path, nil)
	if err != nil {
		return fmt.Errorf("deepl: failed to build request: %w", err)
	}
	hreq.Header.Set("Authorization", "DeepL-Auth-Key "+b.cfg.AuthKey)
	hreq.Header.Set("Accept", "application/json")
	return b.do(ctx, hreq, out)
}

// sleep waits for d or until ctx is done.
func (b *Backend) sleep(ctx context.Context, d time.Duration) error {
	if b.sleepFn != nil {
		return b.sleepFn(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
