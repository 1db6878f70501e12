package asr

import (
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"testing"

	"github.com/emovox/emovox/asr/wer"
)

// statements returns RAVDESS-like transcripts for n files.
func statements(n int) Transcripts {
	t := make(Transcripts)
	texts := []string{"Kids are talking by the door", "Dogs are sitting by the door"}
	for i := range n {
		t[fmt.Sprintf("utt%04d", i)] = texts[i%2]
	}
	return t
}

func TestNoisyRateAndDeterminism(t *testing.T) {
	ref := statements(2000)
	sim, err := wer.NewSimulator(0.06, wer.DefaultMix(), ref.Texts())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	noisy := Noisy(ref, sim, 1)
	var total wer.Counts
	for key, text := range ref {
		hyp, err := noisy.TranscribeFile(ctx, key+".wav")
		if err != nil {
			t.Fatal(err)
		}
		// The same file elsewhere, asked again, gets the same errors.
		again, err := noisy.TranscribeFile(ctx, filepath.Join("elsewhere", key+".flac"))
		if err != nil || again != hyp {
			t.Fatalf("%s: %q then %q (%v)", key, hyp, again, err)
		}
		total = total.Add(wer.Score(text, hyp))
	}
	// 12000 words: 4 standard deviations of the binomial noise.
	tol := 4 * math.Sqrt(0.06*0.94/float64(total.RefWords()))
	if got := total.WER(); math.Abs(got-0.06) > tol {
		t.Errorf("WER %.4f, want 0.06 ± %.4f", got, tol)
	}
	other, err := Noisy(ref, sim, 2).TranscribeFile(ctx, "utt0000.wav")
	if err != nil {
		t.Fatal(err)
	}
	first, _ := noisy.TranscribeFile(ctx, "utt0000.wav")
	differ := other != first
	for i := 1; i < 50 && !differ; i++ {
		a, _ := noisy.TranscribeFile(ctx, fmt.Sprintf("utt%04d.wav", i))
		b, _ := Noisy(ref, sim, 2).TranscribeFile(ctx, fmt.Sprintf("utt%04d.wav", i))
		differ = a != b
	}
	if !differ {
		t.Error("seeds 1 and 2 gave the same transcripts for 50 files")
	}
}

func TestNoisyPassesErrors(t *testing.T) {
	sim, err := wer.NewSimulator(0.5, wer.DefaultMix(), []string{"a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Noisy(Transcripts{}, sim, 1).TranscribeFile(context.Background(), "x.wav"); !errors.Is(err, ErrNoTranscript) {
		t.Errorf("file without transcript: err = %v, want ErrNoTranscript", err)
	}
}
