package reward

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Map is the function f of Eq. 1 and Eq. 2: the value of every emotion the
// reward takes into account. The zero Map values no emotion; build one with
// NewMap or ParseMap. A Map is immutable and safe for concurrent use.
type Map struct {
	emotions []string // sorted
	values   []float64
}

// NewMap returns the map that gives every emotion in values its value. The
// error wraps ErrMap when values is empty, names the empty emotion "", or
// holds a value that is not finite.
func NewMap(values map[string]float64) (Map, error) {
	if len(values) == 0 {
		return Map{}, fmt.Errorf("%w: no emotions", ErrMap)
	}
	m := Map{emotions: slices.Sorted(maps.Keys(values))}
	m.values = make([]float64, len(m.emotions))
	for i, e := range m.emotions {
		v := values[e]
		if e == "" {
			return Map{}, fmt.Errorf("%w: empty emotion name", ErrMap)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return Map{}, fmt.Errorf("%w: %s=%v is not a finite value", ErrMap, e, v)
		}
		m.values[i] = v
	}
	return m, nil
}

// ParseMap parses a map written as comma-separated emotion=value entries,
// such as "angry=-1,happy=1,neutral=0,sad=-0.5". Spaces around names and
// values are ignored. The error wraps ErrMap for an entry that is not
// name=value, a value that is not a finite number, a repeated emotion, or
// an empty map.
func ParseMap(s string) (Map, error) {
	values := make(map[string]float64)
	for entry := range strings.SplitSeq(s, ",") {
		name, value, ok := strings.Cut(entry, "=")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !ok || name == "" || value == "" {
			return Map{}, fmt.Errorf("%w: entry %q in %q, want emotion=value", ErrMap, entry, s)
		}
		if _, dup := values[name]; dup {
			return Map{}, fmt.Errorf("%w: emotion %q given twice in %q", ErrMap, name, s)
		}
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return Map{}, fmt.Errorf("%w: value %q of %q is not a number", ErrMap, value, name)
		}
		values[name] = v
	}
	return NewMap(values)
}

// CheckRange checks that every value of m lies in [p, q]. The error wraps
// ErrRange, naming every emotion outside the range, or reporting a range
// that is empty (p > q) or not finite.
func (m Map) CheckRange(p, q float64) error {
	if math.IsNaN(p) || math.IsNaN(q) || math.IsInf(p, 0) || math.IsInf(q, 0) || p > q {
		return fmt.Errorf("%w: [%v, %v] is not a finite, non-empty range", ErrRange, p, q)
	}
	var outside []string
	for i, e := range m.emotions {
		if v := m.values[i]; v < p || v > q {
			outside = append(outside, e+"="+formatValue(v))
		}
	}
	if outside != nil {
		return fmt.Errorf("%w: %s outside [%v, %v]", ErrRange, strings.Join(outside, ", "), p, q)
	}
	return nil
}

// Len returns the number of emotions in m.
func (m Map) Len() int { return len(m.emotions) }

// Emotions returns the emotions of m in sorted order, in a new slice.
func (m Map) Emotions() []string { return slices.Clone(m.emotions) }

// Value returns f(e), and whether m values e at all.
func (m Map) Value(e string) (float64, bool) {
	i, ok := slices.BinarySearch(m.emotions, e)
	if !ok {
		return 0, false
	}
	return m.values[i], true
}

// String returns m in the form ParseMap reads, emotions in sorted order:
// "angry=-1,happy=1,neutral=0,sad=-0.5".
func (m Map) String() string {
	var b strings.Builder
	for i, e := range m.emotions {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(e)
		b.WriteByte('=')
		b.WriteString(formatValue(m.values[i]))
	}
	return b.String()
}

// formatValue writes v in its shortest form.
func formatValue(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
