package translatetest

import (
	"io"
	"net/http"
	"sync"
	"time"
)

// Fault is a failure an HTTP fake of a remote API can inject.
type Fault string

// The faults ServeFault knows. Backend fakes add their own (such as a wrong
// number of translations) on top.
const (
	// FaultRateLimit answers 429 with Retry-After: 2.
	FaultRateLimit Fault = "429"
	// FaultServerError answers 500.
	FaultServerError Fault = "500"
	// FaultSlow answers nothing until the client gives up.
	FaultSlow Fault = "slow"
	// FaultMalformed answers 200 with truncated JSON.
	FaultMalformed Fault = "malformed"
	// FaultReset closes the connection without answering.
	FaultReset Fault = "reset"
)

// ServeFault writes the answer of fault f and reports whether it did (an
// empty or unknown fault writes nothing). errorBody is the JSON body of
// error statuses, in the API's own shape.
func ServeFault(w http.ResponseWriter, r *http.Request, f Fault, errorBody string) bool {
	switch f {
	case FaultRateLimit:
		w.Header().Set("Retry-After", "2")
		writeJSON(w, http.StatusTooManyRequests, errorBody)
	case FaultServerError:
		writeJSON(w, http.StatusInternalServerError, errorBody)
	case FaultSlow:
		io.Copy(io.Discard, r.Body) // lets the server notice the client leave
		select {
		case <-r.Context().Done():
		case <-time.After(time.Minute):
		}
	case FaultMalformed:
		writeJSON(w, http.StatusOK, `{"translations": ["Le`)
	case FaultReset:
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			conn.Close()
		}
	default:
		return false
	}
	return true
}

func writeJSON(w http.ResponseWriter, code int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	io.WriteString(w, body)
}

// Faults is a queue of faults for the next requests of a fake, safe for
// concurrent use.
type Faults struct {
	mu    sync.Mutex
	queue []Fault
}

// Add queues faults, one per coming request.
func (q *Faults) Add(f ...Fault) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.queue = append(q.queue, f...)
}

// Next returns the fault for the current request, or "".
func (q *Faults) Next() Fault {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.queue) == 0 {
		return ""
	}
	f := q.queue[0]
	q.queue = q.queue[1:]
	return f
}
