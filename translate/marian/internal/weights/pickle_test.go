package weights

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"sort"
	"strconv"
	"testing"
)

// pickledTensor describes one entry of a hand-built state dict.
type pickledTensor struct {
	name, key     string
	size, stride  []int
	numel, offset int
}

func pickleStr(b *bytes.Buffer, s string) {
	b.WriteByte('X')
	binary.Write(b, binary.LittleEndian, uint32(len(s)))
	b.WriteString(s)
}

func pickleInt(b *bytes.Buffer, n int) {
	b.WriteByte('J')
	binary.Write(b, binary.LittleEndian, int32(n))
}

func pickleInts(b *bytes.Buffer, xs []int) {
	b.WriteByte('(')
	for _, x := range xs {
		pickleInt(b, x)
	}
	b.WriteByte('t')
}

// torchProgram writes the pickle torch.save produces for a state dict.
func torchProgram(ts []pickledTensor) []byte {
	var b bytes.Buffer
	b.WriteString("\x80\x02}q\x00(")
	for _, t := range ts {
		pickleStr(&b, t.name)
		b.WriteString("ctorch._utils\n_rebuild_tensor_v2\n(")
		b.WriteString("(")
		pickleStr(&b, "storage")
		b.WriteString("ctorch\nFloatStorage\n")
		pickleStr(&b, t.key)
		pickleStr(&b, "cpu")
		pickleInt(&b, t.numel)
		b.WriteString("tQ")
		pickleInt(&b, t.offset)
		pickleInts(&b, t.size)
		pickleInts(&b, t.stride)
		b.WriteString("\x89ccollections\nOrderedDict\n)Rq\x01tR")
	}
	b.WriteString("u.")
	return b.Bytes()
}

func contiguousPickled(ts map[string]*Tensor) ([]pickledTensor, map[string][]float32) {
	names := make([]string, 0, len(ts))
	for n := range ts {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []pickledTensor
	storages := map[string][]float32{}
	for i, n := range names {
		x := ts[n]
		stride := make([]int, len(x.Shape))
		s := 1
		for d := len(x.Shape) - 1; d >= 0; d-- {
			stride[d] = s
			s *= x.Shape[d]
		}
		key := strconv.Itoa(i)
		out = append(out, pickledTensor{name: n, key: key, size: x.Shape, stride: stride, numel: len(x.Data)})
		storages[key] = x.Data
	}
	return out, storages
}

func buildTorchZip(tb testing.TB, ts map[string]*Tensor) []byte {
	p, storages := contiguousPickled(ts)
	return buildTorchZipRaw(tb, torchProgram(p), storages)
}

func buildTorchZipRaw(tb testing.TB, program []byte, storages map[string][]float32) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, data []byte) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(data)
	}
	add("archive/data.pkl", program)
	for key, data := range storages {
		var b bytes.Buffer
		binary.Write(&b, binary.LittleEndian, data)
		add("archive/data/"+key, b.Bytes())
	}
	add("archive/version", []byte("3\n"))
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// buildTorchLegacy writes torch's pre-1.6 format: magic, protocol and
// system-info pickles, the state dict, the storage keys, then each
// storage's element count and data.
func buildTorchLegacy(tb testing.TB, ts map[string]*Tensor) []byte {
	p, storages := contiguousPickled(ts)
	var b bytes.Buffer
	b.WriteString("\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19.")
	b.WriteString("\x80\x02M\xe9\x03.")
	b.WriteString("\x80\x02}q\x00(X\x0d\x00\x00\x00little_endian\x88u.")
	b.Write(torchProgram(p))
	b.WriteString("\x80\x02]q\x00(")
	for _, t := range p {
		pickleStr(&b, t.key)
	}
	b.WriteString("e.")
	for _, t := range p {
		binary.Write(&b, binary.LittleEndian, int64(t.numel))
		binary.Write(&b, binary.LittleEndian, storages[t.key])
	}
	return b.Bytes()
}

func TestHalfToFloat(t *testing.T) {
	cases := map[uint16]float32{0x0000: 0, 0x3c00: 1, 0xc000: -2, 0x7bff: 65504, 0x3555: 0.333251953125, 0x8001: -5.9604645e-08}
	for h, want := range cases {
		if got := halfToFloat(h); got != want {
			t.Errorf("halfToFloat(%#04x) = %v, want %v", h, got, want)
		}
	}
}
