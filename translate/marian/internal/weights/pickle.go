package weights

import (
	"encoding/binary"
	"math"
)

// The pickle machine below understands the opcodes torch.save emits
// (protocols 2 to 4) and nothing else; it builds plain Go values and
// resolves only the globals in allowedGlobals, so a hostile pickle can do
// no more than fail.

// maxStack bounds the pickle machine's stack and memo.
const maxStack = 1 << 20

type (
	pyTuple  []any
	pyList   struct{ items []any }
	pyGlobal struct{ module, name string }
	pyMark   struct{}
	// pyLong is an integer too large for int64, kept as its
	// little-endian two's-complement bytes.
	pyLong string
	// pyDict keeps its keys in insertion order.
	pyDict struct {
		keys []any
		vals map[any]any
	}
)

func newDict() *pyDict { return &pyDict{vals: map[any]any{}} }

func (d *pyDict) set(k, v any) error {
	switch k.(type) {
	case string, int64, bool, nil:
	default:
		return formatErr("unsupported dict key %T", k)
	}
	if _, ok := d.vals[k]; !ok {
		d.keys = append(d.keys, k)
	}
	d.vals[k] = v
	return nil
}

// allowedGlobals are the only names a pickle may refer to.
var allowedGlobals = map[pyGlobal]bool{
	{"collections", "OrderedDict"}:         true,
	{"torch._utils", "_rebuild_tensor_v2"}: true,
	{"torch._utils", "_rebuild_tensor"}:    true,
	{"torch._utils", "_rebuild_parameter"}: true,
	{"torch", "FloatStorage"}:              true,
	{"torch", "HalfStorage"}:               true,
	{"torch", "BFloat16Storage"}:           true,
	{"torch", "DoubleStorage"}:             true,
	{"torch", "Size"}:                      true,
}

// unpickler runs a pickle program.
type unpickler struct {
	data    []byte
	pos     int
	stack   []any
	marks   []int
	memo    map[uint32]any
	persist func(pid any) (any, error)
	reduce  func(fn pyGlobal, args pyTuple) (any, error)
}

func (u *unpickler) push(v any) error {
	if len(u.stack) >= maxStack {
		return formatErr("pickle stack too deep")
	}
	u.stack = append(u.stack, v)
	return nil
}

func (u *unpickler) pop() (any, error) {
	if len(u.stack) == 0 || u.top() == (pyMark{}) {
		return nil, formatErr("pickle stack underflow")
	}
	v := u.stack[len(u.stack)-1]
	u.stack = u.stack[:len(u.stack)-1]
	return v, nil
}

func (u *unpickler) top() any {
	if len(u.stack) == 0 {
		return nil
	}
	return u.stack[len(u.stack)-1]
}

// popMark returns the items above the last mark and removes them and it.
func (u *unpickler) popMark() ([]any, error) {
	if len(u.marks) == 0 {
		return nil, formatErr("pickle mark missing")
	}
	m := u.marks[len(u.marks)-1]
	u.marks = u.marks[:len(u.marks)-1]
	items := append([]any{}, u.stack[m+1:]...)
	u.stack = u.stack[:m]
	return items, nil
}

func (u *unpickler) bytes(n int) ([]byte, error) {
	if n < 0 || n > len(u.data)-u.pos {
		return nil, formatErr("pickle truncated")
	}
	b := u.data[u.pos : u.pos+n]
	u.pos += n
	return b, nil
}

func (u *unpickler) uint(n int) (uint64, error) {
	b, err := u.bytes(n)
	if err != nil {
		return 0, err
	}
	var v uint64
	for i := n - 1; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v, nil
}

// line reads up to a newline, for the text-mode GLOBAL opcode.
func (u *unpickler) line() (string, error) {
	for i := u.pos; i < len(u.data) && i-u.pos < 256; i++ {
		if u.data[i] == '\n' {
			s := string(u.data[u.pos:i])
			u.pos = i + 1
			return s, nil
		}
	}
	return "", formatErr("pickle line too long or truncated")
}

// run executes the program until STOP and returns the result.
func (u *unpickler) run() (any, error) {
	if u.memo == nil {
		u.memo = map[uint32]any{}
	}
	for {
		if u.pos >= len(u.data) {
			return nil, formatErr("pickle has no STOP")
		}
		op := u.data[u.pos]
		u.pos++
		if op == '.' {
			return u.pop()
		}
		if err := u.step(op); err != nil {
			return nil, err
		}
	}
}

func (u *unpickler) step(op byte) error {
	switch op {
	case 0x80: // PROTO
		_, err := u.bytes(1)
		return err
	case 0x95: // FRAME
		_, err := u.bytes(8)
		return err
	case '(':
		u.marks = append(u.marks, len(u.stack))
		return u.push(pyMark{})
	case '}':
		return u.push(newDict())
	case ']':
		return u.push(&pyList{})
	case ')':
		return u.push(pyTuple{})
	case 'N':
		return u.push(nil)
	case 0x88, 0x89: // NEWTRUE, NEWFALSE
		return u.push(op == 0x88)
	case 'q', 'r', 0x94:
		return u.put(op)
	case 'h', 'j':
		return u.get(op)
	case 'K', 'M', 'J', 0x8a, 'G':
		return u.number(op)
	case 'X', 0x8c, 0x8d, 'T', 'U', 'B', 'C':
		return u.str(op)
	case 't', 0x85, 0x86, 0x87:
		return u.tuple(op)
	case 'c', 0x93:
		return u.global(op)
	case 'Q', 'R', 'b':
		return u.call(op)
	case 's', 'u', 'a', 'e':
		return u.fill(op)
	}
	return formatErr("unsupported pickle opcode 0x%02x at %d", op, u.pos-1)
}

func (u *unpickler) put(op byte) error {
	var idx uint64
	var err error
	switch op {
	case 'q':
		idx, err = u.uint(1)
	case 'r':
		idx, err = u.uint(4)
	default:
		idx = uint64(len(u.memo))
	}
	if err != nil {
		return err
	}
	if len(u.stack) == 0 || len(u.memo) >= maxStack {
		return formatErr("pickle memo misuse")
	}
	u.memo[uint32(idx)] = u.top()
	return nil
}

func (u *unpickler) get(op byte) error {
	n := 1
	if op == 'j' {
		n = 4
	}
	idx, err := u.uint(n)
	if err != nil {
		return err
	}
	v, ok := u.memo[uint32(idx)]
	if !ok {
		return formatErr("pickle memo %d missing", idx)
	}
	return u.push(v)
}

func (u *unpickler) number(op byte) error {
	switch op {
	case 'K', 'M':
		v, err := u.uint(map[byte]int{'K': 1, 'M': 2}[op])
		if err != nil {
			return err
		}
		return u.push(int64(v))
	case 'J':
		v, err := u.uint(4)
		if err != nil {
			return err
		}
		return u.push(int64(int32(uint32(v))))
	case 'G':
		b, err := u.bytes(8)
		if err != nil {
			return err
		}
		return u.push(math.Float64frombits(binary.BigEndian.Uint64(b)))
	}
	n, err := u.uint(1)
	if err != nil {
		return err
	}
	if n > 8 {
		b, err := u.bytes(int(n))
		if err != nil {
			return err
		}
		return u.push(pyLong(b))
	}
	v, err := u.uint(int(n))
	if err != nil {
		return err
	}
	if n > 0 && n < 8 && v&(1<<(8*n-1)) != 0 {
		v |= ^uint64(0) << (8 * n)
	}
	return u.push(int64(v))
}

func (u *unpickler) str(op byte) error {
	size := map[byte]int{'X': 4, 0x8c: 1, 0x8d: 8, 'T': 4, 'U': 1, 'B': 4, 'C': 1}[op]
	n, err := u.uint(size)
	if err != nil {
		return err
	}
	if n > uint64(len(u.data)) {
		return formatErr("pickle string too long")
	}
	b, err := u.bytes(int(n))
	if err != nil {
		return err
	}
	return u.push(string(b))
}

func (u *unpickler) tuple(op byte) error {
	if op == 't' {
		items, err := u.popMark()
		if err != nil {
			return err
		}
		return u.push(pyTuple(items))
	}
	n := int(op - 0x84)
	items := make(pyTuple, n)
	for i := n - 1; i >= 0; i-- {
		v, err := u.pop()
		if err != nil {
			return err
		}
		items[i] = v
	}
	return u.push(items)
}

func (u *unpickler) global(op byte) error {
	var g pyGlobal
	var err error
	if op == 'c' {
		if g.module, err = u.line(); err == nil {
			g.name, err = u.line()
		}
	} else {
		var name, module any
		if name, err = u.pop(); err == nil {
			module, err = u.pop()
		}
		g.module, _ = module.(string)
		g.name, _ = name.(string)
	}
	if err != nil {
		return err
	}
	if !allowedGlobals[g] {
		return formatErr("pickle refers to %s.%s, which weights never need", g.module, g.name)
	}
	return u.push(g)
}

func (u *unpickler) call(op byte) error {
	arg, err := u.pop()
	if err != nil {
		return err
	}
	switch op {
	case 'Q':
		if u.persist == nil {
			return formatErr("unexpected persistent id")
		}
		v, err := u.persist(arg)
		if err != nil {
			return err
		}
		return u.push(v)
	case 'b': // BUILD: object state is not needed (OrderedDict metadata).
		if len(u.stack) == 0 {
			return formatErr("pickle BUILD without object")
		}
		return nil
	}
	fnv, err := u.pop()
	if err != nil {
		return err
	}
	fn, ok1 := fnv.(pyGlobal)
	args, ok2 := arg.(pyTuple)
	if !ok1 || !ok2 {
		return formatErr("pickle REDUCE on %T with %T", fnv, arg)
	}
	if fn == (pyGlobal{"collections", "OrderedDict"}) && len(args) == 0 {
		return u.push(newDict())
	}
	if u.reduce == nil {
		return formatErr("unexpected call of %s.%s", fn.module, fn.name)
	}
	v, err := u.reduce(fn, args)
	if err != nil {
		return err
	}
	return u.push(v)
}

func (u *unpickler) fill(op byte) error {
	var items []any
	var err error
	if op == 's' || op == 'a' {
		n := map[byte]int{'s': 2, 'a': 1}[op]
		for i := 0; i < n && err == nil; i++ {
			var v any
			v, err = u.pop()
			items = append([]any{v}, items...)
		}
	} else {
		items, err = u.popMark()
	}
	if err != nil {
		return err
	}
	switch c := u.top().(type) {
	case *pyDict:
		if len(items)%2 != 0 {
			return formatErr("odd number of dict items")
		}
		for i := 0; i < len(items); i += 2 {
			if err := c.set(items[i], items[i+1]); err != nil {
				return err
			}
		}
		return nil
	case *pyList:
		c.items = append(c.items, items...)
		return nil
	}
	return formatErr("pickle adds items to %T", u.top())
}
