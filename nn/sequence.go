package nn

import "fmt"

// LastStep selects each sequence's last true step: x (batch, time, dim)
// gives (batch, dim) with row b = x[b, lengths[b]-1] (x[b, time-1]
// without lengths), PyTorch's h[:, -1] for unpadded batches.
type LastStep struct {
	batch, t, dim int
	lengths       []int
	y, dx         *Tensor
}

// Forward selects the last steps.
func (l *LastStep) Forward(x *Tensor, lengths []int) *Tensor {
	mustShape("LastStep.Forward", x, -1, -1, -1)
	l.batch, l.t, l.dim = x.Shape[0], x.Shape[1], x.Shape[2]
	checkLengths("LastStep.Forward", lengths, l.batch, l.t)
	l.lengths = append(l.lengths[:0], lengths...)
	if lengths == nil {
		l.lengths = nil
	}
	l.y = reuse(l.y, l.batch, l.dim)
	for b := 0; b < l.batch; b++ {
		row := b*l.t + seqLen(l.lengths, b, l.t) - 1
		copy(l.y.Data[b*l.dim:(b+1)*l.dim], x.Data[row*l.dim:])
	}
	return l.y
}

// Backward returns a gradient that is dy at the selected steps and zero
// elsewhere.
func (l *LastStep) Backward(dy *Tensor) *Tensor {
	mustShape("LastStep.Backward", dy, l.batch, l.dim)
	l.dx = reuse(l.dx, l.batch, l.t, l.dim)
	clear(l.dx.Data)
	for b := 0; b < l.batch; b++ {
		row := b*l.t + seqLen(l.lengths, b, l.t) - 1
		copy(l.dx.Data[row*l.dim:(row+1)*l.dim], dy.Data[b*l.dim:])
	}
	return l.dx
}

// Concat joins tensors along their last dimension, like torch.cat(xs,
// dim=-1). All inputs must agree on the other dimensions.
type Concat struct {
	widths     []int
	y          *Tensor
	dxs        []*Tensor
	shape      []int
	shapeParts []int
}

// Forward concatenates xs.
func (c *Concat) Forward(xs ...*Tensor) *Tensor {
	c.widths = c.widths[:0]
	total := 0
	n, _ := rows(xs[0])
	for _, x := range xs {
		m, w := rows(x)
		if m != n || len(x.Shape) != len(xs[0].Shape) {
			panic(fmt.Sprintf("nn: Concat.Forward: shapes %v and %v", xs[0].Shape, x.Shape))
		}
		c.widths = append(c.widths, w)
		total += w
	}
	c.shape = append(append(c.shape[:0], xs[0].Shape[:len(xs[0].Shape)-1]...), total)
	c.y = reuse(c.y, c.shape...)
	off := 0
	for i, x := range xs {
		w := c.widths[i]
		for r := 0; r < n; r++ {
			copy(c.y.Data[r*total+off:r*total+off+w], x.Data[r*w:(r+1)*w])
		}
		off += w
	}
	return c.y
}

// Backward splits dy into the gradients of the inputs, in order.
func (c *Concat) Backward(dy *Tensor) []*Tensor {
	mustShape("Concat.Backward", dy, c.shape...)
	n, total := rows(dy)
	for len(c.dxs) < len(c.widths) {
		c.dxs = append(c.dxs, nil)
	}
	off := 0
	for i, w := range c.widths {
		c.shapeParts = append(append(c.shapeParts[:0], c.shape[:len(c.shape)-1]...), w)
		c.dxs[i] = reuse(c.dxs[i], c.shapeParts...)
		for r := 0; r < n; r++ {
			copy(c.dxs[i].Data[r*w:(r+1)*w], dy.Data[r*total+off:r*total+off+w])
		}
		off += w
	}
	return c.dxs[:len(c.widths)]
}

// ZeroPadding sets the frames of x (batch, time, channels) at or after
// each sequence's length to zero; nil lengths (every sequence full) leave
// x as it is.
func ZeroPadding(x *Tensor, lengths []int) {
	t, ch := x.Shape[1], x.Shape[2]
	for b, n := range lengths {
		clear(x.Data[(b*t+n)*ch : (b+1)*t*ch])
	}
}

// IsPadded reports whether some sequence is shorter than frames.
func IsPadded(lengths []int, frames int) bool {
	for _, n := range lengths {
		if n < frames {
			return true
		}
	}
	return false
}
