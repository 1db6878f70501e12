package bert

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/emovox/emovox/nn"
	"github.com/emovox/emovox/nn/safetensors"
)

// tinyConfig is the checkpoint of the loading tests: 2 layers, hidden 8,
// 2 heads.
func tinyConfig() Config {
	c := BaseUncased()
	c.VocabSize, c.HiddenSize, c.NumHiddenLayers, c.NumAttentionHeads = 20, 8, 2, 2
	c.IntermediateSize, c.MaxPositionEmbeddings = 16, 10
	return c
}

// writeCheckpoint writes w as a safetensors file with the given name
// prefix, renaming LayerNorm weight and bias to gamma and beta when
// legacy is set, plus extra tensors.
func writeCheckpoint(t *testing.T, w refWeights, shapes map[string][]int, prefix string, legacy bool, extra ...safetensors.Tensor) string {
	t.Helper()
	var ts []safetensors.Tensor
	for name, v := range w {
		if legacy {
			name = strings.Replace(strings.Replace(name, "LayerNorm.weight", "LayerNorm.gamma", 1), "LayerNorm.bias", "LayerNorm.beta", 1)
		}
		data := make([]float32, len(v))
		for i, x := range v {
			data[i] = float32(x)
		}
		orig := name
		if legacy {
			orig = strings.Replace(strings.Replace(name, "gamma", "weight", 1), "beta", "bias", 1)
		}
		ts = append(ts, safetensors.Tensor{Name: prefix + name, Shape: shapes[orig], Data: data})
	}
	ts = append(ts, extra...)
	path := filepath.Join(t.TempDir(), "model.safetensors")
	if err := safetensors.Save(path, ts, map[string]string{"format": "pt"}); err != nil {
		t.Fatal(err)
	}
	return path
}

// maxRelErr returns max|got - want| / max|want|, or the absolute error
// when want is all zeros (the gradient of a key bias, for one).
func maxRelErr(got []float32, want []float64) float64 {
	if len(got) != len(want) {
		return math.Inf(1)
	}
	var e, s float64
	for i, w := range want {
		e = math.Max(e, math.Abs(float64(got[i])-w))
		s = math.Max(s, math.Abs(w))
	}
	if s == 0 {
		return e
	}
	return e / s
}

// forwardTolerance bounds the relative error of the float32 model against
// the float64 reference: two layers of float32 products of length ≤ 16
// and layer norms; observed 1.9e-7, so 2e-6 leaves a tenfold margin while
// any semantic difference (a swapped projection, a missing mask) is off by
// far more.
const forwardTolerance = 2e-6

// TestLoadHFCheckpoint writes a tiny checkpoint in the naming and layout of
// transformers (with the "bert." prefix of BertFor* models, without it as
// BertModel saves it, and with the legacy gamma/beta names), loads it and
// compares the outputs for a padded batch with the float64 reference.
func TestLoadHFCheckpoint(t *testing.T) {
	c := tinyConfig()
	w, shapes := randomWeights(c, 1)
	size, seq := 3, 6
	ids := []int{2, 5, 7, 9, 3, 0, 2, 11, 3, 0, 0, 0, 2, 19, 18, 17, 16, 3}
	types := []int{0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1}
	lengths := []int{5, 3, 6}
	wantSeq, wantPooled := refForward(c, w, size, seq, ids, types, lengths)
	positionIDs := safetensors.Tensor{Name: "bert.embeddings.position_ids", DType: safetensors.I64, Shape: []int{1, 10},
		Data: []float32{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}}
	head := safetensors.Tensor{Name: "classifier.weight", Shape: []int{2, 8}, Data: make([]float32, 16)}
	for _, v := range []struct {
		name       string
		prefix     string
		legacy     bool
		extra      []safetensors.Tensor
		wantUnused []string
	}{
		{"BertForSequenceClassification", "bert.", false, []safetensors.Tensor{positionIDs, head},
			[]string{"bert.embeddings.position_ids", "classifier.weight"}},
		{"BertModel", "", false, nil, nil},
		{"legacy gamma/beta", "bert.", true, nil, nil},
	} {
		t.Run(v.name, func(t *testing.T) {
			path := writeCheckpoint(t, w, shapes, v.prefix, v.legacy, v.extra...)
			m := New(c, 7)
			m.SetTraining(false)
			unused, err := m.LoadWeights(path)
			if err != nil {
				t.Fatal(err)
			}
			sort.Strings(unused)
			if !slices.Equal(unused, v.wantUnused) {
				t.Errorf("unused %q, want %q", unused, v.wantUnused)
			}
			out := m.Forward(Batch{Size: size, SeqLen: seq, IDs: ids, TypeIDs: types, Lengths: lengths})
			// Padded positions are computed too (they attend to the real
			// tokens), as in transformers; compare everything.
			if e := maxRelErr(out.Sequence.Data, wantSeq); e > forwardTolerance {
				t.Errorf("last_hidden_state: relative error %.3g > %g", e, forwardTolerance)
			}
			if e := maxRelErr(out.Pooled.Data, wantPooled); e > forwardTolerance {
				t.Errorf("pooler_output: relative error %.3g > %g", e, forwardTolerance)
			}
		})
	}
}

func TestLoadErrorsNameTheTensor(t *testing.T) {
	c := tinyConfig()
	w, shapes := randomWeights(c, 2)
	missing := "encoder.layer.1.attention.self.key.bias"
	delete(w, missing)
	m := New(c, 1)
	before := slices.Clone(m.Params()[0].Value.Data)
	_, err := m.LoadWeights(writeCheckpoint(t, w, shapes, "bert.", false))
	if !errors.Is(err, nn.ErrMissing) || !strings.Contains(err.Error(), "bert."+missing) {
		t.Errorf("missing tensor: error %v", err)
	}
	if !slices.Equal(before, m.Params()[0].Value.Data) {
		t.Error("a failed load changed the model")
	}
	w, shapes = randomWeights(c, 2)
	big := c
	big.IntermediateSize = 32
	_, err = New(big, 1).LoadWeights(writeCheckpoint(t, w, shapes, "", false))
	if !errors.Is(err, nn.ErrShape) || !strings.Contains(err.Error(), "encoder.layer.0.intermediate.dense.weight") ||
		!strings.Contains(err.Error(), "intermediate_size 32") {
		t.Errorf("wrong shape: error %v", err)
	}
}

// TestParamNames checks the Hugging Face names and their order against
// those of a BertModel state_dict.
func TestParamNames(t *testing.T) {
	m := New(tinyConfig(), 1)
	var names []string
	for _, p := range m.Params() {
		names = append(names, p.Name)
	}
	if len(names) != 5+2*16+2 {
		t.Fatalf("%d params", len(names))
	}
	want := []string{"embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight",
		"embeddings.token_type_embeddings.weight", "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias",
		"encoder.layer.0.attention.self.query.weight", "encoder.layer.0.attention.self.query.bias",
		"encoder.layer.0.attention.self.key.weight", "encoder.layer.0.attention.self.key.bias",
		"encoder.layer.0.attention.self.value.weight", "encoder.layer.0.attention.self.value.bias",
		"encoder.layer.0.attention.output.dense.weight", "encoder.layer.0.attention.output.dense.bias",
		"encoder.layer.0.attention.output.LayerNorm.weight", "encoder.layer.0.attention.output.LayerNorm.bias",
		"encoder.layer.0.intermediate.dense.weight", "encoder.layer.0.intermediate.dense.bias",
		"encoder.layer.0.output.dense.weight", "encoder.layer.0.output.dense.bias",
		"encoder.layer.0.output.LayerNorm.weight", "encoder.layer.0.output.LayerNorm.bias"}
	if !slices.Equal(names[:len(want)], want) || names[len(names)-2] != "pooler.dense.weight" {
		t.Errorf("names %q", names)
	}
}

// TestSaveLoadRoundTrip saves a model and loads the file into another.
func TestSaveLoadRoundTrip(t *testing.T) {
	a, b := New(tinyConfig(), 1), New(tinyConfig(), 2)
	path := filepath.Join(t.TempDir(), "m.safetensors")
	if err := a.Save(path, map[string]string{"format": "pt"}); err != nil {
		t.Fatal(err)
	}
	if unused, err := b.LoadWeights(path); err != nil || len(unused) > 0 {
		t.Fatalf("LoadWeights: %v, unused %q", err, unused)
	}
	for i, p := range a.Params() {
		if !slices.Equal(p.Value.Data, b.Params()[i].Value.Data) {
			t.Errorf("%s differs", p.Name)
		}
	}
}

// TestInitialisation checks the statistics of New's weights against
// BertPreTrainedModel._init_weights: std 0.02, zero biases, unit layer
// norms, a zero padding row.
func TestInitialisation(t *testing.T) {
	c := tinyConfig()
	c.VocabSize, c.HiddenSize, c.IntermediateSize = 500, 64, 128
	m := New(c, 3)
	for _, p := range m.Params() {
		var s, s2 float64
		for _, v := range p.Value.Data {
			s += float64(v)
			s2 += float64(v) * float64(v)
		}
		n := float64(p.Value.Len())
		mean, std := s/n, math.Sqrt(s2/n-(s/n)*(s/n))
		switch {
		case strings.HasSuffix(p.Name, "LayerNorm.weight"):
			if mean != 1 || std != 0 {
				t.Errorf("%s: mean %g std %g", p.Name, mean, std)
			}
		case strings.HasSuffix(p.Name, "bias"):
			if s2 != 0 {
				t.Errorf("%s not zero", p.Name)
			}
		case p.Value.Len() >= 4096 && math.Abs(std-0.02) > 0.002:
			t.Errorf("%s: std %g, want 0.02", p.Name, std)
		}
	}
	if row := m.WordEmbeddings.Weight.Value.Data[:c.HiddenSize]; slices.ContainsFunc(row, func(v float32) bool { return v != 0 }) {
		t.Error("padding row not zero")
	}
}

// TestLoadPretrained opens a directory laid out as save_pretrained writes
// it (config.json, model.safetensors).
func TestLoadPretrained(t *testing.T) {
	c := tinyConfig()
	w, shapes := randomWeights(c, 3)
	path := writeCheckpoint(t, w, shapes, "", false)
	dir := filepath.Dir(path)
	if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(c.JSON()), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := LoadPretrained(dir)
	if err != nil {
		t.Fatal(err)
	}
	ids, types, lengths := []int{2, 4, 3}, []int{0, 0, 0}, []int{3}
	_, want := refForward(c, w, 1, 3, ids, types, lengths)
	out := m.Forward(Batch{Size: 1, SeqLen: 3, IDs: ids, TypeIDs: types, Lengths: lengths})
	if e := maxRelErr(out.Pooled.Data, want); e > forwardTolerance {
		t.Errorf("pooler_output: relative error %.3g", e)
	}
	if _, err := LoadPretrained(t.TempDir()); err == nil {
		t.Error("LoadPretrained of an empty directory succeeded")
	}
}
