package translatetest

import (
	"context"
	"errors"
	"testing"

	"github.com/bitext/bitext/translate"
)

// MatchFake fails tb unless got is what [Fake] translates req to, segment
// by segment, reporting each segment that differs and letting the test go
// on. HTTP fakes of remote APIs answer with the Fake's
// translations, so a backend test uses it to check that nothing was lost,
// duplicated or reordered on the way (through retries, batches, or a
// fallback to single segments).
func MatchFake(tb testing.TB, req translate.Request, got []string) {
	tb.Helper()
	want, err := NewFake().Translate(context.Background(), req)
	if err != nil {
		tb.Fatalf("the fake cannot translate the request: %v", err)
	}
	if len(got) != len(want) {
		tb.Errorf("%d segments, want %d", len(got), len(want))
		return
	}
	for i := range want {
		if got[i] != want[i] {
			tb.Errorf("segment %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// AsStatus returns the [*translate.StatusError] in err's chain, or fails
// tb when there is none.
func AsStatus(tb testing.TB, err error) *translate.StatusError {
	tb.Helper()
	var se *translate.StatusError
	if !errors.As(err, &se) {
		tb.Fatalf("err = %v (%T), want a *translate.StatusError", err, err)
	}
	return se
}
