package fusion

import (
	"slices"
	"testing"
)

func TestMapScores(t *testing.T) {
	cases := []struct {
		name     string
		scores   [][]float32
		from, to []string
		want     []int
	}{
		{"same names", [][]float32{{0.1, 0.9}, {0.8, 0.2}}, []string{"a", "b"}, []string{"b", "a"}, []int{0, 1}},
		// love has no class; joy is happy through PairedEmotions.
		{"dair-ai to RAVDESS", [][]float32{{0.1, 0.2, 0.6, 0.1}, {0.5, 0.1, 0.3, 0.1}}, []string{"sadness", "joy", "love", "anger"},
			[]string{"happy", "sad", "angry"}, []int{0, 1}},
		{"nothing maps", [][]float32{{1}}, []string{"x"}, []string{"happy"}, []int{-1}},
	}
	for _, c := range cases {
		if got := MapScores(c.scores, c.from, c.to); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// TestBenchScore scores a fixed classifier on two folds by hand:
// fold 1 tests utterances 0, 1 (both right), fold 2 tests 2, 3 (one right).
func TestBenchScore(t *testing.T) {
	b := &Bench{Labels: []string{"x", "y"}, Targets: []int{0, 1, 0, 1},
		Folds: []Positions{{Train: []int{2, 3}, Test: []int{0, 1}}, {Train: []int{0, 1}, Test: []int{2, 3}}}}
	out, err := b.Score(func(_, i int) int { return []int{0, 1, 1, 1}[i] })
	if err != nil {
		t.Fatal(err)
	}
	wa, ua := out.Summary()
	if wa.N != 2 || wa.Mean != 0.75 || wa.Std != 0.25 || ua.Mean != 0.75 {
		t.Errorf("WA %+v UA %+v, want mean 0.75, std 0.25 over 2 folds", wa, ua)
	}
}
