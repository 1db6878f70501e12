package wer

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// maxPlacements bounds how many placements of an utterance's errors
// Corrupt tries before it keeps the one that counts the most errors.
const maxPlacements = 64

// Mix gives the relative proportions of the three kinds of error a
// Simulator makes. Only the ratios matter.
type Mix struct {
	Substitutions, Deletions, Insertions float64
}

// DefaultMix returns the proportions 60% substitutions, 25% deletions and
// 15% insertions, a convention typical of the errors of speech
// recognisers; the IEmoNet paper does not give its mix.
func DefaultMix() Mix { return Mix{Substitutions: 0.6, Deletions: 0.25, Insertions: 0.15} }

// normalized returns m scaled to sum 1.
func (m Mix) normalized() (Mix, error) {
	parts := []float64{m.Substitutions, m.Deletions, m.Insertions}
	sum := 0.0
	for _, p := range parts {
		if p < 0 || math.IsInf(p, 0) || math.IsNaN(p) {
			return Mix{}, fmt.Errorf("%w: %+v", ErrMix, m)
		}
		sum += p
	}
	if sum == 0 {
		return Mix{}, fmt.Errorf("%w: %+v", ErrMix, m)
	}
	return Mix{m.Substitutions / sum, m.Deletions / sum, m.Insertions / sum}, nil
}

// Simulator corrupts transcripts to a target word error rate. It holds no
// state that changes: it is safe for concurrent use, each goroutine with
// its own random source.
type Simulator struct {
	rate  float64
	mix   Mix
	vocab []string
}

// NewSimulator returns a Simulator that makes errors at rate (in [0, 1])
// in the proportions of mix, drawing substitutes and insertions from
// vocabulary. The vocabulary is normalised with Normalize (an entry may
// hold several words), sorted and deduplicated, so its order does not
// matter; it needs at least two distinct words. The words of the corpus
// being corrupted make a natural vocabulary.
func NewSimulator(rate float64, mix Mix, vocabulary []string) (*Simulator, error) {
	if !(rate >= 0 && rate <= 1) {
		return nil, fmt.Errorf("%w: %v", ErrRate, rate)
	}
	m, err := mix.normalized()
	if err != nil {
		return nil, err
	}
	var vocab []string
	for _, entry := range vocabulary {
		vocab = append(vocab, Normalize(entry)...)
	}
	slices.Sort(vocab)
	vocab = slices.Compact(vocab)
	if len(vocab) < 2 {
		return nil, fmt.Errorf("%w: have %d", ErrVocabulary, len(vocab))
	}
	return &Simulator{rate: rate, mix: m, vocab: vocab}, nil
}

// Rate returns the target word error rate.
func (s *Simulator) Rate() float64 { return s.rate }

// Corrupt normalises text and returns it with simulated recognition
// errors, words separated by single spaces. The same rng state gives the
// same output.
func (s *Simulator) Corrupt(text string, rng *rand.Rand) string {
	return strings.Join(s.CorruptWords(Normalize(text), rng), " ")
}

// CorruptWords returns a corrupted copy of words (see the package
// documentation); words itself is not modified. Words are compared with
// the vocabulary as they are: normalise them first.
func (s *Simulator) CorruptWords(words []string, rng *rand.Rand) []string {
	n := s.drawCounts(len(words), rng)
	if n.Errors() == 0 {
		return slices.Clone(words)
	}
	var best []string
	bestErrors := -1
	for range maxPlacements {
		hyp := s.place(words, n, rng)
		got := Align(words, hyp)
		got.Hits = 0
		if got == n {
			return hyp
		}
		if got.Errors() > bestErrors {
			best, bestErrors = hyp, got.Errors()
		}
	}
	return best
}

// drawCounts draws how many substitutions, deletions and insertions an
// utterance of n words receives.
func (s *Simulator) drawCounts(n int, rng *rand.Rand) Counts {
	pSub := s.rate * s.mix.Substitutions
	pDel := pSub + s.rate*s.mix.Deletions
	pIns := s.rate * s.mix.Insertions
	var c Counts
	for range n {
		switch u := rng.Float64(); {
		case u < pSub:
			c.Substitutions++
		case u < pDel:
			c.Deletions++
		}
		if rng.Float64() < pIns {
			c.Insertions++
		}
	}
	return c
}

// place returns words with the counted errors at random positions:
// substitutions and deletions on distinct reference words, insertions in
// any of the len(words)+1 gaps.
func (s *Simulator) place(words []string, n Counts, rng *rand.Rand) []string {
	const (
		keep = iota
		substitute
		drop
	)
	fate := make([]int, len(words))
	order := rng.Perm(len(words))
	for k, i := range order[:n.Substitutions+n.Deletions] {
		if k < n.Substitutions {
			fate[i] = substitute
		} else {
			fate[i] = drop
		}
	}
	inserts := make([]int, len(words)+1)
	for range n.Insertions {
		inserts[rng.IntN(len(inserts))]++
	}
	hyp := make([]string, 0, len(words)-n.Deletions+n.Insertions)
	for i := range len(words) + 1 {
		for range inserts[i] {
			hyp = append(hyp, s.vocab[rng.IntN(len(s.vocab))])
		}
		if i == len(words) {
			break
		}
		switch fate[i] {
		case keep:
			hyp = append(hyp, words[i])
		case substitute:
			hyp = append(hyp, s.substitute(words[i], rng))
		}
	}
	return hyp
}

// substitute draws a vocabulary word other than w.
func (s *Simulator) substitute(w string, rng *rand.Rand) string {
	for {
		if v := s.vocab[rng.IntN(len(s.vocab))]; v != w {
			return v
		}
	}
}
