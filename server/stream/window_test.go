package stream

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestWindower checks the ends and contents of the windows cut from a
// signal added in random pieces, against the whole signal.
func TestWindower(t *testing.T) {
	tests := []struct {
		size, hop, first int
		wantEnds         []int
	}{
		{20, 5, 10, []int{10, 15, 20, 25, 30, 35}}, // windows of 10 to 20 samples
		{20, 5, 12, []int{15, 20, 25, 30, 35}},     // the first end rounded up to a hop
		{4, 10, 4, []int{10, 20, 30}},              // hop longer than the window
		{1, 1, 1, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37}},
	}
	signal := make([]float32, 37)
	for i := range signal {
		signal[i] = float32(i)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tt := range tests {
		for range 20 {
			w := newWindower(tt.size, tt.hop, tt.first)
			var ends []int
			for rest := signal; len(rest) > 0; {
				n := min(len(rest), rng.IntN(9))
				w.add(rest[:n])
				rest = rest[n:]
				for {
					win, end, ok := w.due()
					if !ok {
						break
					}
					ends = append(ends, end)
					if want := signal[max(0, end-tt.size):end]; !slices.Equal(win, want) {
						t.Fatalf("size %d hop %d: window ending at %d is %v, want %v", tt.size, tt.hop, end, win, want)
					}
				}
			}
			if !slices.Equal(ends, tt.wantEnds) {
				t.Fatalf("size %d hop %d first %d: windows end at %v, want %v", tt.size, tt.hop, tt.first, ends, tt.wantEnds)
			}
			win, end, ok := w.tail()
			last := tt.wantEnds[len(tt.wantEnds)-1]
			if wantOK := last != len(signal); ok != wantOK || ok && (end != len(signal) || !slices.Equal(win, signal[max(0, end-tt.size):])) {
				t.Fatalf("size %d hop %d: tail %v ending at %d (%v), want one: %v", tt.size, tt.hop, win, end, ok, wantOK)
			}
			if len(w.buf) > tt.size+8+tt.hop {
				t.Fatalf("size %d hop %d: keeps %d samples", tt.size, tt.hop, len(w.buf))
			}
		}
	}
}
