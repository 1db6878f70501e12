package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"time"

	"github.com/emovox/emovox/corpus"
	"github.com/emovox/emovox/dataset"
	"github.com/emovox/emovox/metrics"
	"github.com/emovox/emovox/models"
	"github.com/emovox/emovox/models/modelfile"
	"github.com/emovox/emovox/nn"
	"github.com/emovox/emovox/split"
	"github.com/emovox/emovox/train"
)

// fold is one fold of an experiment on its way to a model.
type fold struct {
	k       int
	name    string // file-name part: "fold-2", "holdout"
	indices dataset.FoldIndices
	data    train.Data
	meta    models.Metadata
	model   models.Classifier
	cfg     train.Config
	result  *train.Result
	seconds float64
}

// runFold trains, tests, saves and draws fold k, and returns its test
// report (nil without a test set).
func (x *experiment) runFold(ctx context.Context, k int) (*metrics.Report, error) {
	fd := &fold{k: k, name: foldLabel(x.foldName(k))}
	if err := x.prepareFold(ctx, fd); err != nil {
		return nil, fmt.Errorf("fold %s: %w", x.foldName(k), err)
	}
	start := time.Now()
	if err := x.trainFold(ctx, fd); err != nil {
		return nil, fmt.Errorf("fold %s: %w", x.foldName(k), err)
	}
	fd.seconds = time.Since(start).Seconds()
	report, err := x.testFold(ctx, fd)
	if err != nil {
		return nil, fmt.Errorf("fold %s: %w", x.foldName(k), err)
	}
	if err := x.saveFold(fd, report); err != nil {
		return nil, fmt.Errorf("fold %s: %w", x.foldName(k), err)
	}
	return report, nil
}

// prepareFold finds the fold's items, carves its validation set, fits the
// normaliser, adds augmented copies and builds the model.
func (x *experiment) prepareFold(ctx context.Context, fd *fold) error {
	sets := x.sets[fd.k]
	if len(sets.Validation) == 0 && x.f.validationFraction > 0 {
		var err error
		if sets.Train, sets.Validation, err = carveValidation(sets.Train, x.bySpeaker(), x.f.validationFraction, x.f.seed+uint64(fd.k)); err != nil {
			return err
		}
	}
	idx, err := x.data.Fold(sets)
	if err != nil {
		return err
	}
	fd.indices = idx
	norm, err := dataset.FitNormalizer(x.data.Subset(idx.Train).Seqs)
	if err != nil {
		return err
	}
	frames := x.f.frames
	if frames == 0 {
		for _, i := range idx.Train {
			frames = max(frames, x.data.Seqs[i].Frames)
		}
	}
	truncation := dataset.KeepStart
	if x.f.truncate == dataset.KeepCentre.String() || x.f.truncate == "center" {
		truncation = dataset.KeepCentre
	} else if x.f.truncate != dataset.KeepStart.String() {
		return fmt.Errorf("--truncate %q: want start or centre", x.f.truncate)
	}
	all, trainIdx, err := x.augment(ctx, sets.Train, idx.Train)
	if err != nil {
		return err
	}
	fd.data = train.Data{Dataset: all, Train: trainIdx, Validation: idx.Validation,
		Batcher: dataset.Batcher{Frames: frames, Truncate: truncation, Normalizer: &norm}}
	fd.meta = models.Metadata{
		Architecture: x.f.model, Config: x.f.archConfig, FeatureSet: x.f.featureSet, Rate: trainRate,
		Frames: frames, Truncation: truncation.String(), Labels: x.labels.Labels, LabelSet: x.labels.Name,
		Normalizer: norm,
	}
	fd.model, err = modelfile.New(fd.meta, rand.New(rand.NewPCG(x.f.seed, 0)))
	if err != nil {
		return err
	}
	fd.cfg = x.trainConfig(fd)
	fmt.Fprintf(x.stderr, "emovox: fold %s: %d training (%d with copies), %d validation, %d test items; %d frames\n",
		x.foldName(fd.k), len(idx.Train), len(trainIdx), len(idx.Validation), len(idx.Test), frames)
	return nil
}

// bySpeaker reports whether validation speakers, not items, are held
// out: for the protocols that hold out speakers.
func (x *experiment) bySpeaker() bool {
	return x.split != nil && holdsOutSpeakers(x.split.Protocol)
}

// holdsOutSpeakers reports whether protocol p tests on unseen speakers, so
// that validation sets must hold out speakers too. emovox train and emovox
// fuse both carve validation sets this way.
func holdsOutSpeakers(p split.Protocol) bool {
	switch p {
	case split.Speaker, split.LOSO, split.SpeakerKFold, split.Cross:
		return true
	}
	return false
}

// carveValidation splits items into training and validation items: a
// fraction of the speakers (bySpeaker) or a stratified fraction of the
// items, drawn with seed.
func carveValidation(items []corpus.Item, bySpeaker bool, fraction float64, seed uint64) (rest, validation []corpus.Item, err error) {
	p := split.Random
	if bySpeaker {
		p = split.Speaker
	}
	s, err := split.New(p, items, split.Options{TestFraction: fraction, Seed: seed})
	if err != nil {
		return nil, nil, fmt.Errorf("validation set: %w", err)
	}
	sets, err := s.Resolve(items)
	if err != nil {
		return nil, nil, fmt.Errorf("validation set: %w", err)
	}
	return sets[0].Train, sets[0].Test, nil
}

// trainConfig returns the training configuration of the flags.
func (x *experiment) trainConfig(fd *fold) train.Config {
	f := x.f
	opt := nn.AdamDefaults(f.lr)
	if f.weightDecay > 0 {
		opt.WeightDecay, opt.Decoupled = f.weightDecay, true
	}
	cfg := train.Config{
		Epochs: f.epochs, BatchSize: f.batch, Seed: f.seed, Optimizer: opt,
		ClipNorm: f.clip, Monitor: train.Monitor(f.monitor), Patience: f.patience,
		Checkpoint: x.checkpointPath(fd.k), Log: foldPath(f.log, fd.name, len(x.sets)),
	}
	if f.schedule == "cosine" {
		cfg.Schedule = nn.CosineLR{Base: f.lr, Min: f.lr / 100, Steps: f.epochs}
	}
	if f.balance {
		cfg.ClassWeights = train.ClassWeights(fd.data.Dataset.Subset(fd.data.Train).ClassCounts())
	}
	if f.specAugment {
		cfg.Augment = specAugment
	}
	return cfg
}

// trainFold trains the fold's model, resuming from its checkpoint with
// --resume.
func (x *experiment) trainFold(ctx context.Context, fd *fold) error {
	progress := newTrainProgress(x.stderr, x.foldName(fd.k), len(x.sets), fd.cfg.Epochs, len(fd.data.Train))
	fd.cfg.OnBatch, fd.cfg.OnEpoch = progress.onBatch, progress.onEpoch
	defer progress.finish()
	var err error
	if x.f.resume && fd.cfg.Checkpoint != "" {
		fd.result, err = train.Resume(ctx, fd.model, fd.data, fd.cfg)
		if errors.Is(err, fs.ErrNotExist) {
			progress.note("no checkpoint at %s; starting afresh", fd.cfg.Checkpoint)
			fd.result, err = train.Run(ctx, fd.model, fd.data, fd.cfg)
		}
	} else {
		fd.result, err = train.Run(ctx, fd.model, fd.data, fd.cfg)
	}
	return err
}

// testFold prints the fold's test report, or its validation scores
// without a test set.
func (x *experiment) testFold(ctx context.Context, fd *fold) (*metrics.Report, error) {
	best := fd.result.Best()
	fmt.Fprintf(x.stdout, "== fold %s: best epoch %d of %d", x.foldName(fd.k), fd.result.BestEpoch, len(fd.result.History))
	if fd.result.StoppedEarly {
		fmt.Fprint(x.stdout, " (stopped early)")
	}
	if best.Validation != nil {
		fmt.Fprintf(x.stdout, "; validation loss %.4f WA %.4f UA %.4f", best.Validation.Loss, best.Validation.WA, best.Validation.UA)
	}
	fmt.Fprintf(x.stdout, "; %.0f s ==\n", fd.seconds)
	if len(fd.indices.Test) == 0 {
		return nil, nil
	}
	out, err := train.Infer(ctx, fd.model, fd.data.Dataset, fd.indices.Test, fd.data.Batcher, fd.cfg.BatchSize)
	if err != nil {
		return nil, err
	}
	r, err := out.Report(x.labels.Labels)
	if err != nil {
		return nil, err
	}
	writeReport(x.stdout, r)
	return r, nil
}
