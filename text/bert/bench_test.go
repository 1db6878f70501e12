package bert

import (
	"testing"

	"github.com/emovox/emovox/nn"
)

// BenchmarkTrainStep runs forward and backward of a 4-layer, hidden-256
// encoder on 32 sequences of 32 tokens (the size of the from-scratch TER
// encoder), single-threaded as the test binary is told with -cpu.
func BenchmarkTrainStep(b *testing.B) {
	c := BaseUncased()
	c.HiddenSize, c.NumHiddenLayers, c.NumAttentionHeads, c.IntermediateSize = 256, 4, 4, 1024
	m := New(c, 1)
	batch := Batch{Size: 32, SeqLen: 32, IDs: make([]int, 32*32), TypeIDs: make([]int, 32*32), Lengths: make([]int, 32)}
	for i := range batch.IDs {
		batch.IDs[i] = (i * 7919) % c.VocabSize
	}
	for i := range batch.Lengths {
		batch.Lengths[i] = 16 + i%17
	}
	dPooled := nn.NewTensor(32, c.HiddenSize)
	for i := range dPooled.Data {
		dPooled.Data[i] = 0.01
	}
	for b.Loop() {
		m.Forward(batch)
		m.Backward(nil, dPooled)
	}
}

// BenchmarkInference encodes 32 sequences of 32 tokens in evaluation mode.
func BenchmarkInference(b *testing.B) {
	c := BaseUncased()
	c.HiddenSize, c.NumHiddenLayers, c.NumAttentionHeads, c.IntermediateSize = 256, 4, 4, 1024
	m := New(c, 1)
	m.SetTraining(false)
	batch := Batch{Size: 32, SeqLen: 32, IDs: make([]int, 32*32), TypeIDs: make([]int, 32*32), Lengths: make([]int, 32)}
	for i := range batch.Lengths {
		batch.Lengths[i] = 32
	}
	for b.Loop() {
		m.Forward(batch)
	}
}
