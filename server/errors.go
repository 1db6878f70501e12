package server

import "errors"

// ErrConfig reports a Config value outside its domain, such as a negative
// limit, or a nil recognizer.
var ErrConfig = errors.New("server: invalid configuration")
