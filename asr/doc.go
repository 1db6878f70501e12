// Package asr turns speech into text for IEmoNet's text branch: an
// interface for speech recognisers, corpus-provided transcripts as a
// reference backend, and recognition noise simulated at a chosen word
// error rate.
//
// # Backends
//
// A Transcriber recognises samples; a FileTranscriber transcribes a file
// by its path. FromAudio turns the first into the second by decoding each
// file with package audio.
//
//   - Package asr/sphinx recognises speech with CMU PocketSphinx through
//     cgo. It is compiled only with the build tag pocketsphinx; without it
//     sphinx.New returns ErrNotCompiled, so the default build stays pure
//     Go.
//   - Transcripts returns the transcript a corpus provides for each file:
//     the RAVDESS statement coded in the file name, the IEMOCAP
//     transcription line of the utterance (ReadIEMOCAPTranscripts), or
//     any corpus.Item's Transcript. It is the reference that recognisers
//     are scored against and the "perfect ASR" of the IEmoNet paper.
//   - Noisy corrupts another FileTranscriber's output to a target word
//     error rate with a wer.Simulator, the paper's simulated ASR (about
//     6% WER), reproducibly: the errors of a file depend only on the seed
//     and the file's Key (its base name).
//
// Package asr/wer scores transcripts by word error rate.
package asr
