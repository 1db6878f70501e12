package sphinx

import "errors"

// Sentinel errors, returned wrapped with context; test for them with
// errors.Is.
var (
	// ErrClosed reports a call on a Recognizer after Close.
	ErrClosed = errors.New("sphinx: recognizer is closed")
	// ErrDecode reports that PocketSphinx failed to decode an utterance.
	ErrDecode = errors.New("sphinx: decoding failed")
)
