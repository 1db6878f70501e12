package stream

import (
	"slices"
	"testing"
)

// TestPCMDecoder checks that samples split between messages at any byte
// decode as the whole, with hand-computed values at the ends of the
// int16 range.
func TestPCMDecoder(t *testing.T) {
	pcm := []byte{0x00, 0x80, 0xff, 0x7f, 0x00, 0x00, 0x01, 0x00, 0xff, 0xff}
	want := []float32{-1, 32767.0 / 32768, 0, 1.0 / 32768, -1.0 / 32768}
	tests := []struct {
		name  string
		split []int // message lengths
	}{
		{"whole", []int{10}},
		{"bytes", []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}},
		{"odd", []int{3, 3, 3, 1}},
		{"empty messages", []int{0, 1, 0, 9, 0}},
		{"odd then even", []int{1, 2, 7}},
	}
	for _, tt := range tests {
		var d pcmDecoder
		var got []float32
		rest := pcm
		for _, n := range tt.split {
			got = d.decode(got, rest[:n])
			rest = rest[n:]
		}
		if !slices.Equal(got, want) || d.hasCarry {
			t.Errorf("%s: %v (carry %v), want %v", tt.name, got, d.hasCarry, want)
		}
	}
	var d pcmDecoder
	if got := d.decode(nil, []byte{1, 2, 3}); len(got) != 1 || !d.hasCarry || d.carry != 3 {
		t.Errorf("3 bytes: %v, carry %v %d; want one sample and byte 3 carried", got, d.hasCarry, d.carry)
	}
}
