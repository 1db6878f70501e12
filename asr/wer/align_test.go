package wer

import (
	"math"
	"testing"
)

// The expected counts were worked out by hand; each case says why its
// decomposition is the only one of minimum cost, or which tie-break
// picks it.
func TestScore(t *testing.T) {
	tests := []struct {
		name      string
		ref, hyp  string
		want      Counts
		wantRate  float64
		undefined bool
	}{
		{name: "identical", ref: "Kids are talking by the door", hyp: "kids are talking by the door",
			want: Counts{Hits: 6}, wantRate: 0},
		{name: "substitution and deletion", ref: "the cat sat on the mat", hyp: "the cat sit on mat",
			want: Counts{Hits: 4, Substitutions: 1, Deletions: 1}, wantRate: 2.0 / 6},
		{name: "insertion", ref: "a b c", hyp: "a x b c",
			want: Counts{Hits: 3, Insertions: 1}, wantRate: 1.0 / 3},
		{name: "empty hypothesis", ref: "a b", hyp: "",
			want: Counts{Deletions: 2}, wantRate: 1},
		{name: "wer above one", ref: "a", hyp: "b c d",
			want: Counts{Substitutions: 1, Insertions: 2}, wantRate: 3},
		// Equal lengths force D = I; 5 hits (i want go to store) is the
		// longest common subsequence and needs one shift, so S = 2,
		// D = I = 1 at cost 4; 4 positional hits do not exist.
		{name: "shifted", ref: "I want to go to the store today", hyp: "i want go to a store to day",
			want: Counts{Hits: 5, Substitutions: 2, Deletions: 1, Insertions: 1}, wantRate: 4.0 / 8},
		// Both S=2 and H=1,D=1,I=1 cost 2: the tie-break prefers the
		// diagonal.
		{name: "swap tie-break", ref: "a b", hyp: "b a",
			want: Counts{Substitutions: 2}, wantRate: 1},
		{name: "normalised away", ref: "Don't stop, kids!", hyp: "[NOISE] don't <sil> stop kids",
			want: Counts{Hits: 3}, wantRate: 0},
		{name: "empty reference", ref: "[LAUGHTER]", hyp: "ha",
			want: Counts{Insertions: 1}, undefined: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Score(tt.ref, tt.hyp)
			if got != tt.want {
				t.Fatalf("Score(%q, %q) = %+v, want %+v", tt.ref, tt.hyp, got, tt.want)
			}
			rate := got.WER()
			if tt.undefined {
				if !math.IsNaN(rate) {
					t.Errorf("WER = %v, want NaN for an empty reference", rate)
				}
				return
			}
			if math.Abs(rate-tt.wantRate) > 1e-15 {
				t.Errorf("WER = %v, want %v", rate, tt.wantRate)
			}
		})
	}
}

// TestAlignIsMinimal checks on all pairs of short sequences over a
// two-word alphabet that the counts describe a valid alignment (N and
// the hypothesis length add up) whose cost is the edit distance found by
// brute-force recursion.
func TestAlignIsMinimal(t *testing.T) {
	seqs := allSequences([]string{"a", "b"}, 4)
	for _, ref := range seqs {
		for _, hyp := range seqs {
			c := Align(ref, hyp)
			if c.RefWords() != len(ref) || c.Hits+c.Substitutions+c.Insertions != len(hyp) {
				t.Fatalf("Align(%v, %v) = %+v: does not account for both sequences", ref, hyp, c)
			}
			if want := naiveDistance(ref, hyp); c.Errors() != want {
				t.Fatalf("Align(%v, %v) = %+v: %d errors, edit distance is %d", ref, hyp, c, c.Errors(), want)
			}
		}
	}
}

func TestCountsAdd(t *testing.T) {
	a := Counts{Hits: 5, Substitutions: 1, Deletions: 2}
	b := Counts{Hits: 1, Insertions: 3}
	got := a.Add(b)
	if want := (Counts{Hits: 6, Substitutions: 1, Deletions: 2, Insertions: 3}); got != want {
		t.Fatalf("Add = %+v, want %+v", got, want)
	}
	// Corpus WER pools errors over words: (3+3)/(8+1), not the mean of 3/8 and 3/1.
	if got, want := got.WER(), 6.0/9; got != want {
		t.Errorf("WER = %v, want %v", got, want)
	}
}

// allSequences returns every sequence of at most maxLen words over
// alphabet, the empty one included.
func allSequences(alphabet []string, maxLen int) [][]string {
	seqs := [][]string{{}}
	last := [][]string{{}}
	for range maxLen {
		var next [][]string
		for _, s := range last {
			for _, w := range alphabet {
				next = append(next, append(append([]string(nil), s...), w))
			}
		}
		seqs = append(seqs, next...)
		last = next
	}
	return seqs
}

// naiveDistance is the textbook recursive definition of the edit
// distance, independent of the table Align fills.
func naiveDistance(a, b []string) int {
	switch {
	case len(a) == 0:
		return len(b)
	case len(b) == 0:
		return len(a)
	}
	sub := naiveDistance(a[1:], b[1:])
	if a[0] != b[0] {
		sub++
	}
	return min(sub, naiveDistance(a[1:], b)+1, naiveDistance(a, b[1:])+1)
}
