package server_test

import (
	"fmt"
	"net/http"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/emovox/emovox/server"
)

// BenchmarkPredict3s posts 3-second RAVDESS clips (16 kHz, 16-bit WAV, cut
// from eight files of four actors) to /v1/predict over loopback TCP from
// 2·GOMAXPROCS concurrent keep-alive clients, the default MaxConcurrent,
// with the default model. It reports the throughput (clips/s) and the
// median and 99th percentile of the request latency (p50-ms, p99-ms), as
// the clients see it: upload, decoding, features, model, answer.
func BenchmarkPredict3s(b *testing.B) {
	clips := benchClips(b)
	s := newServer(b, server.Config{})
	addr, _, _ := served(b, s)
	url := "http://" + addr + "/v1/predict"
	clients := 2 * runtime.GOMAXPROCS(0)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}}
	defer client.CloseIdleConnections()
	for _, c := range clips { // warm up: one connection, the model's pools
		if status, body, err := post(client, url, c); err != nil || status != 200 {
			b.Fatalf("warm-up: %d %v %s", status, err, body)
		}
	}

	var mu sync.Mutex
	var latencies []time.Duration
	b.SetParallelism(2)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		i := 0
		for pb.Next() {
			start := time.Now()
			status, body, err := post(client, url, clips[i%len(clips)])
			mine = append(mine, time.Since(start))
			if err != nil || status != 200 {
				b.Errorf("status %d, %v: %s", status, err, body)
			}
			i++
		}
		mu.Lock()
		latencies = append(latencies, mine...)
		mu.Unlock()
	})
	b.StopTimer()
	slices.Sort(latencies)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "clips/s")
	b.ReportMetric(ms(quantile(latencies, 0.50)), "p50-ms")
	b.ReportMetric(ms(quantile(latencies, 0.99)), "p99-ms")
}

// benchClips returns 3-s WAV clips cut from RAVDESS files.
func benchClips(tb testing.TB) [][]byte {
	tb.Helper()
	var clips [][]byte
	for _, actor := range []string{"01", "06", "11", "20"} {
		for _, emotion := range []string{"05", "03"} {
			name := fmt.Sprintf("ravdess/Actor_%s/03-01-%s-01-01-01-%s.wav", actor, emotion, actor)
			samples, rate := loadSamples(tb, name)
			if len(samples) < 3*rate {
				tb.Fatalf("%s is shorter than 3 s", name)
			}
			clips = append(clips, wav16(samples[:3*rate], rate))
		}
	}
	return clips
}

// quantile returns the q-quantile of sorted durations (nearest rank).
func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
