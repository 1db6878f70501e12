package server_test

import (
	"bytes"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/emovox/emovox/server"
)

// TestStatusCodes checks the status, the error code and the message of
// every kind of answer but 401 and 503 (see TestAPIKey and
// TestOverloaded), each error a JSON body.
func TestStatusCodes(t *testing.T) {
	wav := readData(t, angryClip)
	samples, rate := loadSamples(t, angryClip)
	nan := append([]float32{0.1, 0.2}, float32(math.NaN()))
	alaw := append(wavHeader(6, 1, 8000, 8, 4), 1, 2, 3, 4)
	noFile, noFileType := multipartBody(t, "", "", "", nil, map[string]string{"name": "x"})
	textFile, textFileType := multipartBody(t, "file", "notes.txt", "text/plain", []byte("hello"), nil)
	tests := []struct {
		name    string
		cfg     server.Config
		req     request
		status  int
		code    string // error code, "" for success
		message string // part of the error message
	}{
		{name: "health", req: request{method: "GET", path: "/healthz"}, status: 200},
		{name: "model", req: request{method: "GET", path: "/v1/model"}, status: 200},
		{name: "metrics", req: request{method: "GET", path: "/metrics"}, status: 200},
		{name: "predict wav", req: request{path: "/v1/predict", contentType: "audio/wav", body: wav}, status: 200},
		{name: "predict x-wav", req: request{path: "/v1/predict", contentType: "audio/x-wav", body: wav}, status: 200},
		{name: "predict octet-stream", req: request{path: "/v1/predict", contentType: "application/octet-stream", body: wav}, status: 200},
		{name: "predict untyped", req: request{path: "/v1/predict", body: wav}, status: 200},
		{name: "predict chunked", req: request{path: "/v1/predict", contentType: "audio/wave", body: wav, chunked: true}, status: 200},
		{name: "plot wave", req: request{path: "/v1/plot?kind=wave", contentType: "audio/wav", body: wav}, status: 200},
		{name: "plot spectrogram", req: request{path: "/v1/plot?kind=spectrogram", contentType: "audio/wav", body: wav}, status: 200},

		{name: "truncated", req: request{path: "/v1/predict", contentType: "audio/wav", body: wav[:len(wav)/2]},
			status: 400, code: "bad_audio", message: "request body: truncated data chunk"},
		{name: "empty", req: request{path: "/v1/predict", contentType: "audio/wav"},
			status: 400, code: "bad_audio", message: "request body"},
		{name: "header only", req: request{path: "/v1/predict", contentType: "audio/wav", body: wavHeader(1, 1, 16000, 16, 0)},
			status: 400, code: "bad_audio", message: "no audio frames"},
		{name: "NaN", req: request{path: "/v1/predict", contentType: "audio/wav", body: wavFloat(nan, 16000)},
			status: 400, code: "bad_audio", message: "non-finite"},
		{name: "garbage as wav", req: request{path: "/v1/predict", contentType: "audio/wav", body: []byte("not audio at all")},
			status: 400, code: "bad_audio", message: "request body"},
		{name: "rate out of reach", req: request{path: "/v1/predict", contentType: "audio/wav", body: wav16(samples[:100], 10)},
			status: 400, code: "bad_audio", message: "request body: recognizer: resample: 10 Hz to 16000 Hz"},
		{name: "nothing left at the model's rate", req: request{path: "/v1/predict", contentType: "audio/wav", body: wav16(samples[:24], 3158064)},
			status: 400, code: "bad_audio", message: "request body"},
		{name: "bad segments", req: request{path: "/v1/predict?segments=maybe", contentType: "audio/wav", body: wav},
			status: 400, code: "bad_request", message: "segments"},
		{name: "bad plot kind", req: request{path: "/v1/plot?kind=pie", contentType: "audio/wav", body: wav},
			status: 400, code: "bad_request", message: "wave or spectrogram"},
		{name: "plot truncated", req: request{path: "/v1/plot?kind=wave", contentType: "audio/wav", body: wav[:100]},
			status: 400, code: "bad_audio", message: "truncated"},
		{name: "multipart without file", req: request{path: "/v1/predict", contentType: noFileType, body: noFile},
			status: 400, code: "bad_request", message: `"file"`},
		{name: "multipart without boundary", req: request{path: "/v1/predict", contentType: "multipart/form-data", body: noFile},
			status: 400, code: "bad_request", message: "boundary"},
		{name: "multipart garbage", req: request{path: "/v1/predict", contentType: "multipart/form-data; boundary=xyz", body: []byte("garbage")},
			status: 400, code: "bad_request", message: "multipart"},

		{name: "unknown API path", req: request{method: "GET", path: "/v1/nothing"}, status: 404, code: "not_found", message: "/v1/nothing"},
		{name: "GET predict", req: request{method: "GET", path: "/v1/predict"}, status: 405, code: "method_not_allowed", message: "POST"},
		{name: "POST model", req: request{path: "/v1/model"}, status: 405, code: "method_not_allowed", message: "GET"},
		{name: "DELETE health", req: request{method: "DELETE", path: "/healthz"}, status: 405, code: "method_not_allowed", message: "GET"},
		{name: "OPTIONS predict", req: request{method: "OPTIONS", path: "/v1/predict"}, status: 204},

		{name: "body too large", cfg: server.Config{MaxBodyBytes: 1000},
			req:    request{path: "/v1/predict", contentType: "audio/wav", body: wav},
			status: 413, code: "too_large", message: "1000 bytes"},
		{name: "chunked body too large", cfg: server.Config{MaxBodyBytes: 1000},
			req:    request{path: "/v1/predict", contentType: "audio/wav", body: wav, chunked: true},
			status: 413, code: "too_large", message: "1000 bytes"},
		{name: "multipart too large", cfg: server.Config{MaxBodyBytes: 1000},
			req:    multipartRequest(t, "/v1/predict", "clip.wav", "audio/wav", wav),
			status: 413, code: "too_large", message: "1000 bytes"},
		{name: "audio too long", cfg: server.Config{MaxDuration: 2 * time.Second},
			req:    request{path: "/v1/predict", contentType: "audio/wav", body: wav},
			status: 413, code: "too_large", message: "2s of audio"},
		{name: "audio too long, no header size", cfg: server.Config{MaxDuration: 2 * time.Second},
			req:    request{path: "/v1/predict", contentType: "audio/wav", body: streamingWAV(samples, rate)},
			status: 413, code: "too_large", message: "2s"},

		{name: "text", req: request{path: "/v1/predict", contentType: "text/plain", body: wav},
			status: 415, code: "unsupported_media_type", message: "text/plain"},
		{name: "json", req: request{path: "/v1/plot?kind=wave", contentType: "application/json", body: []byte("{}")},
			status: 415, code: "unsupported_media_type", message: "application/json"},
		{name: "garbage octet-stream", req: request{path: "/v1/predict", contentType: "application/octet-stream", body: []byte("MZ\x90\x00 executable")},
			status: 415, code: "unsupported_media_type", message: "neither WAV"},
		{name: "A-law", req: request{path: "/v1/predict", contentType: "audio/wav", body: alaw},
			status: 415, code: "unsupported_media_type", message: "A-law"},
		{name: "multipart text file", req: request{path: "/v1/predict", contentType: textFileType, body: textFile},
			status: 415, code: "unsupported_media_type", message: "text/plain"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newServer(t, tt.cfg).Handler()
			resp, body := do(t, h, tt.req)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if tt.status == http.StatusMethodNotAllowed && resp.Header.Get("Allow") == "" {
				t.Error("405 without an Allow header")
			}
			if tt.code == "" {
				return
			}
			e := errorOf(t, resp, body)
			if e.Error.Code != tt.code || !strings.Contains(e.Error.Message, tt.message) {
				t.Errorf("error %q %q, want code %q and a message with %q", e.Error.Code, e.Error.Message, tt.code, tt.message)
			}
		})
	}
}

// multipartRequest returns a request uploading data as the field "file".
func multipartRequest(tb testing.TB, path, fileName, partType string, data []byte) request {
	body, ct := multipartBody(tb, "file", fileName, partType, data, map[string]string{"note": "a field before the file"})
	return request{path: path, contentType: ct, body: body}
}

// streamingWAV encodes samples as a WAV file whose sizes are the "unknown
// length" placeholders streaming writers leave, so that the decoder learns
// the length only by reading.
func streamingWAV(samples []float32, rate int) []byte {
	b := wav16(samples, rate)
	copy(b[4:8], []byte{0xff, 0xff, 0xff, 0xff})
	copy(b[40:44], []byte{0xff, 0xff, 0xff, 0xff})
	return b
}

// TestPNG checks that the plot endpoint returns a PNG image.
func TestPNG(t *testing.T) {
	h := newServer(t, server.Config{}).Handler()
	for _, kind := range []string{"wave", "spectrogram"} {
		resp, body := do(t, h, multipartRequest(t, "/v1/plot?kind="+kind+"&label=angry", "clip.wav", "audio/wav", readData(t, angryClip)))
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/png" || !bytes.HasPrefix(body, []byte("\x89PNG\r\n\x1a\n")) {
			t.Errorf("%s: status %d, type %q, %d bytes starting %q", kind, resp.StatusCode, resp.Header.Get("Content-Type"), len(body), body[:min(8, len(body))])
		}
	}
}
