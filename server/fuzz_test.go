package server_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/emovox/emovox/server"
)

// FuzzPredict sends arbitrary bodies with one of several content types to
// /v1/predict (and to /v1/plot) and checks the answer is a success or a
// client error (400, 413, 415), never a 500 or a panic. The model is a
// tiny untrained one and the limits are small (64 KiB bodies, 1 s of
// audio), so that each input is quick: what is fuzzed is the HTTP and
// decoding layer.
func FuzzPredict(f *testing.F) {
	contentTypes := []string{
		"audio/wav", "audio/flac", "application/octet-stream", "", "multipart/form-data; boundary=b",
		"text/plain", "audio/wav; charset=\x00", "multipart/form-data",
	}
	samples, rate := loadSamples(f, angryClip)
	short := wav16(samples[:rate/2], rate)
	f.Add(uint8(0), short)
	f.Add(uint8(2), short[:60])
	f.Add(uint8(0), wavFloat([]float32{0, 1, -1, 0.5}, 8000))
	f.Add(uint8(0), wavHeader(1, 2, 44100, 24, 0xffffffff))
	f.Add(uint8(1), []byte("fLaC\x00\x00\x00\x22\x10\x00\x10\x00\x00\x00\x00\x00\x00\x00\x03\xe8\x00\xf0\x00\x00\x00\x00"))
	f.Add(uint8(4), []byte("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n\r\nRIFF\r\n--b--\r\n"))
	f.Add(uint8(3), []byte{})
	f.Add(uint8(5), []byte("hello"))
	s, err := server.New(tinyRecognizer(f), server.Config{
		MaxBodyBytes: 64 << 10, MaxDuration: time.Second, Logger: quiet(),
	})
	if err != nil {
		f.Fatal(err)
	}
	h := s.Handler()
	f.Fuzz(func(t *testing.T, kind uint8, body []byte) {
		path := "/v1/predict"
		if kind&0x80 != 0 {
			path = "/v1/plot?kind=wave"
		}
		ct := contentTypes[int(kind&0x7f)%len(contentTypes)]
		resp, out := do(t, h, request{path: path, contentType: ct, body: body})
		switch resp.StatusCode {
		case http.StatusOK:
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType:
			errorOf(t, resp, out)
		default:
			t.Fatalf("status %d for %q with %d bytes: %s", resp.StatusCode, ct, len(body), out)
		}
	})
}
