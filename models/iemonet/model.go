package iemonet

import (
	"fmt"
	"math/rand/v2"

	"github.com/emovox/emovox/nn"
)

// Model is an IEmoNet acoustic classifier (see the package documentation).
// It implements models.Classifier: Forward maps a batch of feature
// sequences (batch, frames, Config.Features) to logits (batch, classes).
//
// A Model is not safe for concurrent use; Clone makes instances that share
// its weights for concurrent evaluation.
type Model struct {
	cfg     Config // with defaults
	classes int

	tdnn   *nn.Conv1D
	relu   nn.ReLU
	bilstm *nn.LSTM
	att    *nn.AttentionPooling
	last   nn.LastStep
	cat    nn.Concat
	drop   *nn.Dropout // before the output layer; nil without dropout
	out    *nn.Linear

	training    bool
	input       *nn.Tensor // the input with its padding zeroed, when padded
	penultimate *nn.Tensor // the concatenation of the last Forward
	dh          *nn.Tensor // gradient with respect to the BiLSTM's output
}

// New returns a model of the given configuration for classes classes,
// initialised from rng as PyTorch initialises each layer (uniform
// distributions scaled by the fan-in), drawing in the order of the peer's
// module: tdnn, bilstm, att_w, att_v, out; the dropout layer's seed comes
// last. With the zero Config and 4 classes it is therefore
// nn/benchmodels' IEmoNetSER drawn from the same generator. A nil rng
// leaves the weights zero, for a model whose weights are loaded next. The
// model starts in training mode, as PyTorch's modules do.
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
	m.tdnn = nn.NewConv1D(nn.Conv1DConfig{
		In: cfg.Features, Out: cfg.Filters, Kernel: cfg.Kernel,
		Dilation: cfg.Dilation, Padding: cfg.Dilation * (cfg.Kernel - 1) / 2,
	}, rng)
	m.tdnn.NoInputGrad = true // the input is data
	m.bilstm = nn.NewLSTM(nn.LSTMConfig{Input: cfg.Filters, Hidden: cfg.Hidden, Layers: cfg.Layers, Bidirectional: true}, rng)
	m.att = nn.NewAttentionPooling(2*cfg.Hidden, cfg.Attention, rng)
	m.out = nn.NewLinear(cfg.Penultimate(), classes, true, rng)
	if cfg.Dropout > 0 {
		var seed uint64
		if rng != nil {
			seed = rng.Uint64()
		}
		m.drop = nn.NewDropout(cfg.Dropout, seed)
	}
	return m, nil
}

// Config returns the model's configuration, with its defaults filled in.
func (m *Model) Config() Config { return m.cfg }

// InputDims returns the number of features per frame the model reads.
func (m *Model) InputDims() int { return m.cfg.Features }

// Classes returns the number of classes.
func (m *Model) Classes() int { return m.classes }

// Params returns the parameters with the peer's PyTorch names, in
// state_dict order: tdnn.*, bilstm.*, att_w.*, att_v.weight, out.*.
func (m *Model) Params() []*nn.Param {
	ps := nn.Named("tdnn", m.tdnn)
	ps = append(ps, nn.Named("bilstm", m.bilstm)...)
	ps = append(ps, nn.Named("att_w", m.att.W)...)
	ps = append(ps, nn.Named("att_v", m.att.V)...)
	return append(ps, nn.Named("out", m.out)...)
}

// SetTraining switches dropout between training (true) and evaluation.
func (m *Model) SetTraining(training bool) {
	m.training = training
	if m.drop != nil {
		m.drop.SetTraining(training)
	}
}

// Reseed restarts the dropout layer's generator from a seed derived from
// seed, so that a training run resumed at an epoch draws the masks an
// uninterrupted run would have drawn (package train's Reseeder). Without
// dropout it does nothing.
func (m *Model) Reseed(seed uint64) {
	if m.drop != nil {
		m.drop.Reseed(rand.New(rand.NewPCG(seed, 0x3c6ef372fe94f82b)).Uint64())
	}
}

// Penultimate returns the penultimate layer of the last Forward, before
// dropout: for every sequence the BiLSTM's output at its last true frame
// followed by the attention context, (batch, Config.Penultimate()). It is
// the model's buffer, valid until the next Forward; nil before the first.
func (m *Model) Penultimate() *nn.Tensor { return m.penultimate }

// AttentionWeights returns the attention weights (batch, frames) of the
// last Forward, zero beyond each sequence's length. It is the model's
// buffer, valid until the next Forward.
func (m *Model) AttentionWeights() *nn.Tensor { return m.att.Weights() }
