package ter

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// IEMOCAP4Labels are the four classes of the IEMOCAP benchmark, in the
// order of corpus.IEMOCAP4.
var IEMOCAP4Labels = []string{"angry", "happy", "neutral", "sad"}

// GoEmotionsToIEMOCAP4 maps GoEmotions labels onto the four IEMOCAP
// classes through the Ekman grouping that the GoEmotions authors publish
// (ekman_mapping.json): its anger group (anger, annoyance, disapproval) is
// angry, its joy group (joy, amusement, approval, excitement, gratitude,
// love, optimism, relief, pride, admiration, desire, caring) is happy,
// its sadness group (sadness, disappointment, embarrassment, grief,
// remorse) is sad, and neutral is neutral. The disgust, fear and surprise
// groups have no IEMOCAP class and are left out.
var GoEmotionsToIEMOCAP4 = map[string]string{
	"anger": "angry", "annoyance": "angry", "disapproval": "angry",
	"joy": "happy", "amusement": "happy", "approval": "happy", "excitement": "happy", "gratitude": "happy",
	"love": "happy", "optimism": "happy", "relief": "happy", "pride": "happy", "admiration": "happy",
	"desire": "happy", "caring": "happy",
	"sadness": "sad", "disappointment": "sad", "embarrassment": "sad", "grief": "sad", "remorse": "sad",
	"neutral": "neutral",
}

// GoEmotionsStats counts what LoadGoEmotions kept and dropped.
type GoEmotionsStats struct {
	Rows int
	// Unmapped rows have no label that the mapping knows.
	Unmapped int
	// Conflicting rows have labels that map to different classes.
	Conflicting int
	Kept        int
}

// goEmotionsSplits are the file names of the GoEmotions splits.
var goEmotionsSplits = map[string]string{"train": "train.tsv", "validation": "dev.tsv", "dev": "dev.tsv", "test": "test.tsv"}

// LoadGoEmotions reads split "train", "validation" (or "dev") or "test"
// of GoEmotions from dir ({train,dev,test}.tsv and labels.txt) and maps its
// labels with mapping (GoEmotions label → class) onto classes, in that
// order. A row keeps the class its labels map to; labels the mapping
// leaves out are ignored; rows with no mapped label, or whose labels map
// to different classes, are dropped and counted in the stats.
func LoadGoEmotions(dir, split string, mapping map[string]string, classes []string) (*Dataset, GoEmotionsStats, error) {
	name, ok := goEmotionsSplits[split]
	if !ok {
		return nil, GoEmotionsStats{}, fmt.Errorf("%w: GoEmotions split %q (train, validation, test)", ErrDataset, split)
	}
	names, err := readLines(filepath.Join(dir, "labels.txt"))
	if err != nil {
		return nil, GoEmotionsStats{}, err
	}
	path := filepath.Join(dir, name)
	f, err := os.Open(path)
	if err != nil {
		return nil, GoEmotionsStats{}, fmt.Errorf("ter: %w", err)
	}
	defer f.Close()
	d, stats, err := ReadGoEmotions(f, names, mapping, classes)
	if err != nil {
		return nil, stats, fmt.Errorf("ter: %s: %w", path, err)
	}
	d.Name = "goemotions/" + split
	return d, stats, nil
}

// ReadGoEmotions reads a GoEmotions TSV (columns text, comma-separated
// label ids into names, comment id; an optional header line starting with
// "text\t") and maps it as LoadGoEmotions does.
func ReadGoEmotions(r io.Reader, names []string, mapping map[string]string, classes []string) (*Dataset, GoEmotionsStats, error) {
	classOf := make([]int, len(names))
	for i, n := range names {
		classOf[i] = -1
		if c, ok := mapping[n]; ok {
			if classOf[i] = slices.Index(classes, c); classOf[i] < 0 {
				return nil, GoEmotionsStats{}, fmt.Errorf("%w: mapping sends %q to %q, not among the classes %v", ErrDataset, n, c, classes)
			}
		}
	}
	d := &Dataset{Name: "goemotions", Labels: slices.Clone(classes)}
	var stats GoEmotionsStats
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" || line == 1 && strings.HasPrefix(s, "text\t") {
			continue
		}
		fields := strings.Split(s, "\t")
		if len(fields) != 3 {
			return nil, stats, fmt.Errorf("%w: line %d: %d tab-separated fields, want 3", ErrDataset, line, len(fields))
		}
		stats.Rows++
		class := unmapped
		for _, idText := range strings.Split(fields[1], ",") {
			id, err := strconv.Atoi(idText)
			if err != nil || id < 0 || id >= len(names) {
				return nil, stats, fmt.Errorf("%w: line %d: label %q is no id into the %d labels", ErrDataset, line, idText, len(names))
			}
			switch c := classOf[id]; {
			case c < 0 || class == conflict:
			case class == unmapped:
				class = c
			case class != c:
				class = conflict
			}
		}
		switch class {
		case unmapped:
			stats.Unmapped++
		case conflict:
			stats.Conflicting++
		default:
			stats.Kept++
			d.Examples = append(d.Examples, Example{Text: fields[0], Label: class})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, stats, err
	}
	return d, stats, nil
}

// The class of a row that has no mapped label, and of one whose labels
// map to different classes.
const (
	unmapped = -1
	conflict = -2
)

// readLines returns the non-empty lines of a file.
func readLines(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("ter: %w", err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out, nil
}
