package ter

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/emovox/emovox/text/bert"
)

// TestMaskerProportions masks a large batch and checks BERT's proportions
// (15% of the real tokens picked; of those 80% [MASK], 10% random, 10%
// kept) within 5 standard deviations, and that [CLS], [SEP] and padding
// are never picked.
func TestMaskerProportions(t *testing.T) {
	c := toyClassifier(t, 1)
	encs := c.Tokenizer.EncodeBatch(toyData(2000, 5).Texts(), 12)
	b, err := bert.NewBatch(encs)
	if err != nil {
		t.Fatal(err)
	}
	orig := slices.Clone(b.IDs)
	real := 0
	for _, n := range b.Lengths {
		real += n - 2
	}
	mk := newMasker(c.Tokenizer, 0.15)
	positions, targets := mk.mask(newRand(1), &b)
	within := func(name string, got, n int, p float64) {
		sd := math.Sqrt(float64(n) * p * (1 - p))
		if math.Abs(float64(got)-float64(n)*p) > 5*sd {
			t.Errorf("%s: %d of %d, expected %.0f ± %.0f", name, got, n, float64(n)*p, sd)
		}
	}
	within("picked", len(positions), real, 0.15)
	var masked, kept int
	for i, p := range positions {
		if targets[i] != orig[p] || mk.special[orig[p]] {
			t.Fatalf("position %d: target %d, original %d", p, targets[i], orig[p])
		}
		switch b.IDs[p] {
		case mk.maskID:
			masked++
		case orig[p]:
			kept++
		}
	}
	within("masked", masked, len(positions), 0.8)
	// Kept: 10%, plus the random replacements that drew the same token.
	within("kept", kept, len(positions), 0.1+0.1/float64(mk.vocabSize))
}

// TestPretrainMLM pre-trains the toy encoder twice with the same seed:
// the masked-token loss must fall and both runs must agree.
func TestPretrainMLM(t *testing.T) {
	texts := toyData(300, 6).Texts()
	cfg := DefaultMLMConfig()
	cfg.MaxLen, cfg.Epochs, cfg.BatchSize, cfg.LR, cfg.WarmupSteps = 12, 5, 16, 3e-3, 10
	var runs [][]MLMEpochLog
	for range 2 {
		c := toyClassifier(t, 2)
		_, logs, err := PretrainMLM(context.Background(), c.Tokenizer, c.Encoder, texts, cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := range logs {
			logs[i].Seconds = 0
		}
		runs = append(runs, logs)
	}
	logs := runs[0]
	if len(logs) != 5 || logs[4].Loss >= 0.8*logs[0].Loss {
		t.Errorf("loss did not fall: %+v", logs)
	}
	if !slices.Equal(runs[0], runs[1]) {
		t.Errorf("same seed, different runs: %+v %+v", runs[0], runs[1])
	}
}
