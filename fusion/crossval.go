package fusion

import (
	"context"
	"fmt"

	"github.com/emovox/emovox/metrics"
)

// Fold is one fold of an experiment: the utterances a block trains on,
// validates on (early stopping) and is tested on.
type Fold struct {
	Train, Validation, Test Set
}

// CrossValidate trains a block on every fold, runs times with the seeds
// cfg.Seed, cfg.Seed+1, ..., and scores it on the fold's test set:
// reports[r][k] is run r on fold k. The branches a block reads are those
// the training sets have embeddings for. Errors are Train's, naming the
// fold and run.
func CrossValidate(ctx context.Context, folds []Fold, labels []string, cfg TrainConfig, runs int) ([][]*metrics.Report, error) {
	if runs < 1 || len(folds) == 0 {
		return nil, fmt.Errorf("%w: %d runs over %d folds", ErrConfig, runs, len(folds))
	}
	reports := make([][]*metrics.Report, runs)
	for r := range runs {
		c := cfg
		c.Seed = cfg.Seed + uint64(r)
		for k, f := range folds {
			rep, err := trainAndTest(ctx, f, labels, c)
			if err != nil {
				return nil, fmt.Errorf("fold %d, run %d: %w", k+1, r+1, err)
			}
			reports[r] = append(reports[r], rep)
		}
	}
	return reports, nil
}

// trainAndTest trains a block on f and scores it on f's test set.
func trainAndTest(ctx context.Context, f Fold, labels []string, cfg TrainConfig) (*metrics.Report, error) {
	m, _, err := Train(ctx, f.Train, f.Validation, labels, cfg)
	if err != nil {
		return nil, err
	}
	pred, err := m.Predict(f.Test.Embeddings)
	if err != nil {
		return nil, fmt.Errorf("test set: %w", err)
	}
	return metrics.Evaluate(labels, f.Test.Labels, pred)
}
