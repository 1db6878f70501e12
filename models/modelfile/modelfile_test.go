package modelfile

import (
	"encoding/json"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/emovox/emovox/corpus"
	"github.com/emovox/emovox/dataset"
	"github.com/emovox/emovox/features"
	"github.com/emovox/emovox/models"
	"github.com/emovox/emovox/models/cnnlstm"
	"github.com/emovox/emovox/nn"
	"github.com/emovox/emovox/nn/safetensors"
)

// seedDims is the number of features of the "seed" set.
const seedDims = 162

// testMeta returns valid metadata for a cnnlstm model of cfg over the
// seed features, with made-up normalisation statistics.
func testMeta(t *testing.T, cfg cnnlstm.Config) models.Metadata {
	t.Helper()
	raw, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	norm := dataset.Normalizer{Mean: make([]float32, seedDims), Std: make([]float32, seedDims)}
	for i := range norm.Mean {
		norm.Mean[i], norm.Std[i] = float32(i)/7, 1+float32(i)/3
	}
	return models.Metadata{
		Architecture: cnnlstm.Architecture, Config: raw, FeatureSet: "seed", Rate: 16000, Frames: 32,
		Truncation: "centre", Labels: corpus.Seed8().Labels, LabelSet: "seed8", Normalizer: norm,
		Training: map[string]any{"corpus": "test", "epochs": 3.0},
	}
}

// trainedModel returns a model of cfg with weights drawn from seed and,
// with batch normalisation, running statistics moved by a few batches.
func trainedModel(t *testing.T, cfg cnnlstm.Config, seed uint64) *cnnlstm.Model {
	t.Helper()
	m, err := cnnlstm.New(cfg, 8, rand.New(rand.NewPCG(seed, 0)))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	for range 2 {
		m.Forward(randomInput(rng, 3, 32), nil)
	}
	m.SetTraining(false)
	return m
}

func randomInput(rng *rand.Rand, batch, frames int) *nn.Tensor {
	x := nn.NewTensor(batch, frames, seedDims)
	for i := range x.Data {
		x.Data[i] = float32(rng.NormFloat64())
	}
	return x
}

func smallConfigs() []cnnlstm.Config {
	return []cnnlstm.Config{
		{Conv1: 4, Conv2: 6, Hidden: 5},
		{Conv1: 4, Conv2: 6, Hidden: 5, BatchNorm: true, Dropout: 0.3},
		{Conv1: 4, Conv2: 6, Hidden: 5, Bidirectional: true, Pooling: cnnlstm.PoolAttention, Attention: 3},
		{Conv1: 4, Conv2: 6, Hidden: 5, Layers: 2, Kernel: 3, Pooling: cnnlstm.PoolMean},
	}
}

func TestRoundTripIsBitExact(t *testing.T) {
	dir := t.TempDir()
	for i, cfg := range smallConfigs() {
		m := trainedModel(t, cfg, uint64(i))
		meta := testMeta(t, cfg)
		path := filepath.Join(dir, "model.safetensors")
		if err := Save(path, m, meta); err != nil {
			t.Fatal(err)
		}
		loaded, gotMeta, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		x := randomInput(rand.New(rand.NewPCG(9, 9)), 3, 32)
		lengths := []int{32, 17, 6}
		want := m.Forward(x, lengths).Clone()
		if got := loaded.Forward(x, lengths); !slices.Equal(got.Data, want.Data) {
			t.Errorf("%+v: loaded model's logits differ:\n got %v\nwant %v", cfg, got.Data[:8], want.Data[:8])
		}
		if !reflect.DeepEqual(gotMeta, meta) {
			t.Errorf("%+v: metadata\n got %+v\nwant %+v", cfg, gotMeta, meta)
		}
		if lc := loaded.(*cnnlstm.Model).Config(); lc != cfg.WithDefaults() {
			t.Errorf("loaded config %+v, want %+v", lc, cfg.WithDefaults())
		}
	}
}

// TestFileLayout checks what other tools see: a safetensors file with the
// PyTorch names, num_batches_tracked as I64, and the metadata as readable
// JSON with the configuration as an object.
func TestFileLayout(t *testing.T) {
	cfg := cnnlstm.Config{Conv1: 4, Conv2: 6, Hidden: 5, BatchNorm: true}
	path := filepath.Join(t.TempDir(), "m.safetensors")
	if err := Save(path, trainedModel(t, cfg, 1), testMeta(t, cfg)); err != nil {
		t.Fatal(err)
	}
	f, err := safetensors.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	bn, ok := f.Tensor("bn1.num_batches_tracked")
	if !ok || bn.DType != safetensors.I64 || bn.Data[0] != 2 {
		t.Errorf("bn1.num_batches_tracked: %+v", bn)
	}
	if _, ok := f.Tensor("lstm.weight_ih_l0"); !ok {
		t.Error("no lstm.weight_ih_l0")
	}
	var md map[string]any
	if err := json.Unmarshal([]byte(f.Metadata[MetadataKey]), &md); err != nil {
		t.Fatal(err)
	}
	if c, ok := md["config"].(map[string]any); !ok || c["batch_norm"] != true {
		t.Errorf("config in the metadata is %#v, want an object", md["config"])
	}
	if md["feature_set"] != "seed" || f.Metadata["format"] != "pt" {
		t.Errorf("metadata %v", f.Metadata)
	}
}

// writeFile writes a safetensors file of tensors and metadata.
func writeFile(t *testing.T, path string, tensors []safetensors.Tensor, md map[string]string) {
	t.Helper()
	if err := safetensors.Save(path, tensors, md); err != nil {
		t.Fatal(err)
	}
}

// tensorsOf returns the tensors of m as Save writes them.
func tensorsOf(m models.Classifier) []safetensors.Tensor {
	var ts []safetensors.Tensor
	for _, p := range m.Params() {
		dt := safetensors.F32
		if p.Integer {
			dt = safetensors.I64
		}
		ts = append(ts, safetensors.Tensor{Name: p.Name, DType: dt, Shape: p.Value.Shape, Data: p.Value.Data})
	}
	return ts
}

func metaJSON(t *testing.T, meta models.Metadata, edit func(map[string]any)) string {
	t.Helper()
	raw, _ := json.Marshal(meta)
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(m)
	}
	raw, _ = json.Marshal(m)
	return string(raw)
}

func TestLoadErrorsNameTheFileAndTheCause(t *testing.T) {
	dir := t.TempDir()
	cfg := smallConfigs()[0]
	m := trainedModel(t, cfg, 1)
	meta := testMeta(t, cfg)
	good := tensorsOf(m)
	withMeta := func(edit func(map[string]any)) map[string]string {
		return map[string]string{MetadataKey: metaJSON(t, meta, edit)}
	}
	validPath := filepath.Join(dir, "valid.safetensors")
	if err := Save(validPath, m, meta); err != nil {
		t.Fatal(err)
	}
	valid, _ := os.ReadFile(validPath)
	otherCfg := cfg
	otherCfg.Hidden = 7
	other, _ := cnnlstm.New(otherCfg, 8, nil)

	for _, tt := range []struct {
		name  string
		write func(path string)
		want  []error
	}{
		{"missing file", func(string) {}, []error{fs.ErrNotExist}},
		{"a WAV file", func(p string) { os.WriteFile(p, []byte("RIFF\x24\x00\x00\x00WAVEfmt "), 0o644) }, []error{ErrNotModel, safetensors.ErrFormat}},
		{"truncated", func(p string) { os.WriteFile(p, valid[:len(valid)-10], 0o644) }, []error{ErrNotModel, safetensors.ErrFormat}},
		{"no metadata", func(p string) { writeFile(t, p, good, nil) }, []error{ErrNotModel}},
		{"metadata not JSON", func(p string) { writeFile(t, p, good, map[string]string{MetadataKey: "{"}) }, []error{models.ErrMetadata}},
		{"no labels", func(p string) { writeFile(t, p, good, withMeta(func(m map[string]any) { m["labels"] = nil })) }, []error{models.ErrMetadata}},
		{"bad truncation", func(p string) { writeFile(t, p, good, withMeta(func(m map[string]any) { m["truncation"] = "end" })) }, []error{models.ErrMetadata}},
		{"unknown architecture", func(p string) {
			writeFile(t, p, good, withMeta(func(m map[string]any) { m["architecture"] = "wav2vec" }))
		}, []error{ErrArchitecture}},
		{"unknown config field", func(p string) {
			writeFile(t, p, good, withMeta(func(m map[string]any) { m["config"] = map[string]any{"conv3": 5} }))
		}, []error{cnnlstm.ErrConfig}},
		{"missing tensor", func(p string) { writeFile(t, p, good[1:], withMeta(nil)) }, []error{ErrMismatch, nn.ErrMissing}},
		{"weights of another config", func(p string) { writeFile(t, p, tensorsOf(other), withMeta(nil)) }, []error{ErrMismatch, nn.ErrShape}},
		{"unknown feature set", func(p string) {
			writeFile(t, p, good, withMeta(func(m map[string]any) { m["feature_set"] = "wavlm" }))
		}, []error{features.ErrUnknownSet}},
		{"normaliser of another set", func(p string) {
			writeFile(t, p, good, withMeta(func(m map[string]any) {
				m["normalizer"] = map[string]any{"mean": []float32{0, 0}, "std": []float32{1, 1}}
			}))
		}, []error{ErrMismatch}},
	} {
		path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".safetensors")
		tt.write(path)
		_, _, err := Load(path)
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		for _, w := range tt.want {
			if !errors.Is(err, w) {
				t.Errorf("%s: error %q does not wrap %q", tt.name, err, w)
			}
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("%s: error %q does not name the file", tt.name, err)
		}
	}
}

func TestSaveRefusesMetadataThatDoesNotDescribeTheModel(t *testing.T) {
	cfg := smallConfigs()[0]
	m := trainedModel(t, cfg, 1)
	path := filepath.Join(t.TempDir(), "m.safetensors")
	if err := Save(path, m, testMeta(t, cfg)); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	for _, tt := range []struct {
		name string
		edit func(*models.Metadata)
		want error
	}{
		{"fewer labels than classes", func(meta *models.Metadata) { meta.Labels = meta.Labels[:4] }, ErrMismatch},
		{"another config", func(meta *models.Metadata) { meta.Config = json.RawMessage(`{"conv1": 4, "conv2": 6, "hidden": 9}`) }, ErrMismatch},
		{"no architecture", func(meta *models.Metadata) { meta.Architecture = "" }, models.ErrMetadata},
		{"no rate", func(meta *models.Metadata) { meta.Rate = 0 }, models.ErrMetadata},
		{"repeated label", func(meta *models.Metadata) { meta.Labels = slices.Repeat([]string{"sad"}, 8) }, models.ErrMetadata},
		{"normaliser of 20 features", func(meta *models.Metadata) {
			meta.Normalizer = dataset.Normalizer{Mean: make([]float32, 20), Std: slices.Repeat([]float32{1}, 20)}
		}, ErrMismatch},
	} {
		meta := testMeta(t, cfg)
		tt.edit(&meta)
		if err := Save(path, m, meta); !errors.Is(err, tt.want) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: error %v, want %v naming the file", tt.name, err, tt.want)
		}
	}
	if after, _ := os.ReadFile(path); !slices.Equal(before, after) {
		t.Error("a refused Save changed the existing file")
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("%d files in the directory, want only the model", len(entries))
	}
}

func TestNewBuildsEveryArchitecture(t *testing.T) {
	for _, name := range Architectures() {
		meta := testMeta(t, cnnlstm.Config{})
		meta.Architecture = name
		meta.Config = nil
		c, err := New(meta, rand.New(rand.NewPCG(1, 1)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		dims := c.(interface{ InputDims() int }).InputDims()
		if y := c.Forward(nn.NewTensor(1, 8, dims), nil); !slices.Equal(y.Shape, []int{1, 8}) {
			t.Errorf("%s: logits %v", name, y.Shape)
		}
	}
}
