package nn

import (
	"fmt"
	"slices"
	"unsafe"
)

// Tensor is a dense row-major float32 array: Data holds the elements, the
// last dimension of Shape varying fastest.
type Tensor struct {
	Shape []int
	Data  []float32
}

// NewTensor returns a zero tensor of the given shape.
// It panics if a dimension is negative.
func NewTensor(shape ...int) *Tensor {
	return &Tensor{Shape: append([]int(nil), shape...), Data: make([]float32, numel(shape))}
}

// FromData returns a tensor of the given shape that uses data as its
// storage. It panics if len(data) does not match the shape.
func FromData(data []float32, shape ...int) *Tensor {
	if n := numel(shape); n != len(data) {
		panic(fmt.Sprintf("nn: FromData: %d elements for shape %v (%d)", len(data), shape, n))
	}
	return &Tensor{Shape: append([]int(nil), shape...), Data: data}
}

// Len returns the number of elements.
func (t *Tensor) Len() int { return len(t.Data) }

// Dim returns the size of dimension i; negative i counts from the end.
func (t *Tensor) Dim(i int) int {
	if i < 0 {
		i += len(t.Shape)
	}
	return t.Shape[i]
}

// Clone returns a deep copy of t.
func (t *Tensor) Clone() *Tensor {
	return &Tensor{Shape: append([]int(nil), t.Shape...), Data: append([]float32(nil), t.Data...)}
}

// Zero sets every element to 0.
func (t *Tensor) Zero() { clear(t.Data) }

// Reshape returns a tensor that shares t's data with another shape. One
// dimension may be -1 and is then inferred. It panics if the sizes differ.
func (t *Tensor) Reshape(shape ...int) *Tensor {
	s := append([]int(nil), shape...)
	infer, known := -1, 1
	for i, d := range s {
		if d == -1 && infer < 0 {
			infer = i
			continue
		}
		known *= d
	}
	if infer >= 0 && known > 0 {
		s[infer] = len(t.Data) / known
	}
	if numel(s) != len(t.Data) {
		panic(fmt.Sprintf("nn: Reshape %v to %v", t.Shape, shape))
	}
	return &Tensor{Shape: s, Data: t.Data}
}

// String returns the shape, for error messages and debugging.
func (t *Tensor) String() string { return fmt.Sprintf("Tensor%v", t.Shape) }

func numel(shape []int) int {
	n := 1
	for _, d := range shape {
		if d < 0 {
			panic(fmt.Sprintf("nn: negative dimension in shape %v", slices.Clone(shape)))
		}
		n *= d
	}
	return n
}

// reuse returns t reshaped to shape when its storage is large enough, and a
// new tensor otherwise. The contents are unspecified.
func reuse(t *Tensor, shape ...int) *Tensor {
	n := numel(shape)
	if t == nil {
		t = &Tensor{}
	}
	if cap(t.Data) < n {
		t.Data = make([]float32, n)
	}
	t.Data = t.Data[:n]
	t.Shape = append(t.Shape[:0], shape...)
	return t
}

// grow returns buf resliced to n elements, reallocated when too small.
// The contents are unspecified.
func grow(buf []float32, n int) []float32 {
	if cap(buf) < n {
		return make([]float32, n)
	}
	return buf[:n]
}

// growF64 is grow for float64 scratch.
func growF64(buf []float64, n int) []float64 {
	if cap(buf) < n {
		return make([]float64, n)
	}
	return buf[:n]
}

// rows returns the product of all dimensions but the last, and the last.
func rows(t *Tensor) (n, width int) {
	width = t.Shape[len(t.Shape)-1]
	if width == 0 {
		return 0, 0
	}
	return len(t.Data) / width, width
}

// mustShape panics unless t has the given rank and, where want[i] >= 0,
// dimension sizes.
func mustShape(op string, t *Tensor, want ...int) {
	ok := len(t.Shape) == len(want)
	for i := 0; ok && i < len(want); i++ {
		ok = want[i] < 0 || want[i] == t.Shape[i]
	}
	if !ok {
		// Cloning keeps want on the caller's stack.
		panic(fmt.Sprintf("nn: %s: got shape %v, want %v (-1 = any)", op, t.Shape, slices.Clone(want)))
	}
}

// float32Bytes returns the bytes of x, for bitwise comparison.
func float32Bytes(x []float32) []byte {
	if len(x) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&x[0])), 4*len(x))
}

// Reuse returns t reshaped to shape when its storage holds enough values,
// and a new tensor otherwise, so that a model's working buffers grow to the
// largest batch and then stay. The values are not cleared. Unlike the
// buffers inside this package's layers, t itself is never reallocated in
// place: a tensor handed out earlier keeps its values when a larger batch
// needs a new one.
func Reuse(t *Tensor, shape ...int) *Tensor {
	n := numel(shape)
	if t == nil || cap(t.Data) < n {
		return NewTensor(shape...)
	}
	t.Shape = append(t.Shape[:0], shape...)
	t.Data = t.Data[:n]
	return t
}

// Argmax returns the index of the largest value of x, the first of equals;
// 0 for an empty x.
func Argmax(x []float32) int {
	best := 0
	for i, v := range x {
		if v > x[best] {
			best = i
		}
	}
	return best
}
