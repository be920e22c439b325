package apertium

import (
	"strings"
	"testing"
)

func TestEncodeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"M. Kim a parlé.", "M. Kim a parlé..[]"},
		{"[AFP] a\\b ^x$ <y> @z {w} / fin", `\[AFP\] a\\b \^x\$ \<y\> \@z \{w\} \/ fin.[]`},
		{"ligne 1\nligne\t2", "ligne 1[\n]ligne[\t]2.[]"},
		{"nul\x00octet", "nuloctet.[]"},
		{"« 3 000 » euros", "« 3 000 » euros.[]"},
	}
	for _, tt := range tests {
		got := string(encodeSegment(tt.in, false, nil).data)
		if got != tt.want {
			t.Errorf("encode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEncodeKeepsSurroundingSpace(t *testing.T) {
	seg := encodeSegment("  Le Premier ministre est arrivé.\n", false, nil)
	if seg.lead != "  " || seg.trail != "\n" || string(seg.data) != "Le Premier ministre est arrivé..[]" {
		t.Fatalf("got lead %q trail %q data %q", seg.lead, seg.trail, seg.data)
	}
	if blank := encodeSegment(" \t ", false, nil); blank.data != nil || blank.lead+blank.trail != " \t " {
		t.Fatalf("blank segment: %+v", blank)
	}
}

func TestDecode(t *testing.T) {
	tests := []struct{ out, want string }{
		{"M. Kim has spoken..[]", "M. Kim has spoken."},
		{"It rains.[]", "It rains"},
		{`\[AFP\] has\\b \^x\$ \/ end.[]`, `[AFP] has\b ^x$ / end`},
		{"line 1[\n]line[\t]2.[]", "line 1\nline\t2"},
		{`The president[<em>]Macron[<\/em>] spoke..[]`, "The president<em>Macron</em> spoke."},
		{`He said [<a href="x">]yes[<\/a>]!.[]`, `He said <a href="x">yes</a>!`},
		{"No terminator", "No terminator"},
		{"Trailing space .[]", "Trailing space"},
	}
	for _, tt := range tests {
		got := decodeSegment(segment{}, []byte(tt.out))
		if got != tt.want {
			t.Errorf("decode(%q) = %q, want %q", tt.out, got, tt.want)
		}
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	texts := []string{
		"Selon l'AFP, M. Kim a déclaré : « Nous partirons le 3 mars. »",
		"Un [crochet], un \\ et des ^$/<>@{} dans le texte.",
		`Le <em>président</em> a cité <span translate="no">Kim Jong-un</span> &amp; l&#39;AFP.`,
		"  Deux lignes\nde dépêche  ",
	}
	for _, html := range []bool{false, true} {
		for _, s := range texts {
			seg := encodeSegment(s, html, nil)
			got := decodeSegment(seg, seg.data)
			want := s
			if html {
				want = strings.Replace(s, "&#39;", "'", 1)
			}
			if got != want {
				t.Errorf("html=%v: round trip of %q gave %q", html, s, got)
			}
		}
	}
}
