// Package bert is the BERT encoder (Devlin et al., 2019) as Hugging Face's
// transformers implements BertModel: token, position and segment
// embeddings summed and layer-normalised, post-LN transformer layers with
// exact (erf) GELU, and the tanh pooler over the [CLS] position, with
// forward and backward passes for fine-tuning.
//
// Parameters carry Hugging Face's names and layouts
// (embeddings.word_embeddings.weight,
// encoder.layer.0.attention.self.query.weight, pooler.dense.weight, ...),
// so that a checkpoint saved by transformers (model.safetensors with
// config.json) loads unchanged, with or without the "bert." prefix of the
// task models and with the legacy LayerNorm names gamma and beta, and so
// that a model trained here opens in transformers.
//
// The layers come from package nn: each encoder layer is an
// nn.TransformerEncoderLayer, whose stacked query/key/value projection the
// Hugging Face query, key and value parameters view in place.
//
// Inputs are padded at the end: a Batch gives the true length of every
// sequence, and padded positions are masked out of the attention as
// Hugging Face's attention_mask does. A Model is not safe for concurrent
// use; its outputs are valid until the next Forward.
package bert
