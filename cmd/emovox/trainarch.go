package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/emovox/emovox/features"
	"github.com/emovox/emovox/models/cnnlstm"
	"github.com/emovox/emovox/models/iemonet"
	"github.com/emovox/emovox/models/mlp"
	"github.com/emovox/emovox/models/modelfile"
)

// mlpDropout is the dropout rate of the MLP baseline when --dropout is
// not given: 384 → 128 → ReLU → dropout → classes.
const mlpDropout = 0.5

// trainArch is what the train command knows of an architecture: the
// features it reads unless --features names others, its input length
// unless --frames is given, the architecture flags it takes, and how they
// make its configuration.
type trainArch struct {
	name       string
	featureSet string
	// frames is the input length; 0 takes the longest training sequence
	// (one frame for utterance-level sets).
	frames int
	flags  []string
	// config returns the configuration of the flags for input vectors of
	// dims features, validated.
	config func(f *trainFlags, changed func(string) bool, dims int) (any, error)
}

// trainArchs lists the architectures the train command builds, in
// modelfile.Architectures' order.
func trainArchs() []trainArch {
	return []trainArch{
		{
			name: cnnlstm.Architecture, featureSet: "seed",
			flags:  []string{"conv1", "conv2", "kernel", "batch-norm", "dropout", "hidden", "layers", "bidirectional", "pooling", "attention"},
			config: cnnlstmConfig,
		},
		{
			name: iemonet.Architecture, featureSet: iemonet.FeatureSet, frames: iemonet.Frames,
			flags:  []string{"filters", "kernel", "dilation", "hidden", "layers", "attention", "dropout"},
			config: iemonetConfig,
		},
		{
			name: mlp.Architecture, featureSet: mlp.FeatureSet,
			flags:  []string{"hidden", "layers", "dropout"},
			config: mlpConfig,
		},
	}
}

// lookupTrainArch returns the architecture named name.
func lookupTrainArch(name string) (trainArch, error) {
	for _, a := range trainArchs() {
		if a.name == name {
			return a, nil
		}
	}
	return trainArch{}, fmt.Errorf("--model %q: this build trains %s", name, strings.Join(modelfile.Architectures(), ", "))
}

// archFlagNames are the flags that shape an architecture; each
// architecture takes some of them.
func archFlagNames() []string {
	return []string{"conv1", "conv2", "kernel", "batch-norm", "dropout", "hidden", "layers", "bidirectional", "pooling", "attention", "filters", "dilation"}
}

// addArchFlags registers the architectures' flags. Their defaults are the
// seed CNN-LSTM's; the other architectures take a shared flag only when
// it is given, and their own reference values otherwise.
func addArchFlags(cmd *cobra.Command, f *trainFlags) {
	c := &f.arch
	fl := cmd.Flags()
	fl.IntVar(&c.Conv1, "conv1", 64, "cnnlstm: channels of the first convolution")
	fl.IntVar(&c.Conv2, "conv2", 128, "cnnlstm: channels of the second convolution")
	fl.IntVar(&c.Kernel, "kernel", 5, "width of the convolutions (cnnlstm) or of the TDNN's context in frames (iemonet); odd")
	fl.BoolVar(&c.BatchNorm, "batch-norm", false, "cnnlstm: batch normalisation after each convolution")
	fl.Float64Var(&c.Dropout, "dropout", 0, "dropout rate: cnnlstm after each convolution block and before the output layer; iemonet before the output layer; mlp after each hidden layer (default 0.5 for mlp)")
	fl.IntVar(&c.Hidden, "hidden", 128, "LSTM state size per direction (cnnlstm; iemonet 64 unless given) or hidden layer width (mlp)")
	fl.IntVar(&c.Layers, "layers", 1, "stacked LSTM layers (cnnlstm; iemonet 2 unless given) or hidden layers (mlp)")
	fl.BoolVar(&c.Bidirectional, "bidirectional", false, "cnnlstm: bidirectional LSTM")
	fl.StringVar(&c.Pooling, "pooling", cnnlstm.PoolLast, "cnnlstm: LSTM outputs to one vector: last, mean or attention")
	fl.IntVar(&c.Attention, "attention", 64, "attention layer size (cnnlstm, iemonet)")
	fl.IntVar(&f.filters, "filters", 16, "iemonet: TDNN filters")
	fl.IntVar(&f.dilation, "dilation", 1, "iemonet: spacing of the TDNN's taps")
}

// resolveArch checks the architecture flags against --model and sets
// the feature set, the input length and the configuration the run uses.
func (f *trainFlags) resolveArch(changed func(string) bool) error {
	a, err := lookupTrainArch(f.model)
	if err != nil {
		return err
	}
	for _, name := range archFlagNames() {
		if changed(name) && !slices.Contains(a.flags, name) {
			return fmt.Errorf("--%s does not apply to --model %s (it takes --%s)", name, a.name, strings.Join(a.flags, ", --"))
		}
	}
	if f.featureSet == "" {
		f.featureSet = a.featureSet
	}
	set, err := features.Lookup(f.featureSet)
	if err != nil {
		return fmt.Errorf("--features: %w", err)
	}
	if !changed("frames") {
		f.frames = a.frames
	}
	cfg, err := a.config(f, changed, len(set.Columns()))
	if err != nil {
		return err
	}
	f.archConfig, err = json.Marshal(cfg)
	return err
}

// given returns v if the flag name was set on the command line, and 0
// (the architecture's reference value) otherwise.
func given[T int | float64](changed func(string) bool, name string, v T) T {
	if changed(name) {
		return v
	}
	return 0
}

func cnnlstmConfig(f *trainFlags, _ func(string) bool, dims int) (any, error) {
	cfg := f.arch
	if dims != cfg.WithDefaults().Features {
		cfg.Features = dims
	}
	return cfg, cfg.Validate()
}

func iemonetConfig(f *trainFlags, changed func(string) bool, dims int) (any, error) {
	cfg := iemonet.Config{
		Filters: f.filters, Dilation: f.dilation,
		Kernel:    given(changed, "kernel", f.arch.Kernel),
		Hidden:    given(changed, "hidden", f.arch.Hidden),
		Layers:    given(changed, "layers", f.arch.Layers),
		Attention: given(changed, "attention", f.arch.Attention),
		Dropout:   f.arch.Dropout,
	}
	if dims != cfg.WithDefaults().Features {
		cfg.Features = dims
	}
	return cfg, cfg.Validate()
}

func mlpConfig(f *trainFlags, changed func(string) bool, dims int) (any, error) {
	cfg := mlp.Config{
		Hidden:  given(changed, "hidden", f.arch.Hidden),
		Layers:  given(changed, "layers", f.arch.Layers),
		Dropout: mlpDropout,
	}
	if changed("dropout") {
		cfg.Dropout = f.arch.Dropout
	}
	if dims != cfg.WithDefaults().Features {
		cfg.Features = dims
	}
	return cfg, cfg.Validate()
}
