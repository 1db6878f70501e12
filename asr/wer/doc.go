// Package wer scores speech recognition output by word error rate and
// simulates recognition errors at a chosen rate.
//
// # Scoring
//
// Text is first normalised by Normalize: lower case, spans in square or
// angle brackets ("[LAUGHTER]", "<sil>", the non-speech tags of corpora and
// recognisers) removed, and every character that is not a letter or a digit
// treated as a word separator, except an apostrophe between two letters or
// digits ("don't" stays one word, "'quoted'" loses its quotes). A typographic
// apostrophe (U+2019) counts as an apostrophe.
//
// Align aligns a hypothesis with its reference by the Levenshtein distance
// over words, every substitution, deletion and insertion costing 1, and
// returns the Counts of hits, substitutions S, deletions D and insertions I.
// With N = hits + S + D reference words,
//
//	WER = (S + D + I) / N,
//
// which may exceed 1 when there are many insertions. Counts add up, so the
// WER of a corpus is the WER of its summed Counts (the errors of all
// utterances over all their reference words), not the mean of the
// utterances' WERs. When several alignments have the minimum cost, the one
// reported prefers, from the end of both sequences backwards, a hit or a
// substitution, then a deletion, then an insertion; S + D + I is the same
// for all of them.
//
// # Simulation
//
// A Simulator corrupts reference transcripts as a recogniser with a given
// WER would, for experiments that need transcripts of a known quality
// without a recogniser (the IEmoNet paper evaluates its text branch on
// transcripts at about 6% WER). Each reference word is substituted with
// probability rate·Mix.Substitutions or deleted with probability
// rate·Mix.Deletions, and each reference word brings an inserted word with
// probability rate·Mix.Insertions (Mix normalised to sum 1), so the
// expected number of errors of an utterance of N words is rate·N.
// Substitutes and insertions are drawn uniformly from a vocabulary.
// Errors are placed at random, and a placement that Align would score
// otherwise than it was made is drawn again (an insertion next to a
// deletion scores as one substitution, a deletion two words before an
// insertion as two substitutions), up to 64 times, after which the
// placement with the most errors is kept. So the WER that Align measures
// on the output is the rate asked for, up to sampling noise of about
// sqrt(rate·(1−rate)/N) over a corpus of N words, and the measured kinds
// of error keep the mix.
package wer
