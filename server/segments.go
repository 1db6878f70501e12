package server

import (
	"math"
	"time"
)

// span is a range of sample indices, [start, end).
type span struct{ start, end int }

// segmentSpans returns the windows of n samples at rate Hz that
// /v1/predict?segments=1 classifies: window long, one every hop, the last
// one ending at the last sample. A signal no longer than a window is one
// segment, the whole signal. Window and hop are rounded to whole samples,
// at least one.
func segmentSpans(n, rate int, window, hop time.Duration) []span {
	win := max(1, samplesOf(window, rate))
	step := max(1, samplesOf(hop, rate))
	if n <= win {
		return []span{{0, n}}
	}
	var spans []span
	for start := 0; start+win < n; start += step {
		spans = append(spans, span{start, start + win})
	}
	return append(spans, span{n - win, n})
}

// samplesOf returns the number of samples of d at rate Hz, rounded.
func samplesOf(d time.Duration, rate int) int {
	return int(math.Round(d.Seconds() * float64(rate)))
}
