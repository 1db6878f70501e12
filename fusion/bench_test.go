package fusion

import (
	"context"
	"testing"
)

// BenchmarkTrain times training a block on 800 utterances of 256 acoustic
// and 6 text values (the RAVDESS paired benchmark's shape) for 10 epochs.
func BenchmarkTrain(b *testing.B) {
	s := wide(synthetic(200, 1.5, 1), 256)
	cfg := DefaultTrainConfig()
	cfg.Epochs = 10
	for b.Loop() {
		if _, _, err := Train(context.Background(), s, Set{}, fourLabels, cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPredict times scoring one utterance.
func BenchmarkPredict(b *testing.B) {
	s := wide(synthetic(20, 1.5, 1), 256)
	cfg := DefaultTrainConfig()
	cfg.Epochs = 1
	m, _, err := Train(context.Background(), s, Set{}, fourLabels, cfg)
	if err != nil {
		b.Fatal(err)
	}
	one := s.Subset([]int{0}).Embeddings
	for b.Loop() {
		if _, err := m.Predict(one); err != nil {
			b.Fatal(err)
		}
	}
}

// wide pads the acoustic rows of s with zeros to width values.
func wide(s Set, width int) Set {
	for i, row := range s.Acoustic {
		w := make([]float32, width)
		copy(w, row)
		s.Acoustic[i] = w
	}
	return s
}
