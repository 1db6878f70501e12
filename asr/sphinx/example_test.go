package sphinx_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/emovox/emovox/asr"
	"github.com/emovox/emovox/asr/sphinx"
)

// Transcribing a file, with a clear message in builds without
// PocketSphinx.
func ExampleNew() {
	r, err := sphinx.New(sphinx.DefaultConfig())
	if errors.Is(err, asr.ErrNotCompiled) {
		fmt.Println(err)
		return
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	text, err := asr.FromAudio(r, sphinx.SampleRate).TranscribeFile(context.Background(), "speech.wav")
	fmt.Println(text, err)
}
