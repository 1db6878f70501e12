package iemonet

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
		{"dilated", Config{Dilation: 3, Kernel: 3}, true},
		{"dropout", Config{Dropout: 0.5}, true},
		{"negative hidden", Config{Hidden: -1}, false},
		{"negative filters", Config{Filters: -4}, false},
		{"even kernel", Config{Kernel: 4}, false},
		{"dropout 1", Config{Dropout: 1}, false},
		{"negative dropout", Config{Dropout: -0.1}, false},
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

// TestParamShapes checks the PyTorch names and shapes of a non-reference
// configuration, against what torch.nn would give the same sizes.
func TestParamShapes(t *testing.T) {
	m, err := New(Config{Features: 10, Filters: 8, Kernel: 3, Hidden: 6, Layers: 1, Attention: 5}, 7, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]int{
		"tdnn.weight": {8, 10, 3}, "tdnn.bias": {8},
		"bilstm.weight_ih_l0": {24, 8}, "bilstm.weight_hh_l0": {24, 6}, "bilstm.bias_ih_l0": {24}, "bilstm.bias_hh_l0": {24},
		"bilstm.weight_ih_l0_reverse": {24, 8}, "bilstm.weight_hh_l0_reverse": {24, 6},
		"bilstm.bias_ih_l0_reverse": {24}, "bilstm.bias_hh_l0_reverse": {24},
		"att_w.weight": {5, 12}, "att_w.bias": {5}, "att_v.weight": {1, 5},
		"out.weight": {7, 24}, "out.bias": {7},
	}
	ps := m.Params()
	if len(ps) != len(want) {
		t.Errorf("%d parameters, want %d", len(ps), len(want))
	}
	for _, p := range ps {
		if w, ok := want[p.Name]; !ok || !slices.Equal(p.Value.Shape, w) {
			t.Errorf("%s: shape %v, want %v", p.Name, p.Value.Shape, w)
		}
	}
}

// newModel returns a model of cfg for classes classes with weights drawn
// from seed, in evaluation mode.
func newModel(t *testing.T, cfg Config, classes int, seed uint64) *Model {
	t.Helper()
	m, err := New(cfg, classes, rand.New(rand.NewPCG(seed, 0)))
	if err != nil {
		t.Fatal(err)
	}
	m.SetTraining(false)
	return m
}

// TestPaddingIsIgnored scores a padded batch and each sequence alone,
// unpadded: the scores must agree (to 1e-6 of their magnitude: the
// batched and single matrix products round differently), and whatever the
// padding holds must change nothing, bit for bit.
func TestPaddingIsIgnored(t *testing.T) {
	cfg := Config{Features: 5, Filters: 4, Hidden: 6, Attention: 5}
	m := newModel(t, cfg, 4, 1)
	rng := rand.New(rand.NewPCG(2, 2))
	lengths := []int{20, 13, 1, 7}
	x := uniformTensor(rng, len(lengths), 20, cfg.Features)
	nn.ZeroPadding(x, lengths)
	want := m.Forward(x, lengths).Clone()
	attention := m.AttentionWeights().Clone()

	garbage := x.Clone()
	for b, n := range lengths {
		for i := (b*20 + n) * cfg.Features; i < (b+1)*20*cfg.Features; i++ {
			garbage.Data[i] = 100
		}
	}
	if got := m.Forward(garbage, lengths); !slices.Equal(got.Data, want.Data) {
		t.Errorf("padding values changed the scores:\n got %v\nwant %v", got.Data, want.Data)
	}
	for b, n := range lengths {
		alone := nn.FromData(slices.Clone(x.Data[b*20*cfg.Features:(b*20+n)*cfg.Features]), 1, n, cfg.Features)
		got := m.Forward(alone, nil)
		for c, v := range got.Data {
			if w := want.Data[b*4+c]; math.Abs(float64(v-w)) > 1e-6*math.Max(1, math.Abs(float64(w))) {
				t.Errorf("sequence %d (%d frames) alone: logit %d = %g, in the batch %g", b, n, c, v, w)
			}
		}
		var sum float64
		for i, a := range attention.Data[b*20 : (b+1)*20] {
			if i >= n && a != 0 {
				t.Errorf("sequence %d: attention %g on padding frame %d", b, a, i)
			}
			sum += float64(a)
		}
		if math.Abs(sum-1) > 1e-6 {
			t.Errorf("sequence %d: attention weights sum to %g", b, sum)
		}
	}
}

// TestPenultimate checks the penultimate layer against its definition:
// the BiLSTM output at the last true frame (forward direction after all
// frames, reverse after the last one alone) then the context.
func TestPenultimate(t *testing.T) {
	cfg := Config{Features: 4, Filters: 3, Hidden: 5, Attention: 3, Dropout: 0.5}
	m := newModel(t, cfg, 3, 4)
	x := uniformTensor(rand.New(rand.NewPCG(1, 2)), 2, 9, cfg.Features)
	logits := m.Forward(x, []int{9, 6}).Clone()
	p := m.Penultimate()
	if !slices.Equal(p.Shape, []int{2, cfg.Penultimate()}) {
		t.Fatalf("penultimate shape %v, want [2 %d]", p.Shape, cfg.Penultimate())
	}
	// In evaluation mode the logits are out(penultimate).
	out := nn.NewLinear(cfg.Penultimate(), 3, true, nil)
	copy(out.Weight.Value.Data, m.out.Weight.Value.Data)
	copy(out.Bias.Value.Data, m.out.Bias.Value.Data)
	if got := out.Forward(p); !slices.Equal(got.Data, logits.Data) {
		t.Errorf("out(penultimate) = %v, logits %v", got.Data, logits.Data)
	}
	// The second half is the attention context over the true frames.
	h := m.bilstm.Forward(m.relu.Forward(m.tdnn.Forward(m.input)), []int{9, 6})
	a := m.AttentionWeights()
	for b := range 2 {
		for j := range 2 * cfg.Hidden {
			var ctx float64
			for t := range 9 {
				ctx += float64(a.Data[b*9+t]) * float64(h.Data[(b*9+t)*2*cfg.Hidden+j])
			}
			if got := p.Data[b*cfg.Penultimate()+2*cfg.Hidden+j]; math.Abs(float64(got)-ctx) > 1e-6 {
				t.Errorf("context[%d][%d] = %g, want %g", b, j, got, ctx)
			}
		}
	}
}

// TestSameSeedSameModel: the same generator state gives the same weights
// and, with dropout, the same training-mode scores after the same Reseed.
func TestSameSeedSameModel(t *testing.T) {
	cfg := Config{Features: 4, Dropout: 0.3}
	x := uniformTensor(rand.New(rand.NewPCG(1, 1)), 2, 10, 4)
	var runs [2][]float32
	for i := range runs {
		m, err := New(cfg, 4, rand.New(rand.NewPCG(7, 0)))
		if err != nil {
			t.Fatal(err)
		}
		m.Reseed(3)
		runs[i] = m.Forward(x, nil).Clone().Data
	}
	if !slices.Equal(runs[0], runs[1]) {
		t.Errorf("two models of the same seed differ: %v and %v", runs[0], runs[1])
	}
}

func TestForwardPanicsOnBadInput(t *testing.T) {
	m := newModel(t, Config{Features: 4}, 2, 1)
	for _, tt := range []struct {
		name    string
		x       *nn.Tensor
		lengths []int
	}{
		{"wrong features", nn.NewTensor(1, 5, 3), nil},
		{"no frames", nn.NewTensor(1, 0, 4), nil},
		{"2-D input", nn.NewTensor(5, 4), nil},
		{"length 0", nn.NewTensor(2, 5, 4), []int{5, 0}},
		{"length too long", nn.NewTensor(2, 5, 4), []int{5, 6}},
		{"too few lengths", nn.NewTensor(2, 5, 4), []int{5}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", tt.name)
				}
			}()
			m.Forward(tt.x, tt.lengths)
		}()
	}
}
