package wer

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// ravdessStatements are the two sentences of RAVDESS: a vocabulary of
// eight words, where substitutes and insertions often repeat a
// neighbouring word, the hardest case for keeping the measured rate on
// target.
var ravdessStatements = []string{"Kids are talking by the door", "Dogs are sitting by the door"}

// corpus returns n reference utterances: the RAVDESS statements in turn,
// or sentences of 3 to 20 words drawn from a small English vocabulary.
func corpus(name string, n int) (sentences, vocabulary []string) {
	if name == "ravdess" {
		for i := range n {
			sentences = append(sentences, ravdessStatements[i%2])
		}
		return sentences, ravdessStatements
	}
	words := strings.Fields("i you we they it is was are not the a an to of and in on at " +
		"what why how where know think want go come see tell really just so okay yeah no " +
		"well right now here there time today home work good bad happy sorry mean love")
	rng := rand.New(rand.NewPCG(1, 2))
	for range n {
		s := make([]string, 3+rng.IntN(18))
		for i := range s {
			s[i] = words[rng.IntN(len(words))]
		}
		sentences = append(sentences, strings.Join(s, " "))
	}
	return sentences, words
}

// TestSimulatorAchievesRate corrupts whole corpora and measures the
// pooled WER with Align. The achieved rate must lie within 4 standard
// deviations of the binomial sampling noise, 4·sqrt(w(1−w)/N), of the
// target w; Corrupt's placement retries leave no systematic shortfall.
// The error kinds must keep the mix's proportions within 0.03.
func TestSimulatorAchievesRate(t *testing.T) {
	for _, name := range []string{"ravdess", "conversational"} {
		sentences, vocab := corpus(name, 3000)
		for _, target := range []float64{0.06, 0.2, 0.5} {
			t.Run(fmt.Sprintf("%s/%v", name, target), func(t *testing.T) {
				mix := DefaultMix()
				sim, err := NewSimulator(target, mix, vocab)
				if err != nil {
					t.Fatal(err)
				}
				rng := rand.New(rand.NewPCG(7, uint64(target*1000)))
				var total Counts
				for _, ref := range sentences {
					total = total.Add(Score(ref, sim.Corrupt(ref, rng)))
				}
				n := float64(total.RefWords())
				tol := 4 * math.Sqrt(target*(1-target)/n)
				got := total.WER()
				t.Logf("N=%d target %.2f achieved %.4f (tolerance %.4f), S/D/I = %d/%d/%d",
					total.RefWords(), target, got, tol, total.Substitutions, total.Deletions, total.Insertions)
				if math.Abs(got-target) > tol {
					t.Errorf("achieved WER %.4f, want %.2f ± %.4f", got, target, tol)
				}
				errs := float64(total.Errors())
				for _, kind := range []struct {
					name      string
					got, want float64
				}{
					{"substitutions", float64(total.Substitutions) / errs, mix.Substitutions},
					{"deletions", float64(total.Deletions) / errs, mix.Deletions},
					{"insertions", float64(total.Insertions) / errs, mix.Insertions},
				} {
					if math.Abs(kind.got-kind.want) > 0.03 {
						t.Errorf("%s are %.3f of the errors, want %.2f ± 0.03", kind.name, kind.got, kind.want)
					}
				}
			})
		}
	}
}

func TestSimulatorDeterministic(t *testing.T) {
	sentences, vocab := corpus("conversational", 200)
	sim, err := NewSimulator(0.3, DefaultMix(), vocab)
	if err != nil {
		t.Fatal(err)
	}
	run := func(seed uint64) []string {
		rng := rand.New(rand.NewPCG(seed, 0))
		var out []string
		for _, s := range sentences {
			out = append(out, sim.Corrupt(s, rng))
		}
		return out
	}
	a, b, c := run(1), run(1), run(2)
	if !slices.Equal(a, b) {
		t.Error("same seed gave different corruptions")
	}
	if slices.Equal(a, c) {
		t.Error("seeds 1 and 2 gave the same corruptions")
	}
}

func TestSimulatorRateZeroKeepsText(t *testing.T) {
	sim, err := NewSimulator(0, DefaultMix(), ravdessStatements)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 1))
	if got, want := sim.Corrupt("Kids are talking, by the door!", rng), "kids are talking by the door"; got != want {
		t.Errorf("Corrupt at rate 0 = %q, want %q", got, want)
	}
}

func TestSimulatorDoesNotModifyInput(t *testing.T) {
	sim, err := NewSimulator(1, DefaultMix(), ravdessStatements)
	if err != nil {
		t.Fatal(err)
	}
	words := Normalize(ravdessStatements[0])
	orig := slices.Clone(words)
	sim.CorruptWords(words, rand.New(rand.NewPCG(3, 3)))
	if !slices.Equal(words, orig) {
		t.Errorf("CorruptWords changed its input to %q", words)
	}
}

func TestNewSimulatorErrors(t *testing.T) {
	tests := []struct {
		name  string
		rate  float64
		mix   Mix
		vocab []string
		want  error
	}{
		{"negative rate", -0.1, DefaultMix(), ravdessStatements, ErrRate},
		{"rate above one", 1.5, DefaultMix(), ravdessStatements, ErrRate},
		{"NaN rate", math.NaN(), DefaultMix(), ravdessStatements, ErrRate},
		{"negative mix", 0.1, Mix{1, -1, 0}, ravdessStatements, ErrMix},
		{"zero mix", 0.1, Mix{}, ravdessStatements, ErrMix},
		{"infinite mix", 0.1, Mix{math.Inf(1), 0, 0}, ravdessStatements, ErrMix},
		{"one word", 0.1, DefaultMix(), []string{"Door", "door."}, ErrVocabulary},
		{"no words", 0.1, DefaultMix(), []string{"[NOISE]"}, ErrVocabulary},
	}
	for _, tt := range tests {
		if _, err := NewSimulator(tt.rate, tt.mix, tt.vocab); !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
	}
}

func FuzzCorruptWords(f *testing.F) {
	f.Add("kids are talking by the door", 0.5, uint64(1))
	f.Add("a", 1.0, uint64(2))
	f.Add("", 0.3, uint64(3))
	f.Fuzz(func(t *testing.T, text string, rate float64, seed uint64) {
		sim, err := NewSimulator(rate, Mix{1, 1, 1}, []string{"yes", "no"})
		if err != nil {
			if !errors.Is(err, ErrRate) {
				t.Fatalf("NewSimulator(%v): %v", rate, err)
			}
			return
		}
		words := Normalize(text)
		hyp := sim.CorruptWords(words, rand.New(rand.NewPCG(seed, seed)))
		if c := Align(words, hyp); c.Errors() > 2*len(words) {
			t.Fatalf("CorruptWords(%q) = %q: %d errors for %d words", words, hyp, c.Errors(), len(words))
		}
	})
}
