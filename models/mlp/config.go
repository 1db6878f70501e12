package mlp

import (
	"fmt"

	"github.com/emovox/emovox/models"
)

// Architecture is the name under which model files record this family
// (models.Metadata.Architecture).
const Architecture = "mlp"

// The input the reference model reads: one row of the "is09" feature set
// (package features) per utterance.
const (
	FeatureSet = "is09"
	Frames     = 1
)

// Config describes a multilayer perceptron. Zero fields take the
// reference values given in their comments. It is stored as JSON in model
// files.
type Config struct {
	// Features is the number of input features (384, the "is09" set).
	Features int `json:"features,omitempty"`
	// Hidden is the width of every hidden layer (128).
	Hidden int `json:"hidden,omitempty"`
	// Layers is the number of hidden layers (1).
	Layers int `json:"layers,omitempty"`
	// Dropout is the rate of the dropout after every hidden layer's
	// ReLU; 0 leaves it out.
	Dropout float64 `json:"dropout,omitempty"`
}

// Reference values of the zero Config's fields.
const (
	defaultFeatures = 384
	defaultHidden   = 128
	defaultLayers   = 1
)

// WithDefaults returns c with its zero fields set to their reference
// values.
func (c Config) WithDefaults() Config {
	models.SetDefault(&c.Features, defaultFeatures)
	models.SetDefault(&c.Hidden, defaultHidden)
	models.SetDefault(&c.Layers, defaultLayers)
	return c
}

// Validate reports an error wrapping ErrConfig if c, with its defaults,
// does not describe a model.
func (c Config) Validate() error {
	c = c.WithDefaults()
	if err := models.CheckSizes(
		models.Size{Name: "features", Value: c.Features}, models.Size{Name: "hidden", Value: c.Hidden},
		models.Size{Name: "layers", Value: c.Layers},
	); err != nil {
		return fmt.Errorf("%w: %v", ErrConfig, err)
	}
	if err := models.CheckDropout(c.Dropout); err != nil {
		return fmt.Errorf("%w: %v", ErrConfig, err)
	}
	return nil
}
