package ter

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/emovox/emovox/nn"
	"github.com/emovox/emovox/nn/safetensors"
	"github.com/emovox/emovox/text/bert"
	"github.com/emovox/emovox/text/wordpiece"
)

// toyWords are the vocabulary of the toy task: texts with "good" words are
// happy, with "bad" words sad.
var toyWords = []string{"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "good", "great", "nice", "bad", "awful", "sad",
	"the", "day", "was", "a", "movie", "very"}

func toyClassifier(t testing.TB, seed uint64) *Classifier {
	t.Helper()
	v, err := wordpiece.NewVocab(toyWords)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := wordpiece.New(v, wordpiece.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	cfg := bert.BaseUncased()
	cfg.VocabSize, cfg.HiddenSize, cfg.NumHiddenLayers, cfg.NumAttentionHeads = v.Size(), 16, 1, 2
	cfg.IntermediateSize, cfg.MaxPositionEmbeddings = 32, 16
	c, err := NewClassifier(tok, bert.New(cfg, seed), []string{"happy", "sad"}, Head{FC: 12, Dropout: 0.2, L2: 0.03}, 12, seed)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// toyData returns n texts of the toy task.
func toyData(n int, seed uint64) *Dataset {
	rng := rand.New(rand.NewPCG(seed, 1))
	d := &Dataset{Name: "toy", Labels: []string{"happy", "sad"}}
	fill := []string{"the", "day", "was", "a", "movie", "very"}
	emo := [][]string{{"good", "great", "nice"}, {"bad", "awful", "sad"}}
	for range n {
		label := rng.IntN(2)
		text := ""
		for k := range 2 + rng.IntN(5) {
			w := fill[rng.IntN(len(fill))]
			if k == 1 {
				w = emo[label][rng.IntN(3)]
			}
			text += w + " "
		}
		d.Examples = append(d.Examples, Example{Text: text, Label: label})
	}
	return d
}

// TestGradCheckHead checks the classifier's backward pass (head and
// encoder) against finite differences of the weighted cross-entropy, as
// the bert package checks the encoder: Richardson-extrapolated central
// differences, h = 1e-2, tolerance 2e-3 of each tensor's gradient scale.
func TestGradCheckHead(t *testing.T) {
	c := toyClassifier(t, 3)
	rng := rand.New(rand.NewPCG(5, 5))
	for _, p := range c.Params() {
		for i := range p.Value.Data {
			p.Value.Data[i] = float32(0.3 * (2*rng.Float64() - 1))
		}
	}
	b, err := c.encode([]string{"the day was good", "awful movie", "very very sad day a"})
	if err != nil {
		t.Fatal(err)
	}
	ce := &nn.CrossEntropy{Weights: []float32{0.7, 1.6}}
	targets := []int{0, 1, 1}
	loss := func() float64 {
		c.Encoder.Reseed(9)
		c.Dropout.Reseed(10)
		logits, _ := c.forward(b)
		return ce.Forward(logits, targets)
	}
	params := c.Params()
	nn.ZeroGrad(params)
	loss()
	c.backward(ce.Backward())
	for _, p := range []*nn.Param{c.Output.Weight, c.Output.Bias, c.PreClassifier.Weight, c.PreClassifier.Bias,
		c.Encoder.Pooler.Weight, c.Encoder.Layers[0].Linear1.Weight, c.Encoder.WordEmbeddings.Weight} {
		var scale, worst float64
		for _, g := range p.Grad.Data {
			scale = math.Max(scale, math.Abs(float64(g)))
		}
		for _, j := range rng.Perm(p.Value.Len())[:min(12, p.Value.Len())] {
			orig := p.Value.Data[j]
			diff := func(h float32) float64 {
				p.Value.Data[j] = orig + h
				plus := loss()
				p.Value.Data[j] = orig - h
				minus := loss()
				p.Value.Data[j] = orig
				return (plus - minus) / (float64(orig+h) - float64(orig-h))
			}
			fd := (4*diff(1e-2) - diff(2e-2)) / 3
			worst = math.Max(worst, math.Abs(fd-float64(p.Grad.Data[j])))
		}
		if scale == 0 || worst/scale > 2e-3 {
			t.Errorf("%s: finite-difference error %.3g of the gradient scale %.3g", p.Name, worst/scale, scale)
		}
	}
}

// TestFitLearnsAndIsDeterministic trains two classifiers with the same
// seed on the toy task: they must end with identical weights and classify
// held-out toy texts (nearly) perfectly.
func TestFitLearnsAndIsDeterministic(t *testing.T) {
	train, test := toyData(200, 1), toyData(100, 2)
	r := ScratchRecipe()
	r.Head, r.MaxLen, r.Epochs, r.BatchSize, r.LR, r.WarmupSteps = Head{FC: 12, Dropout: 0.2, L2: 0.03}, 12, 8, 16, 3e-3, 10
	var weights [][]float32
	for range 2 {
		c := toyClassifier(t, 4)
		logs, err := c.Fit(context.Background(), train, test, r, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(logs) != r.Epochs || logs[r.Epochs-1].Loss >= logs[0].Loss {
			t.Errorf("logs %+v", logs)
		}
		rep, err := c.Evaluate(test)
		if err != nil {
			t.Fatal(err)
		}
		if rep.WA < 0.95 {
			t.Errorf("toy test accuracy %.3f < 0.95", rep.WA)
		}
		weights = append(weights, snapshot(c.Params(), nil))
	}
	if !slices.Equal(weights[0], weights[1]) {
		t.Error("same seed, different weights")
	}
}

func TestFitRejectsOtherLabels(t *testing.T) {
	c := toyClassifier(t, 1)
	d := toyData(4, 1)
	d.Labels = []string{"sad", "happy"}
	if _, err := c.Fit(context.Background(), d, nil, ScratchRecipe(), nil); !errors.Is(err, ErrDataset) {
		t.Errorf("error %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := ScratchRecipe()
	r.MaxLen = 12
	if _, err := c.Fit(ctx, toyData(4, 1), nil, r, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: error %v", err)
	}
}

// TestSaveLoad checks that a saved classifier predicts and embeds exactly
// as the original, and that its weights carry transformers' names.
func TestSaveLoad(t *testing.T) {
	c := toyClassifier(t, 7)
	path := filepath.Join(t.TempDir(), "ter.safetensors")
	if err := c.Save(path, map[string]any{"dataset": "toy"}); err != nil {
		t.Fatal(err)
	}
	back, info, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Extra["dataset"] != "toy" || info.MaxLen != 12 || !slices.Equal(info.Labels, c.Labels) {
		t.Errorf("info %+v", info)
	}
	texts := []string{"a good day", "awful", "unknown words here"}
	c.SetTraining(false)
	p1, _ := c.Predict(texts)
	p2, err := back.Predict(texts)
	if err != nil {
		t.Fatal(err)
	}
	for i := range p1 {
		if !slices.Equal(p1[i].Probabilities, p2[i].Probabilities) {
			t.Errorf("%q: %v vs %v", texts[i], p1[i].Probabilities, p2[i].Probabilities)
		}
	}
	e1, _ := c.Embed(texts)
	e2, err := back.Embed(texts)
	if err != nil || len(e2) != 3 || len(e2[0]) != 12 || !slices.Equal(e1[1], e2[1]) {
		t.Errorf("Embed: %v, %d×%d", err, len(e2), len(e2[0]))
	}
	f, err := safetensors.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"bert.embeddings.word_embeddings.weight", "bert.encoder.layer.0.attention.self.query.weight",
		"bert.pooler.dense.bias", "pre_classifier.weight", "classifier.bias"} {
		if _, ok := f.Tensor(name); !ok {
			t.Errorf("no tensor %s", name)
		}
	}
	// A vocabulary that does not match its recorded hash is refused.
	f.Metadata[VocabKey] += "\nextra"
	if _, _, err := fromFile(f); !errors.Is(err, ErrModel) {
		t.Errorf("tampered vocabulary: error %v", err)
	}
}

// TestPredictConcurrent runs Predict and Embed from several goroutines
// (meaningful under -race) and expects the answers of a single caller.
func TestPredictConcurrent(t *testing.T) {
	c := toyClassifier(t, 8)
	texts := toyData(20, 4).Texts()
	want, err := c.Predict(texts)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			got, err := c.Predict(texts)
			if err != nil || !slices.EqualFunc(got, want, func(a, b Prediction) bool { return slices.Equal(a.Probabilities, b.Probabilities) }) {
				t.Errorf("concurrent Predict differs: %v", err)
			}
			if _, err := c.Embed(texts); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}
