package asr

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// recorder is a Transcriber that remembers what it was given.
type recorder struct {
	samples []float32
	rate    int
}

func (r *recorder) Transcribe(_ context.Context, samples []float32, rate int) (string, error) {
	r.samples, r.rate = slices.Clone(samples), rate
	return "heard", nil
}

// writeWAV writes a mono 16-bit PCM WAV file.
func writeWAV(t *testing.T, path string, rate int, samples []int16) {
	t.Helper()
	var b bytes.Buffer
	data := 2 * len(samples)
	b.WriteString("RIFF")
	binary.Write(&b, binary.LittleEndian, uint32(36+data))
	b.WriteString("WAVEfmt ")
	binary.Write(&b, binary.LittleEndian, struct {
		Size                     uint32
		Format, Channels         uint16
		Rate, ByteRate           uint32
		BlockAlign, BitsPerFrame uint16
	}{16, 1, 1, uint32(rate), uint32(2 * rate), 2, 16})
	b.WriteString("data")
	binary.Write(&b, binary.LittleEndian, uint32(data))
	binary.Write(&b, binary.LittleEndian, samples)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFromAudio(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.wav")
	writeWAV(t, path, 8000, []int16{0, 16384, -16384, -32768})
	var r recorder
	text, err := FromAudio(&r, 0).TranscribeFile(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	// 16-bit samples are scaled by 1/32768, as package audio documents.
	if want := []float32{0, 0.5, -0.5, -1}; text != "heard" || r.rate != 8000 || !slices.Equal(r.samples, want) {
		t.Errorf("got %q, rate %d, samples %v; want \"heard\", 8000, %v", text, r.rate, r.samples, want)
	}
	if _, err := FromAudio(&r, 16000).TranscribeFile(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	// Resampled to 16 kHz: round(4·16000/8000) samples.
	if r.rate != 16000 || len(r.samples) != 8 {
		t.Errorf("resampled: rate %d, %d samples; want 16000, 8", r.rate, len(r.samples))
	}
}

func TestFromAudioErrors(t *testing.T) {
	var r recorder
	_, err := FromAudio(&r, 0).TranscribeFile(context.Background(), filepath.Join(t.TempDir(), "missing.wav"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: err = %v, want fs.ErrNotExist", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := FromAudio(&r, 0).TranscribeFile(ctx, "x.wav"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v, want context.Canceled", err)
	}
}
