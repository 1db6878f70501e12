package cnnlstm

import (
	"fmt"

	"github.com/emovox/emovox/models"
)

// Architecture is the name under which model files record this family
// (models.Metadata.Architecture).
const Architecture = "cnnlstm"

// Pooling names how the LSTM's outputs become one vector per sequence.
const (
	// PoolLast takes the final hidden state: the state at each sequence's
	// true end, and for a bidirectional LSTM that of the reverse direction
	// at its start, concatenated after it (PyTorch's
	// torch.cat([h_n[-2], h_n[-1]], 1)).
	PoolLast = "last"
	// PoolMean averages the outputs over each sequence's true length.
	PoolMean = "mean"
	// PoolAttention weights the outputs by additive self-attention
	// (nn.AttentionPooling) over each sequence's true length.
	PoolAttention = "attention"
)

// Config describes a CNN-LSTM. Zero fields take the reference values given
// in their comments, so the zero Config is the seed notebook's model. It is
// stored as JSON in model files.
type Config struct {
	// Features is the number of features per input frame (162, the
	// "seed" feature set).
	Features int `json:"features,omitempty"`
	// Conv1 and Conv2 are the channels of the two convolutions (64, 128).
	Conv1 int `json:"conv1,omitempty"`
	Conv2 int `json:"conv2,omitempty"`
	// Kernel is the odd width of both convolutions (5); they are padded by
	// Kernel/2 on each side, so they keep the number of frames.
	Kernel int `json:"kernel,omitempty"`
	// BatchNorm adds batch normalisation after each convolution, before
	// its ReLU.
	BatchNorm bool `json:"batch_norm,omitempty"`
	// Dropout is the rate of the dropout after each convolution block and
	// before the output layer; 0 leaves it out.
	Dropout float64 `json:"dropout,omitempty"`
	// Hidden is the size of the LSTM's state per direction (128).
	Hidden int `json:"hidden,omitempty"`
	// Layers is the number of stacked LSTM layers (1).
	Layers int `json:"layers,omitempty"`
	// Bidirectional runs the LSTM in both directions.
	Bidirectional bool `json:"bidirectional,omitempty"`
	// Pooling is PoolLast (the default), PoolMean or PoolAttention.
	Pooling string `json:"pooling,omitempty"`
	// Attention is the size of the attention layer with PoolAttention
	// (64).
	Attention int `json:"attention,omitempty"`
}

// Reference values of the zero Config's fields.
const (
	defaultFeatures  = 162
	defaultConv1     = 64
	defaultConv2     = 128
	defaultKernel    = 5
	defaultHidden    = 128
	defaultLayers    = 1
	defaultAttention = 64
)

// poolSize is the kernel and stride of both max pools.
const poolSize = 2

// WithDefaults returns c with its zero fields set to their reference
// values.
func (c Config) WithDefaults() Config {
	models.SetDefault(&c.Features, defaultFeatures)
	models.SetDefault(&c.Conv1, defaultConv1)
	models.SetDefault(&c.Conv2, defaultConv2)
	models.SetDefault(&c.Kernel, defaultKernel)
	models.SetDefault(&c.Hidden, defaultHidden)
	models.SetDefault(&c.Layers, defaultLayers)
	models.SetDefault(&c.Attention, defaultAttention)
	if c.Pooling == "" {
		c.Pooling = PoolLast
	}
	return c
}

// Validate reports an error wrapping ErrConfig if c, with its defaults,
// does not describe a model.
func (c Config) Validate() error {
	c = c.WithDefaults()
	if err := models.CheckSizes(
		models.Size{Name: "features", Value: c.Features}, models.Size{Name: "conv1", Value: c.Conv1},
		models.Size{Name: "conv2", Value: c.Conv2}, models.Size{Name: "kernel", Value: c.Kernel},
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
	switch c.Pooling {
	case PoolLast, PoolMean, PoolAttention:
	default:
		return fmt.Errorf("%w: pooling %q (want %s, %s or %s)", ErrConfig, c.Pooling, PoolLast, PoolMean, PoolAttention)
	}
	return nil
}

// directions returns 2 for a bidirectional LSTM and 1 otherwise.
func (c Config) directions() int {
	if c.Bidirectional {
		return 2
	}
	return 1
}

// MinFrames returns the shortest input the model accepts: enough frames
// for one output of each max pool.
func (c Config) MinFrames() int { return poolSize * poolSize }
