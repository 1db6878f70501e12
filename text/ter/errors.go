package ter

import "errors"

// ErrDataset reports a dataset file that cannot be read as documented.
var ErrDataset = errors.New("ter: invalid dataset")

// ErrModel reports a model file that this package cannot use: missing or
// inconsistent metadata, or a vocabulary other than the tokenizer's.
var ErrModel = errors.New("ter: invalid model file")
