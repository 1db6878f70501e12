package iemonet

import (
	"github.com/emovox/emovox/models"
	"github.com/emovox/emovox/nn"
)

// Clone returns a model that shares m's weights (the same tensors, not
// copies) and has buffers of its own, in m's mode. Clones evaluate
// concurrently with each other and with m, as long as nothing changes the
// weights meanwhile; training any of them changes them all. Their
// gradients are separate.
func (m *Model) Clone() models.Classifier {
	c, err := New(m.cfg, m.classes, nil)
	if err != nil {
		panic("iemonet: Clone: " + err.Error()) // m was built from the same config
	}
	for _, pair := range [][2]nn.Module{{c.tdnn, m.tdnn}, {c.bilstm, m.bilstm}, {c.att.W, m.att.W}, {c.att.V, m.att.V}, {c.out, m.out}} {
		shareValues(pair[0], pair[1])
	}
	c.SetTraining(m.training)
	return c
}

// shareValues points the parameters of dst at the value tensors of src,
// two modules of the same shape whose Params return their own parameters
// (not renamed copies).
func shareValues(dst, src nn.Module) {
	s := src.Params()
	for i, p := range dst.Params() {
		p.Value = s[i].Value
	}
}
