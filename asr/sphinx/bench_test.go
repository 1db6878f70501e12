//go:build pocketsphinx && cgo

package sphinx

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/emovox/emovox/audio"
	"github.com/emovox/emovox/internal/sharedtest"
)

// BenchmarkTranscribe decodes one 3.3 s RAVDESS clip per iteration.
func BenchmarkTranscribe(b *testing.B) {
	dir := sharedtest.Dir(b, "data", "ravdess")
	samples, rate, err := audio.Load(filepath.Join(dir, "Actor_05", "03-01-01-01-01-01-05.wav"), SampleRate)
	if err != nil {
		b.Fatal(err)
	}
	r := newRecognizer(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := r.Transcribe(ctx, samples, rate); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(samples))/float64(rate)*float64(b.N)/b.Elapsed().Seconds(), "audio-s/s")
}
