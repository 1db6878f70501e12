package wer

import "errors"

// Sentinel errors, returned wrapped with context; test for them with
// errors.Is.
var (
	// ErrRate reports a target word error rate outside [0, 1] or not a
	// number.
	ErrRate = errors.New("wer: rate must be in [0, 1]")
	// ErrMix reports error proportions that are negative, not finite or
	// all zero.
	ErrMix = errors.New("wer: error mix must be non-negative and not all zero")
	// ErrVocabulary reports a vocabulary with fewer than two distinct
	// words, from which no substitute can be drawn.
	ErrVocabulary = errors.New("wer: vocabulary needs at least two distinct words")
)
