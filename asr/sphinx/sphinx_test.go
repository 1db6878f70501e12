//go:build pocketsphinx && cgo

package sphinx

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/emovox/emovox/asr"
	"github.com/emovox/emovox/asr/wer"
	"github.com/emovox/emovox/internal/sharedtest"
)

// newRecognizer starts a decoder with the default models, skipping the
// test when they are not installed.
func newRecognizer(t testing.TB) *Recognizer {
	t.Helper()
	if _, err := os.Stat(DefaultModelDir); err != nil {
		t.Skipf("pocketsphinx-en-us is not installed: %v", err)
	}
	r, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

// ravdessTestFiles are six RAVDESS clips of five actors, both
// statements, normal and strong intensity. With the default models and
// settings they were decoded with 0, 1, 3, 1, 1 and 1 errors: pooled WER
// 7/36 = 0.194.
var ravdessTestFiles = []string{
	"Actor_05/03-01-01-01-01-01-05.wav", // kids are talking by the door
	"Actor_05/03-01-04-01-01-01-05.wav", // kids are talking about the door
	"Actor_11/03-01-02-01-01-01-11.wav", // kids are taught him that the door
	"Actor_15/03-01-04-01-01-01-15.wav", // the kids are talking by the door
	"Actor_07/03-01-03-02-02-01-07.wav", // dogs are sitting by the dollar
	"Actor_10/03-01-06-02-02-01-10.wav", // dogs are sitting by the norm
}

// TestTranscribeRAVDESS decodes a few RAVDESS clips and scores them
// against their statements. The bound, pooled WER ≤ 0.3, leaves 0.1 above
// the measured 0.194 (pocketsphinx is deterministic, so the margin is for
// other builds of the library only); wrong scaling, sample rate or
// utterance handling gives WERs near 1.
func TestTranscribeRAVDESS(t *testing.T) {
	dir := sharedtest.Dir(t, "data", "ravdess")
	r := newRecognizer(t)
	refs, err := asr.LoadTranscripts("ravdess", dir)
	if err != nil {
		t.Fatal(err)
	}
	files := asr.FromAudio(r, SampleRate)
	var total wer.Counts
	for _, f := range ravdessTestFiles {
		path := filepath.Join(dir, filepath.FromSlash(f))
		hyp, err := files.TranscribeFile(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		ref, err := refs.TranscribeFile(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		c := wer.Score(ref, hyp)
		t.Logf("%s: %q (WER %.3f)", f, hyp, c.WER())
		total = total.Add(c)
	}
	if got := total.WER(); got > 0.3 {
		t.Errorf("pooled WER %.3f over %d words, want ≤ 0.3", got, total.RefWords())
	}
}

// TestTranscribeRepeatable checks that each utterance is decoded afresh:
// the same clip gives the same words whatever was decoded before it, on
// one decoder or on several behind a pool. Before each call started a
// new stream, clip A below was decoded as "kids are talking about the
// door" by a fresh decoder and as "kids are talking about the toll" after
// clip B.
func TestTranscribeRepeatable(t *testing.T) {
	dir := sharedtest.Dir(t, "data", "ravdess")
	paths := []string{
		filepath.Join(dir, "Actor_05", "03-01-01-01-01-02-05.wav"), // A
		filepath.Join(dir, "Actor_05", "03-01-02-01-01-02-05.wav"), // B
	}
	ctx := context.Background()
	one := asr.FromAudio(newRecognizer(t), SampleRate)
	want := make([]string, len(paths))
	for i, p := range paths {
		var err error
		if want[i], err = one.TranscribeFile(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	again, err := one.TranscribeFile(ctx, paths[0])
	if err != nil {
		t.Fatal(err)
	}
	if again != want[0] {
		t.Errorf("%s: %q after another clip, %q first", paths[0], again, want[0])
	}
	pool := asr.FromAudio(asr.NewPool(newRecognizer(t), newRecognizer(t)), SampleRate)
	var wg sync.WaitGroup
	got := make([]string, 2*len(paths))
	for i := range got {
		wg.Go(func() {
			got[i], _ = pool.TranscribeFile(ctx, paths[i%len(paths)])
		})
	}
	wg.Wait()
	for i, g := range got {
		if g != want[i%len(paths)] {
			t.Errorf("run %d of %s: %q, first decoded as %q", i, paths[i%len(paths)], g, want[i%len(paths)])
		}
	}
}

func TestTranscribeEdgeCases(t *testing.T) {
	r := newRecognizer(t)
	ctx := context.Background()
	if text, err := r.Transcribe(ctx, nil, SampleRate); text != "" || err != nil {
		t.Errorf("no samples: %q, %v; want \"\", nil", text, err)
	}
	// One second of silence holds no words.
	if text, err := r.Transcribe(ctx, make([]float32, SampleRate), SampleRate); text != "" || err != nil {
		t.Errorf("silence: %q, %v; want \"\", nil", text, err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := r.Transcribe(cancelled, make([]float32, 100), SampleRate); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v, want context.Canceled", err)
	}
	r.Close()
	if _, err := r.Transcribe(ctx, make([]float32, 100), SampleRate); !errors.Is(err, ErrClosed) {
		t.Errorf("after Close: err = %v, want ErrClosed", err)
	}
	if err := r.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestNewErrors(t *testing.T) {
	cfg := DefaultConfig()
	cfg.LanguageModel = filepath.Join(t.TempDir(), "missing.lm.bin")
	if _, err := New(cfg); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing language model: err = %v, want fs.ErrNotExist", err)
	}
	if _, err := os.Stat(DefaultModelDir); err != nil {
		t.Skipf("pocketsphinx-en-us is not installed: %v", err)
	}
	// An acoustic model directory without a model: PocketSphinx refuses it.
	bad := DefaultConfig()
	bad.AcousticModel = t.TempDir()
	if r, err := New(bad); err == nil {
		r.Close()
		t.Error("New accepted an empty acoustic model directory")
	}
}

func TestCompiled(t *testing.T) {
	if !Compiled {
		t.Error("Compiled is false in a build with pocketsphinx")
	}
}

func TestLogFile(t *testing.T) {
	if _, err := os.Stat(DefaultModelDir); err != nil {
		t.Skipf("pocketsphinx-en-us is not installed: %v", err)
	}
	cfg := DefaultConfig()
	cfg.LogFile = filepath.Join(t.TempDir(), "ps.log")
	r, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	// Silence the logger again (and close the file) for the other tests.
	newRecognizer(t).Close()
	info, err := os.Stat(cfg.LogFile)
	if err != nil || info.Size() == 0 {
		t.Errorf("log file: %v, %v; want PocketSphinx's log in it", info, err)
	}
}
