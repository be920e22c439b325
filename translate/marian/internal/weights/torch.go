package weights

import (
	"archive/zip"
	"fmt"
	"io"
	"path"
	"strings"
)

// maxPickle bounds the size of a checkpoint's pickle (its tensors' data is
// stored apart from it).
const maxPickle = 64 << 20

// storageRef is a persistent reference to one storage (a flat array).
type storageRef struct {
	dtype dtype
	key   string
	numel int64
	// off is where the storage's data starts in the file, once known.
	off    int64
	loaded []float32
}

// tensorRef is a tensor to cut out of a storage.
type tensorRef struct {
	storage *storageRef
	offset  int64
	size    []int
	stride  []int
}

// LoadTorch reads every tensor of a PyTorch checkpoint (pytorch_model.bin).
// Tensors that share a storage (tied embeddings) share their Data.
func LoadTorch(path string) (map[string]*Tensor, error) {
	return loadFile(path, ReadTorch)
}

// ReadTorch reads a PyTorch checkpoint of the given size: the zip format of
// torch 1.6 and later, or the legacy pickle stream.
func ReadTorch(r io.ReaderAt, size int64) (map[string]*Tensor, error) {
	var magic [4]byte
	if _, err := r.ReadAt(magic[:], 0); err != nil {
		return nil, formatErr("file too short")
	}
	if string(magic[:]) == "PK\x03\x04" {
		return readTorchZip(r, size)
	}
	return readTorchLegacy(r, size)
}

func readTorchZip(r io.ReaderAt, size int64) (map[string]*Tensor, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, formatErr("not a zip: %v", err)
	}
	var pkl *zip.File
	entries := map[string]*zip.File{}
	for _, f := range zr.File {
		entries[f.Name] = f
		if path.Base(f.Name) == "data.pkl" && pkl == nil {
			pkl = f
		}
	}
	if pkl == nil {
		return nil, formatErr("no data.pkl in the checkpoint")
	}
	prefix := path.Dir(pkl.Name)
	rc, err := pkl.Open()
	if err != nil {
		return nil, formatErr("data.pkl: %v", err)
	}
	program, err := io.ReadAll(io.LimitReader(rc, maxPickle+1))
	rc.Close()
	if err != nil || len(program) > maxPickle {
		return nil, formatErr("data.pkl unreadable or too large")
	}
	refs, storages, err := unpickleStateDict(program)
	if err != nil {
		return nil, err
	}
	for _, s := range storages {
		f := entries[path.Join(prefix, "data", s.key)]
		if f == nil {
			return nil, formatErr("storage %s missing", s.key)
		}
		if f.Method != zip.Store {
			return nil, formatErr("storage %s is compressed", s.key)
		}
		if f.UncompressedSize64 != uint64(s.numel)*uint64(s.dtype.size()) {
			return nil, formatErr("storage %s holds %d bytes, want %d elements", s.key, f.UncompressedSize64, s.numel)
		}
		if s.off, err = f.DataOffset(); err != nil {
			return nil, formatErr("storage %s: %v", s.key, err)
		}
		if s.off < 0 || s.off+int64(f.UncompressedSize64) > size {
			return nil, formatErr("storage %s out of the file", s.key)
		}
	}
	return buildTensors(r, refs)
}

// unpickleStateDict runs a checkpoint's main pickle and returns its
// tensors by name and the storages they use.
func unpickleStateDict(program []byte) (map[string]*tensorRef, map[string]*storageRef, error) {
	storages := map[string]*storageRef{}
	u := &unpickler{data: program, persist: persistentStorage(storages), reduce: rebuildTensor}
	v, err := u.run()
	if err != nil {
		return nil, nil, err
	}
	refs, err := stateDict(v)
	return refs, storages, err
}

// persistentStorage resolves ('storage', type, key, location, numel[, view])
// persistent ids, one storageRef per key.
func persistentStorage(storages map[string]*storageRef) func(any) (any, error) {
	return func(pid any) (any, error) {
		t, ok := pid.(pyTuple)
		if !ok || len(t) < 5 || t[0] != "storage" {
			return nil, formatErr("unsupported persistent id %v", pid)
		}
		typ, ok1 := t[1].(pyGlobal)
		key, ok2 := t[2].(string)
		n, ok3 := t[4].(int64)
		if !ok1 || !ok2 || !ok3 || n < 0 {
			return nil, formatErr("malformed storage reference")
		}
		d, err := storageType(typ.name)
		if err != nil {
			return nil, err
		}
		if s, ok := storages[key]; ok {
			if s.dtype != d || s.numel != n {
				return nil, formatErr("storage %s declared twice differently", key)
			}
			return s, nil
		}
		if len(storages) >= maxStack {
			return nil, formatErr("too many storages")
		}
		s := &storageRef{dtype: d, key: key, numel: n}
		storages[key] = s
		return s, nil
	}
}

func storageType(name string) (dtype, error) {
	switch name {
	case "FloatStorage":
		return f32, nil
	case "HalfStorage":
		return f16, nil
	case "BFloat16Storage":
		return bf16, nil
	case "DoubleStorage":
		return f64, nil
	}
	return 0, formatErr("unsupported storage type %s", name)
}

// rebuildTensor implements the few callables a state dict uses.
func rebuildTensor(fn pyGlobal, args pyTuple) (any, error) {
	switch fn.name {
	case "_rebuild_parameter":
		if len(args) < 1 {
			return nil, formatErr("malformed parameter")
		}
		return args[0], nil
	case "Size":
		if len(args) == 1 {
			return args[0], nil
		}
	case "_rebuild_tensor_v2", "_rebuild_tensor":
		return tensorFromArgs(args)
	}
	return nil, formatErr("unsupported call %s.%s", fn.module, fn.name)
}

func tensorFromArgs(args pyTuple) (*tensorRef, error) {
	if len(args) < 4 {
		return nil, formatErr("malformed tensor")
	}
	s, ok1 := args[0].(*storageRef)
	off, ok2 := args[1].(int64)
	size, err1 := intTuple(args[2])
	stride, err2 := intTuple(args[3])
	if !ok1 || !ok2 || err1 != nil || err2 != nil || len(size) != len(stride) || off < 0 {
		return nil, formatErr("malformed tensor")
	}
	return &tensorRef{storage: s, offset: off, size: size, stride: stride}, nil
}

func intTuple(v any) ([]int, error) {
	t, ok := v.(pyTuple)
	if !ok {
		return nil, formatErr("want a tuple of integers")
	}
	out := make([]int, len(t))
	for i, x := range t {
		n, ok := x.(int64)
		if !ok || n < 0 || n > 1<<40 {
			return nil, formatErr("want a tuple of integers")
		}
		out[i] = int(n)
	}
	return out, nil
}

// stateDict extracts name → tensor from the unpickled object (a dict, or
// a dict wrapping one under "state_dict").
func stateDict(v any) (map[string]*tensorRef, error) {
	d, ok := v.(*pyDict)
	if !ok {
		return nil, formatErr("checkpoint is a %T, not a state dict", v)
	}
	if inner, ok := d.vals["state_dict"].(*pyDict); ok {
		d = inner
	}
	out := map[string]*tensorRef{}
	for _, k := range d.keys {
		name, ok := k.(string)
		t, ok2 := d.vals[k].(*tensorRef)
		if ok && ok2 {
			out[name] = t
		}
	}
	if len(out) == 0 {
		return nil, formatErr("checkpoint holds no tensors")
	}
	return out, nil
}

// buildTensors reads the storages and cuts the tensors out of them.
func buildTensors(r io.ReaderAt, refs map[string]*tensorRef) (map[string]*Tensor, error) {
	out := make(map[string]*Tensor, len(refs))
	for name, ref := range refs {
		t, err := ref.build(r)
		if err != nil {
			return nil, fmt.Errorf("tensor %s: %w", name, err)
		}
		out[name] = t
	}
	return out, nil
}

func (ref *tensorRef) build(r io.ReaderAt) (*Tensor, error) {
	s := ref.storage
	n, err := numel(ref.size, s.numel)
	if err != nil {
		return nil, err
	}
	last := ref.offset
	for i, d := range ref.size {
		if d > 0 {
			last += int64(d-1) * int64(ref.stride[i])
		}
	}
	if n > 0 && last >= s.numel {
		return nil, formatErr("view %v/%v at %d outside a storage of %d", ref.size, ref.stride, ref.offset, s.numel)
	}
	if s.loaded == nil {
		if s.loaded, err = readFloats(r, s.off, s.numel, s.dtype); err != nil {
			return nil, err
		}
	}
	shape := append([]int{}, ref.size...)
	if ref.contiguous() {
		return &Tensor{Shape: shape, Data: s.loaded[ref.offset : ref.offset+n : ref.offset+n]}, nil
	}
	data := make([]float32, n)
	ref.gather(data, s.loaded)
	return &Tensor{Shape: shape, Data: data}, nil
}

func (ref *tensorRef) contiguous() bool {
	want := 1
	for i := len(ref.size) - 1; i >= 0; i-- {
		if ref.size[i] != 1 && ref.stride[i] != want {
			return false
		}
		want *= ref.size[i]
	}
	return true
}

// gather copies a strided view into dst in row-major order.
func (ref *tensorRef) gather(dst, src []float32) {
	idx := make([]int, len(ref.size))
	for i := range dst {
		off := ref.offset
		for d, k := range idx {
			off += int64(k) * int64(ref.stride[d])
		}
		dst[i] = src[off]
		for d := len(idx) - 1; d >= 0; d-- {
			if idx[d]++; idx[d] < ref.size[d] {
				break
			}
			idx[d] = 0
		}
	}
}

func readTorchLegacy(r io.ReaderAt, size int64) (map[string]*Tensor, error) {
	if size > 1<<40 {
		return nil, formatErr("file too large")
	}
	sr := io.NewSectionReader(r, 0, size)
	head := make([]byte, min(size, maxPickle))
	if _, err := io.ReadFull(sr, head); err != nil {
		return nil, formatErr("truncated checkpoint")
	}
	// Magic number, protocol version and system info come first.
	pos := 0
	for i := 0; i < 3; i++ {
		u := &unpickler{data: head[pos:]}
		v, err := u.run()
		if err != nil {
			return nil, formatErr("not a PyTorch checkpoint: %v", err)
		}
		if i == 0 && v != legacyMagic {
			return nil, formatErr("not a PyTorch checkpoint")
		}
		pos += u.pos
	}
	storages := map[string]*storageRef{}
	u := &unpickler{data: head[pos:], persist: persistentStorage(storages), reduce: rebuildTensor}
	v, err := u.run()
	if err != nil {
		return nil, err
	}
	pos += u.pos
	refs, err := stateDict(v)
	if err != nil {
		return nil, err
	}
	u = &unpickler{data: head[pos:]}
	keys, err := u.run()
	if err != nil {
		return nil, err
	}
	pos += u.pos
	if err := locateLegacyStorages(r, size, int64(pos), keys, storages); err != nil {
		return nil, err
	}
	return buildTensors(r, refs)
}

// legacyMagic is the number torch's legacy format starts with,
// 0x1950a86a20f9469cfc6c, as little-endian bytes.
const legacyMagic = pyLong("\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19")

// locateLegacyStorages walks the storages that follow the pickles: for
// each key in order, an 8-byte element count and the data.
func locateLegacyStorages(r io.ReaderAt, size, pos int64, keys any, storages map[string]*storageRef) error {
	list, ok := keys.(*pyList)
	if !ok {
		return formatErr("storage key list missing")
	}
	var nb [8]byte
	for _, k := range list.items {
		key, _ := k.(string)
		s := storages[key]
		if s == nil {
			return formatErr("unknown storage %q", key)
		}
		if _, err := r.ReadAt(nb[:], pos); err != nil {
			return formatErr("truncated storage %s", key)
		}
		n := int64(0)
		for i := 7; i >= 0; i-- {
			n = n<<8 | int64(nb[i])
		}
		if n != s.numel {
			return formatErr("storage %s has %d elements, want %d", key, n, s.numel)
		}
		s.off = pos + 8
		pos = s.off + n*int64(s.dtype.size())
		if n < 0 || pos > size {
			return formatErr("storage %s out of the file", key)
		}
	}
	for key, s := range storages {
		if s.off == 0 {
			return formatErr("storage %s has no data", strings.TrimSpace(key))
		}
	}
	return nil
}
