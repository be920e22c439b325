// Package all builds the registry of every backend bitext ships, in one
// place, so that the command line and tests can pass it around instead of
// relying on global registration.
package all

import (
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/apertium"
	"github.com/bitext/bitext/translate/apy"
	"github.com/bitext/bitext/translate/deepl"
	"github.com/bitext/bitext/translate/google"
	"github.com/bitext/bitext/translate/googlev3"
	"github.com/bitext/bitext/translate/libretranslate"
	"github.com/bitext/bitext/translate/marian"
	"github.com/bitext/bitext/translate/openai"
)

// Registry returns a registry holding every backend.
func Registry() *translate.Registry {
	r := translate.NewRegistry()
	for _, info := range []translate.BackendInfo{
		apertium.Info(),
		apy.Info(),
		deepl.Info(),
		google.Info(),
		googlev3.Info(),
		libretranslate.Info(),
		marian.Info(),
		openai.Info(),
	} {
		r.Register(info)
	}
	return r
}
