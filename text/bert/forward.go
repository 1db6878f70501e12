package bert

import (
	"fmt"

	"github.com/emovox/emovox/nn"
	"github.com/emovox/emovox/text/wordpiece"
)

// Batch is a padded batch of token sequences, row-major (Size, SeqLen).
type Batch struct {
	Size, SeqLen int
	// IDs and TypeIDs hold Size·SeqLen token and segment ids.
	IDs, TypeIDs []int
	// Lengths holds the number of real tokens of every sequence, from 1 to
	// SeqLen; the rest is padding.
	Lengths []int
}

// NewBatch stacks encodings into a batch as long as the longest of them:
// padding that every encoding shares is cut off, which changes no output
// at the real positions. It fails with ErrInput when an attention mask is
// not ones followed by zeros, or an encoding has no real token.
func NewBatch(encodings []wordpiece.Encoding) (Batch, error) {
	b := Batch{Size: len(encodings), Lengths: make([]int, len(encodings))}
	for i, e := range encodings {
		n := e.Len()
		if n == 0 || len(e.TypeIDs) != len(e.IDs) || len(e.AttentionMask) != len(e.IDs) {
			return Batch{}, fmt.Errorf("%w: encoding %d: %d ids, %d type ids, %d mask values, %d real", ErrInput, i,
				len(e.IDs), len(e.TypeIDs), len(e.AttentionMask), n)
		}
		for j, m := range e.AttentionMask {
			if m != 0 && m != 1 || (m == 1) != (j < n) {
				return Batch{}, fmt.Errorf("%w: encoding %d: attention mask %v is not ones then zeros", ErrInput, i, e.AttentionMask)
			}
		}
		b.Lengths[i] = n
		b.SeqLen = max(b.SeqLen, n)
	}
	b.IDs = make([]int, b.Size*b.SeqLen)
	b.TypeIDs = make([]int, b.Size*b.SeqLen)
	for i, e := range encodings {
		n := b.Lengths[i]
		copy(b.IDs[i*b.SeqLen:], e.IDs[:n])
		copy(b.TypeIDs[i*b.SeqLen:], e.TypeIDs[:n])
		pad := 0
		if n < len(e.IDs) {
			pad = e.IDs[n]
		}
		for j := n; j < b.SeqLen; j++ {
			b.IDs[i*b.SeqLen+j] = pad
		}
	}
	return b, nil
}

// Check reports a batch that the model cannot run, wrapping ErrInput:
// inconsistent sizes, a sequence longer than the position table, lengths
// outside [1, SeqLen] or ids outside the vocabularies.
func (m *Model) Check(b Batch) error {
	c := m.Config
	switch {
	case b.Size <= 0 || b.SeqLen <= 0 || len(b.IDs) != b.Size*b.SeqLen || len(b.TypeIDs) != len(b.IDs) || len(b.Lengths) != b.Size:
		return fmt.Errorf("%w: batch %d×%d with %d ids, %d type ids, %d lengths", ErrInput, b.Size, b.SeqLen, len(b.IDs), len(b.TypeIDs), len(b.Lengths))
	case b.SeqLen > c.MaxPositionEmbeddings:
		return fmt.Errorf("%w: sequence length %d > max_position_embeddings %d", ErrInput, b.SeqLen, c.MaxPositionEmbeddings)
	}
	for i, n := range b.Lengths {
		if n < 1 || n > b.SeqLen {
			return fmt.Errorf("%w: length %d of sequence %d outside [1, %d]", ErrInput, n, i, b.SeqLen)
		}
	}
	for i, id := range b.IDs {
		if id < 0 || id >= c.VocabSize || b.TypeIDs[i] < 0 || b.TypeIDs[i] >= c.TypeVocabSize {
			return fmt.Errorf("%w: token %d has id %d, type %d (vocabulary %d, types %d)", ErrInput, i, id, b.TypeIDs[i], c.VocabSize, c.TypeVocabSize)
		}
	}
	return nil
}

// Forward encodes a batch. It panics on a batch that Check rejects.
func (m *Model) Forward(b Batch) Output {
	if err := m.Check(b); err != nil {
		panic(err)
	}
	h := m.Config.HiddenSize
	m.batch, m.seq = b.Size, b.SeqLen
	m.lengths = append(m.lengths[:0], b.Lengths...)
	m.positions = m.positions[:0]
	for range b.Size {
		for t := range b.SeqLen {
			m.positions = append(m.positions, t)
		}
	}
	w := m.WordEmbeddings.Forward(b.IDs).Data
	p := m.PositionEmbeddings.Forward(m.positions).Data
	ty := m.TokenTypeEmbeddings.Forward(b.TypeIDs).Data
	m.sum = nn.Reuse(m.sum, b.Size, b.SeqLen, h)
	for i := range m.sum.Data {
		m.sum.Data[i] = w[i] + p[i] + ty[i]
	}
	x := m.EmbeddingsDropout.Forward(m.EmbeddingsNorm.Forward(m.sum))
	for _, l := range m.Layers {
		x = l.Forward(x, m.lengths)
	}
	m.first = nn.Reuse(m.first, b.Size, h)
	for i := range b.Size {
		copy(m.first.Data[i*h:(i+1)*h], x.Data[i*b.SeqLen*h:])
	}
	m.out = Output{Sequence: x, Pooled: m.poolerAct.Forward(m.Pooler.Forward(m.first))}
	return m.out
}

// Backward accumulates the parameter gradients for the gradients of the
// loss with respect to the last Forward's outputs; either may be nil when
// the loss does not use that output.
func (m *Model) Backward(dSequence, dPooled *nn.Tensor) {
	h := m.Config.HiddenSize
	m.dx = nn.Reuse(m.dx, m.batch, m.seq, h)
	if dSequence != nil {
		if dSequence.Len() != m.dx.Len() {
			panic(fmt.Sprintf("bert: Backward: sequence gradient %v for output %v", dSequence.Shape, m.dx.Shape))
		}
		copy(m.dx.Data, dSequence.Data)
	} else {
		clear(m.dx.Data)
	}
	if dPooled != nil {
		df := m.Pooler.Backward(m.poolerAct.Backward(dPooled))
		for i := range m.batch {
			row := m.dx.Data[i*m.seq*h : i*m.seq*h+h]
			for j, g := range df.Data[i*h : (i+1)*h] {
				row[j] += g
			}
		}
	}
	d := m.dx
	for i := len(m.Layers) - 1; i >= 0; i-- {
		d = m.Layers[i].Backward(d)
	}
	d = m.EmbeddingsNorm.Backward(m.EmbeddingsDropout.Backward(d))
	m.WordEmbeddings.Backward(d)
	m.PositionEmbeddings.Backward(d)
	m.TokenTypeEmbeddings.Backward(d)
}
