package main

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emovox/emovox/corpus"
	"github.com/emovox/emovox/dataset"
	"github.com/emovox/emovox/internal/sharedtest"
	"github.com/emovox/emovox/models"
	"github.com/emovox/emovox/models/modelfile"
	"github.com/emovox/emovox/split"
	"github.com/emovox/emovox/train"
)

// smallRAVDESS copies 16 real RAVDESS files of each of the given actors
// (every emotion, normal intensity, first statement, both repetitions)
// into a RAVDESS tree in a temporary directory and returns it.
func smallRAVDESS(t *testing.T, actors ...int) string {
	t.Helper()
	src := sharedtest.Dir(t, "data", "ravdess")
	dst := t.TempDir()
	for _, a := range actors {
		actor := fmt.Sprintf("Actor_%02d", a)
		if err := os.MkdirAll(filepath.Join(dst, actor), 0o755); err != nil {
			t.Fatal(err)
		}
		for e := 1; e <= 8; e++ {
			for r := 1; r <= 2; r++ {
				name := fmt.Sprintf("03-01-%02d-01-01-%02d-%02d.wav", e, r, a)
				data, err := os.ReadFile(filepath.Join(src, actor, name))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dst, actor, name), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	return dst
}

// execute runs the command line with args under ctx and returns its
// standard output and error.
func execute(ctx context.Context, args ...string) (stdout, stderr string, err error) {
	var out, errs bytes.Buffer
	root := newRootCommand()
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errs)
	err = root.ExecuteContext(ctx)
	return out.String(), errs.String(), err
}

// loadModel loads a model file, failing the test on error.
func loadModel(t *testing.T, path string) (models.Classifier, models.Metadata) {
	t.Helper()
	m, meta, err := modelfile.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return m, meta
}

// checkPNG fails the test unless path is a PNG image.
func checkPNG(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := png.DecodeConfig(f); err != nil {
		t.Errorf("%s: %v", filepath.Base(path), err)
	}
}

// TestTrainSpeakerSplitAndEval trains two epochs on three real RAVDESS
// actors with a split file that names actor 3 for validation and actor 4
// for testing, then scores the model with emovox eval on the same split.
// The model file must record what a prediction needs, with the
// normaliser fitted on actors 1 and 2 only; the report, the log and the
// figures must be there.
func TestTrainSpeakerSplitAndEval(t *testing.T) {
	data := smallRAVDESS(t, 1, 2, 3, 4)
	dir := t.TempDir()
	splitFile := filepath.Join(dir, "split.json")
	if _, _, err := execute(context.Background(), "split", "--protocol", "speaker", "--corpus", "ravdess:"+data,
		"--test-speakers", "4", "--validation-speakers", "3", "-o", splitFile); err != nil {
		t.Fatal(err)
	}
	model := filepath.Join(dir, "model.safetensors")
	plots := filepath.Join(dir, "plots")
	logFile := filepath.Join(dir, "train.jsonl")
	stdout, stderr, err := execute(context.Background(), "train", "--corpus", "ravdess:"+data, "--split", splitFile,
		"--epochs", "2", "--batch", "8", "--plots", plots, "--log", logFile, "-o", model)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	for _, want := range []string{"== fold holdout: best epoch", "precision    recall  f1-score   support", "accuracy", "WA ", "true\\pred"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "32 training (32 with copies), 16 validation, 16 test items") {
		t.Errorf("stderr does not report the set sizes:\n%s", stderr)
	}
	_, meta := loadModel(t, model)
	if meta.Architecture != "cnnlstm" || meta.FeatureSet != "seed" || meta.Rate != 16000 || meta.LabelSet != "seed8" ||
		!slices.Equal(meta.Labels, corpus.Seed8().Labels) || meta.Frames < 90 {
		t.Errorf("metadata %+v", meta)
	}
	if meta.Training["protocol"] != "speaker" || meta.Training["epochs_run"] != 2.0 || meta.Training["test"] == nil {
		t.Errorf("training record %v", meta.Training)
	}
	want := trainNormalizer(t, data, "01", "02")
	if !slices.Equal(meta.Normalizer.Mean, want.Mean) || !slices.Equal(meta.Normalizer.Std, want.Std) {
		t.Error("the model's normaliser is not the one fitted on the training actors 1 and 2")
	}
	f, err := os.Open(logFile)
	if err != nil {
		t.Fatal(err)
	}
	epochs, err := train.ReadLog(f)
	f.Close()
	if err != nil || len(epochs) != 2 || epochs[1].Validation == nil {
		t.Errorf("log: %d epochs, %v", len(epochs), err)
	}
	for _, name := range []string{"curves.png", "confusion.png", "confusion-normalized.png"} {
		checkPNG(t, filepath.Join(plots, name))
	}
	if _, err := os.Stat(model + ".checkpoints"); !os.IsNotExist(err) {
		t.Errorf("the default checkpoint directory is left after a successful run: %v", err)
	}

	evalPlots := filepath.Join(dir, "eval")
	evalOut, stderr, err := execute(context.Background(), "eval", "--model", model, "--corpus", "ravdess:"+data,
		"--split", splitFile, "--plots", evalPlots)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	// The same model on the same test set gives the report train printed.
	report := stdout[strings.Index(stdout, "              precision"):]
	if !strings.HasPrefix(report, evalOut) && evalOut != report {
		t.Errorf("eval printed\n%s\ntrain printed\n%s", evalOut, report)
	}
	for _, name := range []string{"confusion.png", "confusion-normalized.png"} {
		checkPNG(t, filepath.Join(evalPlots, name))
	}
}

// trainNormalizer fits a normaliser on the seed features of the given
// actors of a RAVDESS tree, as train must.
func trainNormalizer(t *testing.T, dir string, actors ...string) dataset.Normalizer {
	t.Helper()
	loader, _ := corpus.Lookup("ravdess")
	items, _, err := loader.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	items = slices.DeleteFunc(items, func(it corpus.Item) bool { return !slices.Contains(actors, it.Speaker) })
	d, err := dataset.Build(context.Background(), items, corpus.Seed8(), dataset.Options{Set: "seed"})
	if err != nil {
		t.Fatal(err)
	}
	n, err := dataset.FitNormalizer(d.Seqs)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestTrainResumeGivesTheSameModel trains three epochs straight, then the
// same run interrupted (its context cancelled once the first checkpoint
// is written) and resumed with --resume: the weights must be identical.
func TestTrainResumeGivesTheSameModel(t *testing.T) {
	data := smallRAVDESS(t, 1, 2, 3, 4)
	dir := t.TempDir()
	args := func(out string, extra ...string) []string {
		return append([]string{"train", "--corpus", "ravdess:" + data, "--protocol", "random", "--validation-fraction", "0.2", "--epochs", "3",
			"--batch", "8", "--dropout", "0.2", "--batch-norm", "--specaugment", "--seed", "7", "-o", out}, extra...)
	}
	straight := filepath.Join(dir, "straight.safetensors")
	if _, stderr, err := execute(context.Background(), args(straight)...); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	resumed := filepath.Join(dir, "resumed.safetensors")
	checkpoints := filepath.Join(dir, "ckpt")
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for ctx.Err() == nil {
			if _, err := os.Stat(filepath.Join(checkpoints, "holdout.ckpt")); err == nil {
				cancel()
			}
			time.Sleep(time.Millisecond)
		}
	}()
	_, _, err := execute(ctx, args(resumed, "--checkpoint-dir", checkpoints)...)
	cancel()
	if err == nil {
		t.Log("the run finished before it could be interrupted; --resume then only reloads it")
	} else if !strings.Contains(err.Error(), "context canceled") {
		t.Fatal(err)
	}
	if _, stderr, err := execute(context.Background(), args(resumed, "--checkpoint-dir", checkpoints, "--resume")...); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	a, _ := loadModel(t, straight)
	b, _ := loadModel(t, resumed)
	for i, p := range a.Params() {
		if q := b.Params()[i]; !slices.Equal(p.Value.Data, q.Value.Data) {
			t.Errorf("%s differs between the straight and the resumed run", p.Name)
		}
	}
	if _, err := os.Stat(filepath.Join(checkpoints, "holdout.ckpt")); err != nil {
		t.Errorf("an explicit --checkpoint-dir must be kept: %v", err)
	}
}

// TestTrainKFoldAndEval trains a 2-fold speaker cross-validation for one
// epoch, writing one model per fold, and scores both with eval: both
// commands must print the mean ± std over the folds.
func TestTrainKFoldAndEval(t *testing.T) {
	data := smallRAVDESS(t, 1, 2, 3, 4)
	dir := t.TempDir()
	splitFile := filepath.Join(dir, "split.json")
	if _, _, err := execute(context.Background(), "split", "--protocol", "speaker-kfold", "--folds", "2",
		"--corpus", "ravdess:"+data, "-o", splitFile); err != nil {
		t.Fatal(err)
	}
	model := filepath.Join(dir, "m.safetensors")
	stdout, stderr, err := execute(context.Background(), "train", "--corpus", "ravdess:"+data, "--split", splitFile,
		"--epochs", "1", "--validation-fraction", "0", "--plots", filepath.Join(dir, "plots"), "-o", model)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "== 2 folds ==") || !strings.Contains(stdout, " ± ") {
		t.Errorf("train stdout lacks the summary over the folds:\n%s", stdout)
	}
	models := []string{filepath.Join(dir, "m.fold-1.safetensors"), filepath.Join(dir, "m.fold-2.safetensors")}
	for _, name := range []string{"fold-1-curves.png", "fold-2-confusion.png", "pooled-confusion.png", "pooled-confusion-normalized.png"} {
		checkPNG(t, filepath.Join(dir, "plots", name))
	}
	evalOut, stderr, err := execute(context.Background(), "eval", "--model", models[0], "--model", models[1],
		"--corpus", "ravdess:"+data, "--split", splitFile)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	summary := stdout[strings.Index(stdout, "== 2 folds =="):]
	if !strings.Contains(evalOut, summary) {
		t.Errorf("eval's summary differs from train's:\n%s\nwant\n%s", evalOut, summary)
	}
	s, err := split.ReadFile(splitFile)
	if err != nil {
		t.Fatal(err)
	}
	_, meta := loadModel(t, models[1])
	if fmt.Sprint(meta.Training["test_groups"]) != fmt.Sprint(s.Folds[1].TestGroups) {
		t.Errorf("fold 2 model records test groups %v, want %v", meta.Training["test_groups"], s.Folds[1].TestGroups)
	}
}

func TestTrainAndEvalRejectBadFlags(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "m.safetensors")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"train", "--corpus", "ravdess:" + dir, "-o", out}, "--protocol or --split"},
		{[]string{"train", "--corpus", "ravdess:" + dir, "--protocol", "random", "--split", "s.json", "-o", out}, "--protocol or --split"},
		{[]string{"train", "--corpus", "ravdess:" + dir, "--protocol", "random", "--epochs", "0"}, "--epochs 0"},
		{[]string{"train", "--corpus", "ravdess:" + dir, "--protocol", "random", "--model", "bert"}, `--model "bert"`},
		{[]string{"train", "--corpus", "ravdess:" + dir, "--protocol", "random", "--resume"}, "--resume needs"},
		{[]string{"train", "--corpus", "ravdess:" + dir, "--protocol", "random", "--kernel", "4"}, "kernel 4 is even"},
		{[]string{"train", "--corpus", "ravdess:" + dir, "--protocol", "random", "--schedule", "step"}, "--schedule"},
		{[]string{"train", "--corpus", "ravdess:" + dir, "--protocol", "random", "--monitor", "f1"}, "--monitor"},
		{[]string{"train", "--corpus", "ravdess:" + dir, "--protocol", "random", "--speed", "3"}, "--speed"},
		{[]string{"train", "--corpus", "crema-d", "--protocol", "random"}, "want NAME:DIR"},
		{[]string{"eval", "--model", filepath.Join(dir, "none.safetensors"), "--corpus", "ravdess:" + dir}, "none.safetensors"},
	} {
		_, _, err := execute(context.Background(), tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want one mentioning %q", tt.args, err, tt.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("failed commands left %d files", len(entries))
	}
}
