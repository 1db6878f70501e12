package modelfile

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/emovox/emovox/corpus"
	"github.com/emovox/emovox/dataset"
	"github.com/emovox/emovox/models"
	"github.com/emovox/emovox/models/iemonet"
	"github.com/emovox/emovox/models/mlp"
	"github.com/emovox/emovox/nn"
)

// architectureCase is a model of one architecture with the metadata of
// its feature set.
type architectureCase struct {
	name   string
	config any
	set    string
	dims   int
	frames int
}

func architectureCases() []architectureCase {
	return []architectureCase{
		{iemonet.Architecture, iemonet.Config{Filters: 4, Hidden: 5, Layers: 1, Attention: 3, Dropout: 0.2}, iemonet.FeatureSet, 32, 20},
		{iemonet.Architecture, iemonet.Config{}, iemonet.FeatureSet, 32, iemonet.Frames},
		{mlp.Architecture, mlp.Config{Hidden: 16, Layers: 2, Dropout: 0.5}, mlp.FeatureSet, 384, mlp.Frames},
		{mlp.Architecture, mlp.Config{Features: 162, Hidden: 8}, "seed-utterance", 162, 1},
	}
}

func (a architectureCase) meta(t *testing.T) models.Metadata {
	t.Helper()
	raw, err := json.Marshal(a.config)
	if err != nil {
		t.Fatal(err)
	}
	norm := dataset.Normalizer{Mean: make([]float32, a.dims), Std: slices.Repeat([]float32{2}, a.dims)}
	labels := corpus.IEMOCAP4()
	return models.Metadata{
		Architecture: a.name, Config: raw, FeatureSet: a.set, Rate: 16000, Frames: a.frames,
		Truncation: "centre", Labels: labels.Labels, LabelSet: labels.Name, Normalizer: norm,
	}
}

// TestNewArchitecturesRoundTrip saves and loads an IEmoNet and an MLP
// model: the loaded model gives the same logits bit for bit, in
// evaluation mode, and the metadata comes back unchanged.
func TestNewArchitecturesRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for i, a := range architectureCases() {
		meta := a.meta(t)
		m, err := New(meta, rand.New(rand.NewPCG(uint64(i), 3)))
		if err != nil {
			t.Fatalf("%s: %v", a.name, err)
		}
		m.SetTraining(false)
		path := filepath.Join(dir, "m.safetensors")
		if err := Save(path, m, meta); err != nil {
			t.Fatalf("%s: %v", a.name, err)
		}
		loaded, gotMeta, err := Load(path)
		if err != nil {
			t.Fatalf("%s: %v", a.name, err)
		}
		if !reflect.DeepEqual(gotMeta, meta) {
			t.Errorf("%s: metadata\n got %+v\nwant %+v", a.name, gotMeta, meta)
		}
		x := nn.NewTensor(2, a.frames, a.dims)
		rng := rand.New(rand.NewPCG(5, 5))
		for j := range x.Data {
			x.Data[j] = float32(rng.NormFloat64())
		}
		lengths := []int{a.frames, max(1, a.frames/2)}
		want := m.Forward(x, lengths).Clone()
		if got := loaded.Forward(x, lengths); !slices.Equal(got.Data, want.Data) {
			t.Errorf("%s %+v: the loaded model's logits differ", a.name, a.config)
		}
	}
}

// TestNewArchitecturesCheckTheirFeatures: a model's input size must fit
// its feature set, and a configuration field of another architecture is
// refused.
func TestNewArchitecturesCheckTheirFeatures(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.safetensors")
	a := architectureCases()[0]
	meta := a.meta(t)
	m, err := New(meta, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	wrongSet := meta
	wrongSet.FeatureSet = "seed"
	if err := Save(path, m, wrongSet); !errors.Is(err, ErrMismatch) {
		t.Errorf("iemonet saved with the seed feature set: %v", err)
	}
	foreign := meta
	foreign.Config = json.RawMessage(`{"conv1": 4}`)
	if _, err := New(foreign, nil); !errors.Is(err, iemonet.ErrConfig) {
		t.Errorf("iemonet with a cnnlstm field: %v", err)
	}
	foreign.Architecture, foreign.Config = mlp.Architecture, json.RawMessage(`{"filters": 4}`)
	if _, err := New(foreign, nil); !errors.Is(err, mlp.ErrConfig) {
		t.Errorf("mlp with an iemonet field: %v", err)
	}
}
