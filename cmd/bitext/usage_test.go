package main

import (
	"errors"
	"testing"
)

func TestWordsSayEachThingOnce(t *testing.T) {
	for in, want := range map[string]string{
		"x.fr.txt: x.fr.txt:1: bad line":                                                         "x.fr.txt:1: bad line",
		"nope.csv: failed to read glossary: open nope.csv: no such file":                         "nope.csv: failed to read glossary: no such file",
		"marian: model fr-en is not installed: backend not configured":                           "marian: model fr-en is not installed",
		"apertium cannot translate fr to de: unsupported language pair (backend not configured)": "apertium cannot translate fr to de",
		"apy: failed to list pairs: apy: cannot reach apertium-apy":                              "apy: failed to list pairs: cannot reach apertium-apy",
		"a.fr.txt: libretranslate: batch 1 of 1: libretranslate: request failed":                 "a.fr.txt: libretranslate: batch 1 of 1: request failed",
		"no pairs in /nope: failed to read: stat /nope: no such file":                            "no pairs in /nope: failed to read: no such file",
		"open x.txt: permission denied":                                                          "open x.txt: permission denied",
		"google: backend not configured: set GOOGLE_API_KEY":                                     "google: backend not configured: set GOOGLE_API_KEY",
	} {
		if got := words(errors.New(in)); got != want {
			t.Errorf("words(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}
