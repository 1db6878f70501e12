package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/emovox/emovox/corpus"
	"github.com/emovox/emovox/dataset"
	"github.com/emovox/emovox/models/cnnlstm"
	"github.com/emovox/emovox/recognizer"
)

// TestTrainNewArchitecturesAndPredict trains iemonet and mlp for one
// epoch on three RAVDESS actors (4 classes, actor 3 tested) and checks
// that each model file reads its own features with its own input length,
// standardised with the training actors' statistics, that emovox eval
// scores it, and that emovox predict gives the recognizer's probabilities
// for it.
func TestTrainNewArchitecturesAndPredict(t *testing.T) {
	data := smallRAVDESS(t, 1, 2, 3)
	clip := filepath.Join(data, "Actor_03", "03-01-05-01-01-01-03.wav")
	for _, tt := range []struct {
		model, set string
		frames     int
		config     string
	}{
		{"iemonet", "is09-lld", 384, `{"filters":16,"dilation":1}`},
		{"mlp", "is09", 1, `{"dropout":0.5}`},
	} {
		t.Run(tt.model, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.model+".safetensors")
			stdout, stderr, err := execute(context.Background(), "train", "--model", tt.model, "--corpus", "ravdess:"+data,
				"--labels", "iemocap4", "--protocol", "speaker", "--test-speakers", "3", "--validation-fraction", "0",
				"--epochs", "1", "--batch", "8", "-o", path)
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			if !strings.Contains(stdout, "WA ") || !strings.Contains(stderr, "16 training (16 with copies), 0 validation, 8 test items") {
				t.Errorf("stdout:\n%s\nstderr:\n%s", stdout, stderr)
			}
			_, meta := loadModel(t, path)
			if meta.Architecture != tt.model || meta.FeatureSet != tt.set || meta.Frames != tt.frames ||
				meta.LabelSet != "iemocap4" || !slices.Equal(meta.Labels, corpus.IEMOCAP4().Labels) || string(meta.Config) != tt.config {
				t.Errorf("metadata: %s %s %d frames, labels %s %v, config %s", meta.Architecture, meta.FeatureSet,
					meta.Frames, meta.LabelSet, meta.Labels, meta.Config)
			}
			want := fitNormalizer(t, data, tt.set, "01", "02")
			if !slices.Equal(meta.Normalizer.Mean, want.Mean) || !slices.Equal(meta.Normalizer.Std, want.Std) {
				t.Error("the model's normaliser is not the one fitted on the training actors 1 and 2")
			}

			// eval scores the model on the corpus with the model's own features.
			evalOut, stderr, err := execute(context.Background(), "eval", "--model", path, "--corpus", "ravdess:"+data)
			if err != nil || !strings.Contains(evalOut, "WA ") || !strings.Contains(evalOut, "support") {
				t.Errorf("eval: %v\n%s\n%s", err, evalOut, stderr)
			}

			out, stderr, err := execute(context.Background(), "predict", "--model", path, clip)
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			var got struct {
				Emotion       string
				Probabilities map[string]float64
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("%v: %q", err, out)
			}
			r, err := recognizer.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			res, err := r.PredictFile(clip)
			if err != nil {
				t.Fatal(err)
			}
			if got.Emotion != res.Emotion || len(got.Probabilities) != 4 {
				t.Errorf("predict says %s %v, the recognizer %s", got.Emotion, got.Probabilities, res.Emotion)
			}
			for label, p := range res.Map() {
				// predict prints probabilities rounded to 4 decimals or so.
				if math.Abs(got.Probabilities[label]-p) > 1e-4 {
					t.Errorf("p(%s) = %g, the recognizer %g", label, got.Probabilities[label], p)
				}
			}
		})
	}
}

// fitNormalizer fits a normaliser on the features set of the given
// actors of a RAVDESS tree (iemocap4 items), as train must.
func fitNormalizer(t *testing.T, dir, set string, actors ...string) dataset.Normalizer {
	t.Helper()
	loader, _ := corpus.Lookup("ravdess")
	items, _, err := loader.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	labels := corpus.IEMOCAP4()
	items, _ = labels.Apply(items)
	items = slices.DeleteFunc(items, func(it corpus.Item) bool { return !slices.Contains(actors, it.Speaker) })
	d, err := dataset.Build(context.Background(), items, labels, dataset.Options{Set: set})
	if err != nil {
		t.Fatal(err)
	}
	n, err := dataset.FitNormalizer(d.Seqs)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestResolveArch checks the feature set, input length and configuration
// each architecture gets from the flags.
func TestResolveArch(t *testing.T) {
	defaults := trainFlags{
		arch:    cnnlstm.Config{Conv1: 64, Conv2: 128, Kernel: 5, Hidden: 128, Layers: 1, Pooling: cnnlstm.PoolLast, Attention: 64},
		filters: 16, dilation: 1,
	}
	for _, tt := range []struct {
		model   string
		set     map[string]string // flags given, as the flag parser would store them
		feature string
		frames  int
		config  string
	}{
		{"cnnlstm", nil, "seed", 0, `{"conv1":64,"conv2":128,"kernel":5,"hidden":128,"layers":1,"pooling":"last","attention":64}`},
		{"cnnlstm", map[string]string{"features": "mfcc", "frames": "100"}, "mfcc", 100,
			`{"features":20,"conv1":64,"conv2":128,"kernel":5,"hidden":128,"layers":1,"pooling":"last","attention":64}`},
		{"iemonet", nil, "is09-lld", 384, `{"filters":16,"dilation":1}`},
		{"iemonet", map[string]string{"hidden": "32", "dropout": "0.2", "filters": "8", "frames": "500"}, "is09-lld", 500,
			`{"filters":8,"dilation":1,"hidden":32,"dropout":0.2}`},
		{"mlp", nil, "is09", 0, `{"dropout":0.5}`},
		{"mlp", map[string]string{"hidden": "64", "layers": "2", "dropout": "0"}, "is09", 0, `{"hidden":64,"layers":2}`},
		{"mlp", map[string]string{"features": "seed-utterance"}, "seed-utterance", 0, `{"features":162,"dropout":0.5}`},
	} {
		f := defaults
		f.model = tt.model
		f.featureSet = tt.set["features"]
		fmt.Sscan(tt.set["frames"], &f.frames)
		fmt.Sscan(tt.set["hidden"], &f.arch.Hidden)
		fmt.Sscan(tt.set["layers"], &f.arch.Layers)
		fmt.Sscan(tt.set["dropout"], &f.arch.Dropout)
		fmt.Sscan(tt.set["filters"], &f.filters)
		changed := func(name string) bool { _, ok := tt.set[name]; return ok }
		if err := f.resolveArch(changed); err != nil {
			t.Errorf("%s %v: %v", tt.model, tt.set, err)
			continue
		}
		if f.featureSet != tt.feature || f.frames != tt.frames || string(f.archConfig) != tt.config {
			t.Errorf("%s %v: features %s, %d frames, config %s; want %s, %d, %s", tt.model, tt.set,
				f.featureSet, f.frames, f.archConfig, tt.feature, tt.frames, tt.config)
		}
	}
}

func TestTrainRejectsFlagsOfOtherArchitectures(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--model", "iemonet", "--conv1", "8"}, "--conv1 does not apply to --model iemonet"},
		{[]string{"--model", "mlp", "--attention", "8"}, "--attention does not apply to --model mlp"},
		{[]string{"--model", "cnnlstm", "--filters", "8"}, "--filters does not apply to --model cnnlstm"},
		{[]string{"--model", "iemonet", "--kernel", "4"}, "kernel 4 is even"},
		{[]string{"--model", "mlp", "--dropout", "1"}, "dropout 1 outside"},
		{[]string{"--model", "mlp", "--features", "wavlm"}, "--features"},
	} {
		args := append([]string{"train", "--corpus", "ravdess:" + dir, "--protocol", "random"}, tt.args...)
		_, _, err := execute(context.Background(), args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want one mentioning %q", tt.args, err, tt.want)
		}
	}
}
