package googlev3

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"cloud.google.com/go/translate/apiv3/translatepb"
	"golang.org/x/sync/errgroup"
	"google.golang.org/api/iterator"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/bitext/bitext/translate"
)

// entryConcurrency is how many glossary entries are created at once.
const entryConcurrency = 4

// UseGlossary makes later translations from→to use terms: it finds the
// glossary holding exactly these terms (by its hash-derived ID) or creates
// it, waiting for Google to finish. An empty terms list stops using a
// glossary for the pair. A pair needs a source language.
func (b *Backend) UseGlossary(ctx context.Context, from, to string, terms []translate.TermPair) error {
	terms = canonicalTerms(terms)
	if len(terms) == 0 {
		b.setGlossary(from, to, "")
		return nil
	}
	if from == "" || to == "" {
		return fmt.Errorf("google-v3: a glossary needs both languages, got %q→%q", from, to)
	}
	if b.cfg.location(true) == DefaultLocation {
		return fmt.Errorf("google-v3: glossaries are kept in a region, not %q: set the %s option to %s",
			DefaultLocation, OptionLocation, DefaultGlossaryLocation)
	}
	name := b.cfg.parent(b.cfg.location(true)) + "/glossaries/" + GlossaryID(from, to, terms, b.cfg.GlossaryURI)
	if err := b.ensureGlossary(ctx, name, from, to, terms); err != nil {
		return err
	}
	b.setGlossary(from, to, name)
	return nil
}

func (b *Backend) setGlossary(from, to, name string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if name == "" {
		delete(b.glossaries, pairKey(from, to))
		return
	}
	b.glossaries[pairKey(from, to)] = name
}

// ensureGlossary reuses the glossary called name or creates it, then makes
// sure it holds every term (unless it was built from a file).
func (b *Backend) ensureGlossary(ctx context.Context, name, from, to string, terms []translate.TermPair) error {
	_, err := b.client.GetGlossary(ctx, &translatepb.GetGlossaryRequest{Name: name})
	switch {
	case status.Code(err) == codes.NotFound:
		if err := b.createGlossary(ctx, name, from, to); err != nil {
			return err
		}
	case err != nil:
		return wrapError(ctx, "failed to look up glossary", err)
	}
	if b.cfg.GlossaryURI != "" {
		return nil
	}
	return b.addMissingEntries(ctx, name, from, to, terms)
}

// createGlossary creates the glossary and waits for the operation. Another
// bitext creating the same one at the same time is fine.
func (b *Backend) createGlossary(ctx context.Context, name, from, to string) error {
	g := &translatepb.Glossary{
		Name: name,
		Languages: &translatepb.Glossary_LanguagePair{LanguagePair: &translatepb.Glossary_LanguageCodePair{
			SourceLanguageCode: from, TargetLanguageCode: to,
		}},
		DisplayName: fmt.Sprintf("bitext %s-%s", from, to),
	}
	if b.cfg.GlossaryURI != "" {
		g.InputConfig = &translatepb.GlossaryInputConfig{Source: &translatepb.GlossaryInputConfig_GcsSource{
			GcsSource: &translatepb.GcsSource{InputUri: b.cfg.GlossaryURI},
		}}
	}
	parent := name[:strings.Index(name, "/glossaries/")]
	op, err := b.client.CreateGlossary(ctx, &translatepb.CreateGlossaryRequest{Parent: parent, Glossary: g})
	if status.Code(err) == codes.AlreadyExists {
		return nil
	}
	if err == nil {
		_, err = op.Wait(ctx)
	}
	if err != nil {
		return b.createError(ctx, err)
	}
	return nil
}

// createError explains a failed glossary creation. Without a glossary
// file, a refusal of the empty glossary points at the glossary-uri option.
func (b *Backend) createError(ctx context.Context, err error) error {
	err = wrapError(ctx, "failed to create glossary", err)
	var se *translate.StatusError
	if b.cfg.GlossaryURI == "" && errors.As(err, &se) && se.Code == http.StatusBadRequest {
		se.Hint = fmt.Sprintf("upload the glossary as a two-column TSV to Cloud Storage and set the %s option to its gs:// URI", OptionGlossaryURI)
	}
	return err
}

// addMissingEntries adds the terms the glossary lacks, a few at a time.
func (b *Backend) addMissingEntries(ctx context.Context, name, from, to string, terms []translate.TermPair) error {
	have, err := b.entries(ctx, name)
	if err != nil {
		return err
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(entryConcurrency)
	for _, t := range terms {
		if have[t] {
			continue
		}
		g.Go(func() error {
			_, err := b.client.CreateGlossaryEntry(gctx, &translatepb.CreateGlossaryEntryRequest{
				Parent: name, GlossaryEntry: newEntry(from, to, t),
			})
			if err != nil && status.Code(err) != codes.AlreadyExists {
				return wrapError(gctx, fmt.Sprintf("failed to add %q to glossary", t.Source), err)
			}
			return nil
		})
	}
	return g.Wait()
}

// entries returns the term pairs the glossary already holds.
func (b *Backend) entries(ctx context.Context, name string) (map[translate.TermPair]bool, error) {
	have := map[translate.TermPair]bool{}
	it := b.client.ListGlossaryEntries(ctx, &translatepb.ListGlossaryEntriesRequest{Parent: name})
	for {
		e, err := it.Next()
		if errors.Is(err, iterator.Done) {
			return have, nil
		}
		if err != nil {
			return nil, wrapError(ctx, "failed to list glossary entries", err)
		}
		if p := e.GetTermsPair(); p != nil {
			have[translate.TermPair{Source: p.GetSourceTerm().GetText(), Target: p.GetTargetTerm().GetText()}] = true
		}
	}
}

func newEntry(from, to string, t translate.TermPair) *translatepb.GlossaryEntry {
	return &translatepb.GlossaryEntry{Data: &translatepb.GlossaryEntry_TermsPair{
		TermsPair: &translatepb.GlossaryEntry_GlossaryTermsPair{
			SourceTerm: &translatepb.GlossaryTerm{LanguageCode: from, Text: t.Source},
			TargetTerm: &translatepb.GlossaryTerm{LanguageCode: to, Text: t.Target},
		},
	}}
}

// canonicalTerms trims the terms, drops empty ones, keeps the first
// target given for each source and sorts them by source, so that the same
// glossary always hashes the same.
func canonicalTerms(terms []translate.TermPair) []translate.TermPair {
	seen := map[string]bool{}
	var out []translate.TermPair
	for _, t := range terms {
		t = translate.TermPair{Source: strings.TrimSpace(t.Source), Target: strings.TrimSpace(t.Target)}
		if t.Source == "" || t.Target == "" || seen[t.Source] {
			continue
		}
		seen[t.Source] = true
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Source < out[j].Source })
	return out
}

// GlossaryID returns the glossary ID bitext uses for these languages and
// terms (and glossary file, if any): "bitext-" and 16 hex digits of a
// SHA-256 over them. The order of terms, surrounding spaces and repeated
// sources do not change it.
func GlossaryID(from, to string, terms []translate.TermPair, uri string) string {
	terms = canonicalTerms(terms)
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", from, to, uri)
	for _, t := range terms {
		fmt.Fprintf(h, "%s\x1f%s\x1e", t.Source, t.Target)
	}
	return "bitext-" + hex.EncodeToString(h.Sum(nil))[:16]
}
