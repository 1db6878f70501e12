package server

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"
)

// TestSegmentSpans checks the windows in samples, with a window and a hop
// that are not whole numbers of samples, and the degenerate cases.
func TestSegmentSpans(t *testing.T) {
	tests := []struct {
		name        string
		n, rate     int
		window, hop time.Duration
		want        []span
	}{
		{"shorter than a window", 15, 10, 2 * time.Second, time.Second, []span{{0, 15}}},
		{"one window", 20, 10, 2 * time.Second, time.Second, []span{{0, 20}}},
		{"hop reaches the end", 40, 10, 2 * time.Second, time.Second, []span{{0, 20}, {10, 30}, {20, 40}}},
		{"last window aligned", 55, 10, 2 * time.Second, time.Second, []span{{0, 20}, {10, 30}, {20, 40}, {30, 50}, {35, 55}}},
		{"hop longer than window", 50, 10, time.Second, 2 * time.Second, []span{{0, 10}, {20, 30}, {40, 50}}},
		{"rounded to samples", 10, 3, 1500 * time.Millisecond, time.Second, []span{{0, 5}, {3, 8}, {5, 10}}},
		{"below one sample", 3, 1, time.Millisecond, time.Millisecond, []span{{0, 1}, {1, 2}, {2, 3}}},
	}
	for _, tt := range tests {
		if got := segmentSpans(tt.n, tt.rate, tt.window, tt.hop); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestPeekFormat reads the rate and channels of real headers: WAV files
// written by sox with and without extra chunks, and FLAC files written by
// flac, against the values given to the tools.
func TestPeekFormat(t *testing.T) {
	sox, err1 := exec.LookPath("sox")
	flac, err2 := exec.LookPath("flac")
	if err1 != nil || err2 != nil {
		t.Skip("sox and flac are needed to write the test files")
	}
	dir := t.TempDir()
	for _, f := range []struct {
		rate, channels int
		ext            string
		args           []string
	}{
		{16000, 1, "wav", nil},
		{44100, 2, "wav", []string{"-e", "floating-point", "-b", "32"}},
		{8000, 6, "wav", nil},
		{22050, 1, "flac", nil},
		{96000, 2, "flac", []string{"-b", "24"}},
	} {
		path := filepath.Join(dir, "x."+f.ext)
		wav := filepath.Join(dir, "x.wav")
		args := []string{"-n", "-r", itoa(f.rate), "-c", itoa(f.channels)}
		args = append(append(args, f.args...), wav, "synth", "0.1", "sine", "440")
		if out, err := exec.Command(sox, args...).CombinedOutput(); err != nil {
			t.Fatalf("sox %v: %v: %s", args, err, out)
		}
		if f.ext == "flac" {
			if out, err := exec.Command(flac, "--silent", "-f", "-o", path, wav).CombinedOutput(); err != nil {
				t.Fatalf("flac: %v: %s", err, out)
			}
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rate, channels, ok := peekFormat(data)
		if !ok || rate != f.rate || channels != f.channels {
			t.Errorf("%d Hz × %d %s: peeked %d Hz × %d (ok %v)", f.rate, f.channels, f.ext, rate, channels, ok)
		}
		// A LIST chunk before "fmt " is skipped.
		if f.ext == "wav" {
			list := append([]byte("LIST\x05\x00\x00\x00abcde\x00"), data[12:]...)
			withList := append(slices.Clone(data[:12]), list...)
			if rate, channels, ok := peekFormat(withList); !ok || rate != f.rate || channels != f.channels {
				t.Errorf("with a LIST chunk: %d Hz × %d (ok %v)", rate, channels, ok)
			}
		}
	}
	for _, bad := range []string{"", "RIFF", "RIFF\x00\x00\x00\x00WAVEfmt \xff\xff\xff\xff", "fLaC\x00\x00\x00\x22", "fLaC\x01" + string(make([]byte, 30))} {
		if _, _, ok := peekFormat([]byte(bad)); ok {
			t.Errorf("peeked a format in %q", bad)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
