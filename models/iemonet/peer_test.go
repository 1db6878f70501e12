package iemonet

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/emovox/emovox/nn"
	"github.com/emovox/emovox/nn/benchmodels"
)

// peerReference is nn/benchmodels' record of PyTorch 1.13 (float64)
// running ../shared/peers/torch_models.py's IEmoNetSER on weights and
// inputs given by formulas (see gen_peer_reference.py beside it).
const peerReference = "../../nn/benchmodels/testdata/peer_reference.json"

// Tolerances against PyTorch's float64, as nn/benchmodels states them:
// logits relative to their largest magnitude; gradient elements relative
// to their own norm plus a floor of peerGradFloor times the largest
// gradient norm (float32 rounding of the large upstream gradients leaves
// absolute errors of that order in the tiny att_w.bias gradient).
const (
	peerOutputTol = 1e-5
	peerGradTol   = 1e-5
	peerGradFloor = 1e-7
)

type peerCase struct {
	Name     string
	Frames   int
	Features int
	Logits   []float64
	Loss     float64
	Grads    map[string]struct {
		Sum, Norm float64
		Head      []float64
	}
}

func loadPeerCase(t *testing.T) peerCase {
	t.Helper()
	raw, err := os.ReadFile(peerReference)
	if err != nil {
		t.Fatal(err)
	}
	var ref struct{ Cases []peerCase }
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatal(err)
	}
	for _, c := range ref.Cases {
		if c.Name == "iemonet" {
			return c
		}
	}
	t.Fatalf("%s has no iemonet case", peerReference)
	return peerCase{}
}

// TestMatchesPyTorch runs the reference model forward and backward on the
// weights and input PyTorch saw and compares logits, loss and gradients.
func TestMatchesPyTorch(t *testing.T) {
	c := loadPeerCase(t)
	m, err := New(Config{}, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	params := m.Params()
	for j, p := range params {
		for i := range p.Value.Data {
			p.Value.Data[i] = float32(0.1 * math.Sin(0.7*float64(i)+1.3*float64(j)))
		}
	}
	x := nn.NewTensor(2, c.Frames, c.Features)
	for n := range x.Data {
		x.Data[n] = float32(math.Sin(0.05*float64(n)) + 0.5*math.Cos(0.11*float64(n)))
	}
	var loss nn.CrossEntropy
	logits := m.Forward(x, nil)
	if e := maxRelErr(logits.Data, c.Logits); e > peerOutputTol {
		t.Errorf("logits: relative error %.3g > %g", e, peerOutputTol)
	}
	if l := loss.Forward(logits, []int{0, 1}); math.Abs(l-c.Loss) > peerOutputTol*math.Abs(c.Loss) {
		t.Errorf("loss %g, PyTorch %g", l, c.Loss)
	}
	nn.ZeroGrad(params)
	m.Backward(loss.Backward())
	global := 0.0
	for _, g := range c.Grads {
		global = math.Max(global, g.Norm)
	}
	if len(c.Grads) != len(params) {
		t.Errorf("%d parameters, PyTorch %d", len(params), len(c.Grads))
	}
	for _, p := range params {
		want, ok := c.Grads[p.Name]
		if !ok {
			t.Errorf("PyTorch has no parameter %q", p.Name)
			continue
		}
		scale := want.Norm + peerGradFloor/peerGradTol*global
		var norm float64
		for _, g := range p.Grad.Data {
			norm += float64(g) * float64(g)
		}
		errs := []float64{math.Abs(math.Sqrt(norm)-want.Norm) / scale}
		for i, w := range want.Head {
			errs = append(errs, math.Abs(float64(p.Grad.Data[i])-w)/scale)
		}
		if e := slices.Max(errs); e > peerGradTol {
			t.Errorf("grad %s: relative error %.3g > %g", p.Name, e, peerGradTol)
		}
	}
}

func maxRelErr(got []float32, want []float64) float64 {
	if len(got) != len(want) {
		return math.Inf(1)
	}
	var e, m float64
	for i, w := range want {
		e = math.Max(e, math.Abs(float64(got[i])-w))
		m = math.Max(m, math.Abs(w))
	}
	return e / m
}

// TestMatchesBenchmodels checks that the reference configuration drawn
// from a generator is nn/benchmodels' IEmoNetSER drawn from the same one:
// the same parameter names, shapes and values, and bit for bit the same
// logits and gradients on a full-length batch.
func TestMatchesBenchmodels(t *testing.T) {
	const seed = 11
	peer := benchmodels.NewIEmoNetSER(seed)
	m, err := New(Config{}, 4, rand.New(rand.NewPCG(seed, 0)))
	if err != nil {
		t.Fatal(err)
	}
	ps, qs := m.Params(), peer.Params()
	if len(ps) != len(qs) {
		t.Fatalf("%d parameters, benchmodels %d", len(ps), len(qs))
	}
	for i, p := range ps {
		if p.Name != qs[i].Name || !slices.Equal(p.Value.Shape, qs[i].Value.Shape) || !slices.Equal(p.Value.Data, qs[i].Value.Data) {
			t.Errorf("parameter %d: %s %v, benchmodels %s %v (or other values)", i, p.Name, p.Value.Shape, qs[i].Name, qs[i].Value.Shape)
		}
	}
	x := uniformTensor(rand.New(rand.NewPCG(3, 3)), 3, Frames, 32)
	want := peer.Forward(x).Clone()
	got := m.Forward(x, []int{Frames, Frames, Frames}) // lengths that pad nothing
	if !slices.Equal(got.Data, want.Data) {
		t.Fatalf("logits differ:\n got %v\nwant %v", got.Data, want.Data)
	}
	up := uniformTensor(rand.New(rand.NewPCG(4, 4)), 3, 4)
	nn.ZeroGrad(ps)
	nn.ZeroGrad(qs)
	m.Backward(up)
	peer.Backward(up)
	for i, p := range ps {
		if !slices.Equal(p.Grad.Data, qs[i].Grad.Data) {
			t.Errorf("gradient of %s differs", p.Name)
		}
	}
}
