package asr

import (
	"context"
	"fmt"

	"github.com/emovox/emovox/audio"
)

// Transcriber recognises the words spoken in mono samples at rate Hz
// (nominally in [-1, 1), as package audio decodes them). Implementations
// document whether they are safe for concurrent use.
type Transcriber interface {
	Transcribe(ctx context.Context, samples []float32, rate int) (string, error)
}

// FileTranscriber returns the words spoken in the audio file at path.
type FileTranscriber interface {
	TranscribeFile(ctx context.Context, path string) (string, error)
}

// FromAudio returns a FileTranscriber that decodes each file with
// audio.Load, mixed to mono and resampled to rate (0 keeps the file's
// own rate), and hands the samples to t. It is as safe for concurrent use
// as t is.
func FromAudio(t Transcriber, rate int) FileTranscriber {
	return audioFiles{t: t, rate: rate}
}

type audioFiles struct {
	t    Transcriber
	rate int
}

func (a audioFiles) TranscribeFile(ctx context.Context, path string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	samples, rate, err := audio.Load(path, a.rate)
	if err != nil {
		return "", err
	}
	text, err := a.t.Transcribe(ctx, samples, rate)
	if err != nil {
		return "", fmt.Errorf("asr: %s: %w", path, err)
	}
	return text, nil
}
