package train

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/emovox/emovox/models"
	"github.com/emovox/emovox/nn"
)

// Run trains model on data as cfg says, from the model's current weights
// and a fresh optimiser, and returns the history. At the end the model
// holds the best epoch's weights and is in evaluation mode.
//
// If ctx is done, Run stops between two batches and returns ctx's error,
// wrapped; the checkpoint of the last finished epoch stays for Resume.
// Errors wrap ErrConfig for a configuration that cannot train, ErrDiverged
// for a loss that is not finite, and the file errors of the checkpoint and
// the log.
func Run(ctx context.Context, model models.Classifier, data Data, cfg Config) (*Result, error) {
	t, err := newTrainer(model, data, cfg)
	if err != nil {
		return nil, err
	}
	return t.run(ctx)
}

// Resume continues the run whose checkpoint is cfg.Checkpoint: it loads
// the weights, the optimiser's state and the history into model and a new
// optimiser and trains the remaining epochs, ending exactly as the run
// would have without the interruption. model must be built as the
// interrupted run's was (its initial weights do not matter) and data and
// cfg must be the same: the checkpoint records them and a difference is
// an error wrapping ErrMismatch. A checkpoint of a finished run returns
// its result at once. A missing checkpoint is an error wrapping
// fs.ErrNotExist; an unreadable one wraps ErrCheckpoint.
func Resume(ctx context.Context, model models.Classifier, data Data, cfg Config) (*Result, error) {
	if cfg.Checkpoint == "" {
		return nil, fmt.Errorf("%w: Resume without a checkpoint file", ErrConfig)
	}
	t, err := newTrainer(model, data, cfg)
	if err != nil {
		return nil, err
	}
	if err := t.load(cfg.Checkpoint); err != nil {
		return nil, err
	}
	if err := t.writeLog(); err != nil {
		return nil, err
	}
	return t.run(ctx)
}

// run trains the remaining epochs.
func (t *trainer) run(ctx context.Context) (*Result, error) {
	clock := newClock(t)
	for !t.done() {
		rec, err := t.epoch(ctx, clock)
		if err != nil {
			return nil, err
		}
		t.update(rec)
		if err := t.save(); err != nil {
			return nil, err
		}
		if err := t.writeLog(); err != nil {
			return nil, err
		}
		if t.cfg.OnEpoch != nil {
			t.cfg.OnEpoch(*rec)
		}
	}
	t.restoreBest()
	t.model.SetTraining(false)
	return t.result(), nil
}

// epoch runs the next epoch and validates it.
func (t *trainer) epoch(ctx context.Context, clock *clock) (*Epoch, error) {
	start := time.Now()
	e := t.state.Epochs
	rec := &Epoch{Epoch: e + 1, LR: t.cfg.lr(e)}
	t.opt.SetLR(rec.LR)
	if r, ok := t.model.(Reseeder); ok {
		r.Reseed(epochSeed(t.cfg.Seed, e))
	}
	t.model.SetTraining(true)
	nn.ZeroGrad(t.params)
	var lossSum float64
	var seen, correct int
	batches := t.sampler.Len()
	b := 0
	for indices := range t.sampler.Batches(e) {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("train: stopped in epoch %d: %w", e+1, err)
		}
		loss, right := t.step(indices, e, b)
		if math.IsNaN(loss) || math.IsInf(loss, 0) {
			return nil, fmt.Errorf("%w: %v in epoch %d, batch %d", ErrDiverged, loss, e+1, b+1)
		}
		lossSum += loss * float64(len(indices))
		seen += len(indices)
		correct += right
		b++
		clock.tick()
		if t.cfg.OnBatch != nil {
			t.cfg.OnBatch(clock.progress(e+1, b, batches, lossSum/float64(seen), float64(correct)/float64(seen)))
		}
	}
	rec.TrainLoss, rec.TrainAccuracy = lossSum/float64(seen), float64(correct)/float64(seen)
	if err := t.validate(ctx, rec); err != nil {
		return nil, err
	}
	rec.Seconds = time.Since(start).Seconds()
	return rec, nil
}

// step takes one optimiser step on the batch of the given positions, the
// b-th of epoch e, and returns its loss and number of correct
// predictions.
func (t *trainer) step(indices []int, e, b int) (loss float64, correct int) {
	t.batch = t.data.Batcher.Assemble(t.batch, t.data.Dataset, indices)
	if t.cfg.Augment != nil {
		t.cfg.Augment(t.batch, batchRNG(t.cfg.Seed, e, b))
	}
	logits := t.model.Forward(batchTensor(t.batch), t.batch.Lengths)
	loss = t.ce.Forward(logits, t.batch.Labels)
	classes := logits.Dim(1)
	for i, y := range t.batch.Labels {
		if nn.Argmax(logits.Data[i*classes:(i+1)*classes]) == y {
			correct++
		}
	}
	t.model.Backward(t.ce.Backward())
	if t.cfg.ClipNorm > 0 {
		nn.ClipGradNorm(t.trainable, t.cfg.ClipNorm)
	}
	t.opt.Step()
	nn.ZeroGrad(t.params)
	return loss, correct
}

// validate scores the model on the validation positions, if any.
func (t *trainer) validate(ctx context.Context, rec *Epoch) error {
	if len(t.data.Validation) == 0 {
		return nil
	}
	out, err := Infer(ctx, t.model, t.data.Dataset, t.data.Validation, t.data.Batcher, t.cfg.BatchSize)
	if err != nil {
		return err
	}
	s, err := out.scores(t.data.Dataset.LabelSet.Labels, t.cfg.ClassWeights)
	if err != nil {
		return err
	}
	if math.IsNaN(s.Loss) || math.IsInf(s.Loss, 0) {
		return fmt.Errorf("%w: validation loss %v in epoch %d", ErrDiverged, s.Loss, rec.Epoch)
	}
	rec.Validation = &s
	return nil
}
