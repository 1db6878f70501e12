package fusion

import (
	"context"
	"fmt"

	"github.com/emovox/emovox/metrics"
)

// Positions are the utterances of one fold, as positions in a Bench.
type Positions struct {
	Train, Validation, Test []int
}

// Bench is a cross-validated fusion experiment over one list of
// utterances, with the branches' embeddings computed once: the class of
// every utterance, the positions of every fold, and for every fold the
// embeddings of that fold's acoustic branch (each fold has an acoustic
// model trained without its test speakers). Text embeddings come per
// transcript condition (Texts), since the text branch does not depend on
// the fold.
type Bench struct {
	Labels  []string
	Targets []int
	Folds   []Positions
	// Acoustic[k][i] is utterance i's embedding by fold k's branch.
	Acoustic [][][]float32
}

// Texts are the text-branch embeddings of one transcript condition: for
// every utterance, the embedding it has when it trains or validates a
// block, and the one it has when it is tested. They are the same for a
// corpus's own transcripts and differ in the paired benchmark, whose
// clips are read with held-out sentences from disjoint pools.
type Texts struct {
	Train, Test [][]float32
}

// folds returns the folds of the bench for a block that reads the acoustic
// branch (acoustic) and the text embeddings texts (nil: no text).
func (b *Bench) folds(acoustic bool, texts *Texts) []Fold {
	out := make([]Fold, len(b.Folds))
	for k, p := range b.Folds {
		set := func(idx []int, test bool) Set {
			s := Set{Labels: pick(b.Targets, idx)}
			if acoustic {
				s.Acoustic = pick(b.Acoustic[k], idx)
			}
			if texts != nil {
				rows := texts.Train
				if test {
					rows = texts.Test
				}
				s.Text = pick(rows, idx)
			}
			return s
		}
		out[k] = Fold{Train: set(p.Train, false), Validation: set(p.Validation, false), Test: set(p.Test, true)}
	}
	return out
}

// Run cross-validates a block reading the acoustic branch (acoustic)
// and/or texts over the bench's folds, runs times (see CrossValidate).
func (b *Bench) Run(ctx context.Context, acoustic bool, texts *Texts, cfg TrainConfig, runs int) (Outcome, error) {
	if !acoustic && texts == nil {
		return Outcome{}, fmt.Errorf("%w: a block reads at least one branch", ErrConfig)
	}
	reports, err := CrossValidate(ctx, b.folds(acoustic, texts), b.Labels, cfg, runs)
	if err != nil {
		return Outcome{}, err
	}
	return Outcome{Reports: reports}, nil
}

// Score scores a classifier that needs no training on the bench's folds:
// predict(k, i) is its class for test utterance i of fold k. It is one run.
func (b *Bench) Score(predict func(fold, utterance int) int) (Outcome, error) {
	var run []*metrics.Report
	for k, p := range b.Folds {
		yTrue, yPred := make([]int, len(p.Test)), make([]int, len(p.Test))
		for j, i := range p.Test {
			yTrue[j], yPred[j] = b.Targets[i], predict(k, i)
		}
		r, err := metrics.Evaluate(b.Labels, yTrue, yPred)
		if err != nil {
			return Outcome{}, fmt.Errorf("fold %d: %w", k+1, err)
		}
		run = append(run, r)
	}
	return Outcome{Reports: [][]*metrics.Report{run}}, nil
}

// MapScores returns, for every row of class scores over the labels from,
// the class of to with the highest score, reading a label of from as the
// class of the same name or, failing that, the speech class that
// PairedEmotions pairs it with (dair-ai "joy" is "happy"). Labels of from
// with no class are ignored. It returns -1 for every row when no label
// maps.
func MapScores(scores [][]float32, from, to []string) []int {
	index := map[string]int{}
	for i, l := range to {
		index[l] = i
	}
	for _, ep := range PairedEmotions {
		if _, ok := index[ep.Text]; !ok {
			if i, ok := index[ep.Speech]; ok {
				index[ep.Text] = i
			}
		}
	}
	out := make([]int, len(scores))
	for r, row := range scores {
		best, class := float32(0), -1
		for j, v := range row {
			if j >= len(from) {
				break
			}
			c, ok := index[from[j]]
			if !ok {
				continue
			}
			if class < 0 || v > best {
				best, class = v, c
			}
		}
		out[r] = class
	}
	return out
}
