// Package fusion is IEmoNet's fusion stage: a small classification block
// trained on the penultimate activations of two frozen branches, an
// acoustic speech emotion recogniser and a text emotion recogniser that
// reads a transcript of the same utterance.
//
// # Branches
//
// Any pair of branches plugs in. AcousticBranch embeds samples, TextBranch
// embeds texts; each returns its penultimate layer, a fixed-size vector per
// utterance. ClassifierBranch adapts a trained acoustic model file (the
// IEmoNet acoustic model of package models/iemonet, or any classifier that
// exposes its penultimate layer) and LexiconBranch the keyword baseline of
// package text/lexicon; package text/ter's classifier is a TextBranch as it
// is. A Fuser joins two branches and a trained block, and with an
// asr.Transcriber it recognises emotions from audio alone, as IEmoNet does.
//
// # The block
//
// The vectors of the two branches (acoustic A values, text T values) are
// concatenated, standardised with the means and standard deviations of the
// training rows, and classified by
//
//	dropout(p) → Linear(A+T → Hidden) → ReLU → Linear(Hidden → classes)
//
// with a softmax in the loss. ../shared/DESIGN.md does not give the fusion
// block's shape; this is the smallest block with a hidden layer, which a
// fusion of two branches needs: the classes may be told apart only by how
// the two modalities combine (see the package tests). With A or T zero the
// same block classifies one branch alone, the single-branch baselines of an
// experiment.
//
// Train fits a block to precomputed embeddings with Adam on (optionally
// class-weighted) cross-entropy, early stopping on a validation set, and
// keeps the best epoch's weights. Every random draw (initial weights, batch
// order, dropout masks) comes from TrainConfig.Seed: the same embeddings
// and seed give the same block bit for bit. The branches are never
// trained here: they are frozen, and their embeddings are computed once.
//
// Model files are safetensors (weights under PyTorch-style names
// hidden.weight, hidden.bias, out.weight, out.bias) with the block's
// configuration, labels and standardisation statistics in the metadata.
//
// # Benchmarks
//
// Pair builds the paired RAVDESS benchmark: RAVDESS has only two sentences,
// both neutral, so its transcripts carry no emotion; the paired benchmark
// gives every clip a held-out sentence of the dair-ai emotion dataset of the
// same emotion, to show what fusion does when text does carry emotion.
// PairClips assigns the sentences (a validation-split sentence for the
// training side, a test-split one for the test side, so that no test
// sentence is ever trained on), WritePairs and ReadPairs keep them as JSON
// lines.
//
// A Bench holds an experiment's utterances with the branches' embeddings
// computed once (one acoustic model per fold); Bench.Run cross-validates a
// block over its folds, several runs each (CrossValidate), Bench.Score a
// branch's own output layer, and WriteTable prints the README's tables.
package fusion
