package cnnlstm

import "github.com/emovox/emovox/nn"

// head reduces the LSTM's outputs to one vector per sequence.
type head interface {
	// forward returns (batch, directions·hidden) from the LSTM after its
	// Forward returned y (batch, time, directions·hidden) for sequences of
	// the given lengths (nil when unpadded).
	forward(l *nn.LSTM, y *nn.Tensor, lengths []int) *nn.Tensor
	// backward takes the gradient with respect to forward's result and
	// returns those with respect to y and to the LSTM's final hidden
	// state, either of which may be nil, for LSTM.Backward.
	backward(d *nn.Tensor) (dy, dhN *nn.Tensor)
}

// lastHead takes the last layer's final hidden states, the directions side
// by side.
type lastHead struct {
	out, dhN *nn.Tensor
	hnShape  []int
}

func (h *lastHead) forward(l *nn.LSTM, _ *nn.Tensor, _ []int) *nn.Tensor {
	hn := l.FinalHidden() // (layers·directions, batch, hidden)
	h.hnShape = append(h.hnShape[:0], hn.Shape...)
	dirs, batch, hidden := directionsOf(l), hn.Shape[1], hn.Shape[2]
	first := hn.Shape[0] - dirs // the last layer's forward direction
	h.out = nn.Reuse(h.out, batch, dirs*hidden)
	for dir := range dirs {
		for b := range batch {
			src := hn.Data[((first+dir)*batch+b)*hidden:][:hidden]
			copy(h.out.Data[(b*dirs+dir)*hidden:], src)
		}
	}
	return h.out
}

func (h *lastHead) backward(d *nn.Tensor) (dy, dhN *nn.Tensor) {
	batch, hidden := h.hnShape[1], h.hnShape[2]
	dirs := d.Shape[1] / hidden
	first := h.hnShape[0] - dirs
	h.dhN = nn.Reuse(h.dhN, h.hnShape...)
	clear(h.dhN.Data)
	for dir := range dirs {
		for b := range batch {
			copy(h.dhN.Data[((first+dir)*batch+b)*hidden:][:hidden], d.Data[(b*dirs+dir)*hidden:])
		}
	}
	return nil, h.dhN
}

// directionsOf returns the number of directions of l.
func directionsOf(l *nn.LSTM) int {
	if l.Bidirectional {
		return 2
	}
	return 1
}

// meanHead averages the outputs over each sequence's true length.
type meanHead struct {
	lengths      []int
	batch, t, nd int
	sum          []float64
	out, dy      *nn.Tensor
}

func (h *meanHead) forward(_ *nn.LSTM, y *nn.Tensor, lengths []int) *nn.Tensor {
	h.batch, h.t, h.nd = y.Shape[0], y.Shape[1], y.Shape[2]
	h.lengths = h.lengths[:0]
	for b := range h.batch {
		n := h.t
		if lengths != nil {
			n = lengths[b]
		}
		h.lengths = append(h.lengths, n)
	}
	h.out = nn.Reuse(h.out, h.batch, h.nd)
	if cap(h.sum) < h.nd {
		h.sum = make([]float64, h.nd)
	}
	h.sum = h.sum[:h.nd]
	for b, n := range h.lengths {
		// Sum in float64, so that long sequences keep their small terms.
		clear(h.sum)
		for t := range n {
			for j, v := range y.Data[(b*h.t+t)*h.nd:][:h.nd] {
				h.sum[j] += float64(v)
			}
		}
		for j, s := range h.sum {
			h.out.Data[b*h.nd+j] = float32(s / float64(n))
		}
	}
	return h.out
}

func (h *meanHead) backward(d *nn.Tensor) (dy, dhN *nn.Tensor) {
	h.dy = nn.Reuse(h.dy, h.batch, h.t, h.nd)
	clear(h.dy.Data)
	for b, n := range h.lengths {
		g := d.Data[b*h.nd : (b+1)*h.nd]
		scale := 1 / float32(n)
		for t := range n {
			row := h.dy.Data[(b*h.t+t)*h.nd:][:h.nd]
			for j, v := range g {
				row[j] = v * scale
			}
		}
	}
	return h.dy, nil
}

// attentionHead pools the outputs by additive self-attention.
type attentionHead struct {
	att *nn.AttentionPooling
}

func (h *attentionHead) forward(_ *nn.LSTM, y *nn.Tensor, lengths []int) *nn.Tensor {
	return h.att.Forward(y, lengths)
}

func (h *attentionHead) backward(d *nn.Tensor) (dy, dhN *nn.Tensor) {
	return h.att.Backward(d), nil
}
