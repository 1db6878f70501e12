package mlp

import "errors"

// ErrConfig reports a Config that New cannot build: a negative size, a
// dropout rate outside [0, 1), or fewer than one class.
var ErrConfig = errors.New("mlp: invalid config")
