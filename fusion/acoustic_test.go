package fusion

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"github.com/emovox/emovox/dataset"
	"github.com/emovox/emovox/models"
	"github.com/emovox/emovox/models/iemonet"
	"github.com/emovox/emovox/models/mlp"
	"github.com/emovox/emovox/models/modelfile"
)

// smallIEmoNet returns a small IEmoNet acoustic model with random weights
// and the metadata of a model that reads 40 frames of "is09-lld".
func smallIEmoNet(t *testing.T) (*iemonet.Model, models.Metadata) {
	t.Helper()
	cfg := iemonet.Config{Hidden: 8, Attention: 6}
	m, err := iemonet.New(cfg, 3, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(cfg)
	norm := dataset.Normalizer{Mean: make([]float32, 32), Std: make([]float32, 32)}
	for j := range norm.Std {
		norm.Mean[j], norm.Std[j] = float32(j), float32(j+1)
	}
	meta := models.Metadata{Architecture: iemonet.Architecture, Config: raw, FeatureSet: iemonet.FeatureSet,
		Rate: 16000, Frames: 40, Truncation: "start", Labels: []string{"angry", "happy", "sad"}, Normalizer: norm}
	return m, meta
}

// tone returns d seconds of a 220 Hz tone with a little noise at 16 kHz.
func tone(d float64) []float32 {
	rng := rand.New(rand.NewPCG(5, 6))
	x := make([]float32, int(d*16000))
	for i := range x {
		x[i] = float32(0.3*math.Sin(2*math.Pi*220*float64(i)/16000) + 0.01*rng.NormFloat64())
	}
	return x
}

func TestClassifierBranchEmbedsThePenultimateLayer(t *testing.T) {
	m, meta := smallIEmoNet(t)
	path := filepath.Join(t.TempDir(), "ser.safetensors")
	if err := modelfile.Save(path, m, meta); err != nil {
		t.Fatal(err)
	}
	b, err := OpenClassifierBranch(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := m.Config().Penultimate(); b.Width() != want {
		t.Fatalf("width %d, want %d", b.Width(), want)
	}
	// Sequences of 10, 60 (truncated to 40) and 25 frames, together and
	// one by one: a batch must give what each alone gives, and the
	// model's own Penultimate for the same prepared input.
	rng := rand.New(rand.NewPCG(3, 3))
	var seqs []dataset.Seq
	for _, frames := range []int{10, 60, 25} {
		s := dataset.NewSeq(frames, 32)
		for i := range s.Data {
			s.Data[i] = float32(rng.NormFloat64() * 10)
		}
		seqs = append(seqs, s)
	}
	emb, logits, err := b.EmbedFeatures(seqs)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range seqs {
		one, oneLogits, err := b.EmbedFeatures([]dataset.Seq{s})
		if err != nil {
			t.Fatal(err)
		}
		for j := range one[0] {
			if d := math.Abs(float64(one[0][j] - emb[i][j])); d > 1e-5 {
				t.Fatalf("sequence %d value %d: batched %g, alone %g", i, j, emb[i][j], one[0][j])
			}
		}
		if len(oneLogits[0]) != 3 || len(logits[i]) != 3 {
			t.Fatalf("sequence %d: %d scores, want 3", i, len(logits[i]))
		}
	}
	// The samples path: features extracted, standardised and embedded.
	a, err := b.Embed(tone(0.6), 16000)
	if err != nil {
		t.Fatal(err)
	}
	a48, err := b.Embed(tone(0.6), 48000) // resampled to 16 kHz first
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != b.Width() || len(a48) != b.Width() || slices.Equal(a, make([]float32, len(a))) {
		t.Errorf("Embed gave %d and %d values (want %d), non-zero", len(a), len(a48), b.Width())
	}
}

func TestClassifierBranchRejects(t *testing.T) {
	m, meta := smallIEmoNet(t)
	b, err := NewClassifierBranch(m, meta)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.EmbedFeatures([]dataset.Seq{dataset.NewSeq(5, 31)}); !errors.Is(err, ErrInput) {
		t.Errorf("31 features: error %v, want ErrInput", err)
	}
	if _, err := b.Embed(nil, 16000); !errors.Is(err, ErrInput) {
		t.Errorf("no samples: error %v, want ErrInput", err)
	}
	// A classifier without a penultimate layer cannot be a branch.
	var withPen any = new(mlp.Model)
	if _, ok := withPen.(Penultimater); !ok {
		p, err := mlp.New(mlp.Config{Features: 32}, 3, rand.New(rand.NewPCG(1, 1)))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := NewClassifierBranch(p, meta); !errors.Is(err, ErrBranch) {
			t.Errorf("mlp: error %v, want ErrBranch", err)
		}
	}
}
