package main

import (
	"slices"
	"testing"
)

func TestInterspersedFlags(t *testing.T) {
	app := newApp(testEnv())
	tests := []struct{ in, want []string }{
		{[]string{"bitext", "translate", "a.fr.txt", "--out", "o", "b.fr.txt"}, []string{"bitext", "translate", "--out", "o", "a.fr.txt", "b.fr.txt"}},
		{[]string{"bitext", "translate", "-", "--strict", "-o", "o"}, []string{"bitext", "translate", "--strict", "-o", "o", "-"}},
		{[]string{"bitext", "translate", "a.txt", "--format=txt"}, []string{"bitext", "translate", "--format=txt", "a.txt"}},
		{[]string{"bitext", "translate", "a.txt", "--", "--odd-name.txt"}, []string{"bitext", "translate", "a.txt", "--", "--odd-name.txt"}},
		{[]string{"bitext", "glossary", "check", "x.en.txt", "--glossary", "g.csv"}, []string{"bitext", "glossary", "check", "--glossary", "g.csv", "x.en.txt"}},
		{[]string{"bitext", "--help"}, []string{"bitext", "--help"}},
		{[]string{"bitext", "nope", "x", "--y"}, []string{"bitext", "nope", "x", "--y"}},
	}
	for _, tt := range tests {
		if got := interspersed(app, tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("interspersed(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
