package sphinx

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/emovox/emovox/audio/resample"
)

func TestPCM16(t *testing.T) {
	in := []float32{0, 0.5, -0.5, -1, 1, 2, -2, float32(math.NaN()), 0.5 / 32768, -1.5 / 32768, 32767.0 / 32768}
	want := []int16{0, 16384, -16384, -32768, 32767, 32767, -32768, 0, 1, -2, 32767}
	got, err := pcm16(in, SampleRate)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("pcm16 = %v, want %v", got, want)
	}
}

func TestPCM16Resamples(t *testing.T) {
	in := make([]float32, 800) // 0.1 s at 8 kHz
	got, err := pcm16(in, 8000)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1600 {
		t.Errorf("8 kHz → 16 kHz: %d samples, want 1600", len(got))
	}
	if _, err := pcm16(in, 0); !errors.Is(err, resample.ErrRate) {
		t.Errorf("rate 0: err = %v, want resample.ErrRate", err)
	}
}
