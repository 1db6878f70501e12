package stream

import (
	"path/filepath"
	"testing"

	"github.com/coder/websocket"

	"github.com/emovox/emovox/audio"
	"github.com/emovox/emovox/internal/sharedtest"
	"github.com/emovox/emovox/recognizer"
)

// BenchmarkSession48k streams a 48 kHz RAVDESS recording through a session
// in 20 ms messages (no network), with the default options: resampling,
// windows and a prediction every 0.5 s. It reports the cost as a fraction
// of real time.
func BenchmarkSession48k(b *testing.B) {
	path := filepath.Join(sharedtest.Dir(b, "data", "ravdess-48k"), "Actor_05", "03-01-05-02-01-01-05.wav")
	x, rate, err := audio.Load(path, 0)
	if err != nil {
		b.Fatal(err)
	}
	pcm := make([]byte, 2*len(x))
	for i, v := range x {
		s := int16(v * 32768)
		pcm[2*i], pcm[2*i+1] = byte(s), byte(uint16(s)>>8)
	}
	rec, err := recognizer.Default()
	if err != nil {
		b.Fatal(err)
	}
	opts := Options{}.withDefaults()
	discard := func(Prediction) error { return nil }
	b.SetBytes(int64(len(pcm)))
	for b.Loop() {
		s, err := newSession(rec, opts, rate)
		if err != nil {
			b.Fatal(err)
		}
		for rest := pcm; len(rest) > 0; {
			n := min(len(rest), 2*rate/50)
			if err := s.audio(rest[:n], discard); err != nil {
				b.Fatal(err)
			}
			rest = rest[n:]
		}
		if done, err := s.handle(websocket.MessageText, []byte(`{"type":"stop"}`), discard); !done || err != nil {
			b.Fatal(err)
		}
	}
	seconds := float64(len(x)) / float64(rate)
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/seconds, "x-realtime")
}
