package sphinx

import (
	"fmt"
	"math"

	"github.com/emovox/emovox/audio/resample"
)

// pcm16 converts samples at rate Hz to 16-bit samples at SampleRate:
// resampled when the rates differ, scaled by 32768 (the inverse of
// package audio's decoding, so 16-bit input comes back exactly), rounded
// to nearest and clipped to [-32768, 32767]. NaN becomes 0.
func pcm16(samples []float32, rate int) ([]int16, error) {
	if rate != SampleRate {
		var err error
		if samples, err = resample.Resample(samples, rate, SampleRate); err != nil {
			return nil, fmt.Errorf("sphinx: %w", err)
		}
	}
	out := make([]int16, len(samples))
	for i, x := range samples {
		v := math.Round(float64(x) * 32768)
		switch {
		case v >= math.MaxInt16:
			out[i] = math.MaxInt16
		case v <= math.MinInt16:
			out[i] = math.MinInt16
		case v == v: // not NaN
			out[i] = int16(v)
		}
	}
	return out, nil
}
