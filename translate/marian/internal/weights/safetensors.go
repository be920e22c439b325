package weights

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
)

// maxHeader bounds a safetensors JSON header (the format's own limit is
// 100 MB).
const maxHeader = 100 << 20

type safetensorsEntry struct {
	DType   string  `json:"dtype"`
	Shape   []int   `json:"shape"`
	Offsets []int64 `json:"data_offsets"`
}

// LoadSafetensors reads every tensor of a .safetensors file.
func LoadSafetensors(path string) (map[string]*Tensor, error) {
	return loadFile(path, ReadSafetensors)
}

// ReadSafetensors reads every tensor of a safetensors file of the given
// size.
func ReadSafetensors(r io.ReaderAt, size int64) (map[string]*Tensor, error) {
	entries, base, err := readSafetensorsHeader(r, size)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*Tensor, len(entries))
	for name, e := range entries {
		t, err := e.load(r, base, size-base)
		if err != nil {
			return nil, fmt.Errorf("tensor %s: %w", name, err)
		}
		out[name] = t
	}
	return out, nil
}

// readSafetensorsHeader returns the entries of the header and the offset
// where the data area starts.
func readSafetensorsHeader(r io.ReaderAt, size int64) (map[string]safetensorsEntry, int64, error) {
	var lenBuf [8]byte
	if size < 8 {
		return nil, 0, formatErr("file too short for a safetensors header")
	}
	if _, err := r.ReadAt(lenBuf[:], 0); err != nil {
		return nil, 0, fmt.Errorf("failed to read header size: %w", err)
	}
	n := binary.LittleEndian.Uint64(lenBuf[:])
	if n > maxHeader || int64(n) > size-8 {
		return nil, 0, formatErr("header size %d out of range", n)
	}
	hdr := make([]byte, n)
	if _, err := r.ReadAt(hdr, 8); err != nil {
		return nil, 0, fmt.Errorf("failed to read header: %w", err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(hdr, &raw); err != nil {
		return nil, 0, formatErr("header is not JSON: %v", err)
	}
	entries := make(map[string]safetensorsEntry, len(raw))
	for name, msg := range raw {
		if name == "__metadata__" {
			continue
		}
		var e safetensorsEntry
		if err := json.Unmarshal(msg, &e); err != nil {
			return nil, 0, formatErr("tensor %s: %v", name, err)
		}
		entries[name] = e
	}
	return entries, 8 + int64(n), nil
}

func (e safetensorsEntry) load(r io.ReaderAt, base, dataLen int64) (*Tensor, error) {
	var d dtype
	switch e.DType {
	case "F32":
		d = f32
	case "F16":
		d = f16
	case "BF16":
		d = bf16
	case "F64":
		d = f64
	default:
		return nil, formatErr("unsupported dtype %q", e.DType)
	}
	if len(e.Offsets) != 2 || e.Offsets[0] < 0 || e.Offsets[1] < e.Offsets[0] || e.Offsets[1] > dataLen {
		return nil, formatErr("data offsets %v out of range", e.Offsets)
	}
	n, err := numel(e.Shape, dataLen)
	if err != nil {
		return nil, err
	}
	if n*int64(d.size()) != e.Offsets[1]-e.Offsets[0] {
		return nil, formatErr("shape %v does not match %d data bytes", e.Shape, e.Offsets[1]-e.Offsets[0])
	}
	data, err := readFloats(r, base+e.Offsets[0], n, d)
	if err != nil {
		return nil, err
	}
	return &Tensor{Shape: append([]int{}, e.Shape...), Data: data}, nil
}
