// Package translatetest holds what tests of translation backends and of
// their callers share: [Run], the conformance suite every backend must
// pass, and [Fake], an in-memory deterministic backend for hermetic tests
// of the pipeline, the batch commands and the command line.
//
// # Conformance
//
// A backend package runs the suite from its own test, building a fresh
// backend for each case (remote ones against an httptest fake of their
// API, wrapped by [remote.Wrap]):
//
//	func TestConformance(t *testing.T) {
//		translatetest.Run(t, func(t *testing.T) translate.Backend {
//			return newTestBackend(t)
//		}, translatetest.SuiteOptions{})
//	}
//
// The suite checks the contract documented on [translate.Backend]: empty
// batches, order and count of many segments, independence of segments,
// HTML tags and translate="no" spans kept byte for byte (when the backend
// claims HTML), cancellation, and concurrent calls (run it with -race).
//
// # The fake
//
// [NewFake] returns a backend that translates French to English word for
// word over a small news vocabulary, leaving unknown words (names) as they
// are, so its output is predictable:
//
//	f := translatetest.NewFake()
//	out, _ := f.Translate(ctx, translate.Request{From: "fr", To: "en",
//		Segments: []string{"Le président a annoncé jeudi un accord."}})
//	// out[0] == "The president has announced Thursday an agreement."
//
// It counts calls and segments, records requests, can be slowed down and
// made to fail on demand ([Fake.FailNext], [Fake.FailOn]).
//
// # Helpers for backend tests
//
// [Sleeps] stands in for the wrapper's timer so that retry tests run at
// once and can check the waits asked for; [MatchFake] checks a backend's
// output against the Fake's translations (HTTP fakes of remote APIs answer
// with them); [AsStatus] digs the [translate.StatusError] out of an error.
//
// [remote.Wrap]: https://pkg.go.dev/github.com/bitext/bitext/translate/remote#Wrap
package translatetest
