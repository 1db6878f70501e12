package stream_test

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"log"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/coder/websocket"

	"github.com/emovox/emovox/recognizer"
	"github.com/emovox/emovox/server/stream"
)

// A client streams 2.7 s of 48 kHz audio in 20 ms messages, as a browser
// page does, and reads a prediction every 0.5 s of audio from 1 s on, then
// the final one after its stop message.
func Example() {
	rec, err := recognizer.Default()
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /v1/stream", stream.New(rec, stream.Options{}))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	ctx := context.Background()
	url := "ws" + strings.TrimPrefix(srv.URL, "http") + "/v1/stream?rate=48000"
	conn, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.CloseNow()

	go func() { // the client sends while it reads
		chunk := make([]byte, 2*960) // 20 ms of 16-bit samples
		for i := range 135 {
			for j := range 960 {
				t := float64(i*960+j) / 48000
				v := 8000 * math.Sin(2*math.Pi*220*t) * math.Sin(math.Pi*t)
				binary.LittleEndian.PutUint16(chunk[2*j:], uint16(int16(v)))
			}
			if conn.Write(ctx, websocket.MessageBinary, chunk) != nil {
				return
			}
		}
		conn.Write(ctx, websocket.MessageText, []byte(`{"type":"stop"}`))
	}()
	for {
		_, data, err := conn.Read(ctx)
		if err != nil {
			fmt.Println("closed:", websocket.CloseStatus(err))
			return
		}
		var p stream.Prediction
		if err := json.Unmarshal(data, &p); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s at %.1f s over %.1f s, final %v, %d probabilities\n",
			p.Type, p.Time, p.Window, p.Final, len(p.Probabilities))
	}
	// Output:
	// prediction at 1.0 s over 1.0 s, final false, 8 probabilities
	// prediction at 1.5 s over 1.5 s, final false, 8 probabilities
	// prediction at 2.0 s over 2.0 s, final false, 8 probabilities
	// prediction at 2.5 s over 2.0 s, final false, 8 probabilities
	// prediction at 2.7 s over 2.0 s, final true, 8 probabilities
	// closed: StatusNormalClosure
}
