package server_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"log/slog"
	"maps"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"slices"

	"github.com/emovox/emovox/recognizer"
	"github.com/emovox/emovox/server"
)

// toneWAV returns seconds of a 220 Hz tone at 16 kHz as a 16-bit WAV file.
func toneWAV(seconds float64) []byte {
	n := int(seconds * 16000)
	b := []byte("RIFF\x00\x00\x00\x00WAVEfmt ")
	for _, v := range []uint32{16, 1 | 1<<16, 16000, 32000, 2 | 16<<16} {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	b = binary.LittleEndian.AppendUint32(append(b, "data"...), uint32(2*n))
	for i := range n {
		b = binary.LittleEndian.AppendUint16(b, uint16(int16(8000*math.Sin(2*math.Pi*220*float64(i)/16000))))
	}
	binary.LittleEndian.PutUint32(b[4:], uint32(len(b)-8))
	return b
}

// Post a recording to /v1/predict: the answer holds the most probable
// emotion and the probability of each of the model's.
func Example() {
	rec, err := recognizer.Default()
	if err != nil {
		log.Fatal(err)
	}
	srv, err := server.New(rec, server.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		log.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	resp, err := http.Post(ts.URL+"/v1/predict?segments=1", "audio/wav", bytes.NewReader(toneWAV(3)))
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	var p struct {
		Emotion       string             `json:"emotion"`
		Probabilities map[string]float64 `json:"probabilities"`
		Duration      float64            `json:"duration_s"`
		Rate          int                `json:"rate"`
		Segments      []struct {
			Start float64 `json:"start_s"`
			End   float64 `json:"end_s"`
		} `json:"segments"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Status, resp.Header.Get("Content-Type"))
	fmt.Println(slices.Sorted(maps.Keys(p.Probabilities)))
	fmt.Println(p.Duration, "s at", p.Rate, "Hz")
	for _, s := range p.Segments {
		fmt.Printf("segment %v-%v s\n", s.Start, s.End)
	}
	// Output:
	// 200 OK application/json
	// [angry calm disgust fear happy neutral sad surprise]
	// 3 s at 16000 Hz
	// segment 0-2 s
	// segment 1-3 s
}

// Errors are JSON with a code and a message that names the problem.
func ExampleServer_Handler() {
	rec, err := recognizer.Default()
	if err != nil {
		log.Fatal(err)
	}
	srv, err := server.New(rec, server.Config{APIKey: "s3cret", Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		log.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	send := func(contentType string, body []byte) {
		req, _ := http.NewRequest("POST", ts.URL+"/v1/predict", bytes.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		req.Header.Set("Authorization", "Bearer s3cret")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			log.Fatal(err)
		}
		defer resp.Body.Close()
		msg, _ := io.ReadAll(resp.Body)
		fmt.Print(resp.StatusCode, " ", string(msg))
	}
	send("text/plain", []byte("hello"))
	wav := toneWAV(1)
	send("audio/wav", wav[:1000])
	// Output:
	// 415 {"error":{"code":"unsupported_media_type","message":"content type \"text/plain\" not supported: send audio/wav, audio/flac, application/octet-stream or multipart/form-data with a \"file\" field"}}
	// 400 {"error":{"code":"bad_audio","message":"audio: request body: truncated data chunk: have 956 of 32000 bytes"}}
}

// Serve until interrupted, then shut down gracefully.
func ExampleServer_ListenAndServe() {
	rec, err := recognizer.Default()
	if err != nil {
		log.Fatal(err)
	}
	srv, err := server.New(rec, server.Config{Addr: "127.0.0.1:8080", APIKey: os.Getenv("EMOVOX_API_KEY")})
	if err != nil {
		log.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := srv.ListenAndServe(ctx); err != nil {
		log.Fatal(err)
	}
}
