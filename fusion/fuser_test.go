package fusion

import (
	"context"
	"errors"
	"math"
	"testing"
)

// fixedASR is a recogniser that always hears the same words.
type fixedASR string

func (f fixedASR) Transcribe(context.Context, []float32, int) (string, error) { return string(f), nil }

// TestFuserMatchesTheBlock checks that a Fuser gives, for samples and a
// transcript, the probabilities that the block gives for the branches'
// embeddings of them, and that Recognize reads the recogniser's words.
func TestFuserMatchesTheBlock(t *testing.T) {
	ser, meta := smallIEmoNet(t)
	acoustic, err := NewClassifierBranch(ser, meta)
	if err != nil {
		t.Fatal(err)
	}
	lex, err := TrainLexicon([]string{"so happy", "so sad", "angry now"}, []int{0, 1, 2}, []string{"joy", "sadness", "anger"}, lexiconConfig())
	if err != nil {
		t.Fatal(err)
	}
	text := LexiconBranch{Model: lex}
	// A block trained on a few embeddings of tones and texts.
	var set Set
	for i, words := range []string{"so happy", "so sad", "angry now", "happy", "sad", "angry"} {
		a, err := acoustic.Embed(tone(0.3+0.1*float64(i)), 16000)
		if err != nil {
			t.Fatal(err)
		}
		e, _ := text.Embed([]string{words})
		set.Acoustic, set.Text, set.Labels = append(set.Acoustic, a), append(set.Text, e[0]), append(set.Labels, i%3)
	}
	cfg := DefaultTrainConfig()
	cfg.Epochs = 5
	m, _, err := Train(context.Background(), set, Set{}, []string{"happy", "sad", "angry"}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	f := &Fuser{Acoustic: acoustic, Text: text, Model: m, ASR: fixedASR("so sad")}
	samples := tone(0.7)
	got, words, err := f.Recognize(context.Background(), samples, 16000)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := acoustic.Embed(samples, 16000)
	e, _ := text.Embed([]string{"so sad"})
	want, err := m.Probabilities(Embeddings{Acoustic: [][]float32{a}, Text: e})
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	for i := range got {
		sum += float64(got[i])
		if got[i] != want[0][i] {
			t.Errorf("probability %d: fuser %v, block %v", i, got[i], want[0][i])
		}
	}
	if words != "so sad" || math.Abs(sum-1) > 1e-6 {
		t.Errorf("transcript %q, probabilities sum to %v", words, sum)
	}
	if _, _, err := (&Fuser{Acoustic: acoustic, Text: text, Model: m}).Recognize(context.Background(), samples, 16000); !errors.Is(err, ErrConfig) {
		t.Errorf("no recogniser: error %v, want ErrConfig", err)
	}
	if _, err := f.Predict(nil, 16000, "x"); !errors.Is(err, ErrInput) {
		t.Errorf("no samples: error %v, want ErrInput", err)
	}
}
