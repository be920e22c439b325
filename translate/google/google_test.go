package google

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

// newTestBackend returns a backend talking to f with the fake's key, built
// through the registry entry as the command line does.
func newTestBackend(t *testing.T, f *fakeServer) *Backend {
	t.Helper()
	env := map[string]string{EnvAPIKey: fakeKey}
	b, err := Info().New(context.Background(), translate.Config{
		Endpoint: f.srv.URL,
		Getenv:   func(k string) string { return env[k] },
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return b.(*Backend)
}

func TestTranslateText(t *testing.T) {
	f := newFakeServer(t)
	b := newTestBackend(t, f)
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
	calls := f.calls()
	if len(calls) != 1 {
		t.Fatalf("%d requests, want 1", len(calls))
	}
	d := calls[0].Data
	if d.Source != "fr" || d.Target != "en" || d.Format != "text" || d.Model != "" {
		t.Errorf("request source=%q target=%q format=%q model=%q", d.Source, d.Target, d.Format, d.Model)
	}
}

func TestTranslateHTMLKeepsMarkupAndNoTranslate(t *testing.T) {
	f := newFakeServer(t)
	b := newTestBackend(t, f)
	src := `Le <em>ministre</em> et <span translate="no">le président</span> l'ont déclaré.`
	got, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", HTML: true, Segments: []string{src}})
	if err != nil {
		t.Fatal(err)
	}
	want := `The <em>minister</em> and <span translate="no">le président</span> l&#39;ont said.`
	if got[0] != want {
		t.Errorf("got  %q\nwant %q", got[0], want)
	}
	if format := f.calls()[0].Data.Format; format != "html" {
		t.Errorf("format %q, want html", format)
	}
}

func TestEmptyAndBlankSegments(t *testing.T) {
	f := newFakeServer(t)
	b := newTestBackend(t, f)
	got, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en"})
	if err != nil || len(got) != 0 || got == nil {
		t.Fatalf("empty batch: got %q, %v; want an empty non-nil result", got, err)
	}
	if n := len(f.calls()); n != 0 {
		t.Fatalf("empty batch sent %d requests", n)
	}
	got, err = b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: []string{"", "le gouvernement", "  "}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"", "the government", "  "}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if q := f.calls()[0].Data.Q; !reflect.DeepEqual(q, []string{"le gouvernement"}) {
		t.Errorf("sent %q, want only the non-blank segment", q)
	}
}

func TestLimitsRefusedWithoutRequest(t *testing.T) {
	f := newFakeServer(t)
	b := newTestBackend(t, f)
	many := make([]string, MaxSegments+1)
	for i := range many {
		many[i] = "mardi"
	}
	long := []string{strings.Repeat("é", MaxChars+1)}
	for _, segs := range [][]string{many, long} {
		_, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: segs})
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("%d segments: err = %v, want ErrTooLarge", len(segs), err)
		}
	}
	if n := len(f.calls()); n != 0 {
		t.Errorf("%d requests sent for oversized batches", n)
	}
	if c := b.Capabilities(); c.MaxSegments != 128 || c.MaxChars != MaxChars || !c.HTML {
		t.Errorf("capabilities %+v", c)
	}
}

func TestUnsupportedPair(t *testing.T) {
	f := newFakeServer(t)
	b := newTestBackend(t, f)
	_, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "xx", Segments: []string{"mardi"}})
	if !errors.Is(err, translate.ErrUnsupportedPair) {
		t.Fatalf("err = %v, want ErrUnsupportedPair", err)
	}
	var se *translate.StatusError
	if !errors.As(err, &se) || se.Code != http.StatusBadRequest || se.Temporary() {
		t.Errorf("err = %#v, want a permanent 400 StatusError", se)
	}
}

func TestModelSent(t *testing.T) {
	f := newFakeServer(t)
	b, err := New(context.Background(), Config{Endpoint: f.srv.URL, APIKey: fakeKey, Model: "nmt", HTTPClient: &http.Client{}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: []string{"lundi"}}); err != nil {
		t.Fatal(err)
	}
	if m := f.calls()[0].Data.Model; m != "nmt" {
		t.Errorf("model %q, want nmt", m)
	}
}
