// Package sphinx recognises speech with CMU PocketSphinx, the C library
// of Debian's libpocketsphinx-dev (0.8+5prealpha, with sphinxbase),
// through cgo.
//
// PocketSphinx is compiled in only with the build tag pocketsphinx (and
// cgo enabled):
//
//	apt-get install libpocketsphinx-dev pocketsphinx-en-us pkg-config
//	go build -tags pocketsphinx ./...
//
// Without the tag the package still builds, in pure Go: Compiled is
// false and New returns an error wrapping asr.ErrNotCompiled.
//
// # Decoding
//
// A Recognizer holds one decoder with the acoustic model, language model
// and pronunciation dictionary of its Config; the defaults are the US
// English models of Debian's pocketsphinx-en-us under DefaultModelDir.
// Transcribe decodes each call's samples as one whole utterance
// (ps_process_raw with full_utt set), which is far more accurate on short
// clips than the voice-activity segmentation of pocketsphinx_continuous.
// Each call also starts a new stream (ps_start_stream), which resets the
// noise level that PocketSphinx's noise removal and voice-activity
// detection otherwise carry from one utterance to the next: a clip is
// transcribed the same whatever was decoded before it (without this, the
// words of a RAVDESS clip were measured to change with the clip decoded
// before it).
// Samples are converted to 16 kHz (package audio/resample) and to 16-bit
// integers, rounded and clipped, as the models expect. The hypothesis is
// returned as PocketSphinx writes it: lower-case dictionary words
// separated by spaces, fillers and silences left out.
//
// A decoder is not safe for concurrent use, so a Recognizer serialises
// its calls with a mutex; for parallel decoding make one Recognizer per
// worker and share them through an asr.Pool. Each Recognizer loads its
// own copy of the models (about 40 MB for the defaults).
//
// # Logging
//
// PocketSphinx logs copiously to standard error through sphinxbase's
// logger, which is global to the process. New silences it unless
// Config.LogFile names a file to receive it; the setting of the last New
// wins.
package sphinx
