package mlp

import (
	"math/rand/v2"
	"testing"

	"github.com/emovox/emovox/nn"
)

// BenchmarkTrainStep is one forward and backward pass of the reference
// model over a batch of 32 utterance vectors.
func BenchmarkTrainStep(b *testing.B) {
	m, _ := New(Config{Dropout: 0.5}, 4, rand.New(rand.NewPCG(1, 0)))
	x := nn.NewTensor(32, 1, 384)
	up := nn.NewTensor(32, 4)
	for b.Loop() {
		m.Forward(x, nil)
		m.Backward(up)
	}
}
