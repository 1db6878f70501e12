package iemonet

import (
	"fmt"

	"github.com/emovox/emovox/nn"
)

// checkInput panics unless x is (batch, time, features) with at least one
// frame and lengths is nil or holds one length in [1, time] per sequence.
func checkInput(x *nn.Tensor, lengths []int, features int) {
	if len(x.Shape) != 3 || x.Shape[2] != features || x.Shape[1] < 1 {
		panic(fmt.Sprintf("iemonet: Forward: input %v, want (batch, frames ≥ 1, %d)", x.Shape, features))
	}
	if lengths == nil {
		return
	}
	if len(lengths) != x.Shape[0] {
		panic(fmt.Sprintf("iemonet: Forward: %d lengths for a batch of %d", len(lengths), x.Shape[0]))
	}
	for b, n := range lengths {
		if n < 1 || n > x.Shape[1] {
			panic(fmt.Sprintf("iemonet: Forward: length %d of sequence %d outside [1, %d]", n, b, x.Shape[1]))
		}
	}
}
