package ter

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/emovox/emovox/internal/sharedtest"
)

func TestReadDairAI(t *testing.T) {
	d, err := ReadDairAI(strings.NewReader("i feel great;joy\r\n\nwhy; oh why;sadness\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Example{{"i feel great", 1}, {"why; oh why", 0}}
	if !slices.Equal(d.Examples, want) {
		t.Errorf("examples %+v", d.Examples)
	}
	for _, bad := range []string{"no label here\n", "text;happiness\n"} {
		if _, err := ReadDairAI(strings.NewReader(bad)); !errors.Is(err, ErrDataset) {
			t.Errorf("%q: error %v", bad, err)
		}
	}
}

func TestReadGoEmotions(t *testing.T) {
	names := []string{"anger", "joy", "fear", "sadness", "neutral", "annoyance"}
	mapping := map[string]string{"anger": "angry", "annoyance": "angry", "joy": "happy", "sadness": "sad", "neutral": "neutral"}
	tsv := "text\tlabel\tid\n" +
		"so mad\t0,5\ta\n" + // anger + annoyance → angry
		"yay!\t1,2\tb\n" + // joy + fear (unmapped, ignored) → happy
		"eek\t2\tc\n" + // fear only → dropped (unmapped)
		"meh\t1,3,2\td\n" + // joy + sadness → dropped (conflict)
		"odd\t0,1,5\te\n" + // anger, joy, annoyance → conflict, stays so
		"ok\t4\tf\n"
	d, stats, err := ReadGoEmotions(strings.NewReader(tsv), names, mapping, IEMOCAP4Labels)
	if err != nil {
		t.Fatal(err)
	}
	want := []Example{{"so mad", 0}, {"yay!", 1}, {"ok", 2}}
	if !slices.Equal(d.Examples, want) {
		t.Errorf("examples %+v", d.Examples)
	}
	if stats != (GoEmotionsStats{Rows: 6, Unmapped: 1, Conflicting: 2, Kept: 3}) {
		t.Errorf("stats %+v", stats)
	}
	for _, bad := range []string{"a\t9\tx\n", "a\tx\tx\n", "a\t1\n"} {
		if _, _, err := ReadGoEmotions(strings.NewReader(bad), names, mapping, IEMOCAP4Labels); !errors.Is(err, ErrDataset) {
			t.Errorf("%q: error %v", bad, err)
		}
	}
	if _, _, err := ReadGoEmotions(strings.NewReader(""), names, map[string]string{"joy": "joyful"}, IEMOCAP4Labels); !errors.Is(err, ErrDataset) {
		t.Errorf("mapping to an unknown class: error %v", err)
	}
}

// TestSharedDatasets checks the split sizes of ../shared's copies, and the
// GoEmotions mapping's counts against those of an independent Python
// script applying the same rule to the same files.
func TestSharedDatasets(t *testing.T) {
	dir := sharedtest.Dir(t, "data", "text")
	for split, n := range map[string]int{"train": 16000, "validation": 2000, "test": 2000} {
		d, err := LoadDairAI(dir+"/dair-ai-emotion", split)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Examples) != n {
			t.Errorf("dair-ai %s: %d examples, want %d", split, len(d.Examples), n)
		}
	}
	for _, c := range []struct {
		split  string
		stats  GoEmotionsStats
		counts []int // angry, happy, neutral, sad
	}{
		{"train", GoEmotionsStats{43410, 4962, 2006, 36442}, []int{4643, 16095, 13176, 2528}},
		{"validation", GoEmotionsStats{5426, 600, 263, 4563}, []int{591, 2042, 1636, 294}},
		{"test", GoEmotionsStats{5427, 653, 221, 4553}, []int{623, 1964, 1658, 308}},
	} {
		d, stats, err := LoadGoEmotions(dir+"/goemotions", c.split, GoEmotionsToIEMOCAP4, IEMOCAP4Labels)
		if err != nil {
			t.Fatal(err)
		}
		if stats != c.stats || !slices.Equal(d.Counts(), c.counts) {
			t.Errorf("goemotions %s: stats %+v counts %v, want %+v %v", c.split, stats, d.Counts(), c.stats, c.counts)
		}
	}
}

func TestClassWeights(t *testing.T) {
	d := &Dataset{Labels: []string{"a", "b", "c"}, Examples: []Example{{"", 0}, {"", 0}, {"", 0}, {"", 1}}}
	// 4 examples, 3 classes: a 4/(3·3), b 4/(3·1), c absent.
	want := []float32{4.0 / 9, 4.0 / 3, 0}
	if got := ClassWeights(d); !slices.Equal(got, want) {
		t.Errorf("ClassWeights = %v, want %v", got, want)
	}
}
