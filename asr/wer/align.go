package wer

import "math"

// Counts is the outcome of aligning a hypothesis with its reference.
type Counts struct {
	Hits          int // reference words recognised as they are
	Substitutions int // reference words recognised as another word
	Deletions     int // reference words missing from the hypothesis
	Insertions    int // hypothesis words with no reference word
}

// RefWords returns N, the number of reference words.
func (c Counts) RefWords() int { return c.Hits + c.Substitutions + c.Deletions }

// Errors returns S + D + I, the edit distance between the word sequences.
func (c Counts) Errors() int { return c.Substitutions + c.Deletions + c.Insertions }

// WER returns (S + D + I) / N. It is NaN when the reference has no words,
// where the rate is undefined.
func (c Counts) WER() float64 {
	if c.RefWords() == 0 {
		return math.NaN()
	}
	return float64(c.Errors()) / float64(c.RefWords())
}

// Add returns the sum of c and o, the counts of both alignments together.
func (c Counts) Add(o Counts) Counts {
	return Counts{
		Hits:          c.Hits + o.Hits,
		Substitutions: c.Substitutions + o.Substitutions,
		Deletions:     c.Deletions + o.Deletions,
		Insertions:    c.Insertions + o.Insertions,
	}
}

// Score normalises reference and hypothesis text with Normalize and
// aligns them.
func Score(reference, hypothesis string) Counts {
	return Align(Normalize(reference), Normalize(hypothesis))
}

// Align aligns hyp with ref at the minimum Levenshtein distance over
// words and counts the hits, substitutions, deletions and insertions of
// that alignment. Words are compared exactly; normalise them first.
func Align(ref, hyp []string) Counts {
	d := distances(ref, hyp)
	var c Counts
	i, j := len(ref), len(hyp)
	for i > 0 || j > 0 {
		switch {
		case i > 0 && j > 0 && d.at(i, j) == d.at(i-1, j-1)+cost(ref[i-1], hyp[j-1]):
			if ref[i-1] == hyp[j-1] {
				c.Hits++
			} else {
				c.Substitutions++
			}
			i, j = i-1, j-1
		case i > 0 && d.at(i, j) == d.at(i-1, j)+1:
			c.Deletions++
			i--
		default:
			c.Insertions++
			j--
		}
	}
	return c
}

// table is the (len(ref)+1) × (len(hyp)+1) matrix of edit distances
// between prefixes, row-major.
type table struct {
	cols int
	d    []int
}

func (t table) at(i, j int) int { return t.d[i*t.cols+j] }

// distances fills the edit-distance table: at(i, j) is the distance
// between ref[:i] and hyp[:j].
func distances(ref, hyp []string) table {
	t := table{cols: len(hyp) + 1, d: make([]int, (len(ref)+1)*(len(hyp)+1))}
	for j := range t.cols {
		t.d[j] = j
	}
	for i := 1; i <= len(ref); i++ {
		row, prev := t.d[i*t.cols:(i+1)*t.cols], t.d[(i-1)*t.cols:i*t.cols]
		row[0] = i
		for j := 1; j < t.cols; j++ {
			row[j] = min(prev[j-1]+cost(ref[i-1], hyp[j-1]), prev[j]+1, row[j-1]+1)
		}
	}
	return t
}

func cost(a, b string) int {
	if a == b {
		return 0
	}
	return 1
}
