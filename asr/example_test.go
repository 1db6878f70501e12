package asr_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/emovox/emovox/asr"
	"github.com/emovox/emovox/asr/wer"
)

func ExampleTranscripts() {
	refs := asr.Transcripts{
		"03-01-05-01-01-01-01": "Kids are talking by the door",
		"03-01-05-01-02-01-01": "Dogs are sitting by the door",
	}
	text, err := refs.TranscribeFile(context.Background(), "Actor_01/03-01-05-01-02-01-01.wav")
	fmt.Println(text, err)
	// Output:
	// Dogs are sitting by the door <nil>
}

func ExampleNoisy() {
	refs := asr.Transcripts{
		"03-01-05-01-01-01-01": "Kids are talking by the door",
		"03-01-05-01-02-01-01": "Dogs are sitting by the door",
	}
	sim, err := wer.NewSimulator(0.3, wer.DefaultMix(), refs.Texts())
	if err != nil {
		fmt.Println(err)
		return
	}
	noisy := asr.Noisy(refs, sim, 1)
	for _, path := range []string{"Actor_01/03-01-05-01-01-01-01.wav", "Actor_01/03-01-05-01-02-01-01.wav"} {
		text, err := noisy.TranscribeFile(context.Background(), path)
		if err != nil {
			fmt.Println(err)
			return
		}
		ref, _ := refs.TranscribeFile(context.Background(), path)
		fmt.Printf("%q WER %.3f\n", text, wer.Score(ref, text).WER())
	}
	// Output:
	// "kids talking talking by the door" WER 0.167
	// "dogs are sitting dogs by" WER 0.500
}

func ExampleParseIEMOCAPTranscription() {
	file := "Ses01F_impro01_F000 [006.2901-008.2357]: Excuse me.\n" +
		"Ses01F_impro01_M000 [007.5712-010.4750]: Do you have your forms?\n"
	t := make(asr.Transcripts)
	if err := asr.ParseIEMOCAPTranscription(t, strings.NewReader(file)); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t["Ses01F_impro01_M000"])
	// Output:
	// Do you have your forms?
}
