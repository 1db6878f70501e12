package fusion

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/emovox/emovox/corpus"
	"github.com/emovox/emovox/internal/atomicfile"
	"github.com/emovox/emovox/split"
)

// EmotionPair names a speech emotion (corpus vocabulary) and the text
// label of the same emotion.
type EmotionPair struct {
	Speech, Text string
}

// PairedEmotions are the emotions that RAVDESS and the dair-ai emotion
// dataset share, in the order of the paired benchmark's classes: RAVDESS
// happy, sad, angry, fearful and surprised with dair-ai joy, sadness,
// anger, fear and surprise. RAVDESS neutral, calm and disgust, and dair-ai
// love, have no counterpart and are left out of the benchmark.
var PairedEmotions = []EmotionPair{
	{corpus.Happy, "joy"}, {corpus.Sad, "sadness"}, {corpus.Angry, "anger"},
	{corpus.Fear, "fear"}, {corpus.Surprise, "surprise"},
}

// PairedLabels returns the classes of the paired benchmark, the Speech
// side of PairedEmotions.
func PairedLabels() []string {
	out := make([]string, len(PairedEmotions))
	for i, p := range PairedEmotions {
		out[i] = p.Speech
	}
	return out
}

// Sentence is a labelled text of a pool that clips are paired from.
type Sentence struct {
	Text  string
	Label string // the text dataset's label, such as "joy"
	// Source says where the text comes from, such as "val.txt:17".
	Source string
}

// Pair is one clip of the paired benchmark with its two sentences: the
// one it is read with when it trains or validates a fusion block, and the
// one it is read with when it is tested. The two come from disjoint pools
// (the text dataset's validation and test splits), neither of which the
// text branch is trained on, so no test sentence is ever seen in training.
type Pair struct {
	// Key is the clip's split key ("ravdess/03-01-03-01-01-01-01").
	Key     string `json:"key"`
	Path    string `json:"path"`
	Speaker string `json:"speaker"`
	// Emotion is the clip's emotion and TextLabel the sentences' label.
	Emotion   string `json:"emotion"`
	TextLabel string `json:"text_label"`
	// TrainText (from TrainSource) and TestText (from TestSource).
	TrainText   string `json:"train_text"`
	TrainSource string `json:"train_source"`
	TestText    string `json:"test_text"`
	TestSource  string `json:"test_source"`
}

// PairClips pairs every clip of an emotion of PairedEmotions with a sentence
// of the same emotion from trainPool and one from testPool; clips of other
// emotions are left out. Within each emotion the clips (in split-key order)
// and the pool's sentences are shuffled with generators seeded by seed, and
// clip j gets sentence j of the shuffled pool, starting again from the
// first when the pool has fewer sentences than there are clips (so every
// sentence serves ⌊n/m⌋ or ⌈n/m⌉ clips). The pairs come in split-key order.
// The same clips, pools and seed give the same pairs on every platform.
//
// The error wraps ErrPairing when an emotion has clips but a pool has no
// sentence of its label, or when two clips share a key.
func PairClips(clips []corpus.Item, trainPool, testPool []Sentence, seed uint64) ([]Pair, error) {
	var pairs []Pair
	seen := map[string]bool{}
	for e, ep := range PairedEmotions {
		var mine []corpus.Item
		for _, c := range clips {
			if c.Emotion == ep.Speech {
				mine = append(mine, c)
			}
		}
		if len(mine) == 0 {
			continue
		}
		slices.SortFunc(mine, func(a, b corpus.Item) int { return strings.Compare(split.Key(a), split.Key(b)) })
		train, err := draw(len(mine), trainPool, ep.Text, seed, uint64(2*e))
		if err != nil {
			return nil, fmt.Errorf("%w: training pool: %w", ErrPairing, err)
		}
		test, err := draw(len(mine), testPool, ep.Text, seed, uint64(2*e+1))
		if err != nil {
			return nil, fmt.Errorf("%w: test pool: %w", ErrPairing, err)
		}
		for j, c := range mine {
			key := split.Key(c)
			if seen[key] {
				return nil, fmt.Errorf("%w: two clips with key %s", ErrPairing, key)
			}
			seen[key] = true
			pairs = append(pairs, Pair{
				Key: key, Path: c.Path, Speaker: c.Speaker, Emotion: c.Emotion, TextLabel: ep.Text,
				TrainText: train[j].Text, TrainSource: train[j].Source,
				TestText: test[j].Text, TestSource: test[j].Source,
			})
		}
	}
	slices.SortFunc(pairs, func(a, b Pair) int { return strings.Compare(a.Key, b.Key) })
	return pairs, nil
}

// draw returns the sentences of label for n clips in shuffled clip order:
// the pool's sentences of label, shuffled, repeated as needed, then
// dealt to the clips shuffled with another stream.
func draw(n int, pool []Sentence, label string, seed, stream uint64) ([]Sentence, error) {
	var mine []Sentence
	for _, s := range pool {
		if s.Label == label {
			mine = append(mine, s)
		}
	}
	if len(mine) == 0 {
		return nil, fmt.Errorf("no %q sentence", label)
	}
	rng := rand.New(rand.NewPCG(seed, stream))
	shuffle(mine, rng)
	dealt := make([]Sentence, n)
	for j := range dealt {
		dealt[j] = mine[j%len(mine)]
	}
	shuffle(dealt, rng) // which clip gets which sentence
	return dealt, nil
}

// shuffle is the Fisher–Yates shuffle with bounded draws made by
// rejection from rng.Uint64, so that it gives the same order on every Go
// release (math/rand/v2's Shuffle makes no such promise).
func shuffle[T any](xs []T, rng *rand.Rand) {
	for i := len(xs) - 1; i > 0; i-- {
		j := bounded(rng, uint64(i+1))
		xs[i], xs[j] = xs[j], xs[i]
	}
}

// bounded returns a uniform draw from [0, n), n > 0.
func bounded(rng *rand.Rand, n uint64) uint64 {
	limit := -n % n // 2⁶⁴ mod n: draws below it would bias the result
	for {
		if v := rng.Uint64(); v >= limit {
			return v % n
		}
	}
}

// WritePairs writes pairs to path as JSON lines, one Pair a line,
// atomically.
func WritePairs(path string, pairs []Pair) error {
	err := atomicfile.Write(path, 0o644, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, p := range pairs {
			if err := enc.Encode(p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("fusion: %s: %w", path, err)
	}
	return nil
}

// ReadPairs reads pairs written by WritePairs. Every line must be a Pair
// with a key, an emotion of PairedEmotions with its text label, and both
// sentences; keys must be unique. Errors wrap ErrPairing and name the line.
func ReadPairs(r io.Reader) ([]Pair, error) {
	text := map[string]string{}
	for _, ep := range PairedEmotions {
		text[ep.Speech] = ep.Text
	}
	var pairs []Pair
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p Pair
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("%w: line %d: %w", ErrPairing, line, err)
		}
		switch {
		case p.Key == "" || p.TrainText == "" || p.TestText == "":
			return nil, fmt.Errorf("%w: line %d: missing key or sentence", ErrPairing, line)
		case text[p.Emotion] == "" || text[p.Emotion] != p.TextLabel:
			return nil, fmt.Errorf("%w: line %d: emotion %q with text label %q is not a pair of the benchmark", ErrPairing, line, p.Emotion, p.TextLabel)
		case seen[p.Key]:
			return nil, fmt.Errorf("%w: line %d: key %s again", ErrPairing, line, p.Key)
		}
		seen[p.Key] = true
		pairs = append(pairs, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrPairing, err)
	}
	return pairs, nil
}
