package iemonet

import (
	"math/rand/v2"
	"testing"

	"github.com/emovox/emovox/nn"
)

// BenchmarkTrainStep is one forward and backward pass of the reference
// model over a batch of 32 utterances of 384 frames (no optimiser step).
func BenchmarkTrainStep(b *testing.B) {
	m, _ := New(Config{}, 4, rand.New(rand.NewPCG(1, 0)))
	x := uniformTensor(rand.New(rand.NewPCG(2, 0)), 32, Frames, 32)
	up := nn.NewTensor(32, 4)
	lengths := make([]int, 32)
	for i := range lengths {
		lengths[i] = Frames - 4*i
	}
	for b.Loop() {
		m.Forward(x, lengths)
		m.Backward(up)
	}
}

// BenchmarkInfer scores one 3-second utterance padded to 384 frames, as a
// prediction does.
func BenchmarkInfer(b *testing.B) {
	m, _ := New(Config{}, 4, rand.New(rand.NewPCG(1, 0)))
	m.SetTraining(false)
	x := uniformTensor(rand.New(rand.NewPCG(2, 0)), 1, Frames, 32)
	for b.Loop() {
		m.Forward(x, []int{300})
	}
}
