package iemonet

import "errors"

// ErrConfig reports a Config that New cannot build: a negative size, an
// even kernel, a dropout rate outside [0, 1), or fewer than one class.
var ErrConfig = errors.New("iemonet: invalid config")
