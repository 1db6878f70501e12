// Package iemonet is the acoustic speech emotion recogniser of IEmoNet:
// openSMILE IS09 low-level descriptors, padded or truncated to a fixed
// number of frames, through a time-delay neural network (TDNN), two
// bidirectional LSTM layers and additive self-attention, to one score per
// emotion.
//
// # Architecture
//
// The zero Config is the reference shape of ../shared/DESIGN.md, as
// ../shared/peers/torch_models.py writes it in PyTorch (class IEmoNetSER):
//
//	input (batch, 384 frames, 32 "is09-lld" features)
//	TDNN: Conv1d(32→16, kernel 5, padding 2) + ReLU
//	2-layer bidirectional LSTM(16→64 per direction) → h (batch, 384, 128)
//	additive self-attention over h (attention size 64): context (batch, 128)
//	concat(h at the last frame, context) (batch, 256)
//	Linear(256→classes); softmax in the loss
//
// Config changes the sizes, the TDNN's dilation, and adds dropout before
// the output layer. The concatenated vector is the network's penultimate
// layer, which IEmoNet's fusion block reads (Model.Penultimate).
//
// Parameters carry the names of the peer's PyTorch module: tdnn.weight,
// tdnn.bias, bilstm.weight_ih_l0 (and the other torch.nn.LSTM names,
// _reverse for the backward direction), att_w.weight, att_w.bias,
// att_v.weight, out.weight and out.bias, so a model file opens in PyTorch
// with load_state_dict.
//
// A Model is not safe for concurrent use. Clone makes instances that share
// its weights, for evaluation on several goroutines.
//
// # Variable lengths
//
// Forward takes the true number of frames of every sequence of a padded
// batch. Frames at or after a sequence's length are read as zeros whatever
// they hold (so the TDNN sees the zero padding a lone sequence would get),
// the LSTM runs over the true frames only (PyTorch's packed sequences),
// the attention's softmax covers the true frames, and "the last frame" is
// each sequence's last true frame. A padded sequence therefore gets the
// same scores as the same sequence alone, unpadded. Without lengths every
// frame is data, as in the peer's module.
package iemonet
