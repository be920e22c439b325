package deepl

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/remote"
	"github.com/bitext/bitext/translate/translatetest"
)

const testKey = "0123-test-key:fx"

func newTestBackend(t *testing.T) (*fakeDeepL, *Backend) {
	f, srv := newFakeDeepL(t, testKey)
	return f, New(Config{AuthKey: testKey, Endpoint: srv.URL})
}

func TestConformance(t *testing.T) {
	translatetest.Run(t, func(t *testing.T) translate.Backend {
		_, b := newTestBackend(t)
		return b
	}, translatetest.SuiteOptions{})
}

func TestWrappedConformance(t *testing.T) {
	translatetest.Run(t, func(t *testing.T) translate.Backend {
		_, b := newTestBackend(t)
		return remote.Wrap(b, remote.Options{Sleep: (&translatetest.Sleeps{}).Sleep})
	}, translatetest.SuiteOptions{Many: 120})
}

func TestRequestShape(t *testing.T) {
	f, b := newTestBackend(t)
	b.cfg.English = "EN-GB"
	out, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", HTML: true,
		Segments: []string{`Le président<br>a reçu <span translate="no">M. Kim&nbsp;Jong-un</span> &amp; sa délégation.`}})
	if err != nil {
		t.Fatal(err)
	}
	want := `The president<br>has received <span translate="no">M. Kim&nbsp;Jong-un</span> &amp; his délégation.`
	want = strings.Replace(want, "his", "sa", 1)
	if out[0] != want {
		t.Errorf("got  %q\nwant %q", out[0], want)
	}
	body := f.lastBody
	if body.TargetLang != "EN-GB" || body.TagHandling != "xml" || body.Text[0] != `Le président<br/>a reçu <x>M. Kim&#160;Jong-un</x> &amp; sa délégation.` {
		t.Errorf("request %+v", body)
	}
}

func TestFaultsAreRetriedWithoutLoss(t *testing.T) {
	for _, fault := range []string{"429", "500", "slow", "malformed", "short", "reset"} {
		t.Run(fault, func(t *testing.T) {
			f, b := newTestBackend(t)
			sl := &translatetest.Sleeps{}
			w := remote.Wrap(b, remote.Options{Sleep: sl.Sleep, Timeout: 2 * time.Second})
			f.fail(fault)
			req := translate.Request{From: "fr", To: "en", Segments: translatetest.Sentences(70)}
			out, err := w.Translate(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			translatetest.MatchFake(t, req, out)
			// 70 segments are two batches; one request failed once.
			if n, _ := f.counts(); n != 3 {
				t.Errorf("%d requests, want 3", n)
			}
			if st := w.(remote.Counter).Stats(); st.Retries != 1 {
				t.Errorf("stats %+v, want 1 retry", st)
			}
			if waits := sl.Waits(); fault == "429" && (len(waits) == 0 || waits[0] < 2*time.Second) {
				t.Errorf("waits %v ignore Retry-After: 2", waits)
			}
		})
	}
}

func TestClientErrorsAreNotRetried(t *testing.T) {
	cases := map[string]string{"400": "", "456": "quota", "403": EnvAuthKey}
	for fault, hint := range cases {
		t.Run(fault, func(t *testing.T) {
			f, srv := newFakeDeepL(t, testKey)
			key := testKey
			if fault == "403" {
				key = "wrong-key"
			} else {
				f.fail(fault)
			}
			w := remote.Wrap(New(Config{AuthKey: key, Endpoint: srv.URL}), remote.Options{Sleep: (&translatetest.Sleeps{}).Sleep})
			_, err := w.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: []string{"Bonjour"}})
			var se *translate.StatusError
			if !errors.As(err, &se) || se.Code != atoi(fault) || !strings.Contains(se.Hint, hint) {
				t.Fatalf("err = %v (hint %q), want %s with a hint naming %q", err, se.Hint, fault, hint)
			}
			if n, _ := f.counts(); fault != "403" && n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
		})
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func TestKeyNeverInErrors(t *testing.T) {
	const sentinel = "SENTINEL-9f8e7d:fx"
	_, srv := newFakeDeepL(t, "the-right-key")
	b := New(Config{AuthKey: sentinel, Endpoint: srv.URL})
	_, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: []string{"Bonjour"}})
	if err == nil || strings.Contains(err.Error(), sentinel) || !strings.Contains(err.Error(), "bad key [redacted]") {
		t.Errorf("err = %v", err)
	}
	err = b.UseGlossary(context.Background(), "fr", "en", []translate.TermPair{{Source: "a", Target: "b"}})
	if err == nil || strings.Contains(err.Error(), sentinel) {
		t.Errorf("glossary err = %v", err)
	}
	if s := New(Config{AuthKey: sentinel}).cfg.String(); strings.Contains(s, sentinel) {
		t.Errorf("String() = %q", s)
	}
}

func TestUnsupportedPair(t *testing.T) {
	_, b := newTestBackend(t)
	_, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "xx", Segments: []string{"Bonjour"}})
	if !errors.Is(err, translate.ErrUnsupportedPair) {
		t.Errorf("err = %v", err)
	}
}

func TestLargeBatchIsSplit(t *testing.T) {
	f, b := newTestBackend(t)
	seg := strings.Repeat("Le président a annoncé un accord. ", 120) // ~4 KB
	src := make([]string, 40)
	for i := range src {
		src[i] = seg
	}
	out, err := b.Translate(context.Background(), translate.Request{From: "fr", To: "en", Segments: src})
	if err != nil || len(out) != 40 || !strings.HasPrefix(out[39], "The president has announced") {
		t.Fatalf("got %d translations, %v", len(out), err)
	}
	if n, _ := f.counts(); n < 2 {
		t.Errorf("%d requests for a 160 KB batch, want it split", n)
	}
}

func TestNewConfig(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	_, err := NewConfig(translate.Config{Getenv: env(nil)})
	if !errors.Is(err, translate.ErrNotConfigured) || !strings.Contains(err.Error(), EnvAuthKey) {
		t.Errorf("no key: %v", err)
	}
	cfg, err := NewConfig(translate.Config{Getenv: env(map[string]string{EnvAuthKey: "abc:fx"})})
	if err != nil || cfg.Endpoint != FreeEndpoint || cfg.English != "EN-US" {
		t.Errorf("free key: %+v, %v", cfg, err)
	}
	cfg, err = NewConfig(translate.Config{Getenv: env(map[string]string{EnvAuthKey: "abc"}), Options: map[string]string{"english": "en-gb"}})
	if err != nil || cfg.Endpoint != ProEndpoint || cfg.English != "EN-GB" {
		t.Errorf("pro key: %+v, %v", cfg, err)
	}
	cfg, err = NewConfig(translate.Config{Getenv: env(map[string]string{EnvAuthKey: "abc"}), Endpoint: "http://proxy:8080/v2/"})
	if err != nil || cfg.Endpoint != "http://proxy:8080" {
		t.Errorf("endpoint: %+v, %v", cfg, err)
	}
	if _, err := NewConfig(translate.Config{Getenv: env(map[string]string{EnvAuthKey: "abc"}), Options: map[string]string{"english": "EN-AU"}}); err == nil {
		t.Error("EN-AU accepted")
	}
	if Info().Name != Name || Info().Env[0] != EnvAuthKey {
		t.Errorf("info %+v", Info())
	}
	_ = http.StatusOK
}
