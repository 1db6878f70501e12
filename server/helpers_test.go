package server_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/emovox/emovox/audio"
	"github.com/emovox/emovox/corpus"
	"github.com/emovox/emovox/dataset"
	"github.com/emovox/emovox/internal/sharedtest"
	"github.com/emovox/emovox/models"
	"github.com/emovox/emovox/models/cnnlstm"
	"github.com/emovox/emovox/recognizer"
	"github.com/emovox/emovox/server"
)

// Real recordings of ../shared/data: 16 kHz mono RAVDESS files (3.87 s
// angry, 3.64 s neutral) and a 48 kHz stereo original.
const (
	angryClip   = "ravdess/Actor_01/03-01-05-01-01-01-01.wav"
	neutralClip = "ravdess/Actor_02/03-01-01-01-01-01-02.wav"
	stereoClip  = "ravdess-48k/Actor_01/03-01-02-01-01-02-01.wav"
)

// dataPath returns the path of a file of ../shared/data, skipping the test
// if it is absent.
func dataPath(tb testing.TB, name string) string {
	tb.Helper()
	return filepath.Join(sharedtest.Dir(tb, "data"), filepath.FromSlash(name))
}

// readData returns the bytes of a file of ../shared/data.
func readData(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(dataPath(tb, name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// defaultRecognizer returns the embedded model, opened once per test binary
// run by each caller (it takes a few milliseconds).
func defaultRecognizer(tb testing.TB) *recognizer.Recognizer {
	tb.Helper()
	rec, err := recognizer.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return rec
}

// tinyRecognizer returns an untrained CNN-LSTM of a few channels for the
// eight seed emotions, standardising nothing: a cheap model for tests of
// the HTTP layer, whose outputs are not checked against anything.
func tinyRecognizer(tb testing.TB) *recognizer.Recognizer {
	tb.Helper()
	labels := corpus.Seed8()
	cfg := cnnlstm.Config{Conv1: 4, Conv2: 4, Hidden: 4}
	m, err := cnnlstm.New(cfg, len(labels.Labels), rand.New(rand.NewPCG(1, 0)))
	if err != nil {
		tb.Fatal(err)
	}
	raw, _ := json.Marshal(cfg)
	rec, err := recognizer.New(m, models.Metadata{
		Architecture: cnnlstm.Architecture, Config: raw, FeatureSet: "seed", Rate: 16000, Frames: 32,
		Truncation: "centre", Labels: labels.Labels, LabelSet: labels.Name,
		Normalizer: dataset.Normalizer{Mean: make([]float32, 162), Std: slices.Repeat([]float32{1}, 162)},
	})
	if err != nil {
		tb.Fatal(err)
	}
	return rec
}

// quiet returns a logger that discards everything.
func quiet() *slog.Logger { return slog.New(slog.DiscardHandler) }

// newServer returns a Server of the default model under cfg, logging
// nowhere unless cfg has a logger.
func newServer(tb testing.TB, cfg server.Config) *server.Server {
	tb.Helper()
	if cfg.Logger == nil {
		cfg.Logger = quiet()
	}
	s, err := server.New(defaultRecognizer(tb), cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// request describes a request to send to a handler.
type request struct {
	method      string // default POST
	path        string
	contentType string
	body        []byte
	header      map[string]string
	chunked     bool // send the body without a Content-Length
}

// do serves req with h in memory and returns the response, its body read.
func do(tb testing.TB, h http.Handler, req request) (*http.Response, []byte) {
	tb.Helper()
	method := req.method
	if method == "" {
		method = http.MethodPost
	}
	var body io.Reader = bytes.NewReader(req.body)
	if req.chunked {
		body = struct{ io.Reader }{body} // hides the length
	}
	r := httptest.NewRequest(method, req.path, body)
	if req.chunked {
		r.ContentLength = -1
	}
	if req.contentType != "" {
		r.Header.Set("Content-Type", req.contentType)
	}
	for k, v := range req.header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	resp := w.Result()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// apiErr is the JSON error body.
type apiErr struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// errorOf decodes a JSON error body, failing the test if it is not one.
func errorOf(tb testing.TB, resp *http.Response, body []byte) apiErr {
	tb.Helper()
	var e apiErr
	if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
		tb.Fatalf("error response with Content-Type %q: %s", ct, body)
	}
	if err := json.Unmarshal(body, &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
		tb.Fatalf("not a JSON error body (%v): %s", err, body)
	}
	return e
}

// predictionJSON is the response of /v1/predict.
type predictionJSON struct {
	Emotion       string             `json:"emotion"`
	Probabilities map[string]float64 `json:"probabilities"`
	Duration      float64            `json:"duration_s"`
	Rate          int                `json:"rate"`
	Segments      []struct {
		Start         float64            `json:"start_s"`
		End           float64            `json:"end_s"`
		Emotion       string             `json:"emotion"`
		Probabilities map[string]float64 `json:"probabilities"`
	} `json:"segments"`
}

// loadSamples decodes a file of ../shared/data to mono samples at its own
// rate, as the server does.
func loadSamples(tb testing.TB, name string) ([]float32, int) {
	tb.Helper()
	samples, rate, err := audio.Load(dataPath(tb, name), 0)
	if err != nil {
		tb.Fatal(err)
	}
	return samples, rate
}

// wavHeader returns the 44-byte header of a canonical WAV file.
func wavHeader(format uint16, channels, rate, bits int, dataBytes uint32) []byte {
	var b bytes.Buffer
	le := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("RIFF")
	le(36 + dataBytes)
	b.WriteString("WAVEfmt ")
	le(uint32(16))
	le(format)
	le(uint16(channels))
	le(uint32(rate))
	le(uint32(rate * channels * bits / 8))
	le(uint16(channels * bits / 8))
	le(uint16(bits))
	b.WriteString("data")
	le(dataBytes)
	return b.Bytes()
}

// wav16 encodes mono samples as a 16-bit PCM WAV file. Samples decoded
// from a 16-bit file survive the round trip exactly.
func wav16(samples []float32, rate int) []byte {
	b := wavHeader(1, 1, rate, 16, uint32(2*len(samples)))
	for _, x := range samples {
		v := math.Round(float64(x) * 32768)
		b = binary.LittleEndian.AppendUint16(b, uint16(int16(max(-32768, min(32767, v)))))
	}
	return b
}

// wavFloat encodes mono samples as a 32-bit float WAV file.
func wavFloat(samples []float32, rate int) []byte {
	b := wavHeader(3, 1, rate, 32, uint32(4*len(samples)))
	for _, x := range samples {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
	}
	return b
}

// multipartBody returns a multipart/form-data body with the given fields
// and a file field "file" (if name is not empty), and its content type.
func multipartBody(tb testing.TB, fieldName, fileName, partType string, data []byte, fields map[string]string) ([]byte, string) {
	tb.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if fieldName != "" {
		h := make(map[string][]string)
		h["Content-Disposition"] = []string{`form-data; name="` + fieldName + `"; filename="` + fileName + `"`}
		if partType != "" {
			h["Content-Type"] = []string{partType}
		}
		w, err := mw.CreatePart(h)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(data)
	}
	mw.Close()
	return b.Bytes(), mw.FormDataContentType()
}

// gate holds requests at a hook until released: every call to wait
// signals on entered and blocks until release is closed.
type gate struct {
	entered chan struct{}
	release chan struct{}
	once    sync.Once
}

func newGate(capacity int) *gate {
	return &gate{entered: make(chan struct{}, capacity), release: make(chan struct{})}
}

func (g *gate) wait() {
	g.entered <- struct{}{}
	<-g.release
}

func (g *gate) open() { g.once.Do(func() { close(g.release) }) }
