package googlev3

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/bitext/bitext/translate"
)

// httpCodes maps gRPC codes to their HTTP equivalents, as Google's REST
// front end does (google.rpc.Code).
var httpCodes = map[codes.Code]int{
	codes.Canceled:           499,
	codes.Unknown:            http.StatusInternalServerError,
	codes.InvalidArgument:    http.StatusBadRequest,
	codes.DeadlineExceeded:   http.StatusGatewayTimeout,
	codes.NotFound:           http.StatusNotFound,
	codes.AlreadyExists:      http.StatusConflict,
	codes.PermissionDenied:   http.StatusForbidden,
	codes.ResourceExhausted:  http.StatusTooManyRequests,
	codes.FailedPrecondition: http.StatusBadRequest,
	codes.Aborted:            http.StatusConflict,
	codes.OutOfRange:         http.StatusBadRequest,
	codes.Unimplemented:      http.StatusNotImplemented,
	codes.Internal:           http.StatusInternalServerError,
	codes.Unavailable:        http.StatusServiceUnavailable,
	codes.DataLoss:           http.StatusInternalServerError,
	codes.Unauthenticated:    http.StatusUnauthorized,
}

// HTTPStatus returns the HTTP status equivalent to a gRPC code (500 for
// codes it does not know).
func HTTPStatus(c codes.Code) int {
	if s, ok := httpCodes[c]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// wrapError turns a client error into bitext's: the context's error when
// ctx is done, else a *translate.StatusError for the gRPC status, also
// wrapping translate.ErrUnsupportedPair for invalid language codes. doing
// says what failed.
func wrapError(ctx context.Context, doing string, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("google-v3: %s: %w", doing, ctxErr)
	}
	st, ok := status.FromError(err)
	if !ok {
		return fmt.Errorf("google-v3: %s: %w", doing, err)
	}
	if ownDeadline(ctx, st.Code()) {
		return fmt.Errorf("google-v3: %s: %w", doing, ctx.Err())
	}
	se := &translate.StatusError{
		Backend: Name,
		Code:    HTTPStatus(st.Code()),
		Message: doing + ": " + st.Message(),
	}
	for _, d := range st.Details() {
		if ri, ok := d.(*errdetails.RetryInfo); ok && ri.GetRetryDelay() != nil {
			se.RetryAfter = ri.GetRetryDelay().AsDuration()
		}
	}
	se.Hint = hint(se.Code)
	// A daily quota does not pass by retrying: it stops the run.
	se.Quota = st.Code() == codes.ResourceExhausted && strings.Contains(strings.ToLower(st.Message()), "per day")
	if st.Code() == codes.InvalidArgument && strings.Contains(strings.ToLower(st.Message()), "language") {
		return fmt.Errorf("%w: %w", translate.ErrUnsupportedPair, se)
	}
	return se
}

// deadlineSlack is how early the server may end a call on the deadline
// gRPC sent it (grpc-timeout) before ctx's own timer fires here.
const deadlineSlack = 100 * time.Millisecond

// ownDeadline reports whether a DEADLINE_EXCEEDED answer is ctx's own
// deadline, enforced by the server a moment early; it then waits for ctx
// to end so that the caller sees its context's error.
func ownDeadline(ctx context.Context, code codes.Code) bool {
	deadline, ok := ctx.Deadline()
	if code != codes.DeadlineExceeded || !ok || time.Until(deadline) > deadlineSlack {
		return false
	}
	<-ctx.Done()
	return true
}

// hint tells the user what to change for credential errors.
func hint(code int) string {
	switch code {
	case http.StatusUnauthorized:
		return fmt.Sprintf("set %s to a service-account key file, or run gcloud auth application-default login", EnvCredentials)
	case http.StatusForbidden:
		return fmt.Sprintf("check that %s (or the project option) names a project with the Cloud Translation API enabled, and that the account of %s has the Cloud Translation API User role",
			EnvProject, EnvCredentials)
	}
	return ""
}
