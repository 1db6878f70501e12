package fusion

import (
	"math/rand/v2"

	"github.com/emovox/emovox/nn"
)

// block is the network of a fusion block: dropout, Linear, ReLU, Linear.
// It reads standardised, concatenated embeddings (batch, A+T) and returns
// logits (batch, classes).
type block struct {
	drop   *nn.Dropout // nil without dropout
	hidden *nn.Linear
	relu   nn.ReLU
	out    *nn.Linear
}

// newBlock returns a block for cfg (with defaults) initialised from rng as
// PyTorch initialises nn.Linear, hidden layer first; the dropout seed is
// drawn last. A nil rng leaves the weights zero, for loading.
func newBlock(cfg Config, classes int, rng *rand.Rand) *block {
	b := &block{
		hidden: nn.NewLinear(cfg.Inputs(), cfg.Hidden, true, rng),
		out:    nn.NewLinear(cfg.Hidden, classes, true, rng),
	}
	b.hidden.NoInputGrad = true // the input is data
	if cfg.Dropout > 0 {
		var seed uint64
		if rng != nil {
			seed = rng.Uint64()
		}
		b.drop = nn.NewDropout(cfg.Dropout, seed)
		b.drop.NoInputGrad = true
	}
	return b
}

// forward maps x (batch, A+T) to logits (batch, classes).
func (b *block) forward(x *nn.Tensor) *nn.Tensor {
	if b.drop != nil {
		x = b.drop.Forward(x)
	}
	return b.out.Forward(b.relu.Forward(b.hidden.Forward(x)))
}

// backward accumulates the parameter gradients for the gradient of the
// loss with respect to the logits of the last forward.
func (b *block) backward(dLogits *nn.Tensor) {
	b.hidden.Backward(b.relu.Backward(b.out.Backward(dLogits)))
	// The dropout's input gradient is not needed: the input is data, and
	// the hidden layer computes none.
}

// params returns hidden.weight, hidden.bias, out.weight and out.bias.
func (b *block) params() []*nn.Param {
	return append(nn.Named("hidden", b.hidden), nn.Named("out", b.out)...)
}

// setTraining switches dropout on (true) or off.
func (b *block) setTraining(training bool) {
	if b.drop != nil {
		b.drop.SetTraining(training)
	}
}

// reseed restarts the dropout masks from seed.
func (b *block) reseed(seed uint64) {
	if b.drop != nil {
		b.drop.Reseed(seed)
	}
}
