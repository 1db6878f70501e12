package stream

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/emovox/emovox/audio/resample"
)

// TestChunkResamplerMatchesWholeSignal checks that resampling a signal in
// random pieces gives, bit for bit, what Process gives on the whole
// signal, for common and odd rates, exact and interpolated tables.
func TestChunkResamplerMatchesWholeSignal(t *testing.T) {
	const to = 16000
	for _, from := range []int{8000, 11025, 16000, 16001, 22050, 37800, 44100, 48000, 96000, 192000} {
		plan, err := resample.New(from, to)
		if err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewPCG(uint64(from), 2))
		x := noisyTone(rng, from/2+7, from) // 0.5 s and a few samples
		want := plan.Process(nil, x)
		for _, maxChunk := range []int{5, 480, 4096, len(x)} {
			c := newChunkResampler(plan)
			var got []float32
			for rest := x; len(rest) > 0; {
				n := min(len(rest), 1+rng.IntN(maxChunk))
				got = c.push(got, rest[:n])
				rest = rest[n:]
			}
			got = c.flush(got)
			if i := firstDifference(got, want); i >= 0 {
				t.Errorf("%s, pieces of up to %d samples: %d samples, want %d; first difference at %d",
					plan, maxChunk, len(got), len(want), i)
			}
			if bound := 2*c.lead + c.halo + c.m + maxChunk; len(c.in) > bound {
				t.Errorf("%s: keeps %d input samples, want at most %d", plan, len(c.in), bound)
			}
		}
	}
}

// TestChunkResamplerLatency checks that the output released lags the
// input by at most the filter's halo, the lead and one block.
func TestChunkResamplerLatency(t *testing.T) {
	for _, from := range []int{16000, 44100, 48000} {
		plan, err := resample.New(from, 16000)
		if err != nil {
			t.Fatal(err)
		}
		c := newChunkResampler(plan)
		var out []float32
		for range 100 {
			out = c.push(out, make([]float32, from/50)) // 20 ms
		}
		in := 100 * (from / 50)
		lag := float64(in)/float64(from) - float64(len(out))/16000
		maxLag := float64(c.halo+c.lead+c.m) / float64(from)
		if lag < 0 || lag > maxLag {
			t.Errorf("%d Hz: output lags by %.4f s, want 0 to %.4f s", from, lag, maxLag)
		}
	}
}

func noisyTone(rng *rand.Rand, n, rate int) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(0.4*math.Sin(2*math.Pi*440*float64(i)/float64(rate)) + 0.1*rng.NormFloat64())
	}
	return x
}

// firstDifference returns the first index where a and b differ (bit for
// bit), or -1 if they are equal.
func firstDifference(a, b []float32) int {
	for i := range min(len(a), len(b)) {
		if math.Float32bits(a[i]) != math.Float32bits(b[i]) {
			return i
		}
	}
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	return -1
}
