package glossary

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"gopkg.in/yaml.v3"
)

// yamlEntry is one entry of a YAML glossary:
//
//	terms:
//	  - source: nord-coréen
//	    target: North Korean
//	    pos: adj
//	    note: adjective and noun; "les Nord-Coréens" too
//	  - source: KCNA
//	    dnt: true
//	  - source: Corée du Nord
//	    target: North Korea
//	    pos: name
//	    variants: [Corée-du-Nord, RPDC]
//
// case_sensitive defaults to true for acronyms; inflect defaults to true
// for lower-case terms (see Entry).
type yamlEntry struct {
	Source        string   `yaml:"source"`
	Target        string   `yaml:"target,omitempty"`
	DNT           bool     `yaml:"dnt,omitempty"`
	Note          string   `yaml:"note,omitempty"`
	POS           string   `yaml:"pos,omitempty"`
	CaseSensitive *bool    `yaml:"case_sensitive,omitempty"`
	Inflect       *bool    `yaml:"inflect,omitempty"`
	Variants      []string `yaml:"variants,omitempty"`
}

// yamlFields are the keys an entry may have.
var yamlFields = map[string]bool{"source": true, "target": true, "dnt": true, "note": true,
	"pos": true, "case_sensitive": true, "inflect": true, "variants": true}

// parseYAML reads a YAML glossary: a "terms" list, or a bare list.
func parseYAML(name string, data []byte) ([]Entry, []Problem) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, []Problem{yamlProblem(name, err)}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	list, prob := termList(name, doc.Content[0])
	if prob != nil {
		return nil, []Problem{*prob}
	}
	var (
		entries []Entry
		probs   []Problem
	)
	for _, n := range list.Content {
		e, p := yamlItem(name, n)
		probs = append(probs, p...)
		if e != nil {
			entries = append(entries, *e)
		}
	}
	return entries, probs
}

// termList finds the list of entries in a document.
func termList(name string, root *yaml.Node) (*yaml.Node, *Problem) {
	if root.Kind == yaml.SequenceNode {
		return root, nil
	}
	if root.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == "terms" && root.Content[i+1].Kind == yaml.SequenceNode {
				return root.Content[i+1], nil
			}
		}
	}
	return nil, &Problem{Path: name, Line: root.Line, Msg: `expected a list of terms or a "terms:" list`}
}

// yamlItem decodes one entry; unknown keys are problems, not errors, so
// that Lint reports them all.
func yamlItem(name string, n *yaml.Node) (*Entry, []Problem) {
	if n.Kind != yaml.MappingNode {
		return nil, []Problem{{Path: name, Line: n.Line, Msg: "expected a term (source:, target:, …)"}}
	}
	var probs []Problem
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; !yamlFields[k.Value] {
			probs = append(probs, Problem{Path: name, Line: k.Line, Msg: fmt.Sprintf("unknown field %q", k.Value)})
		}
	}
	var y yamlEntry
	if err := n.Decode(&y); err != nil {
		return nil, append(probs, yamlProblem(name, err))
	}
	e := Entry{Source: y.Source, Target: y.Target, Note: y.Note, POS: y.POS, Variants: y.Variants, File: name, Line: n.Line}
	if y.DNT && e.Target == "" {
		e.Target = e.Source
	}
	e.CaseSensitive = autoCaseSensitive(y.Source)
	if y.CaseSensitive != nil {
		e.CaseSensitive = *y.CaseSensitive
	}
	e.NoInflect = y.Inflect != nil && !*y.Inflect
	return &e, probs
}

func yamlProblem(name string, err error) Problem {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	var line int
	if _, e := fmt.Sscanf(msg, "line %d:", &line); e == nil {
		msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
	}
	return Problem{Path: name, Line: line, Msg: msg}
}

// writeYAML writes entries as a "terms:" list.
func writeYAML(w io.Writer, entries []Entry) error {
	out := struct {
		Terms []yamlEntry `yaml:"terms"`
	}{Terms: make([]yamlEntry, 0, len(entries))}
	for _, e := range entries {
		y := yamlEntry{Source: e.Source, Target: e.Target, Note: e.Note, POS: e.POS, Variants: e.Variants}
		if e.DoNotTranslate() {
			y.DNT, y.Target = true, ""
		}
		if e.CaseSensitive != autoCaseSensitive(e.Source) {
			y.CaseSensitive = &e.CaseSensitive
		}
		if e.NoInflect {
			no := false
			y.Inflect = &no
		}
		out.Terms = append(out.Terms, y)
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(out); err != nil {
		return err
	}
	return enc.Close()
}
