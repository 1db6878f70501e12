package mlp

import (
	"fmt"
	"math/rand/v2"
	"strconv"

	"github.com/emovox/emovox/nn"
)

// Model is a multilayer perceptron classifier (see the package
// documentation). It implements models.Classifier: Forward maps a batch of
// feature sequences (batch, frames, Config.Features), normally of one
// frame, to logits (batch, classes).
//
// A Model is not safe for concurrent use; Clone makes instances that share
// its weights for concurrent evaluation.
type Model struct {
	cfg     Config // with defaults
	classes int

	hidden []*layer
	out    *nn.Linear

	training bool
	pooled   *nn.Tensor // the input averaged over frames, when it has several
	sum      []float64  // storage of the averages
}

// layer is one hidden layer: Linear, ReLU and optional dropout.
type layer struct {
	linear *nn.Linear
	relu   nn.ReLU
	drop   *nn.Dropout // nil without dropout
}

// New returns a model of the given configuration for classes classes,
// initialised from rng as PyTorch initialises nn.Linear, layer by layer
// from the input; the dropout layers' seeds come last. A nil rng leaves
// the weights zero, for a model whose weights are loaded next. The model
// starts in training mode.
//
// The error wraps ErrConfig if cfg is invalid or classes is less than 1.
func New(cfg Config, classes int, rng *rand.Rand) (*Model, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if classes < 1 {
		return nil, fmt.Errorf("%w: %d classes", ErrConfig, classes)
	}
	cfg = cfg.WithDefaults()
	m := &Model{cfg: cfg, classes: classes, training: true}
	in := cfg.Features
	for range cfg.Layers {
		m.hidden = append(m.hidden, &layer{linear: nn.NewLinear(in, cfg.Hidden, true, rng)})
		in = cfg.Hidden
	}
	m.hidden[0].linear.NoInputGrad = true // the input is data
	m.out = nn.NewLinear(in, classes, true, rng)
	if cfg.Dropout > 0 {
		for _, l := range m.hidden {
			var seed uint64
			if rng != nil {
				seed = rng.Uint64()
			}
			l.drop = nn.NewDropout(cfg.Dropout, seed)
		}
	}
	return m, nil
}

// Config returns the model's configuration, with its defaults filled in.
func (m *Model) Config() Config { return m.cfg }

// InputDims returns the number of features the model reads.
func (m *Model) InputDims() int { return m.cfg.Features }

// Classes returns the number of classes.
func (m *Model) Classes() int { return m.classes }

// Params returns hidden.0.weight, hidden.0.bias, ..., out.weight and
// out.bias.
func (m *Model) Params() []*nn.Param {
	var ps []*nn.Param
	for i, l := range m.hidden {
		ps = append(ps, nn.Named("hidden."+strconv.Itoa(i), l.linear)...)
	}
	return append(ps, nn.Named("out", m.out)...)
}

// SetTraining switches dropout between training (true) and evaluation.
func (m *Model) SetTraining(training bool) {
	m.training = training
	for _, l := range m.hidden {
		if l.drop != nil {
			l.drop.SetTraining(training)
		}
	}
}

// Reseed restarts the generators of the dropout layers from seeds derived
// from seed, so that a resumed training run draws the masks an
// uninterrupted run would have drawn (package train's Reseeder). Without
// dropout it does nothing.
func (m *Model) Reseed(seed uint64) {
	gen := rand.New(rand.NewPCG(seed, 0xbb67ae8584caa73b))
	for _, l := range m.hidden {
		if l.drop != nil {
			l.drop.Reseed(gen.Uint64())
		}
	}
}
