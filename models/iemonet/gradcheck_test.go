package iemonet

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/emovox/emovox/nn"
)

// Finite-difference gradient check of the whole model, as in
// models/cnnlstm: the loss is L = Σ u·logits for a fixed random upstream
// u, accumulated in float64; every trainable element gets the
// Richardson-extrapolated central difference (4·D(h/2) - D(h))/3 with
// h = gradStep. An element where D(h) and D(h/2) disagree by more than
// kinkTolerance of the gradient's scale sits near a kink of the ReLU and
// is skipped (the test fails if more than maxSkipped of a tensor's
// elements, and more than one, are); that decision depends on the finite differences only.
//
// The check passes when max|fd - analytic| <= gradTolerance · scale per
// tensor, where scale is the tensor's max|analytic| or, if larger,
// gradFloor times the model's largest gradient element (float32 rounding
// of the loss leaves the same absolute error in every difference).
// TestGradCheckDetectsErrors shows that an error of 2% in the largest
// element of a gradient fails it. Observed worst error: 3.9e-3.
//
// The attention's own parameters get gradients 1e-3 to 1e-4 times the
// largest here (the scores vary little over 12 frames), so the floor lets
// them through loosely; nn's gradient check of AttentionPooling covers
// them alone. What this check adds is the wiring: scaling the attention's
// contribution to the BiLSTM's output gradient by 1.02 fails ten BiLSTM
// and TDNN tensors (tried by hand), and dropping it fails nearly all.
const (
	gradStep      = 8e-3
	gradTolerance = 5e-3
	gradFloor     = 1e-2
	kinkTolerance = 2e-2
	maxSkipped    = 0.2
	gradClasses   = 3
)

type gradCase struct {
	name    string
	cfg     Config
	lengths []int
	eval    bool
}

func gradCases() []gradCase {
	small := Config{Features: 3, Filters: 3, Kernel: 3, Hidden: 3, Attention: 4}
	with := func(f func(*Config)) Config {
		c := small
		f(&c)
		return c
	}
	return []gradCase{
		{name: "reference", cfg: small},
		{name: "reference/lengths", cfg: small, lengths: []int{12, 7, 2}},
		{name: "one-layer/lengths", cfg: with(func(c *Config) { c.Layers = 1 }), lengths: []int{9, 12, 5}},
		{name: "dilation/lengths", cfg: with(func(c *Config) { c.Dilation, c.Kernel = 2, 5 }), lengths: []int{12, 10, 6}},
		{name: "dropout/lengths", cfg: with(func(c *Config) { c.Dropout = 0.3 }), lengths: []int{12, 4, 11}},
		{name: "dropout/eval", cfg: with(func(c *Config) { c.Dropout = 0.3 }), eval: true},
	}
}

type checker struct {
	m       *Model
	x       *nn.Tensor
	lengths []int
	up      []float32
}

func newChecker(t *testing.T, gc gradCase) *checker {
	rng := rand.New(rand.NewPCG(5, 8))
	m, err := New(gc.cfg, gradClasses, rng)
	if err != nil {
		t.Fatal(err)
	}
	// Weights of PyTorch's scale make tiny gradients here; larger ones
	// keep every layer's gradient well above rounding.
	for _, p := range m.Params() {
		for i := range p.Value.Data {
			p.Value.Data[i] = float32(rng.Float64()*2 - 1)
		}
	}
	if gc.eval {
		m.SetTraining(false)
	}
	c := &checker{m: m, x: uniformTensor(rng, 3, 12, gc.cfg.Features), lengths: gc.lengths}
	c.up = uniformTensor(rng, 3*gradClasses).Data
	return c
}

func uniformTensor(rng *rand.Rand, shape ...int) *nn.Tensor {
	t := nn.NewTensor(shape...)
	for i := range t.Data {
		t.Data[i] = float32(rng.Float64()*2 - 1)
	}
	return t
}

// loss runs the model forward with the same dropout masks every time and
// returns Σ u·logits.
func (c *checker) loss() float64 {
	c.m.Reseed(1)
	var s float64
	for i, v := range c.m.Forward(c.x, c.lengths).Data {
		s += float64(c.up[i]) * float64(v)
	}
	return s
}

// analytic returns a copy of every parameter's gradient.
func (c *checker) analytic() map[string][]float32 {
	ps := c.m.Params()
	nn.ZeroGrad(ps)
	c.loss()
	c.m.Backward(nn.FromData(c.up, 3, gradClasses))
	g := map[string][]float32{}
	for _, p := range ps {
		g[p.Name] = append([]float32(nil), p.Grad.Data...)
	}
	return g
}

// diff returns the central difference of the loss in v[j] with step h.
func (c *checker) diff(v []float32, j int, h float32) float64 {
	orig := v[j]
	v[j] = orig + h
	plus := c.loss()
	v[j] = orig - h
	minus := c.loss()
	v[j] = orig
	return (plus - minus) / (float64(orig+h) - float64(orig-h))
}

type tensorCheck struct {
	err     float64 // max|fd - analytic| / scale
	skipped int
	n       int
}

// check compares the analytic gradients (after corrupt, if not nil) with
// finite differences.
func (c *checker) check(corrupt func(name string, g []float32)) map[string]tensorCheck {
	grads := c.analytic()
	largest := 0.0
	for _, g := range grads {
		for _, v := range g {
			largest = math.Max(largest, math.Abs(float64(v)))
		}
	}
	out := map[string]tensorCheck{}
	for _, p := range c.m.Params() {
		g := grads[p.Name]
		if corrupt != nil {
			corrupt(p.Name, g)
		}
		scale := 0.0
		for _, v := range g {
			scale = math.Max(scale, math.Abs(float64(v)))
		}
		scale = math.Max(scale, gradFloor*largest)
		r := tensorCheck{n: len(g)}
		for j := range p.Value.Data {
			d1, d2 := c.diff(p.Value.Data, j, gradStep), c.diff(p.Value.Data, j, gradStep/2)
			if math.Abs(d1-d2) > kinkTolerance*scale {
				r.skipped++
				continue
			}
			fd := (4*d2 - d1) / 3
			r.err = math.Max(r.err, math.Abs(fd-float64(g[j]))/scale)
		}
		out[p.Name] = r
	}
	return out
}

func TestGradCheck(t *testing.T) {
	for _, gc := range gradCases() {
		t.Run(gc.name, func(t *testing.T) {
			worst, skipped, total := 0.0, 0, 0
			for name, r := range newChecker(t, gc).check(nil) {
				worst = math.Max(worst, r.err)
				skipped += r.skipped
				total += r.n
				if r.err > gradTolerance || math.IsNaN(r.err) {
					t.Errorf("%s: finite-difference error %.3g of the gradient scale > %g", name, r.err, gradTolerance)
				}
				if r.skipped > 1 && float64(r.skipped) > maxSkipped*float64(r.n) {
					t.Errorf("%s: %d of %d elements near a kink", name, r.skipped, r.n)
				}
			}
			t.Logf("worst error %.2e, %d of %d elements skipped", worst, skipped, total)
		})
	}
}

// TestGradCheckDetectsErrors corrupts the largest element of one gradient
// by 2% and expects the check to notice.
func TestGradCheckDetectsErrors(t *testing.T) {
	gc := gradCases()[1]
	for _, name := range []string{"tdnn.weight", "bilstm.weight_hh_l0_reverse", "bilstm.weight_ih_l1", "out.bias"} {
		corrupt := func(n string, g []float32) {
			if n != name {
				return
			}
			big := 0
			for i, v := range g {
				if math.Abs(float64(v)) > math.Abs(float64(g[big])) {
					big = i
				}
			}
			g[big] *= 1.02
		}
		if r := newChecker(t, gc).check(corrupt)[name]; r.err <= gradTolerance {
			t.Errorf("%s: corrupted gradient passed the check (error %.3g)", name, r.err)
		}
	}
}
