package wordpiece_test

import (
	"fmt"

	"github.com/emovox/emovox/text/wordpiece"
)

func Example() {
	vocab, err := wordpiece.NewVocab([]string{"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
		"i", "feel", "un", "##happy", "today", "!"})
	if err != nil {
		panic(err)
	}
	tok, err := wordpiece.New(vocab, wordpiece.DefaultOptions())
	if err != nil {
		panic(err)
	}
	fmt.Println(tok.Tokenize("I feel UNHAPPY today!"))
	e := tok.Encode("I feel UNHAPPY today!", 10)
	fmt.Println(e.IDs)
	fmt.Println(e.AttentionMask)
	// Output:
	// [i feel un ##happy today !]
	// [2 5 6 7 8 9 10 3 0 0]
	// [1 1 1 1 1 1 1 1 0 0]
}

// Loading bert-base-uncased's tokenizer and encoding a sentence as BERT's
// input, 48 tokens long.
func ExampleLoad() {
	tok, err := wordpiece.Load("../../../shared/data/text/bert-base-uncased/tokenizer.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	e := tok.Encode("hello world", 48)
	fmt.Println(e.IDs[:5], e.Len())
}
