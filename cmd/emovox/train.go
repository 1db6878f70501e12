package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/emovox/emovox/corpus"
	"github.com/emovox/emovox/models/cnnlstm"
	"github.com/emovox/emovox/models/modelfile"
	"github.com/emovox/emovox/train"
)

// trainFlags holds the flags of the train command.
type trainFlags struct {
	model    string
	corpora  []string
	labels   string
	protocol string
	split    string

	testSpeakers       []string
	testFraction       float64
	folds              int
	validationFraction float64

	seed        uint64
	epochs      int
	batch       int
	lr          float64
	weightDecay float64
	clip        float64
	patience    int
	monitor     string
	schedule    string
	balance     bool
	frames      int
	truncate    string

	arch        cnnlstm.Config // the architecture flags (see addArchFlags)
	filters     int
	dilation    int
	featureSet  string
	archConfig  json.RawMessage // the architecture's configuration, set by check
	specAugment bool
	noiseCopies int
	speeds      []float64
	pitches     []float64

	cache         string
	plots         string
	resume        bool
	checkpointDir string
	log           string
	output        string
	jobs          int
}

// protocolAll is the train command's pseudo-protocol that trains on every
// item, with no test set: the bundled model's.
const protocolAll = "all"

func newTrainCommand() *cobra.Command {
	var f trainFlags
	cmd := &cobra.Command{
		Use:   "train --model cnnlstm|iemonet|mlp --corpus NAME[:DIR]... --protocol NAME [flags] -o MODEL.safetensors",
		Short: "Train, validate and test an emotion classifier on labelled corpora",
		Long: `Train a classifier on the features of one or more corpora, following an
evaluation protocol, and print the test report (scikit-learn's
classification report, WA, UA and the confusion matrix). With a
cross-validation protocol every fold is trained and tested, and the mean ±
standard deviation over the folds is printed last.

Protocols (see emovox split): random (--test-fraction, default 0.2, of
the items, stratified), speaker (--test-speakers such as 17-20, or
--test-fraction of the speakers), kfold and speaker-kfold (--folds,
default 5), loso, or all: every item trains and nothing is tested.
--split FILE reads the folds of a split file instead.

A validation set for early stopping is taken from each fold's training
items (--validation-fraction of its speakers for the speaker protocols, of
its items otherwise), never from the test set, unless the split file has
one. The features are standardised with statistics of the training items
only; the model file records them with the labels, the input length and
how the model was trained.

The state of the run is checkpointed after every epoch in
--checkpoint-dir (default OUTPUT.checkpoints, removed after a successful
run); --resume continues an interrupted run exactly where it stopped. With
several folds, -o, --log and the figures get the fold's name before their
extension (model.fold-1.safetensors).

--plots DIR writes the training curves (loss and accuracy, training and
validation) and the test confusion matrix, counts and row-normalised.

Architectures (--model), each with the features it reads (--features
names others) and its input length (--frames):
  cnnlstm  the seed CNN-LSTM on "seed" frames (librosa), padded to the
           longest training sequence
  iemonet  IEmoNet's acoustic branch: "is09-lld" frames (openSMILE IS09
           LLDs, 10 ms) padded or truncated to 384, TDNN (16 filters),
           2 x BiLSTM(64), self-attention (64), concat, softmax
  mlp      the classic baseline: the 384 "is09" functionals of each
           utterance, 384 -> 128 -> ReLU -> dropout 0.5 -> classes
Architecture flags apply to the architectures their help names; giving
one to another architecture is an error.

Corpora: ` + strings.Join(corpus.Names(), ", ") + ` (ravdess defaults to ../shared/data/ravdess).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTrain(cmd.Context(), f, cmd.Flags().Changed, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.model, "model", cnnlstm.Architecture, "architecture: "+strings.Join(modelfile.Architectures(), ", "))
	fl.StringArrayVar(&f.corpora, "corpus", nil, "corpus as NAME[:DIR] (required, repeatable)")
	fl.StringVar(&f.labels, "labels", "seed8", "label set: seed8, iemocap4, native, or a mapping such as happy=happy,excited=happy")
	fl.StringVar(&f.protocol, "protocol", "", "protocol: random, speaker, kfold, speaker-kfold, loso or all (required without --split)")
	fl.StringVar(&f.split, "split", "", "split file to read the folds from (see emovox split)")
	fl.StringSliceVar(&f.testSpeakers, "test-speakers", nil, "test speakers of the speaker protocol, such as 17-20")
	fl.Float64Var(&f.testFraction, "test-fraction", 0, "share of the items (random) or speakers (speaker) tested; random defaults to 0.2")
	fl.IntVar(&f.folds, "folds", 5, "folds of kfold and speaker-kfold")
	fl.Float64Var(&f.validationFraction, "validation-fraction", 0.1, "share of each fold's training speakers or items held out for early stopping; 0 trains every epoch on all of them")
	fl.Uint64Var(&f.seed, "seed", 1, "seed of the split, the initial weights, the batches, dropout and augmentation")
	fl.IntVar(&f.epochs, "epochs", 40, "maximum number of epochs")
	fl.IntVar(&f.batch, "batch", 32, "batch size")
	fl.Float64Var(&f.lr, "lr", 1e-3, "Adam learning rate")
	fl.Float64Var(&f.weightDecay, "weight-decay", 0, "decoupled weight decay (AdamW); 0 is plain Adam")
	fl.Float64Var(&f.clip, "clip", 5, "clip the gradients' global norm to this; 0 turns clipping off")
	fl.IntVar(&f.patience, "patience", 15, "stop after this many epochs without improvement on the validation set; 0 never stops early")
	fl.StringVar(&f.monitor, "monitor", "ua", "validation score that picks the best epoch: loss or ua")
	fl.StringVar(&f.schedule, "schedule", "cosine", "learning-rate schedule over the epochs: cosine (to lr/100) or constant")
	fl.BoolVar(&f.balance, "class-weights", false, "weight the loss of each class inversely to its share of the training items")
	fl.IntVar(&f.frames, "frames", 0, "input length in frames; 0 takes the longest training sequence (default: iemonet 384, others 0)")
	fl.StringVar(&f.truncate, "truncate", "start", "frames kept of longer inputs: start or centre")
	fl.StringVar(&f.featureSet, "features", "", "feature set to train on (default: the architecture's: cnnlstm seed, iemonet is09-lld, mlp is09)")
	addArchFlags(cmd, &f)
	fl.BoolVar(&f.specAugment, "specaugment", false, "mask random bands of features and runs of frames of every training batch")
	fl.IntVar(&f.noiseCopies, "noise-copies", 0, "add this many copies of every training file with white noise at 10-30 dB SNR")
	fl.Float64SliceVar(&f.speeds, "speed", nil, "add a copy of every training file played at each of these speeds (tempo and pitch), such as 0.9,1.1")
	fl.Float64SliceVar(&f.pitches, "pitch", nil, "add a copy of every training file shifted by each of these semitones, such as -2,2")
	fl.StringVar(&f.cache, "cache", "", "feature cache directory")
	fl.StringVar(&f.plots, "plots", "", "directory to write the training curves and confusion matrices to, as PNG")
	fl.BoolVar(&f.resume, "resume", false, "continue the run checkpointed in --checkpoint-dir (a fresh start if there is none)")
	fl.StringVar(&f.checkpointDir, "checkpoint-dir", "", "directory of the checkpoints (default OUTPUT.checkpoints)")
	fl.StringVar(&f.log, "log", "", "JSON-lines file of the epochs")
	fl.StringVarP(&f.output, "output", "o", "", "model file to write, replaced atomically")
	fl.IntVarP(&f.jobs, "jobs", "j", runtime.NumCPU(), "files processed in parallel by the feature extraction")
	cmd.MarkFlagRequired("corpus")
	return cmd
}

// check reports flags that do not fit together, before any work, and
// resolves the architecture's feature set, input length and
// configuration; changed reports whether a flag was set on the command
// line.
func (f *trainFlags) check(changed func(string) bool) error {
	if err := f.resolveArch(changed); err != nil {
		return err
	}
	if (f.protocol == "") == (f.split == "") {
		return fmt.Errorf("give --protocol or --split, not both or neither")
	}
	switch {
	case f.epochs < 1:
		return fmt.Errorf("--epochs %d: want at least 1", f.epochs)
	case f.batch < 1:
		return fmt.Errorf("--batch %d: want at least 1", f.batch)
	case f.frames < 0:
		return fmt.Errorf("--frames %d: want a positive length, or 0", f.frames)
	case f.noiseCopies < 0:
		return fmt.Errorf("--noise-copies %d: want 0 or more", f.noiseCopies)
	case f.validationFraction < 0 || f.validationFraction >= 1:
		return fmt.Errorf("--validation-fraction %v: want a value in [0, 1)", f.validationFraction)
	case slices.ContainsFunc(f.speeds, func(v float64) bool { return !(v >= 0.5 && v <= 2) }):
		return fmt.Errorf("--speed %v: want factors from 0.5 to 2", f.speeds)
	case slices.ContainsFunc(f.pitches, func(v float64) bool { return !(v >= -12 && v <= 12) }):
		return fmt.Errorf("--pitch %v: want semitones from -12 to 12", f.pitches)
	case f.jobs < 1:
		return fmt.Errorf("--jobs %d: want at least 1", f.jobs)
	case f.schedule != "cosine" && f.schedule != "constant":
		return fmt.Errorf("--schedule %q: want cosine or constant", f.schedule)
	case f.resume && f.checkpointDir == "" && f.output == "":
		return fmt.Errorf("--resume needs --checkpoint-dir or -o (whose OUTPUT.checkpoints directory holds the checkpoints)")
	}
	if _, err := train.ParseMonitor(f.monitor); err != nil {
		return fmt.Errorf("--monitor: %w", err)
	}
	return nil
}
