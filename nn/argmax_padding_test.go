package nn

import (
	"slices"
	"testing"
)

func TestArgmax(t *testing.T) {
	for _, tc := range []struct {
		x    []float32
		want int
	}{
		{nil, 0}, {[]float32{3}, 0}, {[]float32{1, 5, 2}, 1}, {[]float32{4, 1, 4}, 0}, {[]float32{-3, -1, -2}, 1},
	} {
		if got := Argmax(tc.x); got != tc.want {
			t.Errorf("Argmax(%v) = %d, want %d", tc.x, got, tc.want)
		}
	}
}

func TestZeroPaddingAndIsPadded(t *testing.T) {
	x := NewTensor(2, 3, 2)
	for i := range x.Data {
		x.Data[i] = float32(i + 1)
	}
	if IsPadded([]int{3, 3}, 3) || !IsPadded([]int{3, 1}, 3) || IsPadded(nil, 3) {
		t.Error("IsPadded: wrong answer for full, padded or nil lengths")
	}
	ZeroPadding(x, nil)
	if x.Data[11] != 12 {
		t.Fatal("ZeroPadding with nil lengths changed x")
	}
	ZeroPadding(x, []int{3, 1})
	want := []float32{1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0}
	if !slices.Equal(x.Data, want) {
		t.Errorf("ZeroPadding: %v, want %v", x.Data, want)
	}
}
