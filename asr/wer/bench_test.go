package wer

import (
	"math/rand/v2"
	"testing"
)

func BenchmarkAlign(b *testing.B) {
	sentences, _ := corpus("conversational", 2)
	ref, hyp := Normalize(sentences[0]), Normalize(sentences[1])
	for b.Loop() {
		Align(ref, hyp)
	}
}

func BenchmarkCorruptWords(b *testing.B) {
	sentences, vocab := corpus("conversational", 1)
	sim, err := NewSimulator(0.06, DefaultMix(), vocab)
	if err != nil {
		b.Fatal(err)
	}
	words := Normalize(sentences[0])
	rng := rand.New(rand.NewPCG(1, 1))
	for b.Loop() {
		sim.CorruptWords(words, rng)
	}
}
