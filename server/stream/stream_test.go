package stream_test

import (
	"fmt"
	"math"
	"path/filepath"
	"testing"

	"github.com/coder/websocket"

	"github.com/emovox/emovox/audio"
	"github.com/emovox/emovox/audio/resample"
	"github.com/emovox/emovox/internal/sharedtest"
	"github.com/emovox/emovox/recognizer"
	"github.com/emovox/emovox/server/stream"
)

// TestStreamMatchesRecognizer streams RAVDESS recordings in 20 ms messages
// (and in messages of an odd number of bytes) at their own rate, 16 kHz,
// and at 48 and 44.1 kHz, and checks that every prediction arrives at its
// stream time and is exactly (tolerance 0: same emotion, same
// probabilities to the last bit, same window) what the recognizer predicts
// for the window of the whole recording resampled at once. The RMS level
// is checked to 1e-12.
func TestStreamMatchesRecognizer(t *testing.T) {
	ravdess := sharedtest.Dir(t, "data", "ravdess")
	ravdess48k := sharedtest.Dir(t, "data", "ravdess-48k")
	rec := testRecognizer(t)
	url := newServer(t, rec, stream.Options{})

	load := func(path string, rate int) []float32 {
		x, _, err := audio.Load(path, rate)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	x48 := load(filepath.Join(ravdess48k, "Actor_05", "03-01-05-02-01-01-05.wav"), 0)
	x44 := load(filepath.Join(ravdess48k, "Actor_05", "03-01-05-02-01-01-05.wav"), 44100)
	tests := []struct {
		name    string
		samples []float32
		rate    int
		chunk   int // bytes per message
	}{
		{"16k-20ms", load(filepath.Join(ravdess, "Actor_05", "03-01-05-02-01-01-05.wav"), 0), 16000, 640},
		{"16k-odd", load(filepath.Join(ravdess, "Actor_12", "03-01-03-01-02-01-12.wav"), 0), 16000, 333},
		{"48k-20ms", x48, 48000, 1920},
		{"44.1k-20ms", x44, 44100, 1764},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pcm := encodePCM(tt.samples)
			got := streamPCM(t, fmt.Sprintf("%s?rate=%d", url, tt.rate), pcm, tt.chunk)
			if got.status != websocket.StatusNormalClosure || len(got.errors) > 0 {
				t.Fatalf("stream ended with status %v, errors %v (%v), want a normal closure", got.status, got.errors, got.err)
			}
			model, err := resample.Resample(decodePCM(pcm), tt.rate, 16000)
			if err != nil {
				t.Fatal(err)
			}
			want := expectedPredictions(t, rec, model, 16000)
			if len(got.predictions) != len(want) {
				t.Fatalf("%d predictions, want %d", len(got.predictions), len(want))
			}
			for i, w := range want {
				if g := got.predictions[i]; !samePrediction(g, w) {
					t.Errorf("prediction %d:\n got %+v\nwant %+v", i, g, w)
				}
			}
		})
	}
}

// expectedPredictions returns the predictions a stream of the model-rate
// signal x should receive with the default options: windows of 2 s (or
// what there is) ending every 0.5 s from 1 s on, and one ending at the
// last sample unless a window already ends there.
func expectedPredictions(t *testing.T, rec *recognizer.Recognizer, x []float32, rate int) []stream.Prediction {
	t.Helper()
	var want []stream.Prediction
	add := func(end int, final bool) {
		win := x[max(0, end-2*rate):end]
		res, err := rec.PredictSamples(win, rate)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, stream.Prediction{
			Type: stream.TypePrediction, Time: float64(end) / float64(rate), Window: float64(len(win)) / float64(rate),
			Emotion: res.Emotion, Probabilities: res.Map(), RMS: rms(win), Final: final,
		})
	}
	end := rate
	for ; end <= len(x); end += rate / 2 {
		add(end, false)
	}
	if end-rate/2 != len(x) {
		add(len(x), true)
	}
	return want
}

// samePrediction reports whether g equals w exactly, apart from the RMS
// level, compared to 1e-12.
func samePrediction(g, w stream.Prediction) bool {
	if g.Type != w.Type || g.Time != w.Time || g.Window != w.Window || g.Emotion != w.Emotion ||
		g.Silence != w.Silence || g.Final != w.Final || len(g.Probabilities) != len(w.Probabilities) ||
		math.Abs(g.RMS-w.RMS) > 1e-12 {
		return false
	}
	for label, p := range w.Probabilities {
		if gp, ok := g.Probabilities[label]; !ok || gp != p {
			return false
		}
	}
	return true
}
