package server_test

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emovox/emovox/server"
)

// Bounds of TestMalformedFlood, stated here and logged with the figures.
const (
	floodRequests  = 10000
	floodClients   = 4
	heapGrowthMax  = 16 << 20 // bytes of live heap the flood may leave behind
	goroutineSlack = 2        // goroutines above the baseline tolerated afterwards
	safetyDeadline = 30 * time.Second
)

// floodConfig has small limits and timeouts, so that the malformed
// requests and the slow clients are dealt with quickly.
func floodConfig() server.Config {
	return server.Config{
		MaxBodyBytes: 256 << 10, MaxDuration: 10 * time.Second, MaxConcurrent: 4, MaxWait: -1,
		ReadHeaderTimeout: 500 * time.Millisecond, ReadTimeout: time.Second,
		WriteTimeout: 10 * time.Second, IdleTimeout: 5 * time.Second, ShutdownTimeout: 5 * time.Second,
	}
}

// TestMalformedFlood sends 10,000 malformed requests over loopback TCP from
// a few clients (truncated and garbage audio, absurd declared sizes, wrong
// content types, random multipart bodies, oversized bodies cut short,
// oversized headers, wrong methods and queries), then slow clients
// (headers and a body that trickle), and checks that every answer is a
// client error, never a 5xx (503 aside), that the server still answers
// /healthz and predicts a real recording, that no goroutine is left
// behind and that the live heap after a GC is within heapGrowthMax of what
// it was before. It logs the figures.
func TestMalformedFlood(t *testing.T) {
	if testing.Short() {
		t.Skip("the flood takes several seconds")
	}
	s := newServer(t, floodConfig())
	addr, _, _ := served(t, s)
	wav := readData(t, angryClip)
	f := &flooder{
		addr:   addr,
		client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: floodClients}},
		wav:    wav,
		limit:  floodConfig().MaxBodyBytes,
	}
	f.checkAlive(t)
	goroutines0, heap0 := settle(f)

	start := time.Now()
	results := f.flood(floodRequests, floodClients)
	elapsed := time.Since(start)
	t.Logf("flood: %d requests from %d clients in %v (%.0f requests/s)", floodRequests, floodClients,
		elapsed.Round(time.Millisecond), floodRequests/elapsed.Seconds())
	for _, r := range results {
		t.Logf("  %-22s %s", r.kind, r.summary())
		if r.unexpected != "" {
			t.Errorf("%s: %s", r.kind, r.unexpected)
		}
	}

	f.slowClients(t)
	f.checkAlive(t)
	if text := f.get(t, "/metrics"); !strings.Contains(text, `emovox_http_errors_total{kind="internal"} 0`) ||
		!strings.Contains(text, `emovox_http_errors_total{kind="panic"} 0`) {
		t.Error("the metrics count internal errors or panics")
	}
	goroutines1, heap1 := settle(f)
	t.Logf("goroutines: %d before, %d after (slack %d); live heap after GC: %.1f MiB before, %.1f MiB after (bound +%d MiB)",
		goroutines0, goroutines1, goroutineSlack, mib(heap0), mib(heap1), heapGrowthMax>>20)
	if goroutines1 > goroutines0+goroutineSlack {
		t.Errorf("%d goroutines after the flood, %d before", goroutines1, goroutines0)
	}
	if heap1 > heap0+heapGrowthMax {
		t.Errorf("live heap grew from %.1f to %.1f MiB", mib(heap0), mib(heap1))
	}
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }

// settle closes the client's idle connections, waits until the number of
// goroutines stops falling (the server's connection goroutines end as
// their connections close), collects garbage and returns the goroutine
// count and the live heap.
func settle(f *flooder) (goroutines int, heap uint64) {
	f.client.CloseIdleConnections()
	deadline := time.Now().Add(safetyDeadline)
	n, steady := runtime.NumGoroutine(), 0
	for steady < 10 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond) // poll: connection goroutines end asynchronously
		if m := runtime.NumGoroutine(); m < n {
			n, steady = m, 0
		} else {
			steady++
		}
	}
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return n, ms.HeapAlloc
}

// flooder sends requests to a server under test.
type flooder struct {
	addr   string
	client *http.Client
	wav    []byte // a real recording
	limit  int64  // the server's MaxBodyBytes
}

// floodKind is one kind of malformed request.
type floodKind struct {
	name    string
	allowed []int // statuses allowed
	raw     bool  // sent over a connection of its own, which the server may drop
	send    func(f *flooder, rng *rand.Rand) (int, error)
}

// floodResult counts the answers to one kind of request.
type floodResult struct {
	kind       string
	statuses   map[int]int
	dropped    int    // connections closed without an answer (raw kinds only)
	unexpected string // the first answer not allowed, if any
}

func (r floodResult) summary() string {
	codes := slices.Sorted(func(yield func(int) bool) {
		for c := range r.statuses {
			if !yield(c) {
				return
			}
		}
	})
	var parts []string
	for _, c := range codes {
		parts = append(parts, fmt.Sprintf("%d×%d", c, r.statuses[c]))
	}
	if r.dropped > 0 {
		parts = append(parts, fmt.Sprintf("dropped×%d", r.dropped))
	}
	return strings.Join(parts, " ")
}

// flood sends n requests from clients goroutines, cycling through the
// kinds, and returns the counts per kind.
func (f *flooder) flood(n, clients int) []floodResult {
	kinds := floodKinds()
	perClient := make([][]floodResult, clients)
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(c), 1))
			res := make([]floodResult, len(kinds))
			for i := range res {
				res[i] = floodResult{kind: kinds[i].name, statuses: map[int]int{}}
			}
			for i := c; i < n; i += clients {
				k := i % len(kinds)
				status, err := kinds[k].send(f, rng)
				switch {
				case err != nil && kinds[k].raw:
					res[k].dropped++
				case err != nil:
					if res[k].unexpected == "" {
						res[k].unexpected = err.Error()
					}
				case !slices.Contains(kinds[k].allowed, status) && res[k].unexpected == "":
					res[k].unexpected = fmt.Sprintf("status %d", status)
					fallthrough
				default:
					res[k].statuses[status]++
				}
			}
			perClient[c] = res
		})
	}
	wg.Wait()
	total := perClient[0]
	for _, res := range perClient[1:] {
		for k := range res {
			for code, count := range res[k].statuses {
				total[k].statuses[code] += count
			}
			total[k].dropped += res[k].dropped
			if total[k].unexpected == "" {
				total[k].unexpected = res[k].unexpected
			}
		}
	}
	return total
}

// floodKinds returns the kinds of malformed requests of the flood.
func floodKinds() []floodKind {
	const bad, large, unsupported = 400, 413, 415
	return []floodKind{
		{"truncated WAV", []int{bad}, false, func(f *flooder, rng *rand.Rand) (int, error) {
			return f.post("/v1/predict", "audio/wav", f.wav[:rng.IntN(len(f.wav)-1)])
		}},
		{"garbage", []int{bad, unsupported}, false, func(f *flooder, rng *rand.Rand) (int, error) {
			ct := []string{"application/octet-stream", "", "audio/wav", "audio/flac"}[rng.IntN(4)]
			return f.post("/v1/predict", ct, randomBytes(rng, 1+rng.IntN(4096)))
		}},
		{"absurd WAV header", []int{200, bad, large, unsupported}, false, func(f *flooder, rng *rand.Rand) (int, error) {
			return f.post("/v1/predict", "audio/wav", absurdWAV(rng))
		}},
		{"absurd FLAC header", []int{bad, large, unsupported}, false, func(f *flooder, rng *rand.Rand) (int, error) {
			return f.post("/v1/predict", "audio/flac", absurdFLAC(rng))
		}},
		{"wrong content type", []int{unsupported}, false, func(f *flooder, rng *rand.Rand) (int, error) {
			ct := []string{"text/plain", "application/json", "image/png", "application/x-www-form-urlencoded", "audio/mpeg", "audio/wav; x=\""}[rng.IntN(6)]
			return f.post("/v1/predict", ct, f.wav[:1024])
		}},
		{"random multipart", []int{bad, unsupported}, false, func(f *flooder, rng *rand.Rand) (int, error) {
			body, ct := randomMultipart(rng, f.wav)
			return f.post("/v1/predict", ct, body)
		}},
		{"wrong method or path", []int{404, 405}, false, func(f *flooder, rng *rand.Rand) (int, error) {
			req := [][2]string{{"GET", "/v1/predict"}, {"PUT", "/v1/model"}, {"GET", "/v1/nope"}, {"POST", "/healthz"}, {"DELETE", "/v1/plot"}}[rng.IntN(5)]
			return f.do(req[0], req[1], "", nil)
		}},
		{"bad query", []int{bad}, false, func(f *flooder, rng *rand.Rand) (int, error) {
			path := []string{"/v1/plot?kind=pie", "/v1/plot", "/v1/predict?segments=perhaps"}[rng.IntN(3)]
			return f.post(path, "audio/wav", f.wav[:2048])
		}},
		{"chunked, too large", []int{large}, true, func(f *flooder, rng *rand.Rand) (int, error) {
			return f.do("POST", "/v1/predict", "audio/wav", io.LimitReader(zeros{}, f.limit+64<<10))
		}},
		{"declared too large", []int{large}, true, func(f *flooder, rng *rand.Rand) (int, error) {
			return f.raw(fmt.Sprintf("POST /v1/predict HTTP/1.1\r\nHost: x\r\nContent-Type: audio/wav\r\nContent-Length: %d\r\n\r\n", 1<<40), f.wav[:1024])
		}},
		{"body cut short", []int{bad}, true, func(f *flooder, rng *rand.Rand) (int, error) {
			return f.raw(fmt.Sprintf("POST /v1/predict HTTP/1.1\r\nHost: x\r\nContent-Type: audio/wav\r\nContent-Length: %d\r\n\r\n", len(f.wav)), f.wav[:rng.IntN(len(f.wav))])
		}},
		{"huge header", []int{431}, true, func(f *flooder, rng *rand.Rand) (int, error) {
			return f.raw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: "+strings.Repeat("a", 100<<10)+"\r\n\r\n", nil)
		}},
	}
}

// post sends body with a Content-Length.
func (f *flooder) post(path, contentType string, body []byte) (int, error) {
	return f.do("POST", path, contentType, bytes.NewReader(body))
}

// do sends a request with the client and returns its status.
func (f *flooder) do(method, path, contentType string, body io.Reader) (int, error) {
	req, err := http.NewRequest(method, "http://"+f.addr+path, body)
	if err != nil {
		return 0, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}

// raw writes head and body on a connection of its own, closes its writing
// side and reads the status of the answer.
func (f *flooder) raw(head string, body []byte) (int, error) {
	conn, err := net.Dial("tcp", f.addr)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(safetyDeadline))
	conn.Write(append([]byte(head), body...)) // the server may stop reading early: the answer tells
	conn.(*net.TCPConn).CloseWrite()
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// get returns the body of a GET request, failing the test unless it is 200.
func (f *flooder) get(t *testing.T, path string) string {
	t.Helper()
	resp, err := f.client.Get("http://" + f.addr + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d: %s", path, resp.StatusCode, b)
	}
	return string(b)
}

// checkAlive checks that the server answers /healthz and predicts a real
// recording.
func (f *flooder) checkAlive(t *testing.T) {
	t.Helper()
	f.get(t, "/healthz")
	status, body, err := post(f.client, "http://"+f.addr+"/v1/predict", f.wav)
	if err != nil || status != 200 || !bytes.Contains(body, []byte(`"emotion":"`)) {
		t.Fatalf("prediction: %d %v: %s", status, err, body)
	}
}

// slowClients opens connections that send their headers, or their body,
// a byte at a time or not at all, more of them than the server has
// prediction slots, and checks that the server's timeouts close every one
// and free the slots.
func (f *flooder) slowClients(t *testing.T) {
	t.Helper()
	const each = 6 // of each kind; the server has 4 slots
	var wg sync.WaitGroup
	ended := make(chan string, 2*each)
	for i := range 2 * each {
		wg.Go(func() {
			conn, err := net.Dial("tcp", f.addr)
			if err != nil {
				ended <- err.Error()
				return
			}
			defer conn.Close()
			conn.SetDeadline(time.Now().Add(safetyDeadline))
			if i%2 == 0 { // slowloris: headers that never end
				io.WriteString(conn, "POST /v1/predict HTTP/1.1\r\nHost: x\r\n")
				go trickle(conn)
			} else { // slow body: a slot taken, a body that never comes
				fmt.Fprintf(conn, "POST /v1/predict HTTP/1.1\r\nHost: x\r\nContent-Type: audio/wav\r\nContent-Length: %d\r\n\r\n", len(f.wav))
				conn.Write(f.wav[:100])
			}
			_, err = io.Copy(io.Discard, conn) // until the server closes the connection
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				ended <- fmt.Sprintf("slow client %d was not cut off within %v", i, safetyDeadline)
				return
			}
			ended <- ""
		})
	}
	start := time.Now()
	wg.Wait()
	close(ended)
	for msg := range ended {
		if msg != "" {
			t.Error(msg)
		}
	}
	t.Logf("slow clients: %d slowloris and %d slow bodies cut off in %v (read header timeout %v, read timeout %v)",
		each, each, time.Since(start).Round(time.Millisecond), floodConfig().ReadHeaderTimeout, floodConfig().ReadTimeout)
}

// trickle writes a header byte every 20 ms until the connection fails.
func trickle(conn net.Conn) {
	for {
		if _, err := conn.Write([]byte("X")); err != nil {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// zeros is an endless reader of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func randomBytes(rng *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return b
}

// absurdWAV returns a WAV header with random, mostly absurd, fields (sizes
// near 4 GiB, zero or huge channel counts and rates, odd sample sizes) and
// a little random data.
func absurdWAV(rng *rand.Rand) []byte {
	pick := func(vs ...uint32) uint32 { return vs[rng.IntN(len(vs))] }
	format := uint16(pick(1, 3, 0xfffe, 2, 0))
	channels := int(pick(0, 1, 2, 65535, 1024))
	rate := int(pick(0, 1, 16000, 0xffffffff, 7))
	bits := int(pick(0, 8, 12, 16, 24, 32, 64))
	b := wavHeader(format, channels, rate, bits, pick(0, 0xffffffff, 0x7ffff000, 0xfffffff0, 1000))
	binary.LittleEndian.PutUint32(b[4:], pick(0, 0xffffffff, 36))
	return append(b, randomBytes(rng, rng.IntN(1000))...)
}

// absurdFLAC returns a FLAC STREAMINFO with random fields and random
// frames.
func absurdFLAC(rng *rand.Rand) []byte {
	b := append([]byte("fLaC\x80\x00\x00\x22"), randomBytes(rng, 34)...)
	return append(b, randomBytes(rng, rng.IntN(2000))...)
}

// randomMultipart returns a multipart body of random fields, often with a
// "file" field holding garbage or part of a recording, and its content
// type; sometimes the boundary is wrong.
func randomMultipart(rng *rand.Rand, wav []byte) ([]byte, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for range rng.IntN(4) {
		mw.WriteField(fmt.Sprintf("f%d", rng.IntN(10)), string(randomBytes(rng, rng.IntN(100))))
	}
	if rng.IntN(3) > 0 {
		h := map[string][]string{"Content-Disposition": {`form-data; name="file"; filename="x.wav"`}}
		if rng.IntN(2) == 0 {
			h["Content-Type"] = []string{[]string{"audio/wav", "application/octet-stream", "text/html"}[rng.IntN(3)]}
		}
		w, _ := mw.CreatePart(h)
		if rng.IntN(2) == 0 {
			w.Write(wav[:rng.IntN(len(wav)-1)])
		} else {
			w.Write(randomBytes(rng, rng.IntN(2000)))
		}
	}
	if rng.IntN(2) == 0 {
		mw.Close()
	}
	ct := mw.FormDataContentType()
	if rng.IntN(5) == 0 {
		ct = "multipart/form-data; boundary=wrong"
	}
	return b.Bytes(), ct
}
