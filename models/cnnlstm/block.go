package cnnlstm

import (
	"math/rand/v2"

	"github.com/emovox/emovox/nn"
)

// convBlock is a convolution, optional batch normalisation, ReLU, a max
// pool of 2 and optional dropout, with the padding of every sequence set
// to zero after the pool.
type convBlock struct {
	conv *nn.Conv1D
	bn   *nn.BatchNorm1D // nil without batch normalisation
	relu nn.ReLU
	pool *nn.MaxPool1D
	drop *nn.Dropout // nil without dropout

	lengths []int // pooled lengths of the last forward; nil when unpadded
	buf     []int // storage of lengths
}

// newConvBlock returns a block from in to out channels whose convolution
// is initialised from rng (zero with a nil rng). Dropout is added later.
func newConvBlock(in, out, kernel int, batchNorm bool, rng *rand.Rand) *convBlock {
	b := &convBlock{
		// Batch normalisation would cancel a convolution bias.
		conv: nn.NewConv1D(nn.Conv1DConfig{In: in, Out: out, Kernel: kernel, Padding: kernel / 2, NoBias: batchNorm}, rng),
		pool: nn.NewMaxPool1D(poolSize, 0, 0),
	}
	if batchNorm {
		b.bn = nn.NewBatchNorm1D(out, true)
	}
	return b
}

// params returns the block's parameters named as PyTorch would name the
// convolution convName and the batch normalisation bnName.
func (b *convBlock) params(convName, bnName string) []*nn.Param {
	ps := nn.Named(convName, b.conv)
	if b.bn != nil {
		ps = append(ps, nn.Named(bnName, b.bn)...)
	}
	return ps
}

// forward runs x (batch, time, in) with the sequences' lengths (nil when
// unpadded) and returns (batch, time/2, out); b.lengths then holds the
// pooled lengths.
func (b *convBlock) forward(x *nn.Tensor, lengths []int) *nn.Tensor {
	h := b.conv.Forward(x)
	if b.bn != nil {
		h = b.bn.Forward(h)
	}
	h = b.pool.Forward(b.relu.Forward(h))
	b.lengths = nil
	if lengths != nil {
		b.buf = pooledLengths(b.buf, lengths, b.pool, h.Shape[1])
		b.lengths = b.buf
	}
	nn.ZeroPadding(h, b.lengths)
	if b.drop != nil {
		h = b.drop.Forward(h)
	}
	return h
}

// backward takes the gradient with respect to forward's output, which it
// may modify, and returns the one with respect to its input (nil when the
// convolution skips it).
func (b *convBlock) backward(dy *nn.Tensor) *nn.Tensor {
	if b.drop != nil {
		dy = b.drop.Backward(dy)
	}
	nn.ZeroPadding(dy, b.lengths) // the padding is a constant zero
	d := b.relu.Backward(b.pool.Backward(dy))
	if b.bn != nil {
		d = b.bn.Backward(d)
	}
	return b.conv.Backward(d)
}

// moders returns the block's layers that have a training mode.
func (b *convBlock) moders() []nn.Moder {
	var ms []nn.Moder
	if b.bn != nil {
		ms = append(ms, b.bn)
	}
	if b.drop != nil {
		ms = append(ms, b.drop)
	}
	return ms
}
