package remote

import (
	"strings"
	"testing"
)

func TestNoTranslateSpans(t *testing.T) {
	s := `Selon <span translate="no">l'<span class="org">AFP</span></span>, <b>M. Kim</b> a parlé à <span TRANSLATE='no' class="t">Séoul</span> <span translate="no">sans fin`
	spans := NoTranslateSpans(s)
	if len(spans) != 2 {
		t.Fatalf("spans = %+v, want 2", spans)
	}
	if spans[0].Content != `l'<span class="org">AFP</span>` || s[spans[0].Start:spans[0].End] != spans[0].Text() {
		t.Errorf("first span %+v", spans[0])
	}
	if spans[1].Open != `<span TRANSLATE='no' class="t">` || spans[1].Content != "Séoul" {
		t.Errorf("second span %+v", spans[1])
	}
}

func TestRestoreSpans(t *testing.T) {
	src := `Le <span translate="no">Conseil d&#39;État</span> a tranché le <span translate="no">3 mars</span>.`
	out := `The <span translate="no">Conseil d'État</span> ruled on <span translate="no">3 mars</span>.`
	want := `The <span translate="no">Conseil d&#39;État</span> ruled on <span translate="no">3 mars</span>.`
	if got := RestoreSpans(src, out); got != want {
		t.Fatalf("got %q; want %q", got, want)
	}
	if err := CheckSpans("x", src, out); err == nil || !strings.Contains(err.Error(), "did not survive") {
		t.Errorf("CheckSpans = %v, want the re-encoded span reported", err)
	}
	// By id, whatever the order the engine gave them.
	src = `<span translate="no" id="1">a&amp;b</span> puis <span translate="no" id="2">c</span>`
	out = `<span translate="no" id="2">C</span> then <span translate="no" id="1">a&b</span>`
	if got := RestoreSpans(src, out); got != `<span translate="no" id="2">c</span> then <span translate="no" id="1">a&amp;b</span>` {
		t.Errorf("by id: %q", got)
	}
	if got := RestoreSpans(src, "Nothing left."); got != "Nothing left." {
		t.Errorf("lost spans: %q", got)
	}
}
