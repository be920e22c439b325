package translatetest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
)

func TestFakeConformance(t *testing.T) {
	Run(t, func(t *testing.T) translate.Backend { return NewFake() }, SuiteOptions{})
}

func TestSlowLimitedFakeConformance(t *testing.T) {
	Run(t, func(t *testing.T) translate.Backend {
		f := NewFake()
		f.SetCapabilities(translate.Capabilities{MaxSegments: 7, MaxChars: 900, HTML: true})
		f.SetDelay(2 * time.Millisecond)
		return f
	}, SuiteOptions{Many: 20})
}

func TestWrappedFakeConformance(t *testing.T) {
	Run(t, func(t *testing.T) translate.Backend {
		f := NewFake()
		f.SetCapabilities(translate.Capabilities{MaxSegments: 4, HTML: true})
		f.SetDelay(time.Millisecond)
		return remote.Wrap(f, remote.Options{Concurrency: 3})
	}, SuiteOptions{})
}

func TestGlossaryFakeConformance(t *testing.T) {
	Run(t, func(t *testing.T) translate.Backend {
		g := NewGlossaryFake()
		terms := []translate.TermPair{{Source: "Séoul", Target: "Seoul"}}
		if err := g.UseGlossary(context.Background(), "fr", "en", terms); err != nil {
			t.Fatal(err)
		}
		return g
	}, SuiteOptions{})
}

func translate1(t *testing.T, b translate.Backend, html bool, seg string) string {
	t.Helper()
	out, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: []string{seg}, HTML: html})
	if err != nil {
		t.Fatal(err)
	}
	return out[0]
}

func TestFakeTranslatesWordForWord(t *testing.T) {
	f := NewFake()
	cases := map[string]string{
		"Le président a annoncé jeudi un accord.":               "The president has announced Thursday a agreement.",
		"Selon l'AFP, M. Kim a rencontré Mme Dupont le 3 mars.": "According to the AFP, Mr. Kim has met Mrs Dupont the 3 March.",
		"« Il n'a pas signé », a déclaré le porte-parole.":      "« He has not signed », has said the spokesman.",
	}
	for src, want := range cases {
		if got := translate1(t, f, false, src); got != want {
			t.Errorf("%q\n got %q\nwant %q", src, got, want)
		}
	}
	f.Add("accord", "deal")
	f.SetMarker("[en] ")
	if got := translate1(t, f, false, "Un accord"); got != "[en] A deal" {
		t.Errorf("after Add and SetMarker: %q", got)
	}
}

func TestFakeHTML(t *testing.T) {
	f := NewFake()
	src := `Le <b>président</b> &amp; <span translate="no">le ministre</span> à <a href="/la?x=1&amp;y=2">Paris</a> &lt; 3`
	want := `The <b>president</b> &amp; <span translate="no">le ministre</span> to <a href="/la?x=1&amp;y=2">Paris</a> &lt; 3`
	if got := translate1(t, f, true, src); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestFakeCountsAndFails(t *testing.T) {
	f := NewFake()
	boom := errors.New("boom")
	f.FailNext(boom)
	f.FailOn("Lyon", translate.ErrNotConfigured)
	req := translate.Request{From: "fr", To: "en", Segments: []string{"un", "deux"}}
	if _, err := f.Translate(context.Background(), req); !errors.Is(err, boom) {
		t.Fatalf("first call: %v, want boom", err)
	}
	if _, err := f.Translate(context.Background(), req); err != nil {
		t.Fatalf("second call: %v", err)
	}
	lyon := translate.Request{From: "fr", To: "en", Segments: []string{"à Lyon"}}
	if _, err := f.Translate(context.Background(), lyon); !errors.Is(err, translate.ErrNotConfigured) {
		t.Fatalf("FailOn: %v", err)
	}
	f.Translate(context.Background(), translate.Request{From: "fr", To: "en"})
	if f.Calls() != 3 || f.Segments() != 5 || len(f.Requests()) != 3 || f.Requests()[2].Segments[0] != "à Lyon" {
		t.Errorf("calls %d, segments %d, requests %v", f.Calls(), f.Segments(), f.Requests())
	}
}

func TestFakeRefusesOtherPairsAndBigBatches(t *testing.T) {
	f := NewFake()
	_, err := f.Translate(context.Background(), translate.Request{From: "de", To: "en", Segments: []string{"Hallo"}})
	if !errors.Is(err, translate.ErrUnsupportedPair) {
		t.Errorf("de→en: %v", err)
	}
	f.SetCapabilities(translate.Capabilities{MaxSegments: 1})
	_, err = f.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: []string{"a", "b"}})
	if err == nil || !strings.Contains(err.Error(), "limit 1") {
		t.Errorf("over MaxSegments: %v", err)
	}
}

func TestFakeDelayHonoursCancel(t *testing.T) {
	f := NewFake()
	f.SetDelay(time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(time.Millisecond, cancel)
	_, err := f.Translate(ctx, translate.Request{From: "fr", To: "en", Segments: []string{"un"}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

func TestGlossaryFakeAppliesTerms(t *testing.T) {
	g := NewGlossaryFake()
	terms := []translate.TermPair{{Source: "Quai d'Orsay", Target: "French Foreign Ministry"}, {Source: "Orsay", Target: "X"}}
	if err := g.UseGlossary(context.Background(), "fr", "en", terms); err != nil {
		t.Fatal(err)
	}
	got := translate1(t, g, false, "Le Quai d'Orsay a indiqué <3 cas.")
	if want := "The French Foreign Ministry has indicated <3 cas."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if g.GlossaryUses() != 1 {
		t.Errorf("uses = %d", g.GlossaryUses())
	}
}
