package googlev3

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

func TestTranslateTextRequest(t *testing.T) {
	f := newFake(t)
	b := f.backend(t, Config{})
	got, err := b.Translate(context.Background(), translate.Request{
		From: "fr", To: "en",
		Segments: []string{"Le président a déclaré mardi « non ».", "L'accord de M. Kim."},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"The president has said Tuesday « non ».", "L'agreement of M. Kim."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	req := f.lastTranslate()
	if req.GetParent() != "projects/bitext-test/locations/global" || req.GetMimeType() != "text/plain" ||
		req.GetSourceLanguageCode() != "fr" || req.GetTargetLanguageCode() != "en" ||
		req.GetModel() != "" || req.GetGlossaryConfig() != nil {
		t.Errorf("request %v", req)
	}
	if !reflect.DeepEqual(req.GetContents(), []string{"Le président a déclaré mardi « non ».", "L'accord de M. Kim."}) {
		t.Errorf("contents %q", req.GetContents())
	}
}

func TestTranslateHTML(t *testing.T) {
	f := newFake(t)
	b := f.backend(t, Config{})
	src := `Le <em>ministre</em> et <span translate="no">le président</span> l'ont déclaré.`
	got, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", HTML: true, Segments: []string{src}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `The <em>minister</em> and <span translate="no">le président</span> l&#39;ont said.`; got[0] != want {
		t.Errorf("got  %q\nwant %q", got[0], want)
	}
	if mt := f.lastTranslate().GetMimeType(); mt != "text/html" {
		t.Errorf("mime type %q, want text/html", mt)
	}
}

func TestModelAndLocation(t *testing.T) {
	f := newFake(t)
	b := f.backend(t, Config{Location: "europe-west1", Model: "general/nmt"})
	if _, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: []string{"lundi"}}); err != nil {
		t.Fatal(err)
	}
	req := f.lastTranslate()
	if req.GetParent() != "projects/bitext-test/locations/europe-west1" ||
		req.GetModel() != "projects/bitext-test/locations/europe-west1/models/general/nmt" {
		t.Errorf("parent %q model %q", req.GetParent(), req.GetModel())
	}
}

func TestEmptyAndBlankSegments(t *testing.T) {
	f := newFake(t)
	b := f.backend(t, Config{})
	got, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en"})
	if err != nil || got == nil || len(got) != 0 {
		t.Fatalf("empty batch: got %q, %v", got, err)
	}
	if n := f.count("TranslateText"); n != 0 {
		t.Fatalf("empty batch made %d calls", n)
	}
	got, err = b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: []string{" ", "le gouvernement", ""}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{" ", "the government", ""}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if c := f.lastTranslate().GetContents(); !reflect.DeepEqual(c, []string{"le gouvernement"}) {
		t.Errorf("sent %q", c)
	}
}

func TestLimitsRefusedWithoutCall(t *testing.T) {
	f := newFake(t)
	b := f.backend(t, Config{})
	many := make([]string, MaxSegments+1)
	for i := range many {
		many[i] = "mardi"
	}
	for _, segs := range [][]string{many, {strings.Repeat("à", MaxChars+1)}} {
		if _, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: segs}); !errors.Is(err, ErrTooLarge) {
			t.Errorf("err = %v, want ErrTooLarge", err)
		}
	}
	if n := f.count("TranslateText"); n != 0 {
		t.Errorf("%d calls for oversized requests", n)
	}
	if c := b.Capabilities(); c.MaxSegments != 1024 || c.MaxChars != 30000 || !c.HTML {
		t.Errorf("capabilities %+v", c)
	}
}

func TestUnsupportedPair(t *testing.T) {
	f := newFake(t)
	b := f.backend(t, Config{})
	_, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "tlh", Segments: []string{"mardi"}})
	if !errors.Is(err, translate.ErrUnsupportedPair) {
		t.Fatalf("err = %v, want ErrUnsupportedPair", err)
	}
	var se *translate.StatusError
	if !errors.As(err, &se) || se.Code != 400 || se.Temporary() {
		t.Errorf("status %+v, want a permanent 400", se)
	}
}

func TestNameAndInfo(t *testing.T) {
	info := Info()
	if info.Name != "google-v3" || info.Kind != translate.Remote || info.New == nil {
		t.Errorf("info %+v", info)
	}
	if !reflect.DeepEqual(info.Env, []string{EnvProject, EnvCredentials}) {
		t.Errorf("env %q", info.Env)
	}
	_, err := info.New(context.Background(), translate.Config{Getenv: func(string) string { return "" }})
	if !errors.Is(err, translate.ErrNotConfigured) || !strings.Contains(err.Error(), EnvProject) {
		t.Errorf("no project: err = %v, want ErrNotConfigured naming %s", err, EnvProject)
	}
}
