package asr

import (
	"context"
	"hash/fnv"
	"math/rand/v2"

	"github.com/emovox/emovox/asr/wer"
)

// Noisy returns a FileTranscriber that corrupts the transcripts of t with
// sim, simulating a recogniser at sim's word error rate. The output is
// normalised text (wer.Normalize). Each file's errors are drawn from a
// random source seeded by seed and the file's Key, so a file gets the
// same transcript whatever other files are transcribed, in whatever
// order, wherever it lies. It is as safe for concurrent use as t is.
func Noisy(t FileTranscriber, sim *wer.Simulator, seed uint64) FileTranscriber {
	return noisy{t: t, sim: sim, seed: seed}
}

type noisy struct {
	t    FileTranscriber
	sim  *wer.Simulator
	seed uint64
}

func (n noisy) TranscribeFile(ctx context.Context, path string) (string, error) {
	text, err := n.t.TranscribeFile(ctx, path)
	if err != nil {
		return "", err
	}
	h := fnv.New64a()
	h.Write([]byte(Key(path)))
	return n.sim.Corrupt(text, rand.New(rand.NewPCG(n.seed, h.Sum64()))), nil
}
