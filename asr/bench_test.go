package asr

import (
	"context"
	"fmt"
	"testing"

	"github.com/emovox/emovox/asr/wer"
)

func BenchmarkNoisyTranscribeFile(b *testing.B) {
	refs := statements(100)
	sim, err := wer.NewSimulator(0.06, wer.DefaultMix(), refs.Texts())
	if err != nil {
		b.Fatal(err)
	}
	noisy := Noisy(refs, sim, 1)
	paths := make([]string, 100)
	for i := range paths {
		paths[i] = fmt.Sprintf("utt%04d.wav", i)
	}
	ctx := context.Background()
	i := 0
	for b.Loop() {
		if _, err := noisy.TranscribeFile(ctx, paths[i%len(paths)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
