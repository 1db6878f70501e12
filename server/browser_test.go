package server_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/emovox/emovox/audio"
	"github.com/emovox/emovox/internal/atomicfile"
	"github.com/emovox/emovox/internal/sharedtest"
	"github.com/emovox/emovox/recognizer"
	"github.com/emovox/emovox/server"
)

// browserTimeout bounds the whole browser session of TestBrowser.
const browserTimeout = 60 * time.Second

// browserCandidates are RAVDESS recordings (strong intensity) that
// TestBrowser may play as the microphone, with their emotion; it uses the
// first one on which the default model is stable and right.
var browserCandidates = []struct{ file, emotion string }{
	{"Actor_01/03-01-05-02-02-02-01.wav", "angry"},
	{"Actor_10/03-01-05-02-02-02-10.wav", "angry"},
	{"Actor_03/03-01-06-02-02-01-03.wav", "fear"},
	{"Actor_08/03-01-08-02-02-02-08.wav", "surprise"},
}

// browserStability is the share of the 2-s windows of the looped clip
// that must be classified as its emotion for the clip to be used.
const browserStability = 0.9

// TestBrowser drives the web page in headless Chromium against a real
// server (server.New, Serve on a loopback listener), with a RAVDESS
// recording as the fake microphone: it starts the microphone, reads the
// live emotion from the page (#live-emotion's data-emotion at every
// update) and checks that the majority over the updates of full 2-s
// windows is the clip's emotion, which the test has checked the model
// predicts stably on the clip's windows. It then uploads the clip through
// the file input and checks the page shows the emotion the recognizer
// predicts for the file and that both figures load, stops the microphone,
// and checks that the page logged no error. It saves full-page screenshots
// (live.png during the stream, page.png and page-dark.png at the end,
// mobile.png at 390 px) to t.ArtifactDir() (kept with go test -artifacts)
// and to $EMOVOX_SCREENSHOT_DIR if set.
//
// It needs Chromium (/usr/bin/chromium, Debian package chromium); without
// it the test skips, or fails when CI=true.
func TestBrowser(t *testing.T) {
	chromium := browserExecutable(t)
	ravdess := sharedtest.Dir(t, "data", "ravdess")
	rec, err := recognizer.Default()
	if err != nil {
		t.Fatal(err)
	}
	clip := browserClip(t, rec, ravdess)
	url := browserServe(t, rec, "")

	ctx, cancel := context.WithTimeout(t.Context(), browserTimeout)
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox, // CI runs as root
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("use-fake-ui-for-media-stream", true),
		chromedp.Flag("use-fake-device-for-media-stream", true),
		chromedp.Flag("use-file-for-fake-audio-capture", clip.path),
		chromedp.Flag("autoplay-policy", "no-user-gesture-required"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	problems := browserProblems(t, bctx)

	// The page loads the model's labels, then the microphone starts.
	browserDo(t, bctx, "open the page",
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS("#legend li")),
		chromedp.Evaluate[chromedp.Void](browserRecordUpdates),
		chromedp.Click(chromedp.ID("start")),
	)
	const fullWindows = 8
	browserDo(t, bctx, "wait for live predictions",
		chromedp.Poll[chromedp.Void](fmt.Sprintf("window.emovoxTestUpdates.filter((u) => u.t >= 2).length >= %d", fullWindows),
			chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second)))
	updates, err := chromedp.Run(bctx, chromedp.Evaluate[[]browserUpdate]("window.emovoxTestUpdates"))
	if err != nil {
		t.Fatalf("read the updates: %v", err)
	}
	emotion, counts := browserMajority(updates, 2)
	t.Logf("live updates (t_s emotion): %v; over full windows: %v", updates, counts)
	if emotion != clip.emotion {
		t.Errorf("the page showed %q most often (%v), want %q", emotion, counts, clip.emotion)
	}
	browserScreenshot(t, bctx, "live.png")

	// A file through the file input: result, bars, timeline and figures.
	browserDo(t, bctx, "upload the clip",
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{clip.path}),
		chromedp.Poll[chromedp.Void](`(() => {
			const done = (img) => img.complete && img.naturalWidth > 0;
			return document.getElementById('file-emotion').dataset.emotion !== '' &&
				done(document.getElementById('wave-img')) && done(document.getElementById('spectrogram-img'));
		})()`, chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second)),
	)
	want, err := rec.PredictFile(clip.path)
	if err != nil {
		t.Fatal(err)
	}
	shown, err := chromedp.Run(bctx, chromedp.Evaluate[browserFileResult](`({
		emotion: document.getElementById('file-emotion').dataset.emotion,
		bars: document.querySelectorAll('#file-probs li').length,
		widths: ['wave-img', 'spectrogram-img'].map((id) => document.getElementById(id).naturalWidth),
	})`))
	if err != nil {
		t.Fatalf("read the file result: %v", err)
	}
	t.Logf("file result on the page: %+v", shown)
	if shown.Emotion != want.Emotion || shown.Bars != len(rec.Labels()) || len(shown.Widths) != 2 || shown.Widths[0] == 0 || shown.Widths[1] == 0 {
		t.Errorf("the page shows %+v for the file, want emotion %q, %d bars and two figures", shown, want.Emotion, len(rec.Labels()))
	}

	// Stop: the server sends the final prediction and closes normally.
	browserDo(t, bctx, "stop the microphone",
		chromedp.Click(chromedp.ID("stop")),
		chromedp.Poll[chromedp.Void](`document.getElementById('start').disabled === false`,
			chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)),
	)
	if hidden, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`document.getElementById('error').hidden`)); err != nil || !hidden {
		text, _ := chromedp.Run(bctx, chromedp.Text(chromedp.ID("error")))
		t.Errorf("the page shows an error: %q (%v)", text, err)
	}
	browserScreenshot(t, bctx, "page.png")
	dark := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}
	if _, err := chromedp.Call(bctx, emulation.SetEmulatedMedia, dark); err != nil {
		t.Fatalf("emulate the dark theme: %v", err)
	}
	browserScreenshot(t, bctx, "page-dark.png")
	if _, err := chromedp.Call(bctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatalf("emulate the light theme: %v", err)
	}
	browserDo(t, bctx, "narrow the window", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)))
	browserScreenshot(t, bctx, "mobile.png")

	for _, p := range problems() {
		t.Errorf("browser console: %s", p)
	}

	// A server with an API key: the page says it needs one; once it is
	// entered, the model loads and the stream (key= on the WebSocket) runs.
	browserDo(t, bctx, "open the page of a server with an API key",
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(browserServe(t, rec, "test-key")),
		chromedp.Poll[chromedp.Void](`!document.getElementById('error').hidden`,
			chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)),
	)
	message, err := chromedp.Run(bctx, chromedp.Text(chromedp.ID("error-text")))
	if err != nil || !strings.Contains(message, "API key") {
		t.Errorf("the page shows the error %q (%v), want one that asks for the API key", message, err)
	}
	browserScreenshot(t, bctx, "api-key.png")
	browserDo(t, bctx, "enter the API key and stream",
		chromedp.Click(chromedp.CSS(".settings summary")),
		chromedp.SendKeys(chromedp.ID("api-key"), "test-key"),
		chromedp.Blur(chromedp.ID("api-key")), // fires change
		chromedp.WaitVisible(chromedp.CSS("#legend li")),
		chromedp.Evaluate[chromedp.Void](browserRecordUpdates),
		chromedp.Click(chromedp.ID("start")),
		chromedp.Poll[chromedp.Void]("window.emovoxTestUpdates.length >= 1",
			chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(15*time.Second)),
		chromedp.Click(chromedp.ID("stop")),
		chromedp.Poll[chromedp.Void](`document.getElementById('start').disabled === false`,
			chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)),
	)
	if hidden, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`document.getElementById('error').hidden`)); err != nil || !hidden {
		text, _ := chromedp.Run(bctx, chromedp.Text(chromedp.ID("error")))
		t.Errorf("with the API key, the page shows an error: %q (%v)", text, err)
	}
}

// browserUpdate is one change of #live-emotion.
type browserUpdate struct {
	T       float64 `json:"t"`
	Emotion string  `json:"emotion"`
}

func (u browserUpdate) String() string { return fmt.Sprintf("%.1f %s", u.T, u.Emotion) }

// browserFileResult is what the page shows for a file.
type browserFileResult struct {
	Emotion string `json:"emotion"`
	Bars    int    `json:"bars"`
	Widths  []int  `json:"widths"`
}

// browserRecordUpdates makes the page record every update of
// #live-emotion (its stream time and emotion) in window.emovoxTestUpdates.
const browserRecordUpdates = `(() => {
	const el = document.getElementById('live-emotion');
	window.emovoxTestUpdates = [];
	new MutationObserver(() => {
		window.emovoxTestUpdates.push({ t: Number(el.dataset.t), emotion: el.dataset.emotion });
	}).observe(el, { attributes: true, attributeFilter: ['data-t'] });
})()`

// browserMajority returns the emotion shown most often in the updates at
// stream time from on (windows of full length), silence excluded, and the
// count of each.
func browserMajority(updates []browserUpdate, from float64) (string, map[string]int) {
	counts := map[string]int{}
	best := ""
	for _, u := range updates {
		if u.T < from || u.Emotion == "" {
			continue
		}
		counts[u.Emotion]++
		if counts[u.Emotion] > counts[best] || best == "" {
			best = u.Emotion
		}
	}
	return best, counts
}

// browserExecutable returns the path of Chromium; without it the test
// skips, or fails when CI=true.
func browserExecutable(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	const msg = "chromium not found: install the Debian package chromium (apt-get install chromium) to run the browser test"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// browserServe serves rec with server.New on a loopback port until the
// test ends, requiring apiKey if it is not empty, and returns the page's
// URL.
func browserServe(t *testing.T, rec *recognizer.Recognizer, apiKey string) string {
	t.Helper()
	srv, err := server.New(rec, server.Config{APIKey: apiKey, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		stop()
		select {
		case err := <-served:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(server.DefaultShutdownTimeout + 10*time.Second):
			t.Errorf("Serve did not return after its shutdown timeout")
		}
	})
	return "http://" + ln.Addr().String() + "/"
}

// browserClipInfo is the recording played as the microphone.
type browserClipInfo struct {
	path    string // a 16-bit mono WAV file in the test's temporary directory
	emotion string
}

// browserClip returns the first candidate recording, trimmed of its
// leading and trailing silence (Chromium loops the file), whose 2-s
// windows the model classifies as the recording's emotion at least
// browserStability of the time, at every offset of the loop (10 ms
// steps).
func browserClip(t *testing.T, rec *recognizer.Recognizer, ravdess string) browserClipInfo {
	t.Helper()
	rate := rec.Metadata().Rate
	for _, c := range browserCandidates {
		x, _, err := audio.Load(filepath.Join(ravdess, c.file), rate)
		if err != nil {
			t.Fatal(err)
		}
		x = browserTrim(x, rate)
		share, err := browserLoopShare(rec, x, rate, c.emotion)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s (%s, %.2f s without silence): %.0f%% of the looped 2-s windows classified %s",
			c.file, c.emotion, float64(len(x))/float64(rate), 100*share, c.emotion)
		if share < browserStability {
			continue
		}
		path := filepath.Join(t.TempDir(), filepath.Base(c.file))
		if err := os.WriteFile(path, browserWAV(x, rate), 0o644); err != nil {
			t.Fatal(err)
		}
		return browserClipInfo{path: path, emotion: c.emotion}
	}
	t.Fatalf("no candidate recording is classified stably (%.0f%% of its windows)", 100*browserStability)
	return browserClipInfo{}
}

// browserTrim returns x without its leading and trailing 10-ms frames
// quieter than -54 dBFS RMS, keeping 50 ms on each side.
func browserTrim(x []float32, rate int) []float32 {
	frame, margin := rate/100, rate/20
	quiet := func(f []float32) bool {
		var s float64
		for _, v := range f {
			s += float64(v) * float64(v)
		}
		return math.Sqrt(s/float64(len(f))) < 0.002
	}
	lo, hi := 0, len(x)
	for lo+frame <= hi && quiet(x[lo:lo+frame]) {
		lo += frame
	}
	for hi-frame >= lo && quiet(x[hi-frame:hi]) {
		hi -= frame
	}
	return x[max(0, lo-margin):min(len(x), hi+margin)]
}

// browserLoopShare returns the share of the 2-s windows of x played in a
// loop, one starting every 10 ms of x, that rec classifies as emotion.
func browserLoopShare(rec *recognizer.Recognizer, x []float32, rate int, emotion string) (float64, error) {
	window := 2 * rate
	var loop []float32
	for len(loop) < len(x)+window {
		loop = append(loop, x...)
	}
	n, hits := 0, 0
	for start := 0; start < len(x); start += rate / 100 {
		res, err := rec.PredictSamples(loop[start:start+window], rate)
		if err != nil {
			return 0, err
		}
		n++
		if res.Emotion == emotion {
			hits++
		}
	}
	return float64(hits) / float64(n), nil
}

// browserWAV returns x as a 16-bit mono PCM WAV file.
func browserWAV(x []float32, rate int) []byte {
	var b bytes.Buffer
	le := func(v any) { _ = binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("RIFF")
	le(uint32(36 + 2*len(x)))
	b.WriteString("WAVEfmt ")
	le(uint32(16))
	le(uint16(1)) // PCM
	le(uint16(1)) // mono
	le(uint32(rate))
	le(uint32(2 * rate))
	le(uint16(2))
	le(uint16(16))
	b.WriteString("data")
	le(uint32(2 * len(x)))
	for _, v := range x {
		le(int16(max(-32768, min(32767, math.Round(float64(v)*32768)))))
	}
	return b.Bytes()
}

// browserDo runs actions and fails the test with what if they fail.
func browserDo(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// browserProblems records the page's uncaught exceptions, console errors
// and the browser's error log entries (failed loads); the function it
// returns lists those seen so far.
func browserProblems(t *testing.T, ctx context.Context) func() []string {
	t.Helper()
	var mu sync.Mutex
	var problems []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleException || m.Type == "error" {
				mu.Lock()
				problems = append(problems, fmt.Sprintf("%s: %s (%s:%d)", m.Type, m.Text, m.URL, m.Line+1))
				mu.Unlock()
			}
		}
	}()
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), problems...)
	}
}

// browserScreenshot saves a full-page PNG screenshot as name in the test's
// artifact directory and in $EMOVOX_SCREENSHOT_DIR if set.
func browserScreenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	dirs := []string{t.ArtifactDir()}
	if dir := os.Getenv("EMOVOX_SCREENSHOT_DIR"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, dir)
	}
	for _, dir := range dirs {
		path := filepath.Join(dir, name)
		err := atomicfile.Write(path, 0o644, func(w io.Writer) error {
			_, err := w.Write(png)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", path)
	}
}
