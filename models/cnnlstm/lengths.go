package cnnlstm

import (
	"fmt"

	"github.com/emovox/emovox/nn"
)

// checkInput panics unless x is (batch, time, features) with time at least
// minFrames and lengths is nil or holds one length in [1, time] per
// sequence.
func checkInput(x *nn.Tensor, lengths []int, features, minFrames int) {
	if len(x.Shape) != 3 || x.Shape[2] != features {
		panic(fmt.Sprintf("cnnlstm: Forward: input %v, want (batch, frames, %d)", x.Shape, features))
	}
	if x.Shape[1] < minFrames {
		panic(fmt.Sprintf("cnnlstm: Forward: %d frames, the model needs at least %d", x.Shape[1], minFrames))
	}
	if lengths == nil {
		return
	}
	if len(lengths) != x.Shape[0] {
		panic(fmt.Sprintf("cnnlstm: Forward: %d lengths for a batch of %d", len(lengths), x.Shape[0]))
	}
	for b, n := range lengths {
		if n < 1 || n > x.Shape[1] {
			panic(fmt.Sprintf("cnnlstm: Forward: length %d of sequence %d outside [1, %d]", n, b, x.Shape[1]))
		}
	}
}

// pooledLengths stores in dst the lengths of the sequences after pool p,
// whose output has t frames: p.OutLen of each length, at least 1 and at
// most t, reusing dst's storage.
func pooledLengths(dst, lengths []int, p *nn.MaxPool1D, t int) []int {
	dst = dst[:0]
	for _, n := range lengths {
		dst = append(dst, min(max(p.OutLen(n), 1), t))
	}
	return dst
}
