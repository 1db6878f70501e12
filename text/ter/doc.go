// Package ter is IEmoNet's text emotion recogniser (TER): a BERT encoder
// (package text/bert) with the paper's classification head, its
// fine-tuning recipe, masked-language-model pre-training for encoders
// trained from scratch, loaders for the dair-ai emotion and GoEmotions
// datasets, and model files that a fusion stage loads as a frozen branch.
//
// # Head and recipe
//
// The head follows IEmoNet's description (FC 768, dropout 0.2, L2 0.03):
//
//	pooled [CLS] output → pre_classifier (Linear, 768) → ReLU → dropout 0.2 → classifier (Linear, classes)
//
// with the L2 penalty 0.03·Σw² on the pre_classifier weights; the ReLU
// output is the penultimate activation that Embed returns. PaperRecipe
// fine-tunes with Adam at 3e-5 on class-weighted cross-entropy for 7
// epochs at sequence length 48. No pretrained BERT weights are available
// offline, and 3e-5 barely moves an encoder trained from scratch, so
// ScratchRecipe keeps the head, loss, length and epochs but raises the
// learning rate (see its documentation).
//
// # Datasets
//
// LoadDairAI reads the six-class dair-ai emotion tweets; LoadGoEmotions
// reads GoEmotions and maps its 28 labels onto classes, for IEMOCAP's four
// with GoEmotionsToIEMOCAP4 (the Ekman grouping of the GoEmotions authors:
// anger group → angry, joy group → happy, sadness group → sad, neutral →
// neutral; disgust, fear and surprise left out; rows whose labels map to
// different classes dropped).
//
// # Model files
//
// Save writes safetensors with transformers' names (bert.*,
// pre_classifier.*, classifier.*) and, as metadata, the architecture,
// labels, sequence length, tokenizer options and the vocabulary with its
// SHA-256, so that Load rebuilds the whole classifier from the file alone.
package ter
