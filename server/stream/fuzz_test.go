package stream

import (
	"math"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/emovox/emovox/recognizer"
)

// FuzzSession feeds a session the messages an input describes and checks
// that it never panics, fails only with one of its problems, decodes every
// whole sample, and sends well-formed predictions in order.
//
// The input's first byte picks the client's rate; then each byte is an
// operation: a binary message of the next bytes (any length, odd ones
// included), a long binary message repeating the input, a stop message, or
// another text message.
func FuzzSession(f *testing.F) {
	rec, err := recognizer.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte{0, 1, 5, 1, 2, 3, 4, 5, 6})
	f.Add([]byte{2, 2, 200, 2, 200, 1, 3, 9, 8, 7, 6})
	f.Add([]byte{4, 2, 255, 2, 255, 2, 255, 0, 3})
	f.Add([]byte{5, 2, 100, 4, 2, 'h', 'i'})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		rates := []int{8000, 11025, 16000, 44100, 48000, 192000}
		opts := Options{Window: 250 * time.Millisecond, Hop: 125 * time.Millisecond,
			MaxDuration: 2 * time.Second, SilenceRMS: 0.001}.withDefaults()
		s, err := newSession(rec, opts, rates[int(data[0])%len(rates)])
		if err != nil {
			t.Fatal(err)
		}
		check := predictionChecker(t, s, opts)
		bytes := 0
		for ops := data[1:]; len(ops) > 0; {
			typ, msg, rest := nextMessage(ops, data)
			ops = rest
			done, err := s.handle(typ, msg, check)
			if err != nil {
				if _, _, ok := closeStatus(err); !ok {
					t.Fatalf("error that is no problem: %v", err)
				}
				return
			}
			if typ == websocket.MessageBinary {
				bytes += len(msg)
			}
			if s.received != bytes/2 {
				t.Fatalf("%d samples decoded from %d bytes", s.received, bytes)
			}
			if done {
				if want := s.rs.r.OutputLen(s.received); s.rs.nOut != want || s.win.n != want {
					t.Fatalf("after stop: %d samples resampled, %d windowed, want %d", s.rs.nOut, s.win.n, want)
				}
				return
			}
		}
	})
}

// nextMessage decodes the message at the start of ops and returns the
// operations after it; long messages repeat data.
func nextMessage(ops, data []byte) (websocket.MessageType, []byte, []byte) {
	op, ops := ops[0], ops[1:]
	n := 0
	if len(ops) > 0 {
		n = int(ops[0])
		ops = ops[1:]
	}
	switch op % 5 {
	case 0: // short binary message of the next n%16 bytes
		n = min(n%16, len(ops))
		return websocket.MessageBinary, ops[:n], ops[n:]
	case 1, 2: // long binary message: n*64+op bytes repeating the input
		msg := make([]byte, n*64+int(op))
		for i := range msg {
			msg[i] = data[i%len(data)] ^ byte(i>>3)
		}
		return websocket.MessageBinary, msg, ops
	case 3:
		return websocket.MessageText, []byte(`{"type":"stop"}`), ops
	default: // text of the next n%16 bytes
		n = min(n%16, len(ops))
		return websocket.MessageText, ops[:n], ops[n:]
	}
}

// predictionChecker returns a send function that checks the predictions
// of s: times increasing, windows on the hop grid (apart from the final
// one) and no longer than the window, probabilities summing to 1 (to
// 1e-6), silence consistent with the level.
func predictionChecker(t *testing.T, s *session, opts Options) func(Prediction) error {
	last := 0.0
	hop := float64(samplesOf(opts.Hop, s.modelRate))
	return func(p Prediction) error {
		end := math.Round(p.Time * float64(s.modelRate)) // a whole number of samples
		switch {
		case p.Type != TypePrediction || p.Time <= last || end > float64(s.win.n):
			t.Fatalf("prediction %+v after t=%v with %d samples", p, last, s.win.n)
		case !p.Final && math.Mod(end, hop) != 0:
			t.Fatalf("prediction at %v s is off the hop grid", p.Time)
		case p.Window <= 0 || p.Window > opts.Window.Seconds()+1e-9 || p.RMS < 0 || math.IsNaN(p.RMS):
			t.Fatalf("prediction %+v", p)
		case p.Silence != (p.RMS < float64(opts.SilenceRMS)) || p.Silence != (p.Emotion == ""):
			t.Fatalf("prediction %+v: silence does not fit the level", p)
		}
		sum := 0.0
		for _, q := range p.Probabilities {
			sum += q
		}
		if !p.Silence && math.Abs(sum-1) > 1e-6 {
			t.Fatalf("probabilities sum to %v", sum)
		}
		last = p.Time
		return nil
	}
}
