package main

import (
	"bufio"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emovox/emovox/internal/sharedtest"
)

// writeTinyDairAI writes a dair-ai-shaped dataset of a few lines per split
// in which every class has its own obvious keyword, and returns the data
// directory that holds it.
func writeTinyDairAI(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	keywords := map[string]string{"joy": "wonderful", "sadness": "miserable", "anger": "furious"}
	fillers := []string{"i feel so %s today", "honestly %s right now", "this makes me %s", "%s again and again"}
	var lines []string
	for label, word := range keywords {
		for _, f := range fillers {
			lines = append(lines, strings.ReplaceAll(f, "%s", word)+";"+label)
		}
	}
	text := strings.Join(lines, "\n") + "\n"
	data := filepath.Join(dir, "dair-ai-emotion")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, split := range []string{"train", "val", "test"} {
		if err := os.WriteFile(filepath.Join(data, split+".txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestTERTrainPredictLexicon(t *testing.T) {
	tokenizer := filepath.Join(sharedtest.Dir(t, "data", "text", "bert-base-uncased"), "tokenizer.json")
	data := writeTinyDairAI(t)
	model := filepath.Join(t.TempDir(), "ter.safetensors")
	epochLog := filepath.Join(t.TempDir(), "epochs.jsonl")
	ctx := context.Background()
	if _, stderr, err := execute(ctx, "ter", "train", "--data", data, "--tokenizer", tokenizer,
		"--layers", "1", "--hidden", "16", "--heads", "2", "--intermediate", "32", "--epochs", "2",
		"--seed", "3", "--log", epochLog, "-o", model); err != nil {
		t.Fatalf("ter train: %v\n%s", err, stderr)
	}
	if log, err := os.ReadFile(epochLog); err != nil || strings.Count(string(log), "\n") != 2 {
		t.Errorf("epoch log: %v, %q: want one line per epoch (2)", err, log)
	}

	out, stderr, err := execute(ctx, "ter", "predict", "--model", model, "--embed", "i feel wonderful", "so furious")
	if err != nil {
		t.Fatalf("ter predict: %v\n%s", err, stderr)
	}
	checkTERPredictions(t, out, 2)

	// The lexicon learns each class's keyword from the training split.
	out, stderr, err = execute(ctx, "ter", "lexicon", "--data", data, "--tokenizer", tokenizer)
	if err != nil {
		t.Fatalf("ter lexicon: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "WA 1.0000  UA 1.0000") {
		t.Errorf("lexicon on keyword-separable data is not perfect:\n%s%s", out, stderr)
	}
}

// checkTERPredictions checks that out holds n JSON lines with a known
// label, probabilities summing to 1 and the penultimate activations.
func checkTERPredictions(t *testing.T, out string, n int) {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	lines := 0
	for sc.Scan() {
		var p struct {
			Text          string             `json:"text"`
			Emotion       string             `json:"emotion"`
			Probabilities map[string]float64 `json:"probabilities"`
			Embedding     []float64          `json:"embedding"`
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("line %d: %v: %s", lines+1, err, sc.Text())
		}
		lines++
		sum := 0.0
		for _, v := range p.Probabilities {
			sum += v
		}
		if len(p.Probabilities) != 6 || math.Abs(sum-1) > 1e-4 {
			t.Errorf("%q: probabilities %v: want the 6 dair-ai labels summing to 1 (±1e-4)", p.Text, p.Probabilities)
		}
		if _, ok := p.Probabilities[p.Emotion]; !ok {
			t.Errorf("%q: emotion %q is not one of the labels", p.Text, p.Emotion)
		}
		if len(p.Embedding) != 768 {
			t.Errorf("%q: %d penultimate activations, want 768", p.Text, len(p.Embedding))
		}
	}
	if lines != n {
		t.Errorf("%d prediction lines, want %d:\n%s", lines, n, out)
	}
}
