package fusion

import (
	"math"

	"github.com/emovox/emovox/text/lexicon"
	"math/rand/v2"
)

// synthetic returns a labelled set of n utterances per class over four
// classes in which each branch alone is ambiguous: the acoustic vectors
// (8 values) tell {0, 1} from {2, 3} (like arousal), the text vectors (6
// values) tell {0, 2} from {1, 3} (like valence), each with unit Gaussian
// noise around means ±shift, so only the two together name the class.
func synthetic(n int, shift float64, seed uint64) Set {
	rng := rand.New(rand.NewPCG(seed, 7))
	var s Set
	for c := range 4 {
		for range n {
			a := make([]float32, 8)
			for j := range a {
				a[j] = float32(rng.NormFloat64())
			}
			t := make([]float32, 6)
			for j := range t {
				t[j] = float32(rng.NormFloat64())
			}
			sign := func(b bool) float64 {
				if b {
					return 1
				}
				return -1
			}
			a[0] += float32(shift * sign(c/2 == 1))
			a[1] += float32(shift * sign(c/2 == 1))
			t[0] += float32(shift * sign(c%2 == 1))
			s.Acoustic = append(s.Acoustic, a)
			s.Text = append(s.Text, t)
			s.Labels = append(s.Labels, c)
		}
	}
	return s
}

var fourLabels = []string{"c0", "c1", "c2", "c3"}

// accuracy returns the share of rows of s that m classifies right.
func accuracy(m *Model, s Set) float64 {
	pred, err := m.Predict(s.Embeddings)
	if err != nil {
		panic(err)
	}
	right := 0
	for i, p := range pred {
		if p == s.Labels[i] {
			right++
		}
	}
	return float64(right) / float64(len(pred))
}

func lexiconConfig() lexicon.Config { return lexicon.Config{Alpha: 1} }

func expf(v float32) float64 { return math.Exp(float64(v)) }
