package googlev3

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"cloud.google.com/go/translate/apiv3/translatepb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/translatetest"
)

var elyseeTerms = []translate.TermPair{
	{Source: "Élysée", Target: "Elysee Palace"},
	{Source: "M. Kim", Target: "Mr Kim"},
	{Source: "AFP", Target: "AFP"},
	{Source: "Assemblée nationale", Target: "National Assembly"},
}

const elyseeSentence = "Le président a déclaré mardi à l'Élysée que M. Kim et l'Assemblée nationale..."

func TestUseGlossaryCreatesEntriesAndTranslatesThroughIt(t *testing.T) {
	f := newFake(t)
	b := f.backend(t, Config{})
	ctx := context.Background()
	if err := b.UseGlossary(ctx, "fr", "en", elyseeTerms); err != nil {
		t.Fatal(err)
	}
	name := "projects/bitext-test/locations/us-central1/glossaries/" + GlossaryID("fr", "en", elyseeTerms, "")
	if f.count("CreateGlossary") != 1 || f.count("GetOperation") != 1 || f.count("CreateGlossaryEntry") != len(elyseeTerms) {
		t.Errorf("calls %v", f.calls)
	}
	cr := f.creates[0]
	if cr.GetParent() != "projects/bitext-test/locations/us-central1" || cr.GetGlossary().GetName() != name ||
		cr.GetGlossary().GetInputConfig() != nil ||
		cr.GetGlossary().GetLanguagePair().GetSourceLanguageCode() != "fr" || cr.GetGlossary().GetLanguagePair().GetTargetLanguageCode() != "en" {
		t.Errorf("create request %v", cr)
	}
	want := []string{"AFP=AFP", "Assemblée nationale=National Assembly", "M. Kim=Mr Kim", "Élysée=Elysee Palace"}
	if got := f.sortedEntries(name); !reflect.DeepEqual(got, want) {
		t.Errorf("entries %q, want %q", got, want)
	}

	got, err := b.Translate(ctx, translate.Request{From: "fr", To: "en", Segments: []string{elyseeSentence}})
	if err != nil {
		t.Fatal(err)
	}
	if w := "The president has said Tuesday à l'Elysee Palace que Mr Kim and l'National Assembly..."; got[0] != w {
		t.Errorf("got  %q\nwant %q (the glossary translation)", got[0], w)
	}
	req := f.lastTranslate()
	if req.GetParent() != "projects/bitext-test/locations/us-central1" || req.GetGlossaryConfig().GetGlossary() != name {
		t.Errorf("parent %q glossary %q", req.GetParent(), req.GetGlossaryConfig().GetGlossary())
	}

	// Other pairs keep the global location and no glossary.
	if _, err := b.Translate(ctx, translate.Request{From: "fr", To: "de", Segments: []string{"mardi"}}); err != nil {
		t.Fatal(err)
	}
	if req := f.lastTranslate(); req.GetParent() != "projects/bitext-test/locations/global" || req.GetGlossaryConfig() != nil {
		t.Errorf("fr→de went to %q with glossary %v", req.GetParent(), req.GetGlossaryConfig())
	}
}

func TestUseGlossaryReusesIdenticalGlossary(t *testing.T) {
	f := newFake(t)
	ctx := context.Background()
	if err := f.backend(t, Config{}).UseGlossary(ctx, "fr", "en", elyseeTerms); err != nil {
		t.Fatal(err)
	}
	// A later run, with the same terms in another order and spacing.
	shuffled := []translate.TermPair{elyseeTerms[3], {Source: " M. Kim ", Target: "Mr Kim"}, elyseeTerms[0], elyseeTerms[2], elyseeTerms[0]}
	if err := f.backend(t, Config{}).UseGlossary(ctx, "fr", "en", shuffled); err != nil {
		t.Fatal(err)
	}
	if f.count("CreateGlossary") != 1 || f.count("CreateGlossaryEntry") != len(elyseeTerms) {
		t.Errorf("glossary not reused: calls %v", f.calls)
	}
	// Changed terms make a new glossary.
	changed := append([]translate.TermPair{{Source: "Matignon", Target: "Matignon"}}, elyseeTerms...)
	if err := f.backend(t, Config{}).UseGlossary(ctx, "fr", "en", changed); err != nil {
		t.Fatal(err)
	}
	if f.count("CreateGlossary") != 2 {
		t.Errorf("changed terms did not create a new glossary: calls %v", f.calls)
	}
}

func TestUseGlossaryCompletesInterruptedGlossary(t *testing.T) {
	f := newFake(t)
	name := "projects/bitext-test/locations/us-central1/glossaries/" + GlossaryID("fr", "en", elyseeTerms, "")
	pair := &translatepb.Glossary_LanguagePair{LanguagePair: &translatepb.Glossary_LanguageCodePair{SourceLanguageCode: "fr", TargetLanguageCode: "en"}}
	f.glossaries[name] = &fakeGlossary{ready: true, g: &translatepb.Glossary{Name: name, Languages: pair}}
	for _, tp := range elyseeTerms[:3] {
		f.glossaries[name].entries = append(f.glossaries[name].entries, newEntry("fr", "en", tp))
	}
	if err := f.backend(t, Config{}).UseGlossary(context.Background(), "fr", "en", elyseeTerms); err != nil {
		t.Fatal(err)
	}
	if f.count("CreateGlossary") != 0 || f.count("CreateGlossaryEntry") != 1 || f.count("ListGlossaryEntries") != 1 {
		t.Errorf("calls %v, want only the missing entry added", f.calls)
	}
	if got := f.sortedEntries(name); len(got) != len(elyseeTerms) {
		t.Errorf("entries %q", got)
	}
}

func TestUseGlossaryFromUploadedFile(t *testing.T) {
	f := newFake(t)
	uri := "gs://bitext-newsroom/glossaires/fr-en.tsv"
	f.gcs[uri] = [][2]string{{"Élysée", "Elysee Palace"}, {"M. Kim", "Mr Kim"}}
	b := f.backend(t, Config{GlossaryURI: uri, Location: "europe-west1"})
	terms := elyseeTerms[:2]
	if err := b.UseGlossary(context.Background(), "fr", "en", terms); err != nil {
		t.Fatal(err)
	}
	cr := f.creates[0]
	if cr.GetGlossary().GetInputConfig().GetGcsSource().GetInputUri() != uri || cr.GetParent() != "projects/bitext-test/locations/europe-west1" {
		t.Errorf("create request %v", cr)
	}
	if f.count("CreateGlossaryEntry") != 0 || f.count("ListGlossaryEntries") != 0 {
		t.Errorf("entries touched for a file glossary: %v", f.calls)
	}
	got, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: []string{"M. Kim à l'Élysée"}})
	if err != nil || got[0] != "Mr Kim à l'Elysee Palace" {
		t.Errorf("got %q, %v", got, err)
	}
	if GlossaryID("fr", "en", terms, uri) == GlossaryID("fr", "en", terms, "") {
		t.Error("the glossary file does not change the glossary ID")
	}
}

func TestUseGlossaryRefusesGlobalLocation(t *testing.T) {
	f := newFake(t)
	err := f.backend(t, Config{Location: "global"}).UseGlossary(context.Background(), "fr", "en", elyseeTerms)
	if err == nil || !strings.Contains(err.Error(), DefaultGlossaryLocation) {
		t.Errorf("err = %v, want advice to use %s", err, DefaultGlossaryLocation)
	}
	if f.count("GetGlossary")+f.count("CreateGlossary") != 0 {
		t.Errorf("calls %v", f.calls)
	}
}

func TestEmptyGlossaryStopsUsingIt(t *testing.T) {
	f := newFake(t)
	b := f.backend(t, Config{})
	ctx := context.Background()
	if err := b.UseGlossary(ctx, "fr", "en", elyseeTerms); err != nil {
		t.Fatal(err)
	}
	if err := b.UseGlossary(ctx, "fr", "en", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Translate(ctx, translate.Request{From: "fr", To: "en", Segments: []string{"mardi"}}); err != nil {
		t.Fatal(err)
	}
	if req := f.lastTranslate(); req.GetGlossaryConfig() != nil || !strings.HasSuffix(req.GetParent(), "/global") {
		t.Errorf("request still uses the glossary: %v", req)
	}
}

func TestGlossaryID(t *testing.T) {
	id := GlossaryID("fr", "en", elyseeTerms, "")
	if !strings.HasPrefix(id, "bitext-") || len(id) != len("bitext-")+16 {
		t.Errorf("id %q", id)
	}
	if GlossaryID("fr", "es", elyseeTerms, "") == id {
		t.Error("the language pair does not change the ID")
	}
	if GlossaryID("fr", "en", []translate.TermPair{{Source: "Élysée", Target: "Élysée"}}, "") == GlossaryID("fr", "en", []translate.TermPair{{Source: "Élysée", Target: "Elysee"}}, "") {
		t.Error("the target does not change the ID")
	}
}

func TestRefusedEmptyGlossaryHintsAtFile(t *testing.T) {
	f := newFake(t)
	f.setFault(func(_ context.Context, method string, _ int) error {
		if method == "CreateGlossary" {
			return status.Error(codes.InvalidArgument, "input_config is required")
		}
		return nil
	})
	err := f.backend(t, Config{}).UseGlossary(context.Background(), "fr", "en", elyseeTerms)
	if se := translatetest.AsStatus(t, err); se.Code != 400 || !strings.Contains(se.Hint, OptionGlossaryURI) {
		t.Errorf("got %+v, want a 400 with a hint naming %s", se, OptionGlossaryURI)
	}
}
