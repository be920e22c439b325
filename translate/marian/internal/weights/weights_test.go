package weights

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate/marian/internal/fixture"
)

func TestFixtureFormatsAgree(t *testing.T) {
	dir := fixture.Dir(t)
	st, err := LoadSafetensors(filepath.Join(dir, "model.safetensors"))
	if err != nil {
		t.Fatal(err)
	}
	pt, err := LoadTorch(filepath.Join(dir, "pytorch_model.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if len(st) < 10 {
		t.Fatalf("safetensors holds only %d tensors", len(st))
	}
	// transformers does not save the (computed) position tables in .bin.
	for name := range st {
		if _, ok := pt[name]; !ok && !strings.HasSuffix(name, "embed_positions.weight") {
			t.Errorf("%s: missing from pytorch_model.bin", name)
		}
	}
	for name, b := range pt {
		a, ok := st[name]
		if !ok {
			t.Errorf("%s: missing from model.safetensors", name)
			continue
		}
		if !slices.Equal(a.Shape, b.Shape) {
			t.Errorf("%s: shapes %v and %v", name, a.Shape, b.Shape)
			continue
		}
		for i := range a.Data {
			if math.Float32bits(a.Data[i]) != math.Float32bits(b.Data[i]) {
				t.Errorf("%s[%d]: %v and %v", name, i, a.Data[i], b.Data[i])
				break
			}
		}
	}
	if w := st["model.shared.weight"]; w == nil || len(w.Shape) != 2 || w.Shape[0] != 624 || len(w.Data) != w.Len() {
		t.Errorf("model.shared.weight = %v", w)
	}
}

func TestLoadPrefersSafetensors(t *testing.T) {
	dir := t.TempDir()
	data := buildSafetensors(t, map[string]*Tensor{"w": {Shape: []int{2}, Data: []float32{1, 2}}})
	if err := os.WriteFile(filepath.Join(dir, "model.safetensors"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pytorch_model.bin"), []byte("not read"), 0o644); err != nil {
		t.Fatal(err)
	}
	ts, err := Load(dir)
	if err != nil || !slices.Equal(ts["w"].Data, []float32{1, 2}) {
		t.Fatalf("Load = %v, %v", ts, err)
	}
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("Load of an empty folder succeeded")
	}
}

func TestSafetensorsTypes(t *testing.T) {
	// One F16 and one BF16 tensor written by hand.
	hdr := `{"h":{"dtype":"F16","shape":[3],"data_offsets":[0,6]},"b":{"dtype":"BF16","shape":[1,2],"data_offsets":[6,10]},"__metadata__":{"format":"pt"}}`
	var buf bytes.Buffer
	binary.Write(&buf, binary.LittleEndian, uint64(len(hdr)))
	buf.WriteString(hdr)
	binary.Write(&buf, binary.LittleEndian, []uint16{0x3c00, 0xc000, 0x0001, 0x3f80, 0xc040})
	ts, err := ReadSafetensors(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if got := ts["h"].Data; got[0] != 1 || got[1] != -2 || got[2] != float32(math.Ldexp(1, -24)) {
		t.Errorf("F16 = %v", got)
	}
	if got := ts["b"].Data; got[0] != 1 || got[1] != -3 || !slices.Equal(ts["b"].Shape, []int{1, 2}) {
		t.Errorf("BF16 = %v %v", ts["b"].Shape, got)
	}
}

func TestSafetensorsRejects(t *testing.T) {
	good := buildSafetensors(t, map[string]*Tensor{"w": {Shape: []int{2, 2}, Data: []float32{1, 2, 3, 4}}})
	cases := map[string][]byte{
		"truncated":   good[:len(good)-1],
		"short":       good[:5],
		"huge header": append([]byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0}, good[8:]...),
		"bad shape":   bytes.Replace(good, []byte("[2,2]"), []byte("[2,3]"), 1),
		"neg shape":   bytes.Replace(good, []byte("[2,2]"), []byte("[-2,-2]"), 1),
		"wrong dtype": bytes.Replace(good, []byte(`"F32"`), []byte(`"I64"`), 1),
		"not json":    bytes.Replace(good, []byte("{"), []byte("["), 1),
		"bad offsets": bytes.Replace(good, []byte("[0,16]"), []byte("[8,24]"), 1),
	}
	for name, data := range cases {
		if _, err := ReadSafetensors(bytes.NewReader(data), int64(len(data))); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestTorchZipAndLegacy(t *testing.T) {
	want := map[string]*Tensor{
		"model.shared.weight": {Shape: []int{3, 2}, Data: []float32{1, 2, 3, 4, 5, 6}},
		"final_logits_bias":   {Shape: []int{1, 3}, Data: []float32{-1, 0.5, 0.25}},
	}
	for name, data := range map[string][]byte{"zip": buildTorchZip(t, want), "legacy": buildTorchLegacy(t, want)} {
		got, err := ReadTorch(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for k, w := range want {
			if g := got[k]; g == nil || !slices.Equal(g.Shape, w.Shape) || !slices.Equal(g.Data, w.Data) {
				t.Errorf("%s: %s = %v, want %v", name, k, g, w)
			}
		}
	}
}

func TestTorchTransposedView(t *testing.T) {
	// A 2×3 view with strides (1, 2) over a storage of six floats.
	storage := []float32{1, 2, 3, 4, 5, 6}
	data := buildTorchZipRaw(t, torchProgram([]pickledTensor{{name: "t", key: "0", size: []int{2, 3}, stride: []int{1, 2}, numel: 6}}), map[string][]float32{"0": storage})
	got, err := ReadTorch(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if want := []float32{1, 3, 5, 2, 4, 6}; !slices.Equal(got["t"].Data, want) {
		t.Errorf("transposed view = %v, want %v", got["t"].Data, want)
	}
}

func TestTorchRejects(t *testing.T) {
	outside := torchProgram([]pickledTensor{{name: "t", key: "0", size: []int{4}, stride: []int{1}, numel: 6, offset: 3}})
	evil := []byte("\x80\x02cos\nsystem\nq\x00X\x02\x00\x00\x00lsq\x01\x85q\x02Rq\x03.")
	cases := map[string][]byte{
		"view outside storage": buildTorchZipRaw(t, outside, map[string][]float32{"0": make([]float32, 6)}),
		"os.system":            buildTorchZipRaw(t, evil, nil),
		"garbage":              []byte("PK\x03\x04 definitely not a zip"),
		"empty legacy":         {0x80, 0x02, '.'},
	}
	for name, data := range cases {
		if _, err := ReadTorch(bytes.NewReader(data), int64(len(data))); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func FuzzReadSafetensors(f *testing.F) {
	f.Add(buildSafetensors(f, map[string]*Tensor{"w": {Shape: []int{2}, Data: []float32{1, 2}}}))
	f.Add([]byte("\x10\x00\x00\x00\x00\x00\x00\x00{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ts, err := ReadSafetensors(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		for _, x := range ts {
			if x.Len() != len(x.Data) {
				t.Fatalf("shape %v with %d elements", x.Shape, len(x.Data))
			}
		}
	})
}

func FuzzReadTorch(f *testing.F) {
	small := map[string]*Tensor{"w": {Shape: []int{2, 1}, Data: []float32{1, 2}}}
	f.Add(buildTorchZip(f, small))
	f.Add(buildTorchLegacy(f, small))
	f.Fuzz(func(t *testing.T, data []byte) {
		ts, err := ReadTorch(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		for _, x := range ts {
			if x.Len() != len(x.Data) {
				t.Fatalf("shape %v with %d elements", x.Shape, len(x.Data))
			}
		}
	})
}

func buildSafetensors(tb testing.TB, ts map[string]*Tensor) []byte {
	hdr := map[string]any{}
	var data []float32
	for name, x := range ts {
		hdr[name] = map[string]any{"dtype": "F32", "shape": x.Shape, "data_offsets": []int{4 * len(data), 4 * (len(data) + len(x.Data))}}
		data = append(data, x.Data...)
	}
	js, err := json.Marshal(hdr)
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	binary.Write(&buf, binary.LittleEndian, uint64(len(js)))
	buf.Write(js)
	binary.Write(&buf, binary.LittleEndian, data)
	return buf.Bytes()
}
