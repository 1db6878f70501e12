package bert

import (
	"math"
	"math/rand/v2"
	"strings"
)

// This file is an independent float64 implementation of Hugging Face's
// BertModel forward pass (modeling_bert.py: BertEmbeddings, BertSelfAttention
// with the additive attention mask, BertSelfOutput, BertIntermediate,
// BertOutput, BertPooler), written from its equations over a plain map of
// tensors named as in a checkpoint. It shares no code with the package.

// refWeights maps checkpoint names (without the "bert." prefix) to
// row-major float64 values.
type refWeights map[string][]float64

// randomWeights draws every tensor of a BertModel of configuration c, as
// float32-representable values so that the file holds them exactly.
func randomWeights(c Config, seed uint64) (refWeights, map[string][]int) {
	rng := rand.New(rand.NewPCG(seed, 99))
	w, shapes := refWeights{}, map[string][]int{}
	h, f := c.HiddenSize, c.IntermediateSize
	add := func(name string, shape ...int) {
		n := 1
		for _, d := range shape {
			n *= d
		}
		v := make([]float64, n)
		for i := range v {
			x := 0.4 * (2*rng.Float64() - 1)
			if strings.HasSuffix(name, "LayerNorm.weight") {
				x += 1
			}
			v[i] = float64(float32(x))
		}
		w[name], shapes[name] = v, shape
	}
	add("embeddings.word_embeddings.weight", c.VocabSize, h)
	add("embeddings.position_embeddings.weight", c.MaxPositionEmbeddings, h)
	add("embeddings.token_type_embeddings.weight", c.TypeVocabSize, h)
	add("embeddings.LayerNorm.weight", h)
	add("embeddings.LayerNorm.bias", h)
	for i := range c.NumHiddenLayers {
		p := "encoder.layer." + string(rune('0'+i)) + "."
		for _, n := range []string{"query", "key", "value"} {
			add(p+"attention.self."+n+".weight", h, h)
			add(p+"attention.self."+n+".bias", h)
		}
		add(p+"attention.output.dense.weight", h, h)
		add(p+"attention.output.dense.bias", h)
		add(p+"attention.output.LayerNorm.weight", h)
		add(p+"attention.output.LayerNorm.bias", h)
		add(p+"intermediate.dense.weight", f, h)
		add(p+"intermediate.dense.bias", f)
		add(p+"output.dense.weight", h, f)
		add(p+"output.dense.bias", h)
		add(p+"output.LayerNorm.weight", h)
		add(p+"output.LayerNorm.bias", h)
	}
	add("pooler.dense.weight", h, h)
	add("pooler.dense.bias", h)
	return w, shapes
}

// refDense returns x·Wᵀ + b for x (n, in), W (out, in).
func refDense(x []float64, n, in int, wt, b []float64) []float64 {
	out := len(b)
	y := make([]float64, n*out)
	for r := range n {
		for o := range out {
			s := b[o]
			for k := range in {
				s += x[r*in+k] * wt[o*in+k]
			}
			y[r*out+o] = s
		}
	}
	return y
}

// refLayerNorm normalises every row of x (n, width) in place.
func refLayerNorm(x []float64, width int, g, b []float64, eps float64) {
	for r := 0; r < len(x)/width; r++ {
		row := x[r*width : (r+1)*width]
		var mean, v float64
		for _, a := range row {
			mean += a
		}
		mean /= float64(width)
		for _, a := range row {
			v += (a - mean) * (a - mean)
		}
		v /= float64(width)
		for j := range row {
			row[j] = (row[j]-mean)/math.Sqrt(v+eps)*g[j] + b[j]
		}
	}
}

// refForward returns last_hidden_state (size, seq, hidden) and
// pooler_output (size, hidden) for ids and types (size, seq) with the
// attention mask of lengths.
func refForward(c Config, w refWeights, size, seq int, ids, types, lengths []int) (hidden, pooled []float64) {
	h := c.HiddenSize
	n := size * seq
	x := make([]float64, n*h)
	for i := range n {
		for j := range h {
			x[i*h+j] = w["embeddings.word_embeddings.weight"][ids[i]*h+j] +
				w["embeddings.position_embeddings.weight"][(i%seq)*h+j] +
				w["embeddings.token_type_embeddings.weight"][types[i]*h+j]
		}
	}
	refLayerNorm(x, h, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], c.LayerNormEps)
	heads := c.NumAttentionHeads
	d := h / heads
	for l := range c.NumHiddenLayers {
		p := "encoder.layer." + string(rune('0'+l)) + "."
		q := refDense(x, n, h, w[p+"attention.self.query.weight"], w[p+"attention.self.query.bias"])
		k := refDense(x, n, h, w[p+"attention.self.key.weight"], w[p+"attention.self.key.bias"])
		v := refDense(x, n, h, w[p+"attention.self.value.weight"], w[p+"attention.self.value.bias"])
		ctx := make([]float64, n*h)
		for b := range size {
			for hd := range heads {
				for i := range seq {
					scores := make([]float64, seq)
					top := math.Inf(-1)
					for j := range seq {
						var s float64
						for e := range d {
							s += q[(b*seq+i)*h+hd*d+e] * k[(b*seq+j)*h+hd*d+e]
						}
						s /= math.Sqrt(float64(d))
						if j >= lengths[b] {
							s += -math.MaxFloat32 // (1 - mask) · finfo.min
						}
						scores[j] = s
						top = math.Max(top, s)
					}
					var z float64
					for j := range scores {
						scores[j] = math.Exp(scores[j] - top)
						z += scores[j]
					}
					for j := range seq {
						for e := range d {
							ctx[(b*seq+i)*h+hd*d+e] += scores[j] / z * v[(b*seq+j)*h+hd*d+e]
						}
					}
				}
			}
		}
		a := refDense(ctx, n, h, w[p+"attention.output.dense.weight"], w[p+"attention.output.dense.bias"])
		for i := range a {
			a[i] += x[i]
		}
		refLayerNorm(a, h, w[p+"attention.output.LayerNorm.weight"], w[p+"attention.output.LayerNorm.bias"], c.LayerNormEps)
		inter := refDense(a, n, h, w[p+"intermediate.dense.weight"], w[p+"intermediate.dense.bias"])
		for i, z := range inter {
			inter[i] = 0.5 * z * (1 + math.Erf(z/math.Sqrt2))
		}
		o := refDense(inter, n, c.IntermediateSize, w[p+"output.dense.weight"], w[p+"output.dense.bias"])
		for i := range o {
			o[i] += a[i]
		}
		refLayerNorm(o, h, w[p+"output.LayerNorm.weight"], w[p+"output.LayerNorm.bias"], c.LayerNormEps)
		x = o
	}
	first := make([]float64, size*h)
	for b := range size {
		copy(first[b*h:(b+1)*h], x[b*seq*h:])
	}
	pooled = refDense(first, size, h, w["pooler.dense.weight"], w["pooler.dense.bias"])
	for i, z := range pooled {
		pooled[i] = math.Tanh(z)
	}
	return x, pooled
}
