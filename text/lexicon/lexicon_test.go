package lexicon

import (
	"errors"
	"math"
	"path/filepath"
	"slices"
	"testing"
)

// The toy corpus of the tests: two classes, hand-countable.
var (
	toyTexts   = [][]string{{"happy", "day"}, {"happy", "happy"}, {"sad", "day"}}
	toyLabels  = []int{0, 0, 1}
	toyLabels2 = []string{"joy", "sadness"}
)

// TestTrainHandComputed checks the smoothed log-probabilities against
// counts done by hand: vocabulary {happy, day, sad}; class joy has 4 words
// (happy 3, day 1), class sadness 2 (sad 1, day 1); alpha 1.
func TestTrainHandComputed(t *testing.T) {
	m, err := Train(toyTexts, toyLabels, toyLabels2, Config{Alpha: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Words, []string{"happy", "day", "sad"}) {
		t.Fatalf("words %q", m.Words)
	}
	want := [][]float64{{4.0 / 7, 2.0 / 7, 1.0 / 7}, {1.0 / 5, 2.0 / 5, 2.0 / 5}}
	for c := range want {
		for j := range want[c] {
			if got := math.Exp(m.LogProb[c][j]); math.Abs(got-want[c][j]) > 1e-12 {
				t.Errorf("P(%s|%s) = %g, want %g", m.Words[j], m.Labels[c], got, want[c][j])
			}
		}
	}
	if got := math.Exp(m.LogPrior[0]); math.Abs(got-2.0/3) > 1e-12 {
		t.Errorf("prior %g", got)
	}
	// "day" alone: joy 2/3·2/7 = 0.190, sadness 1/3·2/5 = 0.133.
	for _, c := range []struct {
		words []string
		want  int
	}{{[]string{"day"}, 0}, {[]string{"sad"}, 1}, {[]string{"sad", "day", "unknown"}, 1}, {nil, 0}} {
		if got := m.Predict(c.words); got != c.want {
			t.Errorf("Predict(%q) = %d, want %d", c.words, got, c.want)
		}
	}
	if got := m.Keywords(1, 2); !slices.Equal(got, []string{"sad", "day"}) {
		t.Errorf("Keywords(sadness) = %q", got)
	}
}

func TestUniformPrior(t *testing.T) {
	m, err := Train(toyTexts, toyLabels, toyLabels2, Config{Alpha: 1, UniformPrior: true})
	if err != nil {
		t.Fatal(err)
	}
	// "day": joy 2/7 = 0.286 < sadness 2/5 = 0.4 without the priors.
	if got := m.Predict([]string{"day"}); got != 1 {
		t.Errorf("Predict(day) = %d, want 1", got)
	}
}

func TestTrainErrors(t *testing.T) {
	for _, c := range []struct {
		name   string
		texts  [][]string
		labels []int
		cfg    Config
	}{
		{"empty", nil, nil, Config{Alpha: 1}},
		{"length", toyTexts, []int{0}, Config{Alpha: 1}},
		{"label", toyTexts, []int{0, 2, 1}, Config{Alpha: 1}},
		{"alpha", toyTexts, toyLabels, Config{Alpha: -1}},
	} {
		if _, err := Train(c.texts, c.labels, toyLabels2, c.cfg); !errors.Is(err, ErrInput) {
			t.Errorf("%s: error %v, want ErrInput", c.name, err)
		}
	}
}

func TestSaveLoad(t *testing.T) {
	m, err := Train(toyTexts, toyLabels, toyLabels2, Config{Alpha: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "lexicon.json")
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	back, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, words := range toyTexts {
		if !slices.Equal(back.Scores(words), m.Scores(words)) {
			t.Errorf("scores of %q differ after Load", words)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("Load of a missing file succeeded")
	}
}
