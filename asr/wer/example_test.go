package wer_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/emovox/emovox/asr/wer"
)

func ExampleScore() {
	c := wer.Score("Kids are talking by the door.", "kids are walking by door")
	fmt.Printf("S=%d D=%d I=%d N=%d WER=%.3f\n",
		c.Substitutions, c.Deletions, c.Insertions, c.RefWords(), c.WER())
	// Output:
	// S=1 D=1 I=0 N=6 WER=0.333
}

func ExampleCounts_Add() {
	var total wer.Counts
	for _, pair := range [][2]string{
		{"Kids are talking by the door", "kids are talking by the door"},
		{"Dogs are sitting by the door", "dogs are sitting at the door"},
	} {
		total = total.Add(wer.Score(pair[0], pair[1]))
	}
	fmt.Printf("corpus WER %.4f over %d words\n", total.WER(), total.RefWords())
	// Output:
	// corpus WER 0.0833 over 12 words
}

func ExampleSimulator() {
	statements := []string{"Kids are talking by the door", "Dogs are sitting by the door"}
	sim, err := wer.NewSimulator(0.2, wer.DefaultMix(), statements)
	if err != nil {
		fmt.Println(err)
		return
	}
	rng := rand.New(rand.NewPCG(1, 0))
	var total wer.Counts
	for i := range 1000 {
		ref := statements[i%2]
		hyp := sim.Corrupt(ref, rng)
		if i < 2 {
			fmt.Println(hyp)
		}
		total = total.Add(wer.Score(ref, hyp))
	}
	fmt.Printf("WER %.3f over %d words\n", total.WER(), total.RefWords())
	// Output:
	// kids dogs sitting the by by door
	// dogs door are sitting by the door
	// WER 0.206 over 6000 words
}
