package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/emovox/emovox/asr"
	"github.com/emovox/emovox/asr/sphinx"
	"github.com/emovox/emovox/asr/wer"
	"github.com/emovox/emovox/internal/ordered"
)

// transcribeFlags holds the flags of the transcribe command.
type transcribeFlags struct {
	backend     string
	corpus      string
	transcripts string
	reference   bool
	simulateWER float64
	seed        uint64
	errorMix    string
	sphinx      sphinx.Config
	jobs        int
}

func newTranscribeCommand() *cobra.Command {
	f := transcribeFlags{sphinx: sphinx.DefaultConfig()}
	cmd := &cobra.Command{
		Use:   "transcribe [--backend sphinx|transcript] [--corpus NAME] [--reference] [--simulate-wer W --seed N] FILE|DIR...",
		Short: "Transcribe speech to text, or simulate a recogniser at a word error rate",
		Long: `Transcribe WAV and FLAC files. Directories are searched recursively for
.wav and .flac files; output follows the order given (directories in
lexical order), one JSON line per file:

  {"file": "a.wav", "text": "kids are talking by the door"}

Backends:
  sphinx      CMU PocketSphinx (US English models of Debian's
              pocketsphinx-en-us), each file decoded as one utterance.
              Only in builds made with -tags pocketsphinx.
  transcript  the transcript the corpus provides (--corpus): the RAVDESS
              statement coded in each file name, the IEMOCAP transcription
              line, a manifest's transcript column.

Corpus transcripts are read from --transcripts DIR (the corpus root; for
IEMOCAP the folder of Session1..5), or else from each DIR argument and the
folder of each FILE argument.

--reference scores the output against the corpus transcripts: each line
gets "reference" and "wer" (word error rate, words normalised as package
asr/wer describes), and the pooled WER of all files, (S+D+I)/N, is
written to standard error.

--simulate-wer W corrupts the backend's output to word error rate W with
substitutions, deletions and insertions in the proportions of --error-mix,
drawing words from the corpus transcripts; the errors of a file depend only
on --seed and the file's name. With the transcript backend this is the
simulated ASR of the IEmoNet paper (about 6% WER).

A file that cannot be transcribed is reported on standard error and the
others are still written; the exit status is then 1.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTranscribe(cmd.Context(), f, args, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.backend, "backend", "sphinx", "recogniser: sphinx or transcript")
	fl.StringVar(&f.corpus, "corpus", "ravdess", "corpus whose transcripts are used: "+strings.Join(corpusNames(), ", "))
	fl.StringVar(&f.transcripts, "transcripts", "", "root of the corpus to read transcripts from (default: the arguments)")
	fl.BoolVar(&f.reference, "reference", false, "score each file against the corpus transcript (adds \"reference\" and \"wer\")")
	fl.Float64Var(&f.simulateWER, "simulate-wer", 0, "corrupt the output to this word error rate, in [0, 1] (0: off)")
	fl.Uint64Var(&f.seed, "seed", 1, "random seed of --simulate-wer")
	fl.StringVar(&f.errorMix, "error-mix", "0.6,0.25,0.15", "relative proportions of substitutions, deletions and insertions of --simulate-wer")
	fl.StringVar(&f.sphinx.AcousticModel, "hmm", f.sphinx.AcousticModel, "sphinx acoustic model directory")
	fl.StringVar(&f.sphinx.LanguageModel, "lm", f.sphinx.LanguageModel, "sphinx language model")
	fl.StringVar(&f.sphinx.Dictionary, "dict", f.sphinx.Dictionary, "sphinx pronunciation dictionary")
	fl.StringVar(&f.sphinx.LogFile, "sphinx-log", "", "write PocketSphinx's log to this file (default: discarded)")
	fl.IntVarP(&f.jobs, "jobs", "j", runtime.NumCPU(), "files transcribed in parallel (sphinx: one decoder each)")
	return cmd
}

// corpusNames lists the corpora with transcripts.
func corpusNames() []string {
	return []string{"ravdess", "crema-d", "tess", "emodb", "iemocap", "csv"}
}

// transcription is the outcome of one file; ref is its reference
// transcript when scoring.
type transcription struct {
	path string
	text string
	ref  string
	err  error
}

// transcribeOne transcribes the file at path and, when refs is not nil,
// looks up its reference.
func transcribeOne(ctx context.Context, t asr.FileTranscriber, refs asr.Transcripts, path string) transcription {
	r := transcription{path: path}
	if refs != nil {
		if r.ref, r.err = refs.TranscribeFile(ctx, path); r.err != nil {
			return r
		}
	}
	r.text, r.err = t.TranscribeFile(ctx, path)
	return r
}

// runTranscribe transcribes the files named by args and writes one JSON
// line per file to stdout. A file that fails is reported on stderr and
// counted.
func runTranscribe(ctx context.Context, f transcribeFlags, args []string, stdout, stderr io.Writer) error {
	if f.jobs < 1 {
		return fmt.Errorf("--jobs %d: must be at least 1", f.jobs)
	}
	files, err := collectAudioFiles(args)
	if err != nil {
		return err
	}
	t, refs, closeBackend, err := openTranscriber(f, args, min(f.jobs, len(files)))
	if err != nil {
		return err
	}
	defer closeBackend()
	var scoreAgainst asr.Transcripts
	if f.reference {
		scoreAgainst = refs
	}
	out := &transcriptWriter{w: stdout, score: f.reference}
	bar := newProgress(stderr, len(files), "transcribe")
	failed := 0
	results := ordered.Map(ctx, len(files), f.jobs, func(i int) transcription {
		return transcribeOne(ctx, t, scoreAgainst, files[i])
	})
	for _, r := range results {
		bar.Add(1)
		if r.err != nil {
			failed++
			fmt.Fprintln(stderr, "emovox:", r.err)
			continue
		}
		if err := out.write(r); err != nil {
			return err
		}
	}
	bar.Finish()
	if err := ctx.Err(); err != nil {
		return err
	}
	if f.reference {
		fmt.Fprintln(stderr, "emovox:", summarizeWER(out.total, out.scored))
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files failed", failed, len(files))
	}
	return nil
}

// loadTranscriptsFor reads the corpus transcripts from --transcripts, or
// from every directory argument and the folder of every file argument.
func loadTranscriptsFor(f transcribeFlags, args []string) (asr.Transcripts, error) {
	roots := []string{f.transcripts}
	if f.transcripts == "" {
		roots = transcriptRoots(args)
	}
	all := make(asr.Transcripts)
	for _, root := range roots {
		t, err := asr.LoadTranscripts(f.corpus, root)
		if err != nil {
			return nil, fmt.Errorf("--corpus %s: %w (give the corpus root with --transcripts)", f.corpus, err)
		}
		for k, v := range t {
			if old, ok := all[k]; ok && old != v {
				return nil, fmt.Errorf("--corpus %s: %w: %s", f.corpus, asr.ErrDuplicate, k)
			}
			all[k] = v
		}
	}
	return all, nil
}

// transcriptRoots returns the directory arguments and the folders of the
// file arguments, each once.
func transcriptRoots(args []string) []string {
	seen := make(map[string]bool)
	var roots []string
	for _, arg := range args {
		root := arg
		if info, err := os.Stat(arg); err == nil && !info.IsDir() {
			root = filepath.Dir(arg)
		}
		if !seen[root] {
			seen[root] = true
			roots = append(roots, root)
		}
	}
	return roots
}

// openBackend returns the transcriber of --backend and a function that
// releases it. The sphinx backend gets one decoder per job.
func openBackend(f transcribeFlags, refs asr.Transcripts, jobs int) (asr.FileTranscriber, func(), error) {
	switch f.backend {
	case "transcript":
		return refs, func() {}, nil
	case "sphinx":
		return openSphinx(f.sphinx, max(jobs, 1))
	}
	return nil, nil, fmt.Errorf("--backend %q: want sphinx or transcript", f.backend)
}

// openSphinx starts n PocketSphinx decoders behind a pool.
func openSphinx(cfg sphinx.Config, n int) (asr.FileTranscriber, func(), error) {
	var recs []*sphinx.Recognizer
	closeAll := func() {
		for _, r := range recs {
			r.Close()
		}
	}
	for range n {
		r, err := sphinx.New(cfg)
		if err != nil {
			closeAll()
			if errors.Is(err, asr.ErrNotCompiled) {
				return nil, nil, fmt.Errorf("--backend sphinx: %w, or use --backend transcript", err)
			}
			return nil, nil, err
		}
		recs = append(recs, r)
	}
	ts := make([]asr.Transcriber, len(recs))
	for i, r := range recs {
		ts[i] = r
	}
	return asr.FromAudio(asr.NewPool(ts...), sphinx.SampleRate), closeAll, nil
}

// openTranscriber returns the transcriber the flags describe, the
// corpus transcripts when they are needed (else nil), and a function that
// releases the backend. Flags are checked before any decoder starts.
func openTranscriber(f transcribeFlags, args []string, jobs int) (asr.FileTranscriber, asr.Transcripts, func(), error) {
	var refs asr.Transcripts
	if f.backend == "transcript" || f.reference || f.simulateWER > 0 {
		var err error
		if refs, err = loadTranscriptsFor(f, args); err != nil {
			return nil, nil, nil, err
		}
	}
	sim, err := newSimulator(f, refs)
	if err != nil {
		return nil, nil, nil, err
	}
	t, closeBackend, err := openBackend(f, refs, jobs)
	if err != nil {
		return nil, nil, nil, err
	}
	if sim != nil {
		t = asr.Noisy(t, sim, f.seed)
	}
	return t, refs, closeBackend, nil
}

// newSimulator returns the simulator of --simulate-wer, drawing words
// from the corpus transcripts, or nil when it is off.
func newSimulator(f transcribeFlags, refs asr.Transcripts) (*wer.Simulator, error) {
	if f.simulateWER == 0 {
		return nil, nil
	}
	mix, err := parseErrorMix(f.errorMix)
	if err != nil {
		return nil, err
	}
	sim, err := wer.NewSimulator(f.simulateWER, mix, refs.Texts())
	if err != nil {
		return nil, fmt.Errorf("--simulate-wer: %w", err)
	}
	return sim, nil
}

// parseErrorMix parses --error-mix "S,D,I".
func parseErrorMix(s string) (wer.Mix, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 3 {
		return wer.Mix{}, fmt.Errorf("--error-mix %q: want three proportions S,D,I such as 0.6,0.25,0.15", s)
	}
	var v [3]float64
	for i, p := range parts {
		x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return wer.Mix{}, fmt.Errorf("--error-mix %q: %w", s, err)
		}
		v[i] = x
	}
	return wer.Mix{Substitutions: v[0], Deletions: v[1], Insertions: v[2]}, nil
}

// transcriptWriter writes transcriptions as JSON lines and, when scoring,
// pools their word error counts.
type transcriptWriter struct {
	w      io.Writer
	score  bool
	total  wer.Counts
	scored int
}

// write writes the JSON line of one file:
//
//	{"file": "a.wav", "text": "...", "reference": "...", "wer": 0.166667}
//
// "reference" and "wer" only when scoring, "wer" rounded to 6 decimals and
// left out when the reference has no words.
func (tw *transcriptWriter) write(r transcription) error {
	var b strings.Builder
	b.WriteString(`{"file": `)
	b.WriteString(jsonString(r.path))
	b.WriteString(`, "text": `)
	b.WriteString(jsonString(r.text))
	if tw.score {
		c := wer.Score(r.ref, r.text)
		tw.total = tw.total.Add(c)
		tw.scored++
		b.WriteString(`, "reference": `)
		b.WriteString(jsonString(r.ref))
		if rate := c.WER(); !math.IsNaN(rate) {
			b.WriteString(`, "wer": `)
			b.WriteString(strconv.FormatFloat(math.Round(rate*1e6)/1e6, 'f', -1, 64))
		}
	}
	b.WriteString("}\n")
	_, err := io.WriteString(tw.w, b.String())
	return err
}

// summarizeWER describes the pooled word error rate of files files.
func summarizeWER(c wer.Counts, files int) string {
	return fmt.Sprintf("WER %.4f over %d words in %d files (S=%d D=%d I=%d)",
		c.WER(), c.RefWords(), files, c.Substitutions, c.Deletions, c.Insertions)
}
