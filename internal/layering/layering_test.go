package layering

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
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
	readModule(t)
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

// readModule reads every folder and Go file of the module. go test keeps
// a passing result until a file the test opened changes; go list reads
// the sources in another process, which go test does not see, so without
// this a new forbidden import would leave the cached PASS standing.
func readModule(t *testing.T) {
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	root := filepath.Dir(strings.TrimSpace(string(gomod)))
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && path != root && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")):
			return filepath.SkipDir
		case d.IsDir() || !strings.HasSuffix(path, ".go"):
			return nil
		}
		_, err = os.ReadFile(path)
		return err
	})
	if err != nil {
		t.Fatal(err)
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
				want = []Violation{{Rule: tt.rule, Module: mod}}
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
	want := "translate imports review through internal/x: engines sit below review"
	if got := vs[0].String(); got != want {
		t.Errorf("message:\n got %s\nwant %s", got, want)
	}
	direct := Violation{Rule: vs[0].Rule, Chain: []string{mod + "/memory", mod + "/review"}, Module: mod}
	if got, want := direct.String(), "memory imports review: engines sit below review"; got != want {
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
