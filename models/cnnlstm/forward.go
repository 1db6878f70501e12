package cnnlstm

import "github.com/emovox/emovox/nn"

// Forward maps x (batch, frames, Config.Features) to logits (batch,
// classes), valid until the next Forward. lengths, if not nil, gives the
// true number of frames of each sequence, in [1, frames]; the frames after
// it are read as zeros whatever they hold (see the package documentation).
// Forward keeps a reference to x, which must not change before Backward.
//
// It panics if x is not (batch, frames, Config.Features), if frames is
// below Config.MinFrames or if a length is out of range.
func (m *Model) Forward(x *nn.Tensor, lengths []int) *nn.Tensor {
	checkInput(x, lengths, m.cfg.Features, m.cfg.MinFrames())
	if lengths != nil && !nn.IsPadded(lengths, x.Shape[1]) {
		lengths = nil
	}
	if lengths != nil {
		m.input = nn.Reuse(m.input, x.Shape...)
		copy(m.input.Data, x.Data)
		nn.ZeroPadding(m.input, lengths)
		x = m.input
	}
	h := m.block1.forward(x, lengths)
	h = m.block2.forward(h, m.block1.lengths)
	lens := m.block2.lengths
	y := m.lstm.Forward(h, lens)
	pooled := m.head.forward(m.lstm, y, lens)
	if m.drop != nil {
		pooled = m.drop.Forward(pooled)
	}
	return m.out.Forward(pooled)
}

// Backward takes the gradient of the loss with respect to the logits of
// the last Forward and accumulates the gradients of the parameters (they
// add up until nn.ZeroGrad). The model computes no gradient with respect
// to its input.
func (m *Model) Backward(dLogits *nn.Tensor) {
	d := m.out.Backward(dLogits)
	if m.drop != nil {
		d = m.drop.Backward(d)
	}
	dy, dhN := m.head.backward(d)
	d = m.lstm.Backward(dy, dhN)
	d = m.block2.backward(d)
	m.block1.backward(d)
}
