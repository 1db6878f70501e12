package bert

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/emovox/emovox/nn"
)

// Finite-difference gradient check of Model.Backward, as nn's: the loss
// L = Σ u·sequence + Σ v·pooled for fixed random u (zero at padded
// positions, which no real output depends on) and v, accumulated in
// float64; each checked element gets the Richardson-extrapolated central
// difference (4·D(h) - D(2h))/3 with h = 1e-2. A parameter passes when
// max|fd - analytic| <= gradTolerance·max|analytic|. The float32 rounding
// of the outputs, amplified by 1/h, leaves a few 1e-4 through two layers;
// a dropped term or a wrong index is off by far more.
const (
	gradStep      = 1e-2
	gradTolerance = 2e-3
	gradSamples   = 12
)

func TestGradCheck(t *testing.T) {
	for _, training := range []bool{false, true} {
		name := "eval"
		if training {
			name = "dropout"
		}
		t.Run(name, func(t *testing.T) { checkGradients(t, training) })
	}
}

func checkGradients(t *testing.T, training bool) {
	c := tinyConfig()
	c.VocabSize, c.IntermediateSize, c.MaxPositionEmbeddings = 9, 12, 6
	m := New(c, 3)
	rng := rand.New(rand.NewPCG(4, 4))
	// Larger weights than BERT's 0.02, so that every path matters.
	for _, p := range m.Params() {
		for i := range p.Value.Data {
			p.Value.Data[i] = float32(0.3 * (2*rng.Float64() - 1))
		}
	}
	m.SetTraining(training)
	b := Batch{Size: 2, SeqLen: 5, IDs: []int{1, 4, 7, 8, 2, 1, 3, 2, 0, 0},
		TypeIDs: []int{0, 0, 1, 1, 1, 0, 0, 0, 0, 0}, Lengths: []int{5, 3}}
	h := c.HiddenSize
	up := make([]float32, b.Size*b.SeqLen*h)
	upPooled := make([]float32, b.Size*h)
	for i := range up {
		if pos := i / h % b.SeqLen; pos < b.Lengths[i/h/b.SeqLen] {
			up[i] = float32(2*rng.Float64() - 1)
		}
	}
	for i := range upPooled {
		upPooled[i] = float32(2*rng.Float64() - 1)
	}
	forward := func() Output {
		m.Reseed(11) // the same dropout masks at every evaluation
		return m.Forward(b)
	}
	loss := func() float64 {
		out := forward()
		var s float64
		for i, v := range out.Sequence.Data {
			s += float64(up[i]) * float64(v)
		}
		for i, v := range out.Pooled.Data {
			s += float64(upPooled[i]) * float64(v)
		}
		return s
	}
	nn.ZeroGrad(m.Params())
	forward()
	m.Backward(nn.FromData(up, b.Size, b.SeqLen, h), nn.FromData(upPooled, b.Size, h))
	// The query, key and value views are checked as the stacked projection
	// they share, since the key bias has no gradient of its own.
	var probes []*nn.Param
	for _, p := range m.Params() {
		if !strings.Contains(p.Name, "attention.self.") {
			probes = append(probes, p)
		}
	}
	for i, l := range m.Layers {
		for _, p := range nn.Named(fmt.Sprintf("encoder.layer.%d.in_proj", i), l.SelfAttn.InProj) {
			probes = append(probes, p)
		}
	}
	for _, p := range probes {
		analytic := append([]float32(nil), p.Grad.Data...)
		var scale, worst float64
		for _, g := range analytic {
			scale = math.Max(scale, math.Abs(float64(g)))
		}
		idx := rng.Perm(len(analytic))[:min(gradSamples, len(analytic))]
		for _, j := range idx {
			worst = math.Max(worst, math.Abs(richardson(p.Value.Data, j, loss)-float64(analytic[j])))
		}
		if scale == 0 {
			if p.Name != "embeddings.token_type_embeddings.weight" || worst > 1e-6 {
				t.Errorf("%s: zero gradient, finite differences %.3g", p.Name, worst)
			}
			continue
		}
		if e := worst / scale; e > gradTolerance || math.IsNaN(e) {
			t.Errorf("%s: finite-difference error %.3g of the gradient scale > %g", p.Name, e, gradTolerance)
		}
	}
}

// richardson returns the extrapolated central difference of loss with
// respect to v[j].
func richardson(v []float32, j int, loss func() float64) float64 {
	orig := v[j]
	diff := func(h float32) float64 {
		v[j] = orig + h
		plus := loss()
		v[j] = orig - h
		minus := loss()
		v[j] = orig
		return (plus - minus) / (float64(orig+h) - float64(orig-h))
	}
	return (4*diff(gradStep) - diff(2*gradStep)) / 3
}

// TestGradCheckMLM checks the masked-language-model head on the encoder,
// the word embeddings receiving gradients through both the lookup and the
// tied decoder, as TestGradCheck does.
func TestGradCheckMLM(t *testing.T) {
	c := tinyConfig()
	c.VocabSize, c.IntermediateSize, c.MaxPositionEmbeddings, c.NumHiddenLayers = 9, 12, 6, 1
	m := New(c, 3)
	head := NewMLMHead(m, 4)
	rng := rand.New(rand.NewPCG(6, 6))
	params := append(slices.Clone(m.Params()), head.Params()...)
	for _, p := range params {
		for i := range p.Value.Data {
			p.Value.Data[i] = float32(0.3 * (2*rng.Float64() - 1))
		}
	}
	m.SetTraining(false)
	b := Batch{Size: 2, SeqLen: 4, IDs: []int{1, 4, 7, 8, 2, 1, 0, 0}, TypeIDs: make([]int, 8), Lengths: []int{4, 2}}
	positions := []int{1, 3, 5}
	up := make([]float32, len(positions)*c.VocabSize)
	for i := range up {
		up[i] = float32(2*rng.Float64() - 1)
	}
	loss := func() float64 {
		logits := head.Forward(m.Forward(b).Sequence, positions)
		var s float64
		for i, v := range logits.Data {
			s += float64(up[i]) * float64(v)
		}
		return s
	}
	nn.ZeroGrad(params)
	loss()
	m.Backward(head.Backward(nn.FromData(up, len(positions), c.VocabSize)), nil)
	for _, p := range append(head.Params(), m.WordEmbeddings.Weight, m.Layers[0].Linear2.Weight, m.EmbeddingsNorm.Weight) {
		var scale, worst float64
		for _, g := range p.Grad.Data {
			scale = math.Max(scale, math.Abs(float64(g)))
		}
		for _, j := range rng.Perm(p.Value.Len())[:min(gradSamples, p.Value.Len())] {
			worst = math.Max(worst, math.Abs(richardson(p.Value.Data, j, loss)-float64(p.Grad.Data[j])))
		}
		if scale == 0 || worst/scale > gradTolerance {
			t.Errorf("%s: finite-difference error %.3g of the gradient scale %.3g", p.Name, worst/scale, scale)
		}
	}
}
