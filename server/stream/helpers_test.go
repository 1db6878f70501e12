package stream_test

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/coder/websocket"

	"github.com/emovox/emovox/recognizer"
	"github.com/emovox/emovox/server/stream"
)

// testRecognizer returns the model embedded in emovox.
func testRecognizer(t testing.TB) *recognizer.Recognizer {
	t.Helper()
	rec, err := recognizer.Default()
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// newServer serves a stream handler with opts at /v1/stream and returns
// its ws:// URL.
func newServer(t testing.TB, rec *recognizer.Recognizer, opts stream.Options) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/v1/stream", stream.New(rec, opts))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return "ws" + strings.TrimPrefix(srv.URL, "http") + "/v1/stream"
}

// received is what a client read from a stream: its text messages, in
// order, and the close status that ended it (-1 if it did not end with
// a close frame).
type received struct {
	predictions []stream.Prediction
	errors      []stream.Error
	status      websocket.StatusCode
	err         error // the error that ended reading
}

// collect reads the messages of conn until the connection ends, in the
// background; wait returns them.
func collect(ctx context.Context, conn *websocket.Conn) (wait func() received) {
	done := make(chan received, 1)
	go func() {
		var r received
		for {
			typ, data, err := conn.Read(ctx)
			if err != nil {
				r.status, r.err = websocket.CloseStatus(err), err
				done <- r
				return
			}
			if typ != websocket.MessageText {
				r.err = errors.New("binary message from the server")
				continue
			}
			var head struct{ Type string }
			if err := json.Unmarshal(data, &head); err != nil {
				r.err = err
				continue
			}
			switch head.Type {
			case stream.TypePrediction:
				var p stream.Prediction
				r.err = errors.Join(r.err, json.Unmarshal(data, &p))
				r.predictions = append(r.predictions, p)
			case stream.TypeError:
				var e stream.Error
				r.err = errors.Join(r.err, json.Unmarshal(data, &e))
				r.errors = append(r.errors, e)
			default:
				r.err = errors.New("unknown message " + string(data))
			}
		}
	}()
	return func() received { return <-done }
}

// dial opens a stream at url and fails the test if it cannot.
func dial(t testing.TB, url string) *websocket.Conn {
	t.Helper()
	conn, _, err := websocket.Dial(t.Context(), url, nil)
	if err != nil {
		t.Fatalf("dial %s: %v", url, err)
	}
	t.Cleanup(func() { conn.CloseNow() })
	return conn
}

// streamPCM sends pcm in messages of chunk bytes, then a stop message, and
// returns what the server answered.
func streamPCM(t testing.TB, url string, pcm []byte, chunk int) received {
	t.Helper()
	conn := dial(t, url)
	wait := collect(t.Context(), conn)
	for len(pcm) > 0 {
		n := min(chunk, len(pcm))
		if err := conn.Write(t.Context(), websocket.MessageBinary, pcm[:n]); err != nil {
			t.Fatalf("send audio: %v", err)
		}
		pcm = pcm[n:]
	}
	if err := conn.Write(t.Context(), websocket.MessageText, []byte(`{"type":"stop"}`)); err != nil {
		t.Fatalf("send stop: %v", err)
	}
	return wait()
}

// encodePCM returns x as 16-bit little-endian PCM, rounding and clipping.
func encodePCM(x []float32) []byte {
	b := make([]byte, 2*len(x))
	for i, v := range x {
		s := math.Round(float64(v) * 32768)
		s = max(-32768, min(32767, s))
		binary.LittleEndian.PutUint16(b[2*i:], uint16(int16(s)))
	}
	return b
}

// decodePCM returns the samples of 16-bit PCM as the server decodes them.
func decodePCM(b []byte) []float32 {
	x := make([]float32, len(b)/2)
	for i := range x {
		x[i] = float32(int16(binary.LittleEndian.Uint16(b[2*i:]))) / 32768
	}
	return x
}

// rms is the root-mean-square value of x, accumulated in float64.
func rms(x []float32) float64 {
	var s float64
	for _, v := range x {
		s += float64(v) * float64(v)
	}
	return math.Sqrt(s / float64(len(x)))
}
