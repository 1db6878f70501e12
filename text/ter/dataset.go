package ter

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Example is one labelled text.
type Example struct {
	Text string
	// Label indexes the dataset's Labels.
	Label int
}

// Dataset is a list of labelled texts over an ordered label set.
type Dataset struct {
	Name     string
	Labels   []string
	Examples []Example
}

// Texts returns the texts in order.
func (d *Dataset) Texts() []string {
	out := make([]string, len(d.Examples))
	for i, e := range d.Examples {
		out[i] = e.Text
	}
	return out
}

// Targets returns the label indices in order.
func (d *Dataset) Targets() []int {
	out := make([]int, len(d.Examples))
	for i, e := range d.Examples {
		out[i] = e.Label
	}
	return out
}

// Counts returns the number of examples of each label.
func (d *Dataset) Counts() []int {
	out := make([]int, len(d.Labels))
	for _, e := range d.Examples {
		out[e.Label]++
	}
	return out
}

// DairAILabels are the six classes of the dair-ai emotion dataset, in the
// order of its Hugging Face release (label ids 0-5).
var DairAILabels = []string{"sadness", "joy", "love", "anger", "fear", "surprise"}

// dairAISplits are the file names of the dair-ai splits.
var dairAISplits = map[string]string{"train": "train.txt", "validation": "val.txt", "val": "val.txt", "test": "test.txt"}

// LoadDairAI reads split "train", "validation" (or "val") or "test" of the
// dair-ai emotion dataset from dir, laid out as {train,val,test}.txt with
// one "text;label" a line.
func LoadDairAI(dir, split string) (*Dataset, error) {
	name, ok := dairAISplits[split]
	if !ok {
		return nil, fmt.Errorf("%w: dair-ai split %q (train, validation, test)", ErrDataset, split)
	}
	path := filepath.Join(dir, name)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ter: %w", err)
	}
	defer f.Close()
	d, err := ReadDairAI(f)
	if err != nil {
		return nil, fmt.Errorf("ter: %s: %w", path, err)
	}
	d.Name = "dair-ai/" + split
	return d, nil
}

// ReadDairAI reads dair-ai emotion lines "text;label"; the label is the
// text after the last semicolon and must be one of DairAILabels. Empty
// lines are skipped.
func ReadDairAI(r io.Reader) (*Dataset, error) {
	d := &Dataset{Name: "dair-ai", Labels: slices.Clone(DairAILabels)}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" {
			continue
		}
		i := strings.LastIndexByte(s, ';')
		if i < 0 {
			return nil, fmt.Errorf("%w: line %d: no ';' before the label", ErrDataset, line)
		}
		label := slices.Index(d.Labels, s[i+1:])
		if label < 0 {
			return nil, fmt.Errorf("%w: line %d: unknown label %q", ErrDataset, line, s[i+1:])
		}
		d.Examples = append(d.Examples, Example{Text: s[:i], Label: label})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return d, nil
}
