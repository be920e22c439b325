package bilingual

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

func TestJSONRoundTrip(t *testing.T) {
	compact := articleDoc()
	compact.Format, compact.Compact = translate.FormatText, true
	for name, doc := range map[string]*translate.Document{
		"article": articleDoc(), "hostile": hostileDoc(), "wide": wideDoc(), "empty": {}, "compact": compact,
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := JSON(&buf, doc); err != nil {
				t.Fatal(err)
			}
			got, err := ReadJSON(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, doc) {
				t.Errorf("round trip changed the document:\n got %+v\nwant %+v", got, doc)
			}
		})
	}
}

func TestJSONSchema(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, articleDoc()); err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Version    int              `json:"version"`
		SourcePath string           `json:"source_path"`
		Format     string           `json:"format"`
		Meta       []map[string]any `json:"meta"`
		Segments   []map[string]any `json:"segments"`
	}
	if err := json.Unmarshal(buf.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	if raw.Version != 1 || raw.SourcePath != "tir-missile.fr.md" || raw.Format != "md" || len(raw.Meta) != 4 {
		t.Errorf("top level: %+v", raw)
	}
	if len(raw.Segments) != 10 {
		t.Fatalf("%d segments, want 10", len(raw.Segments))
	}
	second := raw.Segments[2] // block 1, segment 1
	want := map[string]any{
		"block": 1.0, "kind": "paragraph", "index": 1.0, "line": 11.0, "block_line": 10.0, "backend": "fake",
		"source": "Le projectile a parcouru environ 1 000 kilomètres avant de tomber en mer du Japon.",
		"target": "The projectile flew about 1,000 kilometres before falling into the Sea of Japan.",
	}
	if !reflect.DeepEqual(second, want) {
		t.Errorf("segment 2 = %v\nwant %v", second, want)
	}
}

func TestReadJSONRejects(t *testing.T) {
	seg := func(block, index int, kind string) string {
		return `{"block":` + itoa(block) + `,"kind":"` + kind + `","index":` + itoa(index) + `,"line":1,"source":"a","target":"b","backend":"x"}`
	}
	cases := map[string]string{
		"not json":      `{"version":1,`,
		"no version":    `{"segments":[]}`,
		"newer version": `{"version":2,"segments":[]}`,
		"unknown kind":  `{"version":1,"segments":[` + seg(0, 0, "sidebar") + `]}`,
		"index gap":     `{"version":1,"segments":[` + seg(0, 0, "paragraph") + `,` + seg(0, 2, "paragraph") + `]}`,
		"block back":    `{"version":1,"segments":[` + seg(0, 0, "paragraph") + `,` + seg(1, 0, "paragraph") + `,` + seg(0, 1, "paragraph") + `]}`,
		"kind change":   `{"version":1,"segments":[` + seg(0, 0, "paragraph") + `,` + seg(0, 1, "quote") + `]}`,
		"huge gap":      `{"version":1,"segments":[` + seg(5000000, 0, "paragraph") + `]}`,
	}
	for name, in := range cases {
		if doc, err := ReadJSON(strings.NewReader(in)); err == nil {
			t.Errorf("%s: accepted, got %+v", name, doc)
		} else if !strings.HasPrefix(err.Error(), "failed to read bilingual JSON") {
			t.Errorf("%s: error lacks context: %v", name, err)
		}
	}
}

func TestReadJSONKeepsBlockNumbers(t *testing.T) {
	doc := articleDoc()
	doc.Blocks[2].Segments = nil // a block without text is not in the file
	var buf bytes.Buffer
	if err := JSON(&buf, doc); err != nil {
		t.Fatal(err)
	}
	got, err := ReadJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Blocks) != len(doc.Blocks) || !reflect.DeepEqual(got.Blocks[3], doc.Blocks[3]) {
		t.Errorf("block numbering shifted: %d blocks, block 3 = %+v", len(got.Blocks), got.Blocks[3])
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
