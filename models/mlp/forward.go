package mlp

import (
	"fmt"

	"github.com/emovox/emovox/nn"
)

// Forward maps x (batch, frames, Config.Features) to logits (batch,
// classes), valid until the next Forward. With more than one frame, each
// sequence is first averaged over its true frames: all of them with nil
// lengths, else the first lengths[b] of sequence b.
//
// It panics if x is not (batch, frames ≥ 1, Config.Features) or if a
// length is out of range.
func (m *Model) Forward(x *nn.Tensor, lengths []int) *nn.Tensor {
	checkInput(x, lengths, m.cfg.Features)
	h := m.pool(x, lengths)
	for _, l := range m.hidden {
		h = l.relu.Forward(l.linear.Forward(h))
		if l.drop != nil {
			h = l.drop.Forward(h)
		}
	}
	return m.out.Forward(h)
}

// pool returns x as (batch, features): a view of it for one frame,
// otherwise the average over each sequence's true frames.
func (m *Model) pool(x *nn.Tensor, lengths []int) *nn.Tensor {
	batch, frames, dims := x.Shape[0], x.Shape[1], x.Shape[2]
	if frames == 1 {
		return &nn.Tensor{Shape: []int{batch, dims}, Data: x.Data}
	}
	if m.pooled == nil || cap(m.pooled.Data) < batch*dims {
		m.pooled = nn.NewTensor(batch, dims)
	}
	m.pooled.Shape = append(m.pooled.Shape[:0], batch, dims)
	m.pooled.Data = m.pooled.Data[:batch*dims]
	if cap(m.sum) < dims {
		m.sum = make([]float64, dims)
	}
	sum := m.sum[:dims]
	for b := range batch {
		n := frames
		if lengths != nil {
			n = lengths[b]
		}
		clear(sum)
		for t := range n {
			for j, v := range x.Data[(b*frames+t)*dims:][:dims] {
				sum[j] += float64(v)
			}
		}
		for j, s := range sum {
			m.pooled.Data[b*dims+j] = float32(s / float64(n))
		}
	}
	return m.pooled
}

// Backward takes the gradient of the loss with respect to the logits of
// the last Forward and accumulates the gradients of the parameters (they
// add up until nn.ZeroGrad). The model computes no gradient with respect
// to its input.
func (m *Model) Backward(dLogits *nn.Tensor) {
	d := m.out.Backward(dLogits)
	for i := len(m.hidden) - 1; i >= 0; i-- {
		l := m.hidden[i]
		if l.drop != nil {
			d = l.drop.Backward(d)
		}
		d = l.linear.Backward(l.relu.Backward(d))
	}
}

// checkInput panics unless x is (batch, time ≥ 1, features) and lengths
// is nil or holds one length in [1, time] per sequence.
func checkInput(x *nn.Tensor, lengths []int, features int) {
	if len(x.Shape) != 3 || x.Shape[2] != features || x.Shape[1] < 1 {
		panic(fmt.Sprintf("mlp: Forward: input %v, want (batch, frames ≥ 1, %d)", x.Shape, features))
	}
	if lengths == nil {
		return
	}
	if len(lengths) != x.Shape[0] {
		panic(fmt.Sprintf("mlp: Forward: %d lengths for a batch of %d", len(lengths), x.Shape[0]))
	}
	for b, n := range lengths {
		if n < 1 || n > x.Shape[1] {
			panic(fmt.Sprintf("mlp: Forward: length %d of sequence %d outside [1, %d]", n, b, x.Shape[1]))
		}
	}
}
