package bert

import (
	"fmt"
	"math/rand/v2"

	"github.com/emovox/emovox/nn"
)

// MLMHead is transformers' BertOnlyMLMHead, the masked-language-model
// head of BERT's pre-training: at the chosen positions of the encoder's
// output,
//
//	logits = LayerNorm(gelu(dense(x)))·Eᵀ + bias
//
// with E the model's word embeddings (the decoder weight is tied to them,
// so its gradient goes to the embeddings). Parameters are named
// cls.predictions.transform.dense.{weight,bias},
// cls.predictions.transform.LayerNorm.{weight,bias} and
// cls.predictions.bias.
type MLMHead struct {
	Dense   *nn.Linear
	Norm    *nn.LayerNorm
	Decoder *nn.Linear // weight shared with the word embeddings

	act       nn.GELU
	positions []int
	batch     int
	seq       int
	gathered  *nn.Tensor
	dSeq      *nn.Tensor
}

// NewMLMHead returns a head for m, initialised as transformers does
// (dense weight normal with standard deviation InitializerRange, biases
// zero), drawn from seed.
func NewMLMHead(m *Model, seed uint64) *MLMHead {
	c := m.Config
	rng := rand.New(rand.NewPCG(seed, 0x6d6c6d))
	h := &MLMHead{Dense: nn.NewLinear(c.HiddenSize, c.HiddenSize, true, nil),
		Norm: nn.NewLayerNorm(c.HiddenSize, c.LayerNormEps, true),
		Decoder: &nn.Linear{In: c.HiddenSize, Out: c.VocabSize, Weight: m.WordEmbeddings.Weight,
			Bias: &nn.Param{Name: "bias", Value: nn.NewTensor(c.VocabSize), Grad: nn.NewTensor(c.VocabSize)}}}
	for i := range h.Dense.Weight.Value.Data {
		h.Dense.Weight.Value.Data[i] = float32(rng.NormFloat64() * c.InitializerRange)
	}
	return h
}

// Params returns the head's own parameters with transformers' names (the
// tied decoder weight is the model's).
func (h *MLMHead) Params() []*nn.Param {
	ps := nn.Named("cls.predictions.transform.dense", h.Dense)
	ps = append(ps, nn.Named("cls.predictions.transform.LayerNorm", h.Norm)...)
	return append(ps, &nn.Param{Name: "cls.predictions.bias", Value: h.Decoder.Bias.Value, Grad: h.Decoder.Bias.Grad})
}

// Forward returns the vocabulary logits (len(positions), vocab) at the
// given positions of sequence (batch, seq, hidden), each position a flat
// index b·seq + t. It panics on a position outside the sequence.
func (h *MLMHead) Forward(sequence *nn.Tensor, positions []int) *nn.Tensor {
	h.batch, h.seq = sequence.Shape[0], sequence.Shape[1]
	width := sequence.Shape[2]
	h.positions = append(h.positions[:0], positions...)
	h.gathered = nn.Reuse(h.gathered, len(positions), width)
	for i, p := range positions {
		if p < 0 || p >= h.batch*h.seq {
			panic(fmt.Sprintf("bert: MLMHead.Forward: position %d outside %d×%d", p, h.batch, h.seq))
		}
		copy(h.gathered.Data[i*width:(i+1)*width], sequence.Data[p*width:])
	}
	x := h.Norm.Forward(h.act.Forward(h.Dense.Forward(h.gathered)))
	return h.Decoder.Forward(x)
}

// Backward accumulates the gradients of the head and of the word
// embeddings and returns the gradient with respect to the sequence
// (zero away from the positions).
func (h *MLMHead) Backward(dLogits *nn.Tensor) *nn.Tensor {
	d := h.Dense.Backward(h.act.Backward(h.Norm.Backward(h.Decoder.Backward(dLogits))))
	width := d.Shape[1]
	h.dSeq = nn.Reuse(h.dSeq, h.batch, h.seq, width)
	clear(h.dSeq.Data)
	for i, p := range h.positions {
		row := h.dSeq.Data[p*width : (p+1)*width]
		for j, g := range d.Data[i*width : (i+1)*width] {
			row[j] += g
		}
	}
	return h.dSeq
}
