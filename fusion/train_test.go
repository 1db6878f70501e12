package fusion

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/emovox/emovox/nn"
)

// TestFusionBeatsEachBranch trains blocks on each branch alone and on both
// for synthetic data where each branch tells only two pairs of classes
// apart. A branch alone can reach about 50% (the best it can do is name
// the pair, then guess), so the test requires at most 60% from each and at
// least 80% from fusion, and fusion at least 25 points above the better
// branch. The Bayes accuracy of the fused data is about 91%.
func TestFusionBeatsEachBranch(t *testing.T) {
	trainSet := synthetic(150, 1.5, 1)
	validation := synthetic(40, 1.5, 2)
	test := synthetic(100, 1.5, 3)
	cfg := DefaultTrainConfig()
	only := func(s Set, acoustic, text bool) Set {
		if !acoustic {
			s.Acoustic = nil
		}
		if !text {
			s.Text = nil
		}
		return s
	}
	acc := map[string]float64{}
	for _, c := range []struct {
		name           string
		acoustic, text bool
	}{{"acoustic", true, false}, {"text", false, true}, {"fusion", true, true}} {
		m, res, err := Train(context.Background(), only(trainSet, c.acoustic, c.text), only(validation, c.acoustic, c.text), fourLabels, cfg)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		acc[c.name] = accuracy(m, only(test, c.acoustic, c.text))
		t.Logf("%s: test accuracy %.3f, best epoch %d of %d", c.name, acc[c.name], res.BestEpoch, len(res.History))
	}
	for _, b := range []string{"acoustic", "text"} {
		if acc[b] > 0.60 {
			t.Errorf("%s alone: accuracy %.3f > 0.60; the synthetic data is not ambiguous for it", b, acc[b])
		}
	}
	if best := max(acc["acoustic"], acc["text"]); acc["fusion"] < 0.80 || acc["fusion"] < best+0.25 {
		t.Errorf("fusion accuracy %.3f, want >= 0.80 and >= best branch %.3f + 0.25", acc["fusion"], best)
	}
}

// TestTrainIsReproducible checks that the same seed gives the same weights
// bit for bit, and another seed other weights.
func TestTrainIsReproducible(t *testing.T) {
	s, v := synthetic(30, 1.5, 1), synthetic(10, 1.5, 2)
	cfg := DefaultTrainConfig()
	cfg.Epochs = 5
	weights := func(seed uint64) []float32 {
		cfg.Seed = seed
		m, _, err := Train(context.Background(), s, v, fourLabels, cfg)
		if err != nil {
			t.Fatal(err)
		}
		var w []float32
		for _, p := range m.Params() {
			w = append(w, p.Value.Data...)
		}
		return w
	}
	a, b, c := weights(1), weights(1), weights(2)
	if !slices.Equal(a, b) {
		t.Error("two runs with seed 1 gave different weights")
	}
	if slices.Equal(a, c) {
		t.Error("seeds 1 and 2 gave the same weights")
	}
}

func TestSaveLoadPredictsTheSame(t *testing.T) {
	s, v := synthetic(30, 1.5, 1), synthetic(10, 1.5, 2)
	cfg := DefaultTrainConfig()
	cfg.Epochs = 3
	m, _, err := Train(context.Background(), s, v, fourLabels, cfg)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "fusion.safetensors")
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	back, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := m.Logits(v.Embeddings)
	got, err := back.Logits(v.Embeddings)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if !slices.Equal(want[i], got[i]) {
			t.Fatalf("row %d: loaded model gives %v, saved one %v", i, got[i], want[i])
		}
	}
	if !slices.Equal(back.Labels(), fourLabels) || back.Config() != m.Config() {
		t.Errorf("loaded labels %v config %+v, want %v %+v", back.Labels(), back.Config(), fourLabels, m.Config())
	}
}

func TestTrainRejectsBadInput(t *testing.T) {
	good := synthetic(5, 1, 1)
	bad := func(edit func(*Set)) Set {
		s := synthetic(5, 1, 1)
		edit(&s)
		return s
	}
	nan := float32(0)
	nan /= nan
	cfg := DefaultTrainConfig()
	cases := []struct {
		name   string
		set    Set
		labels []string
		cfg    TrainConfig
		want   error
	}{
		{"short text row", bad(func(s *Set) { s.Text[3] = s.Text[3][:2] }), fourLabels, cfg, ErrInput},
		{"missing text rows", bad(func(s *Set) { s.Text = s.Text[:4] }), fourLabels, cfg, ErrInput},
		{"label out of range", bad(func(s *Set) { s.Labels[0] = 4 }), fourLabels, cfg, ErrInput},
		{"too few labels", bad(func(s *Set) { s.Labels = s.Labels[1:] }), fourLabels, cfg, ErrInput},
		{"NaN", bad(func(s *Set) { s.Acoustic[2][1] = nan }), fourLabels, cfg, ErrInput},
		{"one class", good, []string{"only"}, cfg, ErrConfig},
		{"no branch", bad(func(s *Set) { s.Acoustic, s.Text = nil, nil }), fourLabels, cfg, ErrConfig},
		{"no epochs", good, fourLabels, TrainConfig{BatchSize: 1, LR: 1}, ErrConfig},
		{"dropout 1", good, fourLabels, TrainConfig{Epochs: 1, BatchSize: 1, LR: 1, Dropout: 1}, ErrConfig},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := Train(context.Background(), c.set, Set{}, c.labels, c.cfg)
			if !errors.Is(err, c.want) {
				t.Errorf("error %v, want %v", err, c.want)
			}
		})
	}
}

func TestTrainStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Train(ctx, synthetic(5, 1, 1), Set{}, fourLabels, DefaultTrainConfig()); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

func TestLoadRejectsOtherFiles(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.safetensors")
	if err := os.WriteFile(garbage, []byte("not a model"), 0o644); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "plain.safetensors")
	if err := nn.Save(plain, newBlock(Config{Acoustic: 2, Text: 1, Hidden: 3}, 2, nil).params(), nil); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{garbage, plain} {
		if _, err := Load(path); !errors.Is(err, ErrModel) {
			t.Errorf("%s: error %v, want ErrModel", filepath.Base(path), err)
		}
	}
}
