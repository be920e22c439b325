package gemm

import (
	"runtime"
	"sync"
	"unsafe"
)

// sgemmTile computes y[0:mr][0:nr] = x[0:mr][0:k]·w (+ y when load) for one
// panel slice w of k rows of nr values; ldx and ldy are row strides.
type sgemmTile func(k int, x *float32, ldx int, w *float32, y *float32, ldy int, load bool)

// sgemmKernel is a family of float32 tiles: tiles[r-1] computes r rows.
type sgemmKernel struct {
	name  string
	nr    int // panel width
	kc    int // block of k
	tiles []sgemmTile
}

// igemmTile computes int32 sums of x (signed bytes) times w (4-byte groups
// of the panel's columns); k counts groups of 4.
type igemmTile func(k int, x *int8, ldx int, w *byte, y *int32, ldy int, load bool)

// igemmKernel is a family of int8 tiles. Unsigned kernels store w+128, so
// that each sum carries 128·Σx, subtracted afterwards.
type igemmKernel struct {
	name     string
	nr       int
	kc       int // block of k, in groups of 4
	unsigned bool
	tiles    []igemmTile
}

// floatKernel returns the float32 kernels of i, the portable ones where the
// CPU lacks i.
func floatKernel(i ISA) *sgemmKernel {
	if k := asmFloatKernel(i); k != nil {
		return k
	}
	return portableFloat
}

// intKernel returns the int8 kernels of i, as floatKernel does.
func intKernel(i ISA) *igemmKernel {
	if k := asmIntKernel(i); k != nil {
		return k
	}
	return portableInt
}

const (
	portableNR = 16
	portableMR = 4
)

var portableFloat = &sgemmKernel{name: "portable", nr: portableNR, kc: 256, tiles: []sgemmTile{
	portableSgemm(1), portableSgemm(2), portableSgemm(3), portableSgemm(4),
}}

var portableInt = &igemmKernel{name: "portable", nr: portableNR, kc: 128, tiles: []igemmTile{
	portableIgemm(1), portableIgemm(2), portableIgemm(3), portableIgemm(4),
}}

// portableSgemm is the Go tile of mr rows: each output is summed in order
// of increasing k.
func portableSgemm(mr int) sgemmTile {
	return func(k int, x *float32, ldx int, w *float32, y *float32, ldy int, load bool) {
		xs := unsafe.Slice(x, (mr-1)*ldx+k)
		ws := unsafe.Slice(w, k*portableNR)
		ys := unsafe.Slice(y, (mr-1)*ldy+portableNR)
		var acc [portableMR][portableNR]float32
		for i := 0; i < mr; i++ {
			if load {
				copy(acc[i][:], ys[i*ldy:])
			}
		}
		for kk := 0; kk < k; kk++ {
			wr := (*[portableNR]float32)(ws[kk*portableNR:])
			for i := 0; i < mr; i++ {
				xv, a := xs[i*ldx+kk], &acc[i]
				for c, wv := range wr {
					a[c] += xv * wv
				}
			}
		}
		for i := 0; i < mr; i++ {
			copy(ys[i*ldy:i*ldy+portableNR], acc[i][:])
		}
	}
}

// portableIgemm is the Go int8 tile of mr rows.
func portableIgemm(mr int) igemmTile {
	return func(k int, x *int8, ldx int, w *byte, y *int32, ldy int, load bool) {
		xs := unsafe.Slice(x, (mr-1)*ldx+4*k)
		ws := unsafe.Slice((*int8)(unsafe.Pointer(w)), 4*k*portableNR)
		ys := unsafe.Slice(y, (mr-1)*ldy+portableNR)
		var acc [portableMR][portableNR]int32
		for i := 0; i < mr; i++ {
			if load {
				copy(acc[i][:], ys[i*ldy:])
			}
		}
		for g := 0; g < k; g++ {
			wg := ws[g*4*portableNR : (g+1)*4*portableNR]
			for i := 0; i < mr; i++ {
				xg := xs[i*ldx+4*g : i*ldx+4*g+4]
				x0, x1, x2, x3 := int32(xg[0]), int32(xg[1]), int32(xg[2]), int32(xg[3])
				a := &acc[i]
				for c := range a {
					wc := wg[4*c : 4*c+4]
					a[c] += x0*int32(wc[0]) + x1*int32(wc[1]) + x2*int32(wc[2]) + x3*int32(wc[3])
				}
			}
		}
		for i := 0; i < mr; i++ {
			copy(ys[i*ldy:i*ldy+portableNR], acc[i][:])
		}
	}
}

// parallelWork is the number of multiply-adds below which a product runs
// on one goroutine.
const parallelWork = 1 << 17

// parallel calls f over [0, n) cut into one contiguous range per core.
func parallel(n, work int, f func(lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if work < parallelWork || workers < 2 {
		f(0, n)
		return
	}
	chunk := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := chunk; lo < n; lo += chunk {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(lo, min(lo+chunk, n))
		}()
	}
	f(0, min(chunk, n))
	wg.Wait()
}
