package fusion

import (
	"math"
	"slices"
	"sync"

	"github.com/emovox/emovox/nn"
)

// predictBatch is the number of rows scored at a time.
const predictBatch = 256

// Model is a trained fusion block: its configuration, class labels, the
// standardisation statistics of its training rows and its weights. Its
// methods are safe for concurrent use.
type Model struct {
	cfg    Config
	labels []string
	std    standardizer
	info   map[string]any

	mu    sync.Mutex // guards block's buffers
	block *block
}

// Config returns the block's configuration, with its defaults.
func (m *Model) Config() Config { return m.cfg }

// Labels returns the class names in output order, in a new slice.
func (m *Model) Labels() []string { return slices.Clone(m.labels) }

// Params returns the block's weights under their PyTorch-style names.
// They are the model's own: changing them changes the model.
func (m *Model) Params() []*nn.Param { return m.block.params() }

// Logits returns the class scores of every utterance of e, one row of
// len(Labels()) values each. The error wraps ErrInput if e does not have
// the widths of the model's Config for the branches it reads.
func (m *Model) Logits(e Embeddings) ([][]float32, error) {
	e = e.only(m.cfg)
	if err := e.check(m.cfg); err != nil {
		return nil, err
	}
	classes := len(m.labels)
	out := make([][]float32, e.Len())
	x := e.concat(nil, m.cfg)
	m.std.apply(x)
	width := m.cfg.Inputs()
	m.mu.Lock()
	defer m.mu.Unlock()
	m.block.setTraining(false)
	for start := 0; start < len(out); start += predictBatch {
		end := min(start+predictBatch, len(out))
		logits := m.block.forward(nn.FromData(x[start*width:end*width], end-start, width))
		for i := start; i < end; i++ {
			out[i] = slices.Clone(logits.Data[(i-start)*classes : (i-start+1)*classes])
		}
	}
	return out, nil
}

// Probabilities returns the softmax of Logits.
func (m *Model) Probabilities(e Embeddings) ([][]float32, error) {
	logits, err := m.Logits(e)
	if err != nil {
		return nil, err
	}
	for _, row := range logits {
		softmax(row)
	}
	return logits, nil
}

// Predict returns the class of the highest score of every utterance (the
// first of equals).
func (m *Model) Predict(e Embeddings) ([]int, error) {
	logits, err := m.Logits(e)
	if err != nil {
		return nil, err
	}
	out := make([]int, len(logits))
	for i, row := range logits {
		out[i] = nn.Argmax(row)
	}
	return out, nil
}

// softmax replaces x by its softmax, computed in float64.
func softmax(x []float32) {
	top := math.Inf(-1)
	for _, v := range x {
		top = max(top, float64(v))
	}
	var sum float64
	for _, v := range x {
		sum += math.Exp(float64(v) - top)
	}
	for i, v := range x {
		x[i] = float32(math.Exp(float64(v)-top) / sum)
	}
}
