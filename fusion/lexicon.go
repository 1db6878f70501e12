package fusion

import (
	"math"
	"slices"

	"github.com/emovox/emovox/asr/wer"
	"github.com/emovox/emovox/text/lexicon"
)

// LexiconBranch is a TextBranch over the keyword baseline of package
// text/lexicon (multinomial naive Bayes): a text's embedding is the
// posterior log-probability of every class of the model, its words taken
// as wer.Normalize splits them (lower case, punctuation dropped). It has
// no hidden layer, so this "penultimate layer" is its output; it stands in
// for a neural text branch. It is safe for concurrent use.
type LexiconBranch struct {
	Model *lexicon.Model
}

var _ TextBranch = LexiconBranch{}

// Embed returns the class log-posteriors of every text.
func (b LexiconBranch) Embed(texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	for i, text := range texts {
		scores := b.Model.Scores(wer.Normalize(text))
		top := slices.Max(scores)
		var sum float64
		for _, s := range scores {
			sum += math.Exp(s - top)
		}
		lse := top + math.Log(sum)
		row := make([]float32, len(scores))
		for c, s := range scores {
			row[c] = float32(s - lse)
		}
		out[i] = row
	}
	return out, nil
}

// Labels returns the model's classes, the order of the embedding.
func (b LexiconBranch) Labels() []string { return slices.Clone(b.Model.Labels) }

// TrainLexicon trains the keyword baseline on texts and their classes
// (indices into classes), splitting words as LexiconBranch does.
func TrainLexicon(texts []string, labels []int, classes []string, cfg lexicon.Config) (*lexicon.Model, error) {
	words := make([][]string, len(texts))
	for i, t := range texts {
		words[i] = wer.Normalize(t)
	}
	return lexicon.Train(words, labels, classes, cfg)
}
