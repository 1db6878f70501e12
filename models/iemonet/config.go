package iemonet

import (
	"fmt"

	"github.com/emovox/emovox/models"
)

// Architecture is the name under which model files record this family
// (models.Metadata.Architecture).
const Architecture = "iemonet"

// The input the reference model reads: the "is09-lld" feature set
// (package features) padded or truncated to Frames frames of 10 ms.
const (
	FeatureSet = "is09-lld"
	Frames     = 384
)

// Config describes an IEmoNet acoustic model. Zero fields take the
// reference values given in their comments, so the zero Config is the
// model of ../shared/DESIGN.md. It is stored as JSON in model files.
type Config struct {
	// Features is the number of features per input frame (32, the
	// "is09-lld" set).
	Features int `json:"features,omitempty"`
	// Filters is the number of TDNN filters (16).
	Filters int `json:"filters,omitempty"`
	// Kernel is the odd width of the TDNN's context (5 frames).
	Kernel int `json:"kernel,omitempty"`
	// Dilation is the spacing of the TDNN's taps (1). The TDNN is padded
	// by Dilation·(Kernel-1)/2 frames on each side, so it keeps the
	// number of frames.
	Dilation int `json:"dilation,omitempty"`
	// Hidden is the size of the LSTM's state per direction (64).
	Hidden int `json:"hidden,omitempty"`
	// Layers is the number of stacked bidirectional LSTM layers (2).
	Layers int `json:"layers,omitempty"`
	// Attention is the size of the attention layer (64).
	Attention int `json:"attention,omitempty"`
	// Dropout is the rate of the dropout before the output layer; 0
	// leaves it out.
	Dropout float64 `json:"dropout,omitempty"`
}

// Reference values of the zero Config's fields.
const (
	defaultFeatures  = 32
	defaultFilters   = 16
	defaultKernel    = 5
	defaultDilation  = 1
	defaultHidden    = 64
	defaultLayers    = 2
	defaultAttention = 64
)

// WithDefaults returns c with its zero fields set to their reference
// values.
func (c Config) WithDefaults() Config {
	models.SetDefault(&c.Features, defaultFeatures)
	models.SetDefault(&c.Filters, defaultFilters)
	models.SetDefault(&c.Kernel, defaultKernel)
	models.SetDefault(&c.Dilation, defaultDilation)
	models.SetDefault(&c.Hidden, defaultHidden)
	models.SetDefault(&c.Layers, defaultLayers)
	models.SetDefault(&c.Attention, defaultAttention)
	return c
}

// Validate reports an error wrapping ErrConfig if c, with its defaults,
// does not describe a model.
func (c Config) Validate() error {
	c = c.WithDefaults()
	if err := models.CheckSizes(
		models.Size{Name: "features", Value: c.Features}, models.Size{Name: "filters", Value: c.Filters},
		models.Size{Name: "kernel", Value: c.Kernel}, models.Size{Name: "dilation", Value: c.Dilation},
		models.Size{Name: "hidden", Value: c.Hidden}, models.Size{Name: "layers", Value: c.Layers},
		models.Size{Name: "attention", Value: c.Attention},
	); err != nil {
		return fmt.Errorf("%w: %v", ErrConfig, err)
	}
	if c.Kernel%2 == 0 {
		return fmt.Errorf("%w: kernel %d is even; an odd kernel keeps the number of frames", ErrConfig, c.Kernel)
	}
	if err := models.CheckDropout(c.Dropout); err != nil {
		return fmt.Errorf("%w: %v", ErrConfig, err)
	}
	return nil
}

// Penultimate returns the width of the penultimate layer: the last
// frame's BiLSTM output and the attention context side by side,
// 4·Hidden.
func (c Config) Penultimate() int { return 4 * c.WithDefaults().Hidden }
