package layering

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// TestModule checks bitext itself against Rules.
func TestModule(t *testing.T) {
	g, err := Load(context.Background(), ".")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Own) < 10 {
		t.Fatalf("go list found only %d packages of %s: %v", len(g.Own), g.Module, g.Own)
	}
	vs, err := Check(g, Rules())
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		t.Error(v)
	}
}

const mod = "example.com/m"

// graph builds a Graph of module mod from "a: b c" lines, module-relative
// except for paths with a dot.
func graph(lines ...string) Graph {
	g := Graph{Module: mod, Imports: map[string][]string{}}
	for _, l := range lines {
		pkg, imports, _ := strings.Cut(l, ":")
		p := fullPath(pkg)
		if p != pkg {
			g.Own = append(g.Own, p)
		}
		for _, i := range strings.Fields(imports) {
			g.Imports[p] = append(g.Imports[p], fullPath(i))
		}
	}
	return g
}

func TestCheck(t *testing.T) {
	engines := Rule{Packages: "translate/...", Forbid: []string{"review/..."}, Reason: "engines sit below review"}
	glossary := Rule{Packages: "glossary/...", Forbid: []string{"translate/..."}, Allow: []string{"translate"}, Reason: "no backend"}
	cli := Rule{Packages: "...", Except: []string{"cmd/..."}, Forbid: []string{"github.com/urfave/cli/v2/..."}, Reason: "libraries never print"}
	tests := []struct {
		name  string
		g     Graph
		rule  Rule
		chain []string // module-relative; nil: no violation
	}{
		{"clean", graph("translate:", "review: translate", "cmd/x: review translate"), engines, nil},
		{"direct", graph("translate/deepl: review", "review:"), engines, []string{"translate/deepl", "review"}},
		{"the package itself", graph("translate: review/tui", "review/tui:"), engines, []string{"translate", "review/tui"}},
		{"transitive", graph("translate/deepl: internal/x", "internal/x: internal/y", "internal/y: review", "review:"),
			engines, []string{"translate/deepl", "internal/x", "internal/y", "review"}},
		{"reported where the line is crossed", graph("translate/deepl: translate/remote", "translate/remote: internal/x", "internal/x: review", "review:"),
			engines, []string{"translate/remote", "internal/x", "review"}},
		{"a prefix is not a parent", graph("translate: reviewer", "reviewer:"), engines, nil},
		{"allowed", graph("glossary: translate", "translate:"), glossary, nil},
		{"allow is exact", graph("glossary: translate/deepl", "translate/deepl: translate", "translate:"),
			glossary, []string{"glossary", "translate/deepl"}},
		{"excepted", graph("cmd/bitext: github.com/urfave/cli/v2", "review:"), cli, nil},
		{"full paths", graph("review: github.com/urfave/cli/v2/altsrc", "github.com/urfave/cli/v2/altsrc:"),
			cli, []string{"review", "github.com/urfave/cli/v2/altsrc"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vs, err := Check(tt.g, []Rule{tt.rule})
			if err != nil {
				t.Fatal(err)
			}
			var want []Violation
			if tt.chain != nil {
				want = []Violation{{Rule: tt.rule}}
				for _, p := range tt.chain {
					want[0].Chain = append(want[0].Chain, fullPath(p))
				}
			}
			if !reflect.DeepEqual(vs, want) {
				t.Errorf("Check = %v, want %v", vs, want)
			}
		})
	}
}

func fullPath(p string) string {
	if strings.Contains(strings.Split(p, "/")[0], ".") {
		return p
	}
	return mod + "/" + p
}

func TestViolationNamesChainAndReason(t *testing.T) {
	vs, _ := Check(graph("translate: internal/x", "internal/x: review", "review:"),
		[]Rule{{Packages: "translate/...", Forbid: []string{"review"}, Reason: "engines sit below review"}})
	if len(vs) != 1 {
		t.Fatalf("violations: %v", vs)
	}
	want := mod + "/translate imports " + mod + "/review (" + mod + "/translate → " + mod + "/internal/x → " + mod + "/review): engines sit below review"
	if got := vs[0].String(); got != want {
		t.Errorf("message:\n got %s\nwant %s", got, want)
	}
}

func TestRuleMatchingNothing(t *testing.T) {
	_, err := Check(graph("translate:"), []Rule{{Packages: "outdir/...", Forbid: []string{"review/..."}}})
	if err == nil || !strings.Contains(err.Error(), `"outdir/..."`) {
		t.Errorf("a rule about no package: %v", err)
	}
}

func TestEveryRuleHasAReason(t *testing.T) {
	for _, r := range Rules() {
		if len(r.Reason) < 20 || len(r.Forbid) == 0 {
			t.Errorf("rule for %s: a reason and a Forbid list are required", r.Packages)
		}
	}
}
