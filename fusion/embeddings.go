package fusion

import (
	"fmt"
	"math"
)

// Embeddings are the penultimate activations of the two branches for a
// list of utterances: row i of Acoustic and row i of Text describe
// utterance i. A branch the block does not read may be nil.
type Embeddings struct {
	Acoustic [][]float32
	Text     [][]float32
}

// Len returns the number of utterances.
func (e Embeddings) Len() int { return max(len(e.Acoustic), len(e.Text)) }

// Subset returns the rows at indices, sharing their vectors.
func (e Embeddings) Subset(indices []int) Embeddings {
	return Embeddings{Acoustic: pick(e.Acoustic, indices), Text: pick(e.Text, indices)}
}

// only returns e with the branches cfg does not read (width zero) left out.
func (e Embeddings) only(cfg Config) Embeddings {
	if cfg.Acoustic == 0 {
		e.Acoustic = nil
	}
	if cfg.Text == 0 {
		e.Text = nil
	}
	return e
}

// check reports an error wrapping ErrInput unless e has n rows of the
// widths cfg gives, all finite, for the branches cfg reads.
func (e Embeddings) check(cfg Config) error {
	n := e.Len()
	for _, b := range []struct {
		name  string
		rows  [][]float32
		width int
	}{{"acoustic", e.Acoustic, cfg.Acoustic}, {"text", e.Text, cfg.Text}} {
		if b.width == 0 {
			continue
		}
		if len(b.rows) != n {
			return fmt.Errorf("%w: %d %s rows for %d utterances", ErrInput, len(b.rows), b.name, n)
		}
		for i, row := range b.rows {
			if len(row) != b.width {
				return fmt.Errorf("%w: %s row %d has %d values, want %d", ErrInput, b.name, i, len(row), b.width)
			}
			for _, v := range row {
				if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
					return fmt.Errorf("%w: %s row %d holds %v", ErrInput, b.name, i, v)
				}
			}
		}
	}
	return nil
}

// concat writes the rows of e, acoustic then text, into one row-major
// matrix of n × (A+T) values, with e's branches as cfg reads them.
func (e Embeddings) concat(dst []float32, cfg Config) []float32 {
	n, width := e.Len(), cfg.Inputs()
	dst = resize(dst, n*width)
	for i := range n {
		row := dst[i*width : (i+1)*width]
		if cfg.Acoustic > 0 {
			copy(row, e.Acoustic[i])
		}
		if cfg.Text > 0 {
			copy(row[cfg.Acoustic:], e.Text[i])
		}
	}
	return dst
}

// Set is a labelled set of utterances: their embeddings and classes.
type Set struct {
	Embeddings
	// Labels index the class list of the experiment.
	Labels []int
}

// Subset returns the utterances at indices.
func (s Set) Subset(indices []int) Set {
	return Set{Embeddings: s.Embeddings.Subset(indices), Labels: pick(s.Labels, indices)}
}

// pick returns the elements of xs at indices, or nil for a nil xs.
func pick[T any](xs []T, indices []int) []T {
	if xs == nil {
		return nil
	}
	out := make([]T, len(indices))
	for j, i := range indices {
		out[j] = xs[i]
	}
	return out
}

// resize returns s with length n, reallocated only when too small.
func resize(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n)
	}
	return s[:n]
}
