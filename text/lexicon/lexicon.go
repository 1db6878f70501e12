package lexicon

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"sort"

	"github.com/emovox/emovox/internal/atomicfile"
)

// ErrInput reports training data or a model file that cannot be used.
var ErrInput = errors.New("lexicon: invalid input")

// Config holds the training options.
type Config struct {
	// Alpha is the additive smoothing of the word counts (1 is Laplace's).
	Alpha float64
	// UniformPrior ignores the class frequencies of the training set, which
	// favours the rare classes (higher UA, lower WA).
	UniformPrior bool
}

// Model is a trained lexicon: per class, the log-probability of every
// word of the training vocabulary, and the class priors.
type Model struct {
	Labels []string `json:"labels"`
	// Words lists the vocabulary; LogProb[c][i] is log P(Words[i] | class c).
	Words   []string    `json:"words"`
	LogProb [][]float64 `json:"log_prob"`
	// LogPrior is log P(class).
	LogPrior []float64 `json:"log_prior"`

	index map[string]int
}

// Train counts the words of every text (texts[i] labelled labels[i], an
// index into classes). It fails with ErrInput on empty or mismatched
// input, a label outside the classes, or a negative Alpha.
func Train(texts [][]string, labels []int, classes []string, cfg Config) (*Model, error) {
	if len(texts) == 0 || len(texts) != len(labels) || len(classes) == 0 || cfg.Alpha < 0 {
		return nil, fmt.Errorf("%w: %d texts, %d labels, %d classes, alpha %g", ErrInput, len(texts), len(labels), len(classes), cfg.Alpha)
	}
	m := &Model{Labels: slices.Clone(classes), index: map[string]int{}}
	var counts [][]float64 // [word][class]
	docs := make([]float64, len(classes))
	for i, words := range texts {
		c := labels[i]
		if c < 0 || c >= len(classes) {
			return nil, fmt.Errorf("%w: label %d of text %d outside %d classes", ErrInput, c, i, len(classes))
		}
		docs[c]++
		for _, w := range words {
			j, ok := m.index[w]
			if !ok {
				j = len(m.Words)
				m.index[w] = j
				m.Words = append(m.Words, w)
				counts = append(counts, make([]float64, len(classes)))
			}
			counts[j][c]++
		}
	}
	m.LogProb = make([][]float64, len(classes))
	m.LogPrior = make([]float64, len(classes))
	for c := range classes {
		total := cfg.Alpha * float64(len(m.Words))
		for _, row := range counts {
			total += row[c]
		}
		m.LogProb[c] = make([]float64, len(m.Words))
		for j, row := range counts {
			m.LogProb[c][j] = math.Log(row[c]+cfg.Alpha) - math.Log(total)
		}
		if cfg.UniformPrior {
			m.LogPrior[c] = -math.Log(float64(len(classes)))
		} else {
			m.LogPrior[c] = math.Log(docs[c] / float64(len(texts)))
		}
	}
	return m, nil
}

// Scores returns, per class, the log prior plus the log-probabilities of
// the words of the vocabulary (unknown words are skipped): the joint
// log-likelihood up to a constant.
func (m *Model) Scores(words []string) []float64 {
	out := slices.Clone(m.LogPrior)
	for _, w := range words {
		j, ok := m.index[w]
		if !ok {
			continue
		}
		for c := range out {
			out[c] += m.LogProb[c][j]
		}
	}
	return out
}

// Predict returns the class with the highest score (the first on ties).
func (m *Model) Predict(words []string) int {
	s := m.Scores(words)
	best := 0
	for c, v := range s {
		if v > s[best] {
			best = c
		}
	}
	return best
}

// Keywords returns the n words with the highest log-odds for class c
// against the other classes together, log P(w|c) - log mean P(w|c'≠c):
// the words that most point to c.
func (m *Model) Keywords(c, n int) []string {
	type scored struct {
		word string
		odds float64
	}
	s := make([]scored, len(m.Words))
	for j, w := range m.Words {
		var others float64
		for k := range m.Labels {
			if k != c {
				others += math.Exp(m.LogProb[k][j])
			}
		}
		others /= float64(max(len(m.Labels)-1, 1))
		s[j] = scored{w, m.LogProb[c][j] - math.Log(others)}
	}
	sort.SliceStable(s, func(a, b int) bool { return s[a].odds > s[b].odds })
	out := make([]string, 0, n)
	for _, x := range s[:min(n, len(s))] {
		out = append(out, x.word)
	}
	return out
}

// Save writes the model as JSON to path, atomically.
func (m *Model) Save(path string) error {
	return atomicfile.Write(path, 0o644, func(w io.Writer) error {
		return json.NewEncoder(w).Encode(m)
	})
}

// Load reads a model written by Save.
func Load(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	var m Model
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrInput, path, err)
	}
	if len(m.Labels) == 0 || len(m.LogProb) != len(m.Labels) || len(m.LogPrior) != len(m.Labels) {
		return nil, fmt.Errorf("%w: %s: inconsistent class counts", ErrInput, path)
	}
	m.index = make(map[string]int, len(m.Words))
	for j, w := range m.Words {
		m.index[w] = j
	}
	for c, row := range m.LogProb {
		if len(row) != len(m.Words) {
			return nil, fmt.Errorf("%w: %s: class %d has %d word scores for %d words", ErrInput, path, c, len(row), len(m.Words))
		}
	}
	return &m, nil
}
