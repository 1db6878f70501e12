package bert_test

import (
	"fmt"

	"github.com/emovox/emovox/text/bert"
	"github.com/emovox/emovox/text/wordpiece"
)

func Example() {
	vocab, err := wordpiece.NewVocab([]string{"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "i", "am", "happy", "sad"})
	if err != nil {
		panic(err)
	}
	tok, err := wordpiece.New(vocab, wordpiece.DefaultOptions())
	if err != nil {
		panic(err)
	}
	cfg := bert.BaseUncased()
	cfg.VocabSize, cfg.HiddenSize, cfg.NumHiddenLayers, cfg.NumAttentionHeads, cfg.IntermediateSize = vocab.Size(), 16, 2, 2, 32
	model := bert.New(cfg, 1) // or bert.LoadPretrained(dir) for a transformers checkpoint
	model.SetTraining(false)
	batch, err := bert.NewBatch(tok.EncodeBatch([]string{"I am happy", "sad"}, 48))
	if err != nil {
		panic(err)
	}
	out := model.Forward(batch)
	fmt.Println(batch.SeqLen, out.Sequence.Shape, out.Pooled.Shape)
	// Output:
	// 5 [2 5 16] [2 16]
}
