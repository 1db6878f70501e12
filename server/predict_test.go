package server_test

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emovox/emovox/audio/resample"
	"github.com/emovox/emovox/recognizer"
	"github.com/emovox/emovox/server"
)

// TestPredictMatchesRecognizer checks that /v1/predict answers exactly
// what Recognizer.PredictSamples returns for the same file (decoded and
// mixed to mono by package audio), whatever way the file is uploaded:
// every probability bit for bit, the labels in the model's order, the
// duration and the rate of the file.
func TestPredictMatchesRecognizer(t *testing.T) {
	rec := defaultRecognizer(t)
	h := newServer(t, server.Config{}).Handler()
	type upload struct {
		name string
		req  func(data []byte) request
	}
	uploads := []upload{
		{"wav body", func(d []byte) request { return request{path: "/v1/predict", contentType: "audio/wav", body: d} }},
		{"octet-stream body", func(d []byte) request {
			return request{path: "/v1/predict", contentType: "application/octet-stream", body: d}
		}},
		{"multipart", func(d []byte) request { return multipartRequest(t, "/v1/predict", "clip.wav", "audio/x-wav", d) }},
		{"multipart untyped", func(d []byte) request { return multipartRequest(t, "/v1/predict", "clip.wav", "", d) }},
	}
	for _, clip := range []string{angryClip, neutralClip, stereoClip} {
		samples, rate := loadSamples(t, clip)
		want, err := rec.PredictSamples(samples, rate)
		if err != nil {
			t.Fatal(err)
		}
		data := readData(t, clip)
		for _, u := range uploads {
			t.Run(filepath.Base(clip)+"/"+u.name, func(t *testing.T) {
				resp, body := do(t, h, u.req(data))
				if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" {
					t.Fatalf("status %d, type %q: %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
				}
				checkPrediction(t, body, want, float64(len(samples))/float64(rate), rate)
			})
		}
	}
}

// checkPrediction compares a /v1/predict response with the recognizer's
// result, exactly, and checks that the labels come in the model's order.
func checkPrediction(t *testing.T, body []byte, want recognizer.Result, seconds float64, rate int) {
	t.Helper()
	var got predictionJSON
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if got.Emotion != want.Emotion || got.Rate != rate || got.Duration != seconds {
		t.Errorf("emotion %q, rate %d, duration %v; want %q, %d, %v", got.Emotion, got.Rate, got.Duration, want.Emotion, rate, seconds)
	}
	if len(got.Probabilities) != len(want.Probabilities) {
		t.Errorf("%d probabilities, want %d", len(got.Probabilities), len(want.Probabilities))
	}
	for _, lp := range want.Probabilities {
		if p, ok := got.Probabilities[lp.Label]; !ok || p != lp.Prob {
			t.Errorf("P(%s) = %v, want exactly %v", lp.Label, p, lp.Prob)
		}
	}
	if order := labelOrder(t, body); !slices.Equal(order, labelsOf(want)) {
		t.Errorf("labels in the order %v, want the model's %v", order, labelsOf(want))
	}
}

// labelOrder returns the keys of the top-level "probabilities" object of a
// JSON response, in the order they appear.
func labelOrder(t *testing.T, body []byte) []string {
	t.Helper()
	var raw struct {
		Probabilities json.RawMessage `json:"probabilities"`
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw.Probabilities))
	dec.Token() // {
	var keys []string
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k.(string))
		dec.Token() // the value
	}
	return keys
}

func labelsOf(r recognizer.Result) []string {
	var labels []string
	for _, lp := range r.Probabilities {
		labels = append(labels, lp.Label)
	}
	return labels
}

// TestPredictFLAC uploads a FLAC encoding, by the flac tool, of a RAVDESS
// file: the prediction is exactly that of the WAV file, FLAC being
// lossless.
func TestPredictFLAC(t *testing.T) {
	flacTool, err := exec.LookPath("flac")
	if err != nil {
		t.Skip("the flac tool is not installed: cannot make a FLAC file to upload")
	}
	wavPath := dataPath(t, angryClip)
	flacPath := filepath.Join(t.TempDir(), "clip.flac")
	if out, err := exec.Command(flacTool, "--silent", "--best", "-o", flacPath, wavPath).CombinedOutput(); err != nil {
		t.Fatalf("flac: %v: %s", err, out)
	}
	data, err := os.ReadFile(flacPath)
	if err != nil {
		t.Fatal(err)
	}
	samples, rate := loadSamples(t, angryClip)
	want, err := defaultRecognizer(t).PredictSamples(samples, rate)
	if err != nil {
		t.Fatal(err)
	}
	h := newServer(t, server.Config{}).Handler()
	for _, req := range []request{
		{path: "/v1/predict", contentType: "audio/flac", body: data},
		{path: "/v1/predict", contentType: "application/octet-stream", body: data},
		multipartRequest(t, "/v1/predict", "clip.flac", "audio/flac", data),
	} {
		resp, body := do(t, h, req)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: status %d: %s", req.contentType, resp.StatusCode, body)
		}
		checkPrediction(t, body, want, float64(len(samples))/float64(rate), rate)
	}
	// A FLAC file cut short is bad audio, named in the message.
	resp, body := do(t, h, multipartRequest(t, "/v1/predict", "cut.flac", "audio/flac", data[:len(data)/3]))
	if e := errorOf(t, resp, body); resp.StatusCode != 400 || e.Error.Code != "bad_audio" || !strings.Contains(e.Error.Message, "cut.flac") {
		t.Errorf("truncated FLAC: status %d, %+v", resp.StatusCode, e.Error)
	}
}

// TestSegments checks the windows of ?segments=1 on clips of known length
// cut from a RAVDESS file, and that each window's prediction is exactly the
// recognizer's for those samples. With a 2 s window every 1 s, a 5.5 s clip
// has windows starting at 0, 1, 2 and 3 s, and a last one ending at 5.5 s;
// a 4 s clip ends with the window [2, 4] that the hop reaches; a 1.5 s clip
// is one segment.
func TestSegments(t *testing.T) {
	rec := defaultRecognizer(t)
	samples, rate := loadSamples(t, angryClip)
	long := slices.Concat(samples, samples)
	tests := []struct {
		seconds float64
		want    [][2]float64 // start and end of every segment
	}{
		{5.5, [][2]float64{{0, 2}, {1, 3}, {2, 4}, {3, 5}, {3.5, 5.5}}},
		{4, [][2]float64{{0, 2}, {1, 3}, {2, 4}}},
		{2, [][2]float64{{0, 2}}},
		{1.5, [][2]float64{{0, 1.5}}},
	}
	h := newServer(t, server.Config{SegmentWindow: 2 * time.Second, SegmentHop: time.Second}).Handler()
	for _, tt := range tests {
		clip := long[:int(tt.seconds*float64(rate))]
		resp, body := do(t, h, request{path: "/v1/predict?segments=1", contentType: "audio/wav", body: wav16(clip, rate)})
		if resp.StatusCode != 200 {
			t.Fatalf("%v s: status %d: %s", tt.seconds, resp.StatusCode, body)
		}
		var got predictionJSON
		if err := json.Unmarshal(body, &got); err != nil {
			t.Fatal(err)
		}
		if len(got.Segments) != len(tt.want) {
			t.Fatalf("%v s: %d segments, want %d: %s", tt.seconds, len(got.Segments), len(tt.want), body)
		}
		for i, seg := range got.Segments {
			if seg.Start != tt.want[i][0] || seg.End != tt.want[i][1] {
				t.Errorf("%v s: segment %d is [%v, %v], want %v", tt.seconds, i, seg.Start, seg.End, tt.want[i])
			}
			want, err := rec.PredictSamples(clip[int(seg.Start*float64(rate)):int(seg.End*float64(rate))], rate)
			if err != nil {
				t.Fatal(err)
			}
			for _, lp := range want.Probabilities {
				if seg.Probabilities[lp.Label] != lp.Prob {
					t.Errorf("%v s: segment %d: P(%s) = %v, want exactly %v", tt.seconds, i, lp.Label, seg.Probabilities[lp.Label], lp.Prob)
				}
			}
			if seg.Emotion != want.Emotion {
				t.Errorf("%v s: segment %d: %q, want %q", tt.seconds, i, seg.Emotion, want.Emotion)
			}
		}
	}
	// Without segments=1 (or with segments=0) there is no "segments" key.
	for _, path := range []string{"/v1/predict", "/v1/predict?segments=0"} {
		_, body := do(t, h, request{path: path, contentType: "audio/wav", body: wav16(samples, rate)})
		if bytes.Contains(body, []byte(`"segments"`)) {
			t.Errorf("%s: segments in %s", path, body)
		}
	}
}

// TestModel checks /v1/model against the recognizer's metadata, and the
// name given by Config.ModelName.
func TestModel(t *testing.T) {
	rec := defaultRecognizer(t)
	meta := rec.Metadata()
	for _, tt := range []struct{ configured, want string }{{"", "cnnlstm-seed8"}, {"ravdess-v2", "ravdess-v2"}} {
		resp, body := do(t, newServer(t, server.Config{ModelName: tt.configured}).Handler(), request{method: "GET", path: "/v1/model"})
		var got struct {
			Name         string   `json:"name"`
			Labels       []string `json:"labels"`
			Rate         int      `json:"rate"`
			Architecture string   `json:"architecture"`
		}
		if err := json.Unmarshal(body, &got); err != nil || resp.StatusCode != 200 {
			t.Fatalf("status %d, %v: %s", resp.StatusCode, err, body)
		}
		if got.Name != tt.want || !slices.Equal(got.Labels, rec.Labels()) || got.Rate != meta.Rate || got.Architecture != meta.Architecture {
			t.Errorf("got %+v, want name %q, labels %v, rate %d, architecture %q", got, tt.want, rec.Labels(), meta.Rate, meta.Architecture)
		}
	}
}

// TestSegmentsResampledOnce checks the segments of a 48 kHz upload: they
// are windows of the whole recording resampled once to the model's rate,
// as a stream's predictions are, and each equals PredictSamples on its
// window exactly.
func TestSegmentsResampledOnce(t *testing.T) {
	rec := defaultRecognizer(t)
	samples, rate := loadSamples(t, "ravdess-48k/Actor_05/03-01-05-02-01-01-05.wav")
	h := newServer(t, server.Config{SegmentWindow: 2 * time.Second, SegmentHop: time.Second}).Handler()
	resp, body := do(t, h, request{path: "/v1/predict?segments=1", contentType: "audio/wav", body: wav16(samples, rate)})
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var got predictionJSON
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	modelRate := rec.Metadata().Rate
	x, err := resample.Resample(samples, rate, modelRate)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Segments) < 2 {
		t.Fatalf("%d segments of a %.1f-s clip, want several", len(got.Segments), float64(len(samples))/float64(rate))
	}
	for i, seg := range got.Segments {
		start, end := int(math.Round(seg.Start*float64(modelRate))), int(math.Round(seg.End*float64(modelRate)))
		want, err := rec.PredictSamples(x[start:end], modelRate)
		if err != nil {
			t.Fatal(err)
		}
		for _, lp := range want.Probabilities {
			if seg.Probabilities[lp.Label] != lp.Prob {
				t.Errorf("segment %d [%v, %v]: P(%s) = %v, want exactly %v", i, seg.Start, seg.End, lp.Label, seg.Probabilities[lp.Label], lp.Prob)
			}
		}
	}
}
