package fusion_test

import (
	"context"
	"fmt"

	"github.com/emovox/emovox/corpus"
	"github.com/emovox/emovox/fusion"
)

// A block trained on embeddings of two branches: the acoustic vector says
// how aroused the speaker sounds, the text vector how positive the words
// are, and only the two together name the emotion.
func ExampleTrain() {
	labels := []string{"sad", "happy", "calm", "angry"}
	var set fusion.Set
	for i := range 80 {
		c := i % 4
		aroused, positive := float32(c/2*2-1), float32(c%2*2-1) // ±1
		jitter := float32(i%5) * 0.05
		set.Acoustic = append(set.Acoustic, []float32{aroused + jitter, -aroused})
		set.Text = append(set.Text, []float32{positive - jitter})
		set.Labels = append(set.Labels, c)
	}
	cfg := fusion.DefaultTrainConfig()
	cfg.Epochs = 60
	m, _, err := fusion.Train(context.Background(), set, fusion.Set{}, labels, cfg)
	if err != nil {
		panic(err)
	}
	pred, err := m.Predict(fusion.Embeddings{
		Acoustic: [][]float32{{1, -1}, {-1, 1}},
		Text:     [][]float32{{-1}, {1}},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(labels[pred[0]], labels[pred[1]])
	// Output: calm happy
}

// Pairing clips with held-out sentences of the same emotion.
func ExamplePairClips() {
	clips := []corpus.Item{
		{Corpus: "ravdess", ID: "03-01-05-01-01-01-01", Emotion: corpus.Angry},
		{Corpus: "ravdess", ID: "03-01-01-01-01-01-01", Emotion: corpus.Neutral},
	}
	val := []fusion.Sentence{{Text: "i feel so irritated", Label: "anger", Source: "val.txt:4"}}
	test := []fusion.Sentence{{Text: "i feel outraged", Label: "anger", Source: "test.txt:9"}}
	pairs, err := fusion.PairClips(clips, val, test, 1)
	if err != nil {
		panic(err)
	}
	for _, p := range pairs {
		fmt.Printf("%s %s: %q / %q\n", p.Key, p.Emotion, p.TrainText, p.TestText)
	}
	// Output: ravdess/03-01-05-01-01-01-01 angry: "i feel so irritated" / "i feel outraged"
}
