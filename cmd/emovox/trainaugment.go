package main

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/emovox/emovox/corpus"
	"github.com/emovox/emovox/dataset"
)

// augment returns the dataset to train on and the training positions in
// it: x.data itself, or x.data followed by the augmented copies of the
// training items the flags ask for.
func (x *experiment) augment(ctx context.Context, items []corpus.Item, train []int) (*dataset.Dataset, []int, error) {
	all, positions := x.data, train
	for c, cp := range x.f.copies() {
		copies, err := buildDataset(ctx, items, x.labels, dataset.Options{
			Set: x.f.featureSet, Rate: trainRate, Jobs: x.f.jobs,
			Augment: cp.augment, AugmentSeed: x.f.seed<<8 | uint64(c),
		}, cp.name, x.stderr)
		if err != nil {
			return nil, nil, err
		}
		for i := range copies.Len() {
			positions = append(positions, all.Len()+i)
		}
		if all, err = dataset.Concat(all, copies); err != nil {
			return nil, nil, err
		}
	}
	return all, positions, nil
}

// augmentedCopy is one augmented copy of the training files.
type augmentedCopy struct {
	name    string
	augment dataset.Augment
}

// copies lists the augmented copies the flags ask for.
func (f *trainFlags) copies() []augmentedCopy {
	var out []augmentedCopy
	for c := range f.noiseCopies {
		out = append(out, augmentedCopy{fmt.Sprintf("noise copy %d", c+1), addNoise})
	}
	for _, factor := range f.speeds {
		out = append(out, augmentedCopy{fmt.Sprintf("speed %g", factor), func(x []float32, _ int, _ *rand.Rand) ([]float32, error) {
			return dataset.Speed(x, factor), nil
		}})
	}
	for _, semitones := range f.pitches {
		out = append(out, augmentedCopy{fmt.Sprintf("pitch %+g", semitones), func(x []float32, rate int, _ *rand.Rand) ([]float32, error) {
			return dataset.PitchShift(x, rate, semitones), nil
		}})
	}
	return out
}

// addNoise adds white noise at an SNR drawn uniformly from 10 to 30 dB.
func addNoise(samples []float32, _ int, rng *rand.Rand) ([]float32, error) {
	return dataset.AddNoise(samples, samples, 10+20*rng.Float64(), rng), nil
}

// specAugment masks up to two bands of 8 features and two runs of 10
// frames of every example of a batch, at the mean (0 after normalising).
func specAugment(b *dataset.Batch, rng *rand.Rand) {
	masks := dataset.SpecAugment{FreqMasks: 2, MaxFreqWidth: 8, TimeMasks: 2, MaxTimeWidth: 10}
	for i := range b.Size {
		masks.Apply(b.Example(i), rng)
	}
}
