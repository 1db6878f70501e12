package mlp

import (
	"github.com/emovox/emovox/models"
	"github.com/emovox/emovox/nn"
)

// Clone returns a model that shares m's weights (the same tensors, not
// copies) and has buffers of its own, in m's mode. Clones evaluate
// concurrently with each other and with m, as long as nothing changes the
// weights meanwhile. Their gradients are separate.
func (m *Model) Clone() models.Classifier {
	c, err := New(m.cfg, m.classes, nil)
	if err != nil {
		panic("mlp: Clone: " + err.Error()) // m was built from the same config
	}
	for i, l := range c.hidden {
		shareValues(l.linear, m.hidden[i].linear)
	}
	shareValues(c.out, m.out)
	c.SetTraining(m.training)
	return c
}

// shareValues points the parameters of dst at the value tensors of src,
// two layers of the same shape.
func shareValues(dst, src *nn.Linear) {
	s := src.Params()
	for i, p := range dst.Params() {
		p.Value = s[i].Value
	}
}
