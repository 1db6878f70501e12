//go:build !pocketsphinx || !cgo

package sphinx

import (
	"context"

	"github.com/emovox/emovox/asr"
)

// Compiled reports whether PocketSphinx is compiled into this build.
const Compiled = false

// Recognizer would transcribe speech with PocketSphinx; this build has
// none (see Compiled).
type Recognizer struct{}

// New returns an error wrapping asr.ErrNotCompiled: this build was made
// without the build tag pocketsphinx or without cgo.
func New(Config) (*Recognizer, error) { return nil, asr.ErrNotCompiled }

// Transcribe returns an error wrapping asr.ErrNotCompiled.
func (*Recognizer) Transcribe(context.Context, []float32, int) (string, error) {
	return "", asr.ErrNotCompiled
}

// Close does nothing.
func (*Recognizer) Close() error { return nil }
