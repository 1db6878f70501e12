package models

import "fmt"

// SetDefault sets *v to def when it is zero: an architecture's
// configuration fills the sizes left at zero with its reference values.
func SetDefault(v *int, def int) {
	if *v == 0 {
		*v = def
	}
}

// Size is one named size of an architecture's configuration.
type Size struct {
	Name  string
	Value int
}

// CheckSizes returns an error naming the first negative size, for an
// architecture's Validate to wrap with its own sentinel error.
func CheckSizes(sizes ...Size) error {
	for _, s := range sizes {
		if s.Value < 0 {
			return fmt.Errorf("%s %d is negative", s.Name, s.Value)
		}
	}
	return nil
}

// CheckDropout returns an error unless p is a dropout rate in [0, 1).
func CheckDropout(p float64) error {
	if !(p >= 0 && p < 1) {
		return fmt.Errorf("dropout %v outside [0, 1)", p)
	}
	return nil
}
