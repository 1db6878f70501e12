package fusion

import (
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/emovox/emovox/audio/resample"
	"github.com/emovox/emovox/dataset"
	"github.com/emovox/emovox/features"
	"github.com/emovox/emovox/models"
	"github.com/emovox/emovox/models/modelfile"
	"github.com/emovox/emovox/nn"
)

// Penultimater is a classifier that keeps the penultimate layer of its
// last Forward, (batch, width), as iemonet.Model does.
type Penultimater interface {
	Penultimate() *nn.Tensor
}

// embedBatch is the number of sequences ClassifierBranch runs at a time.
const embedBatch = 32

// ClassifierBranch is an AcousticBranch over a trained acoustic model
// (package models) that exposes its penultimate layer: it prepares the
// audio as the model's metadata says (resampling, feature set,
// standardisation, padding or truncation, as package recognizer does) and
// returns the penultimate layer of the network. It is safe for concurrent
// use; calls run one at a time.
type ClassifierBranch struct {
	meta  models.Metadata
	set   features.Set
	trunc dataset.Truncation
	dims  int // features per frame
	width int // penultimate width

	mu  sync.Mutex
	c   models.Classifier
	pen Penultimater
}

var _ AcousticBranch = (*ClassifierBranch)(nil)

// OpenClassifierBranch returns the branch of the model file at path (see
// package models/modelfile).
func OpenClassifierBranch(path string) (*ClassifierBranch, error) {
	c, meta, err := modelfile.Load(path)
	if err != nil {
		return nil, err
	}
	b, err := NewClassifierBranch(c, meta)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}

// NewClassifierBranch returns the branch of a classifier in memory with the
// metadata its model file would hold. It switches c to evaluation mode;
// c must not change while the branch is in use. The error wraps ErrBranch
// if c has no penultimate layer (it does not implement Penultimater) or
// does not run on the input its metadata describes.
func NewClassifierBranch(c models.Classifier, meta models.Metadata) (*ClassifierBranch, error) {
	pen, ok := c.(Penultimater)
	if !ok {
		return nil, fmt.Errorf("%w: a %s classifier does not expose its penultimate layer", ErrBranch, meta.Architecture)
	}
	if err := meta.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBranch, err)
	}
	trunc, err := meta.TruncationMode()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBranch, err)
	}
	set, err := features.Lookup(meta.FeatureSet)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBranch, err)
	}
	b := &ClassifierBranch{meta: meta, set: set, trunc: trunc, dims: meta.Normalizer.Dims(), c: c, pen: pen}
	if n := len(set.Columns()); n != b.dims {
		return nil, fmt.Errorf("%w: feature set %s has %d features, the normalisation statistics %d", ErrBranch, meta.FeatureSet, n, b.dims)
	}
	c.SetTraining(false)
	if err := b.probe(); err != nil {
		return nil, err
	}
	return b, nil
}

// probe runs the classifier once to learn the penultimate width, turning a
// panic (weights that do not fit the metadata) into an error.
func (b *ClassifierBranch) probe() (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %v", ErrBranch, p)
		}
	}()
	seq := dataset.Seq{Frames: 1, Dims: b.dims, Data: slices.Clone(b.meta.Normalizer.Mean)}
	emb, logits, err := b.EmbedFeatures([]dataset.Seq{seq})
	if err != nil {
		return err
	}
	if len(logits[0]) != len(b.meta.Labels) {
		return fmt.Errorf("%w: %d scores for %d labels", ErrBranch, len(logits[0]), len(b.meta.Labels))
	}
	b.width = len(emb[0])
	return nil
}

// Width returns the size of the embeddings.
func (b *ClassifierBranch) Width() int { return b.width }

// Metadata returns the model's metadata; its slices must not be modified.
func (b *ClassifierBranch) Metadata() models.Metadata { return b.meta }

// Embed returns the penultimate layer for mono samples at rate Hz,
// resampled to the model's rate first when needed.
func (b *ClassifierBranch) Embed(samples []float32, rate int) ([]float32, error) {
	if len(samples) == 0 || rate < 1 {
		return nil, fmt.Errorf("fusion: %w: %d samples at %d Hz", ErrInput, len(samples), rate)
	}
	if rate != b.meta.Rate {
		var err error
		if samples, err = resample.Resample(samples, rate, b.meta.Rate); err != nil {
			return nil, fmt.Errorf("fusion: %w", err)
		}
	}
	t, err := b.set.Extract(samples, b.meta.Rate)
	if err != nil {
		return nil, fmt.Errorf("fusion: %w", err)
	}
	emb, _, err := b.EmbedFeatures([]dataset.Seq{{Frames: t.Len(), Dims: len(t.Columns), Data: t.Data}})
	if err != nil {
		return nil, err
	}
	return emb[0], nil
}

// EmbedFeatures returns the penultimate layer and the class scores
// (logits, in the order of the metadata's labels) of every sequence of
// the model's features, as its feature set extracts them (not yet
// standardised). The error wraps ErrInput for a sequence with no frame or
// another number of features, and ErrBranch for non-finite outputs.
func (b *ClassifierBranch) EmbedFeatures(seqs []dataset.Seq) (embeddings, logits [][]float32, err error) {
	for i, s := range seqs {
		if s.Validate() != nil || s.Dims != b.dims || s.Frames == 0 {
			return nil, nil, fmt.Errorf("fusion: %w: sequence %d has %d frames of %d features, the model reads %d", ErrInput, i, s.Frames, s.Dims, b.dims)
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	frames := b.meta.Frames
	x := make([]float32, embedBatch*frames*b.dims)
	var norm []float32
	for start := 0; start < len(seqs); start += embedBatch {
		batch := seqs[start:min(start+embedBatch, len(seqs))]
		lengths := make([]int, len(batch))
		for j, s := range batch {
			norm = resize(norm, len(s.Data))
			ns := b.meta.Normalizer.ApplyTo(norm, s)
			_, lengths[j] = dataset.PadTruncate(x[j*frames*b.dims:(j+1)*frames*b.dims], ns, frames, b.trunc)
		}
		out := b.c.Forward(nn.FromData(x[:len(batch)*frames*b.dims], len(batch), frames, b.dims), lengths)
		pen := b.pen.Penultimate()
		classes, width := out.Len()/len(batch), pen.Len()/len(batch)
		for j := range batch {
			embeddings = append(embeddings, slices.Clone(pen.Data[j*width:(j+1)*width]))
			logits = append(logits, slices.Clone(out.Data[j*classes:(j+1)*classes]))
		}
	}
	for i := range embeddings {
		if !finite(embeddings[i]) || !finite(logits[i]) {
			return nil, nil, fmt.Errorf("fusion: %w: non-finite output for sequence %d", ErrBranch, i)
		}
	}
	return embeddings, logits, nil
}

// finite reports whether every value of x is finite.
func finite(x []float32) bool {
	for _, v := range x {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return false
		}
	}
	return true
}
