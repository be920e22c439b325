package translate

import (
	"bytes"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// translatableMeta are the front-matter keys whose (text) values are
// article text to translate.
var translatableMeta = map[string]bool{"title": true, "subtitle": true, "description": true, "summary": true}

// splitFrontMatter separates YAML front matter (between a first line "---"
// and a line "---" or "...") from the Markdown body. The body keeps the
// front matter's lines as empty lines, so that line numbers stay right.
// Without a closing line there is no front matter: "---" is then a
// thematic break.
func splitFrontMatter(path, text string) ([]MetaField, string, error) {
	if !strings.HasPrefix(text, "---\n") && !strings.HasPrefix(text, "--- \n") {
		return nil, text, nil
	}
	lines := strings.SplitAfter(text, "\n")
	closing := -1
	for i := 1; i < len(lines); i++ {
		if l := strings.TrimRight(lines[i], " \t\n"); l == "---" || l == "..." {
			closing = i
			break
		}
	}
	if closing < 0 {
		return nil, text, nil
	}
	meta, err := parseFrontMatter(path, strings.Join(lines[1:closing], ""))
	if err != nil {
		return nil, "", err
	}
	body := strings.Repeat("\n", closing+1) + strings.Join(lines[closing+1:], "")
	return meta, body, nil
}

// parseFrontMatter reads a YAML mapping into fields, in order. Scalar
// values are kept as text; lists and maps as flow-style YAML ("[a, b]").
func parseFrontMatter(path, src string) ([]MetaField, error) {
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		return nil, inputErrorf(path, 1+yamlErrorLine(err), "front matter is not valid YAML (%v); fix it or remove the --- block", err)
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil, nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, inputErrorf(path, 2, "front matter must be \"key: value\" lines; fix it or remove the --- block")
	}
	var meta []MetaField
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		f := MetaField{Key: k.Value, Value: v.Value}
		if v.Kind == yaml.ScalarNode {
			f.Translate = translatableMeta[strings.ToLower(k.Value)] && v.Tag == "!!str"
		} else {
			f.Value = flowYAML(v)
		}
		meta = append(meta, f)
	}
	return meta, nil
}

// yamlErrorLine extracts N from a "yaml: line N: …" message, or 0.
func yamlErrorLine(err error) int {
	var n int
	if _, e := fmt.Sscanf(err.Error(), "yaml: line %d:", &n); e != nil {
		return 0
	}
	return n
}

// flowYAML renders a node on one line in flow style.
func flowYAML(n *yaml.Node) string {
	setFlow(n)
	out, err := yaml.Marshal(n)
	if err != nil {
		return n.Value
	}
	return strings.TrimSpace(string(out))
}

func setFlow(n *yaml.Node) {
	if n.Kind == yaml.SequenceNode || n.Kind == yaml.MappingNode {
		n.Style |= yaml.FlowStyle
	}
	for _, c := range n.Content {
		setFlow(c)
	}
}

// encodeFrontMatter writes meta as a front-matter block, taking the
// translated value of translatable fields when target is set.
func encodeFrontMatter(meta []MetaField, target bool) ([]byte, error) {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, f := range meta {
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: f.Key}, metaValueNode(f, target))
	}
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(m); err != nil {
		return nil, fmt.Errorf("failed to encode front matter: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("failed to encode front matter: %w", err)
	}
	buf.WriteString("---\n")
	return buf.Bytes(), nil
}

// metaValueNode is the YAML node for a field's value: a string for
// translatable fields, the parsed list or map for flow-style values, else
// a plain scalar.
func metaValueNode(f MetaField, target bool) *yaml.Node {
	if f.Translate {
		v := f.Value
		if target {
			v = f.Target
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
	}
	if strings.HasPrefix(f.Value, "[") || strings.HasPrefix(f.Value, "{") {
		var doc yaml.Node
		if yaml.Unmarshal([]byte(f.Value), &doc) == nil && len(doc.Content) == 1 {
			if c := doc.Content[0]; c.Kind == yaml.SequenceNode || c.Kind == yaml.MappingNode {
				return c
			}
		}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Value: f.Value}
}
