// Package mlp is the classic baseline of speech emotion recognition: a
// multilayer perceptron over one vector of utterance-level features, by
// default the 384 openSMILE IS09 functionals (feature set "is09"),
// standardised on the training items.
//
// # Architecture
//
// The zero Config is
//
//	input (batch, 1 frame, 384 "is09" functionals)
//	Linear(384→128) + ReLU
//	Linear(128→classes); softmax in the loss
//
// Config sets the sizes, the number of hidden layers, and dropout after
// every hidden layer's ReLU (the CLI's baseline uses 0.5).
//
// An input of several frames (a frame-level feature set) is averaged over
// each sequence's true frames first, so the model accepts any feature set;
// with one frame per utterance the average is the vector itself.
//
// Parameters carry the names a PyTorch module with a ModuleList "hidden"
// of Linear layers and a Linear "out" would give them: hidden.0.weight,
// hidden.0.bias, ..., out.weight, out.bias.
//
// A Model is not safe for concurrent use. Clone makes instances that share
// its weights, for evaluation on several goroutines.
package mlp
