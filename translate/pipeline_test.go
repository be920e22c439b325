package translate_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/bitext/bitext/inline"
	"github.com/bitext/bitext/translate"
)

// upper is a backend that upper-cases text and records its requests.
type upper struct {
	mu    sync.Mutex
	caps  translate.Capabilities
	reqs  []translate.Request
	fail  error
	short bool
}

func (u *upper) Name() string                         { return "upper" }
func (u *upper) Capabilities() translate.Capabilities { return u.caps }
func (u *upper) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	u.mu.Lock()
	u.reqs = append(u.reqs, req)
	u.mu.Unlock()
	if u.fail != nil {
		return nil, u.fail
	}
	out := make([]string, len(req.Segments))
	for i, s := range req.Segments {
		out[i] = strings.ToUpper(s)
	}
	if u.short {
		out = out[1:]
	}
	return out, nil
}

func doc(sentences ...string) *translate.Document {
	d := &translate.Document{Path: "a.fr.txt", Format: translate.FormatText}
	for i, s := range sentences {
		d.Blocks = append(d.Blocks, translate.Block{Kind: translate.Paragraph, Line: i + 1,
			Segments: []translate.Segment{{Source: s, Line: i + 1}}})
	}
	return d
}

func TestPipelineBatchesWithinLimits(t *testing.T) {
	b := &upper{caps: translate.Capabilities{MaxSegments: 2, MaxChars: 10}}
	p := &translate.Pipeline{Backend: b, From: "fr", To: "en", BatchSize: 64}
	d := doc("un", "deux", "trois", "quatre cinq six", "sept")
	st, err := p.Translate(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range b.reqs {
		chars := 0
		for _, s := range r.Segments {
			chars += len(s)
		}
		if len(r.Segments) > 2 || (chars > 10 && len(r.Segments) > 1) {
			t.Errorf("batch %q breaks the limits", r.Segments)
		}
	}
	if st.Sent != 5 || st.Segments != 5 {
		t.Errorf("stats %+v, want 5 sent of 5", st)
	}
	for _, blk := range d.Blocks {
		s := blk.Segments[0]
		if s.Target != strings.ToUpper(s.Source) || s.Backend != "upper" {
			t.Errorf("segment %q got %q from %q", s.Source, s.Target, s.Backend)
		}
	}
}

type mapMemory struct {
	known  map[string]string
	stored []string
}

func (m *mapMemory) Lookup(_ context.Context, _ translate.Occurrence, src string, _ bool) (string, string, bool, error) {
	t, ok := m.known[src]
	return t, "approved", ok, nil
}

func (m *mapMemory) Store(_ context.Context, s translate.Segment) error {
	m.stored = append(m.stored, s.Source)
	return nil
}

func TestPipelineUsesMemoryFirst(t *testing.T) {
	b := &upper{}
	mem := &mapMemory{known: map[string]string{"deux": "two"}}
	p := &translate.Pipeline{Backend: b, Memory: mem}
	d := doc("un", "deux")
	st, err := p.Translate(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	if st.FromMemory != 1 || st.Sent != 1 {
		t.Errorf("stats %+v, want 1 from memory and 1 sent", st)
	}
	if got := d.Blocks[1].Segments[0]; got.Target != "two" || got.Backend != "approved" {
		t.Errorf("memory segment = %+v", got)
	}
	if len(mem.stored) != 1 || mem.stored[0] != "un" {
		t.Errorf("stored %v, want [un]", mem.stored)
	}
}

// brackets protects the word "Kim" as a term whose English is "Kim".
type brackets struct{}

func (brackets) Find(s string) []inline.Span {
	if i := strings.Index(s, "Kim"); i >= 0 {
		return []inline.Span{{Start: i, End: i + 3, Kind: inline.Term, Target: "Kim"}}
	}
	return nil
}

func (brackets) Fix(t string, _ []*inline.Code, _ bool) string { return t }

func TestPipelineProtectsAndFinishes(t *testing.T) {
	b := &upper{caps: translate.Capabilities{HTML: true}}
	p := &translate.Pipeline{Backend: b, Protector: brackets{}, Finish: func(s string) string { return s + "!" }}
	d := doc("m. Kim parle", "rien")
	if _, err := p.Translate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got := d.Blocks[0].Segments[0].Target; got != "M. Kim PARLE!" {
		t.Errorf("protected target = %q", got)
	}
	htmlReqs := 0
	for _, r := range b.reqs {
		if r.HTML {
			htmlReqs++
			if len(r.Segments) != 1 {
				t.Errorf("HTML request carries %q", r.Segments)
			}
		}
	}
	if htmlReqs != 1 {
		t.Errorf("%d HTML requests, want 1", htmlReqs)
	}
}

func TestPipelineRefusesMisalignedAnswer(t *testing.T) {
	p := &translate.Pipeline{Backend: &upper{short: true}}
	d := doc("un", "deux")
	if _, err := p.Translate(context.Background(), d); !errors.Is(err, translate.ErrWrongCount) || !strings.Contains(err.Error(), "got 1 for 2") {
		t.Fatalf("err = %v, want a count mismatch", err)
	}
	for _, b := range d.Blocks {
		if b.Segments[0].Target != "" {
			t.Errorf("misaligned answer was used: %q", b.Segments[0].Target)
		}
	}
}

func TestPipelineReportsBackendError(t *testing.T) {
	boom := errors.New("boom")
	p := &translate.Pipeline{Backend: &upper{fail: boom}}
	if _, err := p.Translate(context.Background(), doc("un")); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
}

func TestPipelineTranslatesTitleOnce(t *testing.T) {
	b := &upper{}
	d := doc("le titre", "texte")
	d.Blocks[0].Kind = translate.Headline
	d.Meta = []translate.MetaField{{Key: "title", Value: "le titre", Translate: true}, {Key: "author", Value: "moi"}}
	p := &translate.Pipeline{Backend: b}
	if _, err := p.Translate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Meta[0].Target != "LE TITRE" || d.Meta[1].Target != "" {
		t.Errorf("meta = %+v", d.Meta)
	}
	n := 0
	for _, r := range b.reqs {
		n += len(r.Segments)
	}
	if n != 2 {
		t.Errorf("%d segments sent, want 2 (the title reuses the headline)", n)
	}
}

func TestPipelineTranslatesDistinctTitle(t *testing.T) {
	d := doc("texte")
	d.Meta = []translate.MetaField{{Key: "title", Value: "autre", Translate: true}}
	p := &translate.Pipeline{Backend: &upper{}}
	if _, err := p.Translate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Meta[0].Target != "AUTRE" {
		t.Errorf("title target = %q", d.Meta[0].Target)
	}
}

func TestPipelineFlattensHTMLForTextOnlyBackends(t *testing.T) {
	b := &upper{caps: translate.Capabilities{HTML: false}}
	p := &translate.Pipeline{Backend: b, Protector: brackets{}}
	d := doc("m. Kim & co")
	if _, err := p.Translate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, r := range b.reqs {
		if r.HTML || strings.Contains(r.Segments[0], "<") {
			t.Errorf("text-only backend got HTML: %+v", r)
		}
	}
	// The engine changed the term (KIM): it is put back at the end, and the
	// segment carries a warning saying so.
	seg := d.Blocks[0].Segments[0]
	if seg.Target != "M. KIM & CO Kim" || !seg.Fidelity.HasWarnings() {
		t.Errorf("target = %q, fidelity %+v", seg.Target, seg.Fidelity)
	}
}

func TestPipelineDefaultBatchSizes(t *testing.T) {
	sentences := make([]string, 600)
	for i := range sentences {
		sentences[i] = fmt.Sprintf("phrase %d", i)
	}
	for _, tt := range []struct {
		size, want int
	}{{64, 64}, {0, 512}} {
		b := &upper{}
		p := &translate.Pipeline{Backend: b, BatchSize: tt.size}
		if _, err := p.Translate(context.Background(), doc(sentences...)); err != nil {
			t.Fatal(err)
		}
		if got := len(b.reqs[0].Segments); got != tt.want {
			t.Errorf("BatchSize %d: first batch of %d segments, want %d", tt.size, got, tt.want)
		}
	}
}
