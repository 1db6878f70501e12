package bert

import "errors"

// ErrConfig reports a configuration that cannot be built.
var ErrConfig = errors.New("bert: invalid configuration")

// ErrInput reports model inputs that do not fit the model: padding in the
// middle of a sequence, a sequence longer than the position table, or
// inconsistent sizes.
var ErrInput = errors.New("bert: invalid input")
