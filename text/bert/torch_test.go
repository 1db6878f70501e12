package bert

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emovox/emovox/internal/sharedtest"
	"github.com/emovox/emovox/nn"
	"github.com/emovox/emovox/nn/safetensors"
)

// torchTensor is an array of ../shared/reference/torch/layers.json.
type torchTensor struct {
	Shape []int
	Data  []float64
}

func (t torchTensor) f32() []float32 {
	out := make([]float32, len(t.Data))
	for i, v := range t.Data {
		out[i] = float32(v)
	}
	return out
}

// hfLayerName maps a torch.nn.TransformerEncoderLayer parameter to its
// BertLayer names, splitting the stacked projection into query, key and
// value (rows 0..d, d..2d, 2d..3d).
var hfLayerName = map[string]string{
	"self_attn.out_proj.weight": "attention.output.dense.weight", "self_attn.out_proj.bias": "attention.output.dense.bias",
	"linear1.weight": "intermediate.dense.weight", "linear1.bias": "intermediate.dense.bias",
	"linear2.weight": "output.dense.weight", "linear2.bias": "output.dense.bias",
	"norm1.weight": "attention.output.LayerNorm.weight", "norm1.bias": "attention.output.LayerNorm.bias",
	"norm2.weight": "output.LayerNorm.weight", "norm2.bias": "output.LayerNorm.bias",
}

// toHF renames a PyTorch layer's tensors to layer 0 of a BertModel.
func toHF(params map[string]torchTensor, d int) map[string]torchTensor {
	out := map[string]torchTensor{}
	for name, t := range params {
		if hf, ok := hfLayerName[name]; ok {
			out["encoder.layer.0."+hf] = t
			continue
		}
		width := 1
		if len(t.Shape) == 2 {
			width = t.Shape[1]
		}
		kind := strings.TrimPrefix(name, "self_attn.in_proj_") // weight or bias
		for k, qkv := range []string{"query", "key", "value"} {
			shape := []int{d}
			if width > 1 {
				shape = []int{d, width}
			}
			out["encoder.layer.0.attention.self."+qkv+"."+kind] = torchTensor{shape, t.Data[k*d*width : (k+1)*d*width]}
		}
	}
	return out
}

// TestPyTorchBertLayer loads the BERT-style encoder layer of PyTorch's
// reference (torch.nn.TransformerEncoderLayer, post-LN, erf GELU, eps
// 1e-12, the same equations as BertLayer) into layer 0 through Hugging
// Face's names, and compares its output, input gradient and parameter
// gradients with PyTorch's. The tolerance is nn's for this layer.
func TestPyTorchBertLayer(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(sharedtest.Dir(t, "reference", "torch"), "layers.json"))
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Cases []struct {
			Name       string
			Config     map[string]any
			Params     map[string]torchTensor
			X, Y       torchTensor
			Upstream   torchTensor
			GradX      torchTensor            `json:"grad_x"`
			GradParams map[string]torchTensor `json:"grad_params"`
		}
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range file.Cases {
		if c.Name != "transformer_encoder_layer_bert_style" {
			continue
		}
		found = true
		cfg := BaseUncased()
		cfg.HiddenSize, cfg.NumAttentionHeads = int(c.Config["d_model"].(float64)), int(c.Config["nhead"].(float64))
		cfg.IntermediateSize, cfg.LayerNormEps = int(c.Config["dim_feedforward"].(float64)), c.Config["layer_norm_eps"].(float64)
		cfg.NumHiddenLayers, cfg.VocabSize = 1, 4
		m := New(cfg, 1)
		m.SetTraining(false)
		byName := map[string]*nn.Param{}
		for _, p := range m.Params() {
			byName[p.Name] = p
		}
		var tensors []safetensors.Tensor
		for name, p := range byName {
			tensors = append(tensors, safetensors.Tensor{Name: name, Shape: p.Value.Shape, Data: p.Value.Data})
		}
		for name, tt := range toHF(c.Params, cfg.HiddenSize) {
			for i := range tensors {
				if tensors[i].Name == name {
					tensors[i].Data = tt.f32()
				}
			}
		}
		if _, err := m.SetWeights(tensors); err != nil {
			t.Fatal(err)
		}
		l := m.Layers[0]
		y := l.Forward(nn.FromData(c.X.f32(), c.X.Shape...), nil)
		errs := map[string]float64{"y": maxRelErr(y.Data, c.Y.Data)}
		nn.ZeroGrad(m.Params())
		dx := l.Backward(nn.FromData(c.Upstream.f32(), c.Upstream.Shape...))
		errs["grad_x"] = maxRelErr(dx.Data, c.GradX.Data)
		// The key bias has no gradient (softmax ignores a constant per
		// query): PyTorch's is float64 rounding, about 1e-17. The query,
		// key and value gradients are therefore measured, as nn measures
		// the stacked projection, against the scale of the stacked one.
		stacked := map[string]float64{}
		for name, g := range c.GradParams {
			stacked[strings.TrimPrefix(name, "self_attn.in_proj_")] = maxAbs(g.Data)
		}
		for name, g := range toHF(c.GradParams, cfg.HiddenSize) {
			scale := maxAbs(g.Data)
			if strings.Contains(name, "attention.self.") {
				scale = stacked[name[strings.LastIndexByte(name, '.')+1:]]
			}
			errs[name] = maxAbsErr(byName[name].Grad.Data, g.Data) / scale
		}
		if len(errs) != 2+16 {
			t.Errorf("%d comparisons", len(errs))
		}
		for name, e := range errs {
			if e > 2e-6 {
				t.Errorf("%s: relative error %.3g > 2e-6", name, e)
			}
		}
	}
	if !found {
		t.Fatal("no BERT-style layer in layers.json")
	}
}

func maxAbs(v []float64) float64 {
	var m float64
	for _, x := range v {
		m = math.Max(m, math.Abs(x))
	}
	return m
}

func maxAbsErr(got []float32, want []float64) float64 {
	if len(got) != len(want) {
		return math.Inf(1)
	}
	var e float64
	for i, w := range want {
		e = math.Max(e, math.Abs(float64(got[i])-w))
	}
	return e
}
