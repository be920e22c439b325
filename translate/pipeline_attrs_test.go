package translate_test

import (
	"context"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

// occMemory is a translate.Memory that keys machine translations by
// source and approvals by source and occurrence, and records lookups.
type occMemory struct {
	machine  map[string]string
	approved map[translate.Occurrence]map[string]string
	lookups  []string
}

func (m *occMemory) Lookup(_ context.Context, at translate.Occurrence, src string, _ bool) (string, string, bool, error) {
	m.lookups = append(m.lookups, src)
	if t, ok := m.approved[at][src]; ok {
		return t, "approved", true, nil
	}
	t, ok := m.machine[src]
	return t, "upper", ok, nil
}

func (m *occMemory) Store(_ context.Context, s translate.Segment) error {
	m.machine[s.Source] = s.Target
	return nil
}

func sent(b *upper) []string {
	var out []string
	for _, r := range b.reqs {
		out = append(out, r.Segments...)
	}
	return out
}

// TestPipelineAttributesAreSegments: an image's alt text is translated as
// a segment of its own, stored in the memory, never sent again while it
// is unchanged (also when the sentence around it changes), and its
// approved English at its occurrence wins over what the sentence's
// stored translation holds.
func TestPipelineAttributesAreSegments(t *testing.T) {
	const img = `<img src="k.jpg" alt="Kim à Moscou">`
	mkdoc := func(words string) *translate.Document {
		return &translate.Document{Name: "kim", Format: translate.FormatMarkdown, Blocks: []translate.Block{{
			Kind: translate.Paragraph, Segments: []translate.Segment{{Source: words + " " + img, Markup: true}}}}}
	}
	mem := &occMemory{machine: map[string]string{}, approved: map[translate.Occurrence]map[string]string{}}
	b := &upper{}
	p := &translate.Pipeline{Backend: b, Memory: mem}
	d := mkdoc("Voir")
	st, err := p.Translate(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Blocks[0].Segments[0].Target; !strings.Contains(got, `alt="KIM À MOSCOU"`) || !strings.HasPrefix(got, "VOIR") {
		t.Errorf("target = %q", got)
	}
	if mem.machine["Kim à Moscou"] != "KIM À MOSCOU" || st.Segments != 2 || st.Sent != 2 {
		t.Errorf("memory %q, stats %+v: the alt text is not a segment of its own", mem.machine, st)
	}

	// An approval of the alt text at its occurrence (after the document's
	// one segment: the first occurrence of its text) reaches the sentence
	// the memory gives, and nothing is sent.
	mem.approved[translate.Occurrence{Doc: "kim", Pos: 1}] = map[string]string{"Kim à Moscou": "Kim in Moscow"}
	b.reqs = nil
	d = mkdoc("Voir")
	if st, err = p.Translate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got := d.Blocks[0].Segments[0].Target; !strings.Contains(got, `alt="Kim in Moscow"`) || len(b.reqs) != 0 || st.FromMemory != 2 {
		t.Errorf("target %q, sent %q, stats %+v", got, sent(b), st)
	}

	// The sentence changes, its alt text does not: only the sentence goes.
	b.reqs = nil
	d = mkdoc("Regardez")
	if _, err = p.Translate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got := d.Blocks[0].Segments[0].Target
	if s := sent(b); len(s) != 1 || strings.Contains(s[0], "Kim") || !strings.Contains(got, `alt="Kim in Moscow"`) {
		t.Errorf("sent %q, target %q", s, got)
	}
}

// blank answers every segment with the same word, losing its figures.
type blank struct{}

func (blank) Name() string                         { return "blank" }
func (blank) Capabilities() translate.Capabilities { return translate.Capabilities{} }
func (blank) Translate(_ context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Segments))
	for i := range out {
		out[i] = "Picture"
	}
	return out, nil
}

// TestPipelineAttributeFidelity: what an engine lost in an alt text is a
// fidelity warning of the sentence that holds it, so that --strict, the
// report, diff and review see it.
func TestPipelineAttributeFidelity(t *testing.T) {
	d := &translate.Document{Format: translate.FormatMarkdown, Blocks: []translate.Block{{Kind: translate.Paragraph,
		Segments: []translate.Segment{{Source: `Voir <img src="k.jpg" alt="Défilé de 3 500 soldats">`, Markup: true}}}}}
	if _, err := (&translate.Pipeline{Backend: blank{}}).Translate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	f := d.Blocks[0].Segments[0].Fidelity
	if f == nil {
		t.Fatal("no fidelity record on the sentence")
	}
	found := false
	for _, w := range f.Warnings {
		found = found || strings.HasPrefix(w, "alt text: ") && strings.Contains(w, "3,500")
	}
	if !found {
		t.Errorf("warnings %q lack the alt text's lost figure", f.Warnings)
	}
}
