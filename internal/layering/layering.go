// Package layering checks that bitext's packages depend on each other only
// downwards, as [Rules] says: the engines never reach the review workflow,
// the memory never reaches review, the glossary never reaches a backend.
//
// # Patterns
//
// A pattern names import paths the way the go command does: "x" is the
// package x, "x/..." is x and every package below it, "..." is every
// package. A pattern whose first element has no dot is relative to the
// module ("translate/..."); one with a dot is a full import path
// ("github.com/urfave/cli/v2/...").
//
// # What is checked
//
// The packages' own imports, transitively (a package that reaches a
// forbidden one through a third is caught, and the chain is shown), not
// their tests' imports: a test may cross layers to check a whole path.
// The graph comes from `go list -deps` ([Load]); [Check] is the pure part.
package layering

import (
	"fmt"
	"sort"
	"strings"
)

// Rule forbids the packages matching Packages (less those matching Except)
// to depend, directly or not, on any package matching Forbid (less those
// matching Allow). Reason is what a reviewer would say; it is printed with
// every violation.
type Rule struct {
	Packages string
	Except   []string
	Forbid   []string
	Allow    []string
	Reason   string
}

// Graph is an import graph: each package's direct imports, by import path.
// The module's own packages are listed in Own.
type Graph struct {
	Module  string
	Own     []string
	Imports map[string][]string
}

// Violation is one package depending on a forbidden one.
type Violation struct {
	Rule Rule
	// Chain is the import path from the offending package to the forbidden
	// one, both included.
	Chain []string
	// Module is the module path, left out of the names String prints.
	Module string
}

// String says which package imports which, through which others, and
// why it must not: "memory imports review: the memory stores…".
func (v Violation) String() string {
	names := make([]string, len(v.Chain))
	for i, p := range v.Chain {
		names[i] = strings.TrimPrefix(p, v.Module+"/")
	}
	last := len(names) - 1
	via := ""
	if last > 1 {
		via = " through " + strings.Join(names[1:last], " → ")
	}
	return fmt.Sprintf("%s imports %s%s: %s", names[0], names[last], via, v.Rule.Reason)
}

// Check returns the violations of rules in g, and an error for a rule
// whose Packages match none of the module's packages. Each violation is
// reported once, at the package that crosses the line: when translate/a
// reaches review only through translate/b, translate/b is reported, with
// the shortest chain.
func Check(g Graph, rules []Rule) ([]Violation, error) {
	var out []Violation
	for _, r := range rules {
		found := map[string][]string{}
		subjects := 0
		for _, p := range g.Own {
			if !g.matchAny(p, []string{r.Packages}) || g.matchAny(p, r.Except) {
				continue
			}
			subjects++
			if chain := g.reach(p, r.forbids(g)); chain != nil {
				found[p] = chain
			}
		}
		if subjects == 0 {
			return nil, fmt.Errorf("layering rule for %q matches no package of %s (renamed or removed?)", r.Packages, g.Module)
		}
		out = append(out, crossings(r, g.Module, found)...)
	}
	return out, nil
}

// crossings keeps the chains that pass through no other offending package,
// sorted by package.
func crossings(r Rule, module string, found map[string][]string) []Violation {
	var out []Violation
outer:
	for _, chain := range found {
		for _, p := range chain[1:] {
			if _, offends := found[p]; offends {
				continue outer
			}
		}
		out = append(out, Violation{Rule: r, Chain: chain, Module: module})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Chain[0] < out[j].Chain[0] })
	return out
}

// forbids reports whether r forbids depending on the package path.
func (r Rule) forbids(g Graph) func(string) bool {
	return func(path string) bool {
		return g.matchAny(path, r.Forbid) && !g.matchAny(path, r.Allow)
	}
}

// reach finds the shortest import chain from p to a package that bad
// accepts, breadth first; nil when there is none.
func (g Graph) reach(p string, bad func(string) bool) []string {
	from := map[string]string{p: ""}
	queue := []string{p}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		imports := append([]string(nil), g.Imports[cur]...)
		sort.Strings(imports)
		for _, next := range imports {
			if _, seen := from[next]; seen {
				continue
			}
			from[next] = cur
			if bad(next) {
				return chain(from, next)
			}
			queue = append(queue, next)
		}
	}
	return nil
}

func chain(from map[string]string, last string) []string {
	var out []string
	for p := last; p != ""; p = from[p] {
		out = append([]string{p}, out...)
	}
	return out
}

// matchAny reports whether path matches one of the patterns.
func (g Graph) matchAny(path string, patterns []string) bool {
	for _, pat := range patterns {
		if g.match(path, pat) {
			return true
		}
	}
	return false
}

func (g Graph) match(path, pattern string) bool {
	if pattern == "..." {
		return path == g.Module || strings.HasPrefix(path, g.Module+"/")
	}
	first, _, _ := strings.Cut(pattern, "/")
	if !strings.Contains(first, ".") {
		pattern = g.Module + "/" + pattern
	}
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return path == base || strings.HasPrefix(path, base+"/")
	}
	return path == pattern
}
