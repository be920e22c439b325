// Package weights reads model weights from the two formats the Hugging
// Face hub publishes: safetensors and PyTorch's .bin (a zip holding a
// pickle, or the older bare pickle stream).
//
// # Safety
//
// Weight files are untrusted input. The readers parse only what the
// formats need: a JSON header for safetensors; for .bin, a pickle machine
// that knows a dozen opcodes and a short list of globals (tensor and
// storage rebuilders, OrderedDict) and never runs code. Every size, offset
// and stride is checked against the file before anything is allocated.
//
// # Types
//
// Tensors come back as float32 whatever their stored type (float32,
// float16, bfloat16 or float64), row-major and contiguous.
package weights

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
)

// Tensor is a dense row-major float32 array.
type Tensor struct {
	Shape []int
	Data  []float32
}

// Len returns the number of elements the shape holds.
func (t *Tensor) Len() int {
	n := 1
	for _, d := range t.Shape {
		n *= d
	}
	return n
}

// ErrFormat is wrapped by errors for files that are not valid weights.
var ErrFormat = errors.New("invalid weights file")

func formatErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrFormat, fmt.Sprintf(format, args...))
}

// Files are the weight files a model folder may hold, in the order Load
// tries them.
var Files = []string{"model.safetensors", "pytorch_model.bin"}

// Load reads a model folder's weights: model.safetensors when present,
// otherwise pytorch_model.bin.
func Load(dir string) (map[string]*Tensor, error) {
	for _, name := range Files {
		path := filepath.Join(dir, name)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		if filepath.Ext(name) == ".safetensors" {
			return LoadSafetensors(path)
		}
		return LoadTorch(path)
	}
	return nil, fmt.Errorf("no weights in %s (want %s or %s)", dir, Files[0], Files[1])
}

// loadFile opens path and reads its tensors with read, given the file's
// size.
func loadFile(path string, read func(r io.ReaderAt, size int64) (map[string]*Tensor, error)) (map[string]*Tensor, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("failed to open weights: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("failed to open weights: %w", err)
	}
	out, err := read(f, st.Size())
	if err != nil {
		return nil, fmt.Errorf("failed to read %s: %w", path, err)
	}
	return out, nil
}

// dtype is a stored element type.
type dtype int

const (
	f32 dtype = iota
	f16
	bf16
	f64
)

func (d dtype) size() int {
	switch d {
	case f16, bf16:
		return 2
	case f64:
		return 8
	}
	return 4
}

// decode converts little-endian elements of type d from src into dst;
// len(src) must be len(dst)*d.size().
func (d dtype) decode(dst []float32, src []byte) {
	switch d {
	case f32:
		for i := range dst {
			dst[i] = math.Float32frombits(binary.LittleEndian.Uint32(src[4*i:]))
		}
	case f64:
		for i := range dst {
			dst[i] = float32(math.Float64frombits(binary.LittleEndian.Uint64(src[8*i:])))
		}
	case bf16:
		for i := range dst {
			dst[i] = math.Float32frombits(uint32(binary.LittleEndian.Uint16(src[2*i:])) << 16)
		}
	case f16:
		for i := range dst {
			dst[i] = halfToFloat(binary.LittleEndian.Uint16(src[2*i:]))
		}
	}
}

// halfToFloat converts an IEEE 754 half-precision number.
func halfToFloat(h uint16) float32 {
	sign := uint32(h>>15) << 31
	exp := uint32(h>>10) & 0x1f
	mant := uint32(h & 0x3ff)
	switch {
	case exp == 0x1f:
		return math.Float32frombits(sign | 0xff<<23 | mant<<13)
	case exp != 0:
		return math.Float32frombits(sign | (exp+112)<<23 | mant<<13)
	case mant == 0:
		return math.Float32frombits(sign)
	}
	// Subnormal half: value = mant * 2^-24.
	f := float32(mant) * (1.0 / (1 << 24))
	if sign != 0 {
		f = -f
	}
	return f
}

// numel multiplies dimensions, failing on negative sizes and on products
// beyond limit.
func numel(shape []int, limit int64) (int64, error) {
	n := int64(1)
	for _, d := range shape {
		if d < 0 {
			return 0, formatErr("negative dimension %d", d)
		}
		if d != 0 && n > limit/int64(d) {
			return 0, formatErr("shape %v too large", shape)
		}
		n *= int64(d)
	}
	return n, nil
}

// readFloats reads n elements of type d at off from f, converting them in
// chunks so that only the float32 result is held in memory.
func readFloats(f interface {
	ReadAt([]byte, int64) (int, error)
}, off int64, n int64, d dtype) ([]float32, error) {
	out := make([]float32, n)
	const chunk = 1 << 16
	buf := make([]byte, chunk*d.size())
	for done := int64(0); done < n; {
		k := min(n-done, chunk)
		b := buf[:k*int64(d.size())]
		if _, err := f.ReadAt(b, off+done*int64(d.size())); err != nil {
			return nil, fmt.Errorf("failed to read tensor data: %w", err)
		}
		d.decode(out[done:done+k], b)
		done += k
	}
	return out, nil
}
