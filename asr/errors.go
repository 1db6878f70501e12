package asr

import "errors"

// Sentinel errors, returned wrapped with context; test for them with
// errors.Is.
var (
	// ErrNotCompiled reports a backend left out of this build: the
	// PocketSphinx recogniser needs the build tag pocketsphinx (and cgo).
	ErrNotCompiled = errors.New("asr: pocketsphinx support is not compiled in; rebuild with -tags pocketsphinx")
	// ErrNoTranscript reports a file for which a Transcripts backend has
	// no transcript.
	ErrNoTranscript = errors.New("asr: no transcript for file")
	// ErrDuplicate reports two different transcripts for one utterance.
	ErrDuplicate = errors.New("asr: utterance has two different transcripts")
)
