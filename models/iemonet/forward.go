package iemonet

import "github.com/emovox/emovox/nn"

// Forward maps x (batch, frames, Config.Features) to logits (batch,
// classes), valid until the next Forward. lengths, if not nil, gives the
// true number of frames of each sequence, in [1, frames]; the frames after
// it are read as zeros whatever they hold (see the package documentation).
// Forward keeps a reference to x, which must not change before Backward.
//
// It panics if x is not (batch, frames, Config.Features) with at least one
// frame, or if a length is out of range.
func (m *Model) Forward(x *nn.Tensor, lengths []int) *nn.Tensor {
	checkInput(x, lengths, m.cfg.Features)
	if lengths != nil && !nn.IsPadded(lengths, x.Shape[1]) {
		lengths = nil
	}
	if lengths != nil {
		m.input = nn.Reuse(m.input, x.Shape...)
		copy(m.input.Data, x.Data)
		nn.ZeroPadding(m.input, lengths)
		x = m.input
	}
	h := m.relu.Forward(m.tdnn.Forward(x))
	h = m.bilstm.Forward(h, lengths)
	m.penultimate = m.cat.Forward(m.last.Forward(h, lengths), m.att.Forward(h, lengths))
	z := m.penultimate
	if m.drop != nil {
		z = m.drop.Forward(z)
	}
	return m.out.Forward(z)
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
	parts := m.cat.Backward(d)
	dLast := m.last.Backward(parts[0])
	dAtt := m.att.Backward(parts[1])
	m.dh = nn.Reuse(m.dh, dLast.Shape...)
	for i, v := range dLast.Data {
		m.dh.Data[i] = v + dAtt.Data[i]
	}
	d = m.bilstm.Backward(m.dh, nil)
	m.tdnn.Backward(m.relu.Backward(d))
}
