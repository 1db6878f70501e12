//go:build !pocketsphinx || !cgo

package sphinx

import (
	"context"
	"errors"
	"testing"

	"github.com/emovox/emovox/asr"
)

func TestNotCompiled(t *testing.T) {
	if Compiled {
		t.Fatal("Compiled is true in a build without pocketsphinx")
	}
	r, err := New(DefaultConfig())
	if !errors.Is(err, asr.ErrNotCompiled) || r != nil {
		t.Fatalf("New = %v, %v; want nil, asr.ErrNotCompiled", r, err)
	}
	const want = "asr: pocketsphinx support is not compiled in; rebuild with -tags pocketsphinx"
	if err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	if _, err := r.Transcribe(context.Background(), nil, SampleRate); !errors.Is(err, asr.ErrNotCompiled) {
		t.Errorf("Transcribe: err = %v, want asr.ErrNotCompiled", err)
	}
}
