package reward

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

// SumTolerance is how far the probabilities of a Distribution may sum from
// 1: recognisers and JSON files round them.
const SumTolerance = 1e-3

// Distribution holds the probability of every emotion, such as the output
// of an emotion recogniser: P(e|h_t) for the user's turn t.
type Distribution map[string]float64

// CheckDistribution checks that d is a probability distribution over
// exactly the emotions of m. The error wraps ErrUnmappedEmotion for
// emotions that m does not value, ErrMissingEmotion for emotions of m that
// d lacks, and ErrDistribution for probabilities that are negative or not
// finite, or that do not sum to 1 within SumTolerance.
func (m Map) CheckDistribution(d Distribution) error {
	if err := m.checkEmotions(d); err != nil {
		return err
	}
	sum := 0.0
	for _, e := range m.emotions {
		p := d[e]
		if math.IsNaN(p) || math.IsInf(p, 0) || p < 0 {
			return fmt.Errorf("%w: P(%s) = %v", ErrDistribution, e, p)
		}
		sum += p
	}
	if math.Abs(sum-1) > SumTolerance {
		return fmt.Errorf("%w: probabilities sum to %v, want 1 ± %v", ErrDistribution, sum, SumTolerance)
	}
	return nil
}

// checkEmotions checks that d holds exactly the emotions of m.
func (m Map) checkEmotions(d Distribution) error {
	mapped := 0
	for e := range d {
		if _, ok := m.Value(e); ok {
			mapped++
		}
	}
	if mapped < len(d) {
		var unmapped []string
		for _, e := range slices.Sorted(maps.Keys(d)) {
			if _, ok := m.Value(e); !ok {
				unmapped = append(unmapped, e)
			}
		}
		return fmt.Errorf("%w: %s (the map has %s)", ErrUnmappedEmotion, strings.Join(unmapped, ", "), strings.Join(m.emotions, ", "))
	}
	if mapped < m.Len() {
		var missing []string
		for _, e := range m.emotions {
			if _, ok := d[e]; !ok {
				missing = append(missing, e)
			}
		}
		return fmt.Errorf("%w: %s", ErrMissingEmotion, strings.Join(missing, ", "))
	}
	return nil
}
