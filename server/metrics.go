package server

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are a Server's Prometheus metrics, in a registry of its own.
type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec   // by route and status code
	latency  *prometheus.HistogramVec // by route
	errors   *prometheus.CounterVec   // by error code
	inFlight prometheus.Gauge
	streams  prometheus.Gauge
}

// latencyBuckets are the upper bounds of the latency histogram, in seconds:
// from a health check to the prediction of a long recording.
func latencyBuckets() []float64 {
	return []float64{0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120}
}

// newMetrics returns the metrics of a new Server, registered with the Go
// runtime and process collectors in a new registry.
func newMetrics() *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "emovox_http_requests_total",
			Help: "HTTP requests answered, by route and status code.",
		}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "emovox_http_request_duration_seconds",
			Help:    "Time from the start of a request to the end of its response, by route.",
			Buckets: latencyBuckets(),
		}, []string{"route"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "emovox_http_errors_total",
			Help: "Error responses by kind (the error code of the body); panics recovered as \"panic\".",
		}, []string{"kind"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "emovox_http_requests_in_flight",
			Help: "Requests being served.",
		}),
		streams: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "emovox_streams_active",
			Help: "Open streams of /v1/stream.",
		}),
	}
	for _, code := range errorCodes() {
		m.errors.WithLabelValues(code)
	}
	m.registry.MustRegister(m.requests, m.latency, m.errors, m.inFlight, m.streams,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// handler serves the metrics in the Prometheus text format.
func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}
