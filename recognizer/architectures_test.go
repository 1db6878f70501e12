package recognizer_test

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/emovox/emovox/audio"
	"github.com/emovox/emovox/corpus"
	"github.com/emovox/emovox/dataset"
	"github.com/emovox/emovox/features"
	"github.com/emovox/emovox/models"
	"github.com/emovox/emovox/models/iemonet"
	"github.com/emovox/emovox/models/mlp"
	"github.com/emovox/emovox/models/modelfile"
	"github.com/emovox/emovox/nn"
	"github.com/emovox/emovox/recognizer"
)

// featureSeq extracts set's features of a RAVDESS file at 16 kHz.
func featureSeq(t *testing.T, set, name string) dataset.Seq {
	t.Helper()
	s, err := features.Lookup(set)
	if err != nil {
		t.Fatal(err)
	}
	samples, rate, err := audio.Load(ravdess(t, name), 16000)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := s.Extract(samples, rate)
	if err != nil {
		t.Fatal(err)
	}
	return dataset.Seq{Frames: tab.Len(), Dims: len(tab.Columns), Data: tab.Data}
}

// TestUtteranceAndIS09Models predicts a RAVDESS file with an MLP over the
// utterance-level "is09" functionals (one frame) and an IEmoNet over
// "is09-lld" frames (384, centre kept), and compares each with the
// pipeline done by hand: extract, standardise, pad or truncate, forward,
// softmax. Tolerance 1e-12: the same float32 logits either way, only the
// float64 softmax's summation may differ.
func TestUtteranceAndIS09Models(t *testing.T) {
	labels := corpus.IEMOCAP4()
	for _, tt := range []struct {
		name   string
		arch   string
		config any
		set    string
		frames int
	}{
		{"mlp/is09", mlp.Architecture, mlp.Config{Hidden: 16, Dropout: 0.5}, mlp.FeatureSet, mlp.Frames},
		{"iemonet/is09-lld", iemonet.Architecture, iemonet.Config{Hidden: 8, Attention: 8}, iemonet.FeatureSet, iemonet.Frames},
		{"iemonet/is09-lld truncated", iemonet.Architecture, iemonet.Config{Hidden: 8, Attention: 8}, iemonet.FeatureSet, 200},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var seqs []dataset.Seq
			for _, name := range []string{angryClip, "Actor_01/03-01-01-01-01-01-01.wav"} {
				seqs = append(seqs, featureSeq(t, tt.set, name))
			}
			norm, err := dataset.FitNormalizer(seqs)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := json.Marshal(tt.config)
			meta := models.Metadata{
				Architecture: tt.arch, Config: raw, FeatureSet: tt.set, Rate: 16000, Frames: tt.frames,
				Truncation: "centre", Labels: labels.Labels, LabelSet: labels.Name, Normalizer: norm,
			}
			m, err := modelfile.New(meta, rand.New(rand.NewPCG(3, 0)))
			if err != nil {
				t.Fatal(err)
			}
			m.SetTraining(false)

			seq := featureSeq(t, tt.set, angryClip)
			x := norm.ApplyTo(nil, seq)
			padded, n := dataset.PadTruncate(nil, x, tt.frames, dataset.KeepCentre)
			logits := m.Forward(nn.FromData(padded.Data, 1, tt.frames, seq.Dims), []int{n}).Data
			want := softmax(logits)

			r, err := recognizer.New(m, meta)
			if err != nil {
				t.Fatal(err)
			}
			res, err := r.PredictFile(ravdess(t, angryClip))
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range res.Probabilities {
				if p.Label != labels.Labels[i] || math.Abs(p.Prob-want[i]) > 1e-12 {
					t.Errorf("%s = %v, want %s = %v", p.Label, p.Prob, labels.Labels[i], want[i])
				}
			}
		})
	}
}

func softmax(logits []float32) []float64 {
	top := math.Inf(-1)
	for _, v := range logits {
		top = math.Max(top, float64(v))
	}
	out := make([]float64, len(logits))
	var sum float64
	for i, v := range logits {
		out[i] = math.Exp(float64(v) - top)
		sum += out[i]
	}
	for i := range out {
		out[i] /= sum
	}
	return out
}
