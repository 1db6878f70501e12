package ter

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sync"

	"github.com/emovox/emovox/nn"
	"github.com/emovox/emovox/text/bert"
	"github.com/emovox/emovox/text/wordpiece"
)

// Classifier is a text emotion recogniser: tokenizer, BERT encoder and
// Head. Its methods are safe for concurrent use; training must not run
// concurrently with them.
type Classifier struct {
	Tokenizer *wordpiece.Tokenizer
	Encoder   *bert.Model
	Labels    []string
	Head      Head
	// MaxLen is the sequence length texts are truncated to.
	MaxLen int

	// The head's layers: PreClassifier (named pre_classifier, Head.FC
	// units), the dropout and Output (named classifier, one logit per
	// label).
	PreClassifier *nn.Linear
	Dropout       *nn.Dropout
	Output        *nn.Linear

	act      nn.ReLU
	training bool
	mu       sync.Mutex
}

// NewClassifier puts a freshly initialised head (PyTorch's Linear
// initialisation, from seed) on encoder. It fails with ErrModel when the
// tokenizer's vocabulary is not the encoder's size, maxLen does not fit
// the position table, or there are fewer than two labels.
func NewClassifier(tok *wordpiece.Tokenizer, encoder *bert.Model, labels []string, head Head, maxLen int, seed uint64) (*Classifier, error) {
	cfg := encoder.Config
	switch {
	case tok.Vocab().Size() != cfg.VocabSize:
		return nil, fmt.Errorf("%w: tokenizer of %d tokens, encoder vocabulary %d", ErrModel, tok.Vocab().Size(), cfg.VocabSize)
	case maxLen < 2 || maxLen > cfg.MaxPositionEmbeddings:
		return nil, fmt.Errorf("%w: sequence length %d outside [2, %d]", ErrModel, maxLen, cfg.MaxPositionEmbeddings)
	case len(labels) < 2:
		return nil, fmt.Errorf("%w: %d labels", ErrModel, len(labels))
	case head.FC <= 0 || head.Dropout < 0 || head.Dropout >= 1 || head.L2 < 0:
		return nil, fmt.Errorf("%w: head %+v", ErrModel, head)
	}
	rng := newRand(seed)
	return &Classifier{Tokenizer: tok, Encoder: encoder, Labels: append([]string(nil), labels...), Head: head, MaxLen: maxLen,
		PreClassifier: nn.NewLinear(cfg.HiddenSize, head.FC, true, rng),
		Dropout:       nn.NewDropout(head.Dropout, seed+0x5eed),
		Output:        nn.NewLinear(head.FC, len(labels), true, rng), training: true}, nil
}

// Params returns the parameters with the names of a transformers task
// model: "bert." and the encoder's names, then pre_classifier.weight,
// pre_classifier.bias, classifier.weight and classifier.bias.
func (c *Classifier) Params() []*nn.Param {
	ps := nn.Prefix("bert", c.Encoder.Params())
	ps = append(ps, nn.Named("pre_classifier", c.PreClassifier)...)
	return append(ps, nn.Named("classifier", c.Output)...)
}

// SetTraining switches the dropouts of the encoder and the head.
func (c *Classifier) SetTraining(training bool) {
	c.training = training
	c.Encoder.SetTraining(training)
	c.Dropout.SetTraining(training)
}

// forward returns the logits (batch, classes) and the penultimate
// activations (batch, FC) of a batch.
func (c *Classifier) forward(b bert.Batch) (logits, penultimate *nn.Tensor) {
	out := c.Encoder.Forward(b)
	penultimate = c.act.Forward(c.PreClassifier.Forward(out.Pooled))
	return c.Output.Forward(c.Dropout.Forward(penultimate)), penultimate
}

// backward back-propagates the gradient of the loss with respect to the
// logits of the last forward.
func (c *Classifier) backward(dLogits *nn.Tensor) {
	d := c.PreClassifier.Backward(c.act.Backward(c.Dropout.Backward(c.Output.Backward(dLogits))))
	c.Encoder.Backward(nil, d)
}

// newRand returns the generator of a seed.
func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x746572)) }

// encode tokenizes texts into a batch.
func (c *Classifier) encode(texts []string) (bert.Batch, error) {
	return bert.NewBatch(c.Tokenizer.EncodeBatch(texts, c.MaxLen))
}

// Prediction is the classifier's answer for one text.
type Prediction struct {
	// Label is the most probable label, Index its position in Labels.
	Label string
	Index int
	// Probabilities holds the softmax of the logits, in label order.
	Probabilities []float64
}

// inferenceBatch is the number of texts run through the encoder at once.
const inferenceBatch = 64

// Predict classifies texts (in evaluation mode).
func (c *Classifier) Predict(texts []string) ([]Prediction, error) {
	out := make([]Prediction, 0, len(texts))
	err := c.run(texts, func(logits, _ *nn.Tensor) {
		k := len(c.Labels)
		for r := 0; r < logits.Shape[0]; r++ {
			p := softmax(logits.Data[r*k : (r+1)*k])
			best := 0
			for j, v := range p {
				if v > p[best] {
					best = j
				}
			}
			out = append(out, Prediction{Label: c.Labels[best], Index: best, Probabilities: p})
		}
	})
	return out, err
}

// Embed returns the penultimate activations of texts (the ReLU output of
// pre_classifier, Head.FC values each), in evaluation mode: the features
// that IEmoNet's fusion block takes from the frozen text branch.
func (c *Classifier) Embed(texts []string) ([][]float32, error) {
	out := make([][]float32, 0, len(texts))
	err := c.run(texts, func(_, pen *nn.Tensor) {
		w := pen.Shape[1]
		for r := 0; r < pen.Shape[0]; r++ {
			out = append(out, append([]float32(nil), pen.Data[r*w:(r+1)*w]...))
		}
	})
	return out, err
}

// run passes texts through the model in evaluation mode, in batches,
// restoring training mode afterwards if it was on.
func (c *Classifier) run(texts []string, use func(logits, penultimate *nn.Tensor)) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	wasTraining := c.training
	c.SetTraining(false)
	defer c.SetTraining(wasTraining)
	for start := 0; start < len(texts); start += inferenceBatch {
		b, err := c.encode(texts[start:min(start+inferenceBatch, len(texts))])
		if err != nil {
			return fmt.Errorf("ter: %w", err)
		}
		use(c.forward(b))
	}
	return nil
}

// softmax returns the softmax of logits in float64.
func softmax(logits []float32) []float64 {
	m := float64(logits[0])
	for _, v := range logits {
		m = math.Max(m, float64(v))
	}
	p := make([]float64, len(logits))
	var z float64
	for i, v := range logits {
		p[i] = math.Exp(float64(v) - m)
		z += p[i]
	}
	for i := range p {
		p[i] /= z
	}
	return p
}
