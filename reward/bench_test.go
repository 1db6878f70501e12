package reward

import (
	"context"
	"strings"
	"testing"
)

func BenchmarkEq1(b *testing.B) {
	m := mustParseMap(b, fourEmotions)
	for b.Loop() {
		if _, err := Eq1(m, p0, p1, est1); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEq2(b *testing.B) {
	m := mustParseMap(b, fourEmotions)
	for b.Loop() {
		if _, err := Eq2(m, p0, p1, 0.25); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScore scores a dialogue file of 1000 turns.
func BenchmarkScore(b *testing.B) {
	m := mustParseMap(b, fourEmotions)
	lines := strings.SplitAfter(handDialogue, "\n")
	dialogue := lines[0] + strings.Repeat(lines[1]+lines[2], 500)
	b.SetBytes(int64(len(dialogue)))
	for b.Loop() {
		s, _ := NewScorer(m, Equation2, nil)
		err := Score(context.Background(), strings.NewReader(dialogue), "d.jsonl", s, func(Reward) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
}
