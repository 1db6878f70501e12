package main

import (
	"context"
	"io"
	"os"
	"path/filepath"

	"github.com/emovox/emovox/corpus"
	"github.com/emovox/emovox/dataset"
	"github.com/emovox/emovox/metrics"
	"github.com/emovox/emovox/split"
)

// trainRate is the sample rate every model of this build reads.
const trainRate = dataset.DefaultRate

// experiment is a train command at work: the data, the folds and the
// flags.
type experiment struct {
	f              trainFlags
	labels         corpus.LabelSet
	data           *dataset.Dataset
	split          *split.Split // nil for protocol all
	sets           []split.Sets
	checkpointDir  string
	removeCheckpts bool // whether the checkpoint directory is the default one
	stdout, stderr io.Writer
}

// runTrain runs the train command; changed reports whether a flag was
// set on the command line.
func runTrain(ctx context.Context, f trainFlags, changed func(string) bool, stdout, stderr io.Writer) error {
	if f.protocol == string(split.Random) && !changed("test-fraction") {
		f.testFraction = defaultTestFraction
	}
	if err := f.check(changed); err != nil {
		return err
	}
	x := &experiment{f: f, stdout: stdout, stderr: stderr}
	if err := x.load(ctx); err != nil {
		return err
	}
	if err := x.makeFolds(); err != nil {
		return err
	}
	if err := x.prepareOutputs(); err != nil {
		return err
	}
	var reports []*metrics.Report
	for k := range x.sets {
		r, err := x.runFold(ctx, k)
		if err != nil {
			return err
		}
		if r != nil {
			reports = append(reports, r)
		}
	}
	if err := x.summarize(reports); err != nil {
		return err
	}
	if x.removeCheckpts {
		return os.RemoveAll(x.checkpointDir)
	}
	return nil
}

// load reads the corpora and extracts their features.
func (x *experiment) load(ctx context.Context) error {
	labels, err := parseLabels(x.f.labels, x.f.corpora)
	if err != nil {
		return err
	}
	items, err := loadLabelled(x.f.corpora, labels, x.stderr)
	if err != nil {
		return err
	}
	x.labels = labels
	x.data, err = buildDataset(ctx, items, labels, dataset.Options{
		Set: x.f.featureSet, Rate: trainRate, CacheDir: x.f.cache, Jobs: x.f.jobs,
	}, "features", x.stderr)
	return err
}

// makeFolds builds or reads the split and resolves its folds.
func (x *experiment) makeFolds() error {
	if x.f.protocol == protocolAll {
		x.sets = []split.Sets{{Train: x.data.Items}}
		return nil
	}
	s, err := x.newSplit()
	if err != nil {
		return err
	}
	sets, err := s.Resolve(x.data.Items)
	if err != nil {
		return err
	}
	x.split, x.sets = s, sets
	summarizeSplit(x.stderr, s)
	return nil
}

// newSplit reads --split or applies --protocol to the items.
func (x *experiment) newSplit() (*split.Split, error) {
	if x.f.split != "" {
		return split.ReadFile(x.f.split)
	}
	p, err := split.ParseProtocol(x.f.protocol)
	if err != nil {
		return nil, err
	}
	o := split.Options{Seed: x.f.seed}
	switch p {
	case split.Random:
		o.TestFraction = x.f.testFraction
	case split.Speaker:
		if o.TestSpeakers, err = expandSpeakerRanges(x.f.testSpeakers); err != nil {
			return nil, err
		}
		if len(o.TestSpeakers) == 0 {
			o.TestFraction = x.f.testFraction
			if o.TestFraction == 0 {
				o.TestFraction = defaultTestFraction
			}
		}
	case split.KFold, split.SpeakerKFold:
		o.Folds = x.f.folds
	}
	return split.New(p, x.data.Items, o)
}

// prepareOutputs chooses the checkpoint directory and creates the
// directories the run writes to.
func (x *experiment) prepareOutputs() error {
	x.checkpointDir = x.f.checkpointDir
	if x.checkpointDir == "" && x.f.output != "" {
		x.checkpointDir = x.f.output + ".checkpoints"
		x.removeCheckpts = true
	}
	for _, dir := range []string{x.checkpointDir, x.f.plots} {
		if dir == "" {
			continue
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	return nil
}

// foldName returns the name of fold k, as split files and file names
// give it.
func (x *experiment) foldName(k int) string {
	if x.split == nil {
		return protocolAll
	}
	return x.split.Folds[k].Name
}

// checkpointPath returns the checkpoint file of fold k, or "".
func (x *experiment) checkpointPath(k int) string {
	if x.checkpointDir == "" {
		return ""
	}
	return filepath.Join(x.checkpointDir, foldLabel(x.foldName(k))+".ckpt")
}

// summarize prints the mean ± std of the folds' reports.
func (x *experiment) summarize(reports []*metrics.Report) error {
	return summarizeFolds(x.stdout, x.f.plots, reports)
}
