package mlp

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/emovox/emovox/nn"
)

func TestConfigValidate(t *testing.T) {
	for _, tt := range []struct {
		name string
		cfg  Config
		ok   bool
	}{
		{"zero is the reference", Config{}, true},
		{"two layers with dropout", Config{Layers: 2, Dropout: 0.5}, true},
		{"negative hidden", Config{Hidden: -1}, false},
		{"negative layers", Config{Layers: -2}, false},
		{"negative features", Config{Features: -384}, false},
		{"dropout 1", Config{Dropout: 1}, false},
		{"NaN dropout", Config{Dropout: math.NaN()}, false},
	} {
		err := tt.cfg.Validate()
		if (err == nil) != tt.ok || (err != nil && !errors.Is(err, ErrConfig)) {
			t.Errorf("%s: Validate() = %v", tt.name, err)
		}
	}
	if _, err := New(Config{}, 0, nil); !errors.Is(err, ErrConfig) {
		t.Errorf("0 classes: %v", err)
	}
}

func TestParamNamesAndShapes(t *testing.T) {
	m, err := New(Config{Layers: 2, Hidden: 16}, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []any
	for _, p := range m.Params() {
		got = append(got, p.Name, p.Value.Shape)
	}
	want := []any{"hidden.0.weight", []int{16, 384}, "hidden.0.bias", []int{16}, "hidden.1.weight", []int{16, 16},
		"hidden.1.bias", []int{16}, "out.weight", []int{4, 16}, "out.bias", []int{4}}
	if len(got) != len(want) {
		t.Fatalf("params %v, want %v", got, want)
	}
	for i := 0; i < len(want); i += 2 {
		if got[i] != want[i] || !slices.Equal(got[i+1].([]int), want[i+1].([]int)) {
			t.Errorf("param %d: %v %v, want %v %v", i/2, got[i], got[i+1], want[i], want[i+1])
		}
	}
}

// TestHandComputed checks a 2-3-2 network against logits worked out by
// hand: h = relu(W1·x + b1), y = W2·h + b2.
func TestHandComputed(t *testing.T) {
	m, err := New(Config{Features: 2, Hidden: 3}, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	values := [][]float32{
		{1, -1, 0.5, 2, -1, 0}, // hidden.0.weight (3, 2)
		{0, 0.5, -3},           // hidden.0.bias
		{1, 2, 3, -1, 0, 1},    // out.weight (2, 3)
		{0.25, -0.25},          // out.bias
	}
	for i, p := range m.Params() {
		copy(p.Value.Data, values[i])
	}
	// x = (2, 1): W1·x + b1 = (2-1+0, 1+2+0.5, -2+0-3) = (1, 3.5, -5),
	// relu (1, 3.5, 0); W2·h + b2 = (1+7+0+0.25, -1+0+0-0.25).
	got := m.Forward(nn.FromData([]float32{2, 1}, 1, 1, 2), nil)
	if !slices.Equal(got.Data, []float32{8.25, -1.25}) {
		t.Errorf("logits %v, want [8.25 -1.25]", got.Data)
	}
}

// TestFramesAreAveraged: a sequence of frames scores as its mean vector,
// over its true length only.
func TestFramesAreAveraged(t *testing.T) {
	m, err := New(Config{Features: 3, Hidden: 4}, 2, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	x := nn.FromData([]float32{1, 2, 3, 3, 2, 1, 100, 100, 100}, 1, 3, 3)
	got := m.Forward(x, []int{2}).Clone()
	want := m.Forward(nn.FromData([]float32{2, 2, 2}, 1, 1, 3), nil)
	if !slices.Equal(got.Data, want.Data) {
		t.Errorf("averaged frames score %v, the mean vector %v", got.Data, want.Data)
	}
}

func TestCloneSharesWeights(t *testing.T) {
	m, err := New(Config{Features: 5, Hidden: 4, Layers: 2, Dropout: 0.5}, 3, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	m.SetTraining(false)
	c := m.Clone()
	x := nn.FromData([]float32{1, -2, 3, 0.5, 0}, 1, 1, 5)
	want := m.Forward(x, nil).Clone()
	if got := c.Forward(x, nil); !slices.Equal(got.Data, want.Data) {
		t.Errorf("the clone scores %v, the model %v", got.Data, want.Data)
	}
	for i, p := range c.Params() {
		if q := m.Params()[i]; p.Value != q.Value || p.Grad == q.Grad {
			t.Errorf("%s: value not shared or gradient shared", p.Name)
		}
	}
}

// TestGradCheck compares the gradients with Richardson-extrapolated
// central differences, as models/iemonet's check does: per tensor,
// max|fd - analytic| <= 1e-3 of its largest gradient element (float32
// rounding of the loss leaves about 1e-5 here). Elements whose two
// differences disagree by more than 2e-2 of that scale sit near a ReLU
// kink and are skipped; at most 20% may be.
func TestGradCheck(t *testing.T) {
	for _, cfg := range []Config{{Features: 4, Hidden: 5}, {Features: 4, Hidden: 5, Layers: 3, Dropout: 0.3}} {
		rng := rand.New(rand.NewPCG(3, 3))
		m, err := New(cfg, 3, rng)
		if err != nil {
			t.Fatal(err)
		}
		x := nn.NewTensor(4, 3, 4)
		up := nn.NewTensor(4, 3)
		for _, d := range [][]float32{x.Data, up.Data} {
			for i := range d {
				d[i] = float32(rng.Float64()*2 - 1)
			}
		}
		lengths := []int{3, 1, 2, 3}
		loss := func() float64 {
			m.Reseed(1)
			var s float64
			for i, v := range m.Forward(x, lengths).Data {
				s += float64(up.Data[i]) * float64(v)
			}
			return s
		}
		nn.ZeroGrad(m.Params())
		loss()
		m.Backward(up)
		for _, p := range m.Params() {
			scale := 0.0
			for _, g := range p.Grad.Data {
				scale = math.Max(scale, math.Abs(float64(g)))
			}
			worst, skipped := 0.0, 0
			for j := range p.Value.Data {
				diff := func(h float32) float64 {
					orig := p.Value.Data[j]
					p.Value.Data[j] = orig + h
					plus := loss()
					p.Value.Data[j] = orig - h
					minus := loss()
					p.Value.Data[j] = orig
					return (plus - minus) / (float64(orig+h) - float64(orig-h))
				}
				d1, d2 := diff(8e-3), diff(4e-3)
				if math.Abs(d1-d2) > 2e-2*scale {
					skipped++
					continue
				}
				worst = math.Max(worst, math.Abs((4*d2-d1)/3-float64(p.Grad.Data[j]))/scale)
			}
			if worst > 1e-3 || skipped > len(p.Value.Data)/5 {
				t.Errorf("%+v %s: error %.3g of the gradient scale, %d of %d skipped", cfg, p.Name, worst, skipped, len(p.Value.Data))
			}
		}
	}
}
