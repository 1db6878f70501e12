package fusion

import (
	"context"
	"fmt"

	"github.com/emovox/emovox/asr"
)

// Fuser recognises emotions with two frozen branches and a trained block,
// as IEmoNet does at run time. ASR, when set, transcribes the audio for
// Recognize. A Fuser is as safe for concurrent use as its branches and
// recogniser are.
type Fuser struct {
	Acoustic AcousticBranch
	Text     TextBranch
	Model    *Model
	ASR      asr.Transcriber
}

// Predict returns the probability of every label of the model (in the
// order of Model.Labels) for mono samples at rate Hz and their transcript.
func (f *Fuser) Predict(samples []float32, rate int, transcript string) ([]float32, error) {
	var e Embeddings
	cfg := f.Model.Config()
	if cfg.Acoustic > 0 {
		a, err := f.Acoustic.Embed(samples, rate)
		if err != nil {
			return nil, fmt.Errorf("fusion: acoustic branch: %w", err)
		}
		e.Acoustic = [][]float32{a}
	}
	if cfg.Text > 0 {
		t, err := f.Text.Embed([]string{transcript})
		if err != nil {
			return nil, fmt.Errorf("fusion: text branch: %w", err)
		}
		e.Text = t
	}
	p, err := f.Model.Probabilities(e)
	if err != nil {
		return nil, err
	}
	return p[0], nil
}

// Recognize transcribes the samples with f.ASR and predicts from the audio
// and the transcript, which it returns too.
func (f *Fuser) Recognize(ctx context.Context, samples []float32, rate int) (probs []float32, transcript string, err error) {
	if f.ASR == nil {
		return nil, "", fmt.Errorf("%w: no speech recogniser", ErrConfig)
	}
	transcript, err = f.ASR.Transcribe(ctx, samples, rate)
	if err != nil {
		return nil, "", fmt.Errorf("fusion: %w", err)
	}
	probs, err = f.Predict(samples, rate, transcript)
	return probs, transcript, err
}
