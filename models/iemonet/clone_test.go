package iemonet

import (
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/emovox/emovox/nn"
)

func TestCloneSharesWeights(t *testing.T) {
	cfg := Config{Features: 6, Filters: 4, Hidden: 5, Attention: 4, Dropout: 0.2}
	m := newModel(t, cfg, 3, 2)
	c := m.Clone().(*Model)
	x := uniformTensor(rand.New(rand.NewPCG(1, 1)), 2, 12, cfg.Features)
	want := m.Forward(x, []int{12, 7}).Clone()
	if got := c.Forward(x, []int{12, 7}); !slices.Equal(got.Data, want.Data) {
		t.Errorf("the clone's logits differ")
	}
	ps := m.Params()
	ps[len(ps)-1].Value.Data[0] += 1 // out.bias
	if got := c.Forward(x, []int{12, 7}); math.Abs(float64(got.Data[0]-want.Data[0]-1)) > 1e-6 {
		t.Errorf("the clone does not share out.bias")
	}
	for i, p := range c.Params() {
		if p.Value != ps[i].Value {
			t.Errorf("%s is a copy", p.Name)
		}
		if p.Grad == ps[i].Grad {
			t.Errorf("%s: the gradient is shared", p.Name)
		}
	}
}

// TestClonesEvaluateConcurrently runs clones on several goroutines; run
// with -race it checks that evaluation writes nothing shared.
func TestClonesEvaluateConcurrently(t *testing.T) {
	cfg := Config{Features: 6, Filters: 4, Hidden: 5, Attention: 4}
	m := newModel(t, cfg, 3, 2)
	x := uniformTensor(rand.New(rand.NewPCG(1, 1)), 2, 12, cfg.Features)
	want := m.Forward(x, []int{12, 5}).Clone()
	var wg sync.WaitGroup
	results := make([]*nn.Tensor, 4)
	for i := range results {
		c := m.Clone()
		wg.Go(func() {
			for range 5 {
				results[i] = c.Forward(x, []int{12, 5})
			}
		})
	}
	wg.Wait()
	for i, r := range results {
		if !slices.Equal(r.Data, want.Data) {
			t.Errorf("goroutine %d: logits differ", i)
		}
	}
}
