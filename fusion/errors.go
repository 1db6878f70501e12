package fusion

import "errors"

var (
	// ErrConfig reports a block or training configuration that cannot be
	// used: a negative size, a dropout rate outside [0, 1), no input,
	// fewer than two classes.
	ErrConfig = errors.New("fusion: invalid configuration")
	// ErrInput reports embeddings that do not fit: rows of the wrong
	// width, row counts that differ between the branches or from the
	// labels, non-finite values, labels outside the classes.
	ErrInput = errors.New("fusion: invalid input")
	// ErrModel reports a model file that is not a fusion block or whose
	// weights do not fit its metadata.
	ErrModel = errors.New("fusion: invalid model file")
	// ErrBranch reports a branch that cannot serve: a classifier without a
	// penultimate layer, or one whose output does not fit its metadata.
	ErrBranch = errors.New("fusion: unusable branch")
	// ErrPairing reports a paired benchmark that cannot be built or read:
	// an emotion without sentences, a malformed label file.
	ErrPairing = errors.New("fusion: invalid pairing")
)
