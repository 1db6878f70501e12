package fusion

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/emovox/emovox/nn"
)

// TestBlockGradients compares the block's parameter gradients (through
// cross-entropy) with Richardson-extrapolated central differences of the
// loss. The block adds no layer of its own, but this checks how its nn
// layers are wired. Tolerance: 1e-3 absolute plus 1% of the gradient's
// magnitude, for float32 forward passes.
func TestBlockGradients(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	cfg := Config{Acoustic: 5, Text: 3, Hidden: 7}
	b := newBlock(cfg, 4, rng)
	x := nn.NewTensor(6, cfg.Inputs())
	for i := range x.Data {
		x.Data[i] = float32(rng.NormFloat64())
	}
	y := []int{0, 1, 2, 3, 1, 2}
	ce := nn.CrossEntropy{Weights: []float32{1, 2, 0.5, 1}}
	loss := func() float64 { return ce.Forward(b.forward(x), y) }
	loss()
	b.backward(ce.Backward())
	for _, p := range b.params() {
		for i := range p.Value.Data {
			orig := p.Value.Data[i]
			diff := func(h float32) float64 {
				p.Value.Data[i] = orig + h
				up := loss()
				p.Value.Data[i] = orig - h
				down := loss()
				p.Value.Data[i] = orig
				return (up - down) / float64(2*h)
			}
			h := float32(1e-2)
			want := (4*diff(h/2) - diff(h)) / 3
			got := float64(p.Grad.Data[i])
			if math.Abs(got-want) > 1e-3+0.01*math.Abs(want) {
				t.Errorf("%s[%d]: gradient %g, finite differences %g", p.Name, i, got, want)
			}
		}
	}
}
