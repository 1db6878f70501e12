package bert

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/emovox/emovox/nn"
)

// Model is a BertModel: embeddings, encoder layers and pooler.
type Model struct {
	Config Config

	WordEmbeddings      *nn.Embedding
	PositionEmbeddings  *nn.Embedding
	TokenTypeEmbeddings *nn.Embedding
	EmbeddingsNorm      *nn.LayerNorm
	EmbeddingsDropout   *nn.Dropout
	Layers              []*nn.TransformerEncoderLayer
	Pooler              *nn.Linear

	poolerAct nn.Tanh
	params    []*nn.Param

	batch, seq int
	lengths    []int
	positions  []int
	sum        *nn.Tensor // embeddings before the layer norm
	first      *nn.Tensor // the [CLS] rows of the last layer
	dx         *nn.Tensor
	out        Output
}

// Output is what Forward returns; its tensors belong to the model and are
// valid until the next Forward.
type Output struct {
	// Sequence is the last layer's output (batch, seq, hidden):
	// last_hidden_state.
	Sequence *nn.Tensor
	// Pooled is tanh(dense(Sequence[:, 0])) (batch, hidden):
	// pooler_output.
	Pooled *nn.Tensor
}

// New returns a model initialised as transformers' BertPreTrainedModel
// does (weights normal with standard deviation InitializerRange, biases
// zero, layer norms one and zero, the padding row of the word embeddings
// zero), in training mode, with every random number drawn from seed. It
// panics on an invalid configuration; see Config.Validate.
func New(cfg Config, seed uint64) *Model {
	if err := cfg.Validate(); err != nil {
		panic(err)
	}
	rng := rand.New(rand.NewPCG(seed, 0x6265727464))
	h := cfg.HiddenSize
	m := &Model{Config: cfg,
		WordEmbeddings:      nn.NewEmbedding(cfg.VocabSize, h, cfg.PadTokenID, nil),
		PositionEmbeddings:  nn.NewEmbedding(cfg.MaxPositionEmbeddings, h, -1, nil),
		TokenTypeEmbeddings: nn.NewEmbedding(cfg.TypeVocabSize, h, -1, nil),
		EmbeddingsNorm:      nn.NewLayerNorm(h, cfg.LayerNormEps, true),
		EmbeddingsDropout:   nn.NewDropout(cfg.HiddenDropoutProb, seed),
		Pooler:              nn.NewLinear(h, h, true, nil),
	}
	for i := range cfg.NumHiddenLayers {
		l := nn.NewTransformerEncoderLayer(nn.TransformerConfig{Dim: h, Heads: cfg.NumAttentionHeads,
			FF: cfg.IntermediateSize, Dropout: cfg.HiddenDropoutProb, Eps: cfg.LayerNormEps}, seed+uint64(4*i+1), nil)
		l.SelfAttn.Dropout.P = cfg.AttentionProbsDropoutProb
		l.Dropout.P = 0 // BERT has no dropout between the feed-forward layers
		m.Layers = append(m.Layers, l)
	}
	m.params = m.buildParams()
	m.initWeights(rng)
	return m
}

// initWeights draws the weights as BertPreTrainedModel._init_weights does.
func (m *Model) initWeights(rng *rand.Rand) {
	for _, p := range m.params {
		switch {
		case strings.HasSuffix(p.Name, "LayerNorm.weight"):
			for i := range p.Value.Data {
				p.Value.Data[i] = 1
			}
		case strings.HasSuffix(p.Name, ".bias"):
			clear(p.Value.Data)
		default:
			for i := range p.Value.Data {
				p.Value.Data[i] = float32(rng.NormFloat64() * m.Config.InitializerRange)
			}
		}
	}
	pad := m.Config.PadTokenID * m.Config.HiddenSize
	clear(m.WordEmbeddings.Weight.Value.Data[pad : pad+m.Config.HiddenSize])
}

// Params returns the parameters with Hugging Face's BertModel names, in
// its state_dict order. The query, key and value parameters of a layer are
// views of the rows of its stacked projection.
func (m *Model) Params() []*nn.Param { return m.params }

func (m *Model) buildParams() []*nn.Param {
	var ps []*nn.Param
	add := func(prefix string, mod nn.Module) { ps = append(ps, nn.Named(prefix, mod)...) }
	add("embeddings.word_embeddings", m.WordEmbeddings)
	add("embeddings.position_embeddings", m.PositionEmbeddings)
	add("embeddings.token_type_embeddings", m.TokenTypeEmbeddings)
	add("embeddings.LayerNorm", m.EmbeddingsNorm)
	h := m.Config.HiddenSize
	for i, l := range m.Layers {
		prefix := fmt.Sprintf("encoder.layer.%d.", i)
		in := l.SelfAttn.InProj
		for k, name := range []string{"query", "key", "value"} {
			ps = append(ps,
				rowView(prefix+"attention.self."+name+".weight", in.Weight, k*h, h),
				rowView(prefix+"attention.self."+name+".bias", in.Bias, k*h, h))
		}
		add(prefix+"attention.output.dense", l.SelfAttn.OutProj)
		add(prefix+"attention.output.LayerNorm", l.Norm1)
		add(prefix+"intermediate.dense", l.Linear1)
		add(prefix+"output.dense", l.Linear2)
		add(prefix+"output.LayerNorm", l.Norm2)
	}
	add("pooler.dense", m.Pooler)
	return ps
}

// rowView returns a parameter named name that views rows [first,
// first+n) of p (a matrix or a vector), value and gradient.
func rowView(name string, p *nn.Param, first, n int) *nn.Param {
	width := 1
	shape := []int{n}
	if len(p.Value.Shape) == 2 {
		width = p.Value.Shape[1]
		shape = []int{n, width}
	}
	lo, hi := first*width, (first+n)*width
	return &nn.Param{Name: name, Value: nn.FromData(p.Value.Data[lo:hi], shape...),
		Grad: nn.FromData(p.Grad.Data[lo:hi], shape...)}
}

// SetTraining switches the dropouts between training and evaluation.
func (m *Model) SetTraining(training bool) {
	m.EmbeddingsDropout.SetTraining(training)
	for _, l := range m.Layers {
		l.SetTraining(training)
	}
}

// Reseed restarts every dropout generator from seed, so that the masks
// drawn from then on depend only on seed.
func (m *Model) Reseed(seed uint64) {
	m.EmbeddingsDropout.Reseed(seed)
	for i, l := range m.Layers {
		s := seed + uint64(4*i+1)
		l.SelfAttn.Dropout.Reseed(s)
		l.Dropout.Reseed(s + 1)
		l.Dropout1.Reseed(s + 2)
		l.Dropout2.Reseed(s + 3)
	}
}
