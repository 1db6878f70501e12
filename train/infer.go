package train

import (
	"context"
	"fmt"
	"math"

	"github.com/emovox/emovox/dataset"
	"github.com/emovox/emovox/metrics"
	"github.com/emovox/emovox/models"
	"github.com/emovox/emovox/nn"
)

// Outputs are a classifier's scores on dataset positions, in the order
// they were given.
type Outputs struct {
	// Indices are the positions in the dataset and Labels their true
	// classes.
	Indices, Labels []int
	// Classes is the number of classes and Logits the scores,
	// len(Indices)×Classes row-major.
	Classes int
	Logits  []float32
	// Predicted holds the class of the highest score of every example.
	Predicted []int
}

// Infer runs model in evaluation mode over the examples of d at indices,
// batchSize at a time, assembled by b. It leaves the model in evaluation
// mode. It returns ctx's error, wrapped, if ctx is done first, and panics
// if batchSize is less than 1 or the model's outputs do not have one row
// per example.
func Infer(ctx context.Context, model models.Classifier, d *dataset.Dataset, indices []int, b dataset.Batcher, batchSize int) (*Outputs, error) {
	if batchSize < 1 {
		panic(fmt.Sprintf("train: Infer with batch size %d", batchSize))
	}
	model.SetTraining(false)
	out := &Outputs{Indices: indices, Labels: make([]int, len(indices)), Predicted: make([]int, len(indices))}
	var batch *dataset.Batch
	for start := 0; start < len(indices); start += batchSize {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("train: inference stopped after %d of %d examples: %w", start, len(indices), err)
		}
		batch = b.Assemble(batch, d, indices[start:min(start+batchSize, len(indices))])
		logits := model.Forward(batchTensor(batch), batch.Lengths)
		if logits.Dim(0) != batch.Size {
			panic(fmt.Sprintf("train: model returned %d rows of scores for a batch of %d", logits.Dim(0), batch.Size))
		}
		out.Classes = logits.Dim(1)
		out.Logits = append(out.Logits, logits.Data...)
		copy(out.Labels[start:], batch.Labels)
	}
	for i := range out.Predicted {
		out.Predicted[i] = nn.Argmax(out.row(i))
	}
	return out, nil
}

// row returns the scores of example i.
func (o *Outputs) row(i int) []float32 { return o.Logits[i*o.Classes : (i+1)*o.Classes] }

// Probabilities returns the softmax of the scores of example i.
func (o *Outputs) Probabilities(i int) []float32 {
	row := o.row(i)
	m := float64(row[nn.Argmax(row)])
	p := make([]float32, len(row))
	var sum float64
	for j, v := range row {
		e := math.Exp(float64(v) - m)
		p[j] = float32(e)
		sum += e
	}
	for j := range p {
		p[j] = float32(float64(p[j]) / sum)
	}
	return p
}

// Loss returns the cross-entropy of the scores, weighted by class as
// nn.CrossEntropy weights it (nil weights: the plain mean).
func (o *Outputs) Loss(weights []float32) float64 {
	if len(o.Labels) == 0 {
		return math.NaN()
	}
	ce := nn.CrossEntropy{Weights: weights}
	return ce.Forward(nn.FromData(o.Logits, len(o.Labels), o.Classes), o.Labels)
}

// Report scores the predictions with package metrics under the given
// class names (labels[i] names class i).
func (o *Outputs) Report(labels []string) (*metrics.Report, error) {
	r, err := metrics.Evaluate(labels, o.Labels, o.Predicted)
	if err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	return r, nil
}

// scores returns the loss, WA and UA of the outputs.
func (o *Outputs) scores(labels []string, weights []float32) (Scores, error) {
	r, err := o.Report(labels)
	if err != nil {
		return Scores{}, err
	}
	return Scores{Loss: o.Loss(weights), WA: r.WA, UA: r.UA}, nil
}

// batchTensor returns the batch's values as a (size, frames, dims) tensor
// sharing its storage.
func batchTensor(b *dataset.Batch) *nn.Tensor {
	return nn.FromData(b.Data, b.Size, b.Frames, b.Dims)
}
